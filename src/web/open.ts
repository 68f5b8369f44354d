import { tooLarge } from '../xlsx/read-bytes';
import { Dropped, PageStore, readDropped, viewOf } from './book';
import { unreadable } from './host';
import { mergesOf } from './merges';

export interface PickedFile {
  name: string;
  /** a browser's File says: one too large is refused before it is read */
  size?: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The files the clerk dropped or picked become the page's workbooks; the first is shown. */
export async function openFiles(store: PageStore, picked: PickedFile[]): Promise<void> {
  let files: Dropped[];
  try {
    files = await Promise.all(picked.map(async (f) => {
      const refused = tooLarge(f.name, f.size);
      return refused ? { name: f.name, data: new Uint8Array(0), refused } : { name: f.name, data: new Uint8Array(await f.arrayBuffer()) };
    }));
  } catch {
    // a file moved or deleted since it was picked, or a folder dragged in
    store.set({ error: `无法读取拖入的文件：${picked.map((f) => `「${f.name}」`).join('')}。请确认拖入的是 .xlsx 文件（不是文件夹），文件仍在原处，然后重试。` });
    return;
  }
  if (files.length === 0) return;
  store.set({ files, output: null, selected: null });
  await show(store, 0);
}

/** Show one of the dropped workbooks as it is (our marks of an earlier check undone), or why it cannot be read. */
export async function show(store: PageStore, index: number): Promise<void> {
  const f = store.get().files[index];
  if (!f) return;
  store.set({ current: index, output: null, selected: null, view: [], sheet: null, error: null });
  try {
    const read = await readDropped(f);
    const view = viewOf(read.grid, mergesOf(read.parts));
    store.set({ view, sheet: view[0]?.name ?? null });
  } catch (e) {
    store.set({ error: unreadable(e, f.name).message });
  }
}

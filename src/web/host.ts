import { newBookBytes } from '../host/books';
import { headerGuesses } from '../host/decide';
import type { Done, HostSettings, PaneHost, Said } from '../host/types';
import { checkedName, copyExt, gridOfParts, originalOf, packInBrowser, readBytes } from '../xlsx/check-bytes';
import { appendRowParts } from '../xlsx/append-row';
import { InputError } from '../xlsx/input-error';
import { patchForCheck } from '../xlsx/ooxml/check';
import { PageStore, readDropped, viewOf } from './book';
import { looksOf } from './looks';
import { mergesOf } from './merges';

/**
 * The pane's host on the offline page: the workbook is the file the clerk dropped in, read in this browser.
 * 校验 makes the checked copy with the command line's writer (check-bytes.ts), shows it, and offers it as a
 * download; the clerk's file itself is never written. Nothing is sent anywhere.
 */
export interface WebEnv {
  displayLanguage: string;
  settings: HostSettings;
  download(bytes: Uint8Array, name: string): void;
}

const NO_FILE: Said = {
  zh: '还没有打开工作簿。请把本单位的摸排统计表（.xlsx）拖到本页面，或点左上方“打开工作簿”选择文件。',
  en: 'No workbook is open. Drop your workbook (.xlsx) on this page, or click Open workbook at the top left.',
};

/** The county's workbook, as the command line's merge names it in a folder */
export const COUNTY_FILE = '县汇总.xlsx';

/** A bad file's message: the reader's own Chinese, never a library's English. */
export function unreadable(e: unknown, name: string): Done & { ok: false } {
  if (e instanceof InputError) return { ok: false, message: e.message, en: e.message };
  const zh = `读取「${name}」时出错：文件内容不符合 .xlsx 格式，请用 Excel 或 WPS 打开后另存为 .xlsx 再试。`;
  return { ok: false, message: zh, en: `"${name}" could not be read as an .xlsx workbook. Open it in Excel or WPS, save it as .xlsx and try again.` };
}

/** Let the browser paint (the pane's progress) before a long step on this thread. */
const paint = () => new Promise<void>((r) => setTimeout(r, 0));

const ok = (zh = '', en = ''): Done => ({ ok: true, message: zh, en });

/** 名称.xlsx, 名称.checked.xlsx, 名称.checked (2).xlsx (or .xlsm) → 名称 */
const stem = (name: string) => originalOf(name).replace(/\.xls[xm]$/i, '');

export function webHost(store: PageStore, env: WebEnv): PaneHost {
  const noFile = () => ({ ok: false as const, message: NO_FILE.zh, en: NO_FILE.en });
  return {
    kind: 'web',
    describe: { zh: '网页版（离线）：在本机浏览器中校验，生成校验副本供下载', en: 'Offline page: checks in this browser and makes a checked copy to download' },
    displayLanguage: env.displayLanguage,
    settings: env.settings,

    async check(decide, onStage) {
      const f = store.current();
      if (!f) return noFile();
      onStage?.('read');
      await paint();
      let read;
      try {
        read = await readDropped(f);
      } catch (e) {
        return unreadable(e, f.name);
      }
      onStage?.('check');
      await paint();
      const { result, plan } = decide(read.grid);
      if (result.status !== 'ok' || !plan) return { ok: false, message: result.message, en: result.messageEn ?? result.message, result, sheets: headerGuesses(read.grid) };
      onStage?.('write');
      await paint();
      const sheets = patchForCheck(read.parts, plan);
      const bytes = await packInBrowser(read.parts.pieces());
      const name = checkedName(f.name);
      const view = viewOf(gridOfParts(read.parts, f.name, f.name), mergesOf(read.parts), looksOf(plan));
      store.set({ output: { name, bytes }, view, sheet: store.get().sheet ?? view[0]?.name ?? null, selected: null, error: null });
      onStage?.('done');
      // the page's bar offers the copy for download; the pane's notices are for what went wrong
      return { ok: true, result, marked: plan.marks.length, notices: [], sheets };
    },

    async clear() {
      const f = store.current();
      if (!f) return noFile();
      let read;
      try {
        read = await readDropped(f);
      } catch (e) {
        return unreadable(e, f.name);
      }
      store.set({ output: null, view: viewOf(read.grid, mergesOf(read.parts)), selected: null });
      if (read.ours !== 'checked') return { ...ok('已清除标记：显示的是您的原工作簿（文件本身从未被改动）。', 'Marks cleared: this is your workbook as it was (the file itself was never changed).'), complete: true };
      // a checked copy dropped in: its marks undone, as `cert-sweep clear` does
      const name = `${stem(f.name)}.clean${copyExt(f.name)}`;
      const bytes = await packInBrowser(read.parts.pieces());
      store.set({ output: { name, bytes } });
      env.download(bytes, name);
      return { ...ok(`已去掉「${f.name}」中的全部标记，恢复原有格式：「${name}」已下载。`, `All marks removed from "${f.name}": "${name}" is downloaded.`), complete: true };
    },

    async goTo(sheet, cell) {
      if (!store.get().view.some((s) => s.name === sheet)) return { ok: false, message: `工作表「${sheet}」不在当前工作簿中。`, en: `There is no sheet "${sheet}".` };
      store.set({ sheet, selected: { sheet, cell } });
      return ok();
    },

    async readGrid() {
      const f = store.current();
      if (!f) return noFile();
      try {
        return { ok: true as const, grid: (await readDropped(f)).grid };
      } catch (e) {
        return unreadable(e, f.name);
      }
    },

    async insertSheets() {
      return {
        ok: false,
        message: '网页版不改动您的工作簿，不能插入工作表。需要空白模板时，请在 Excel 或 WPS 加载项中点“插入模板”，或运行命令行 npx cert-sweep template。',
        en: 'The offline page never changes your workbook. For a blank template use the add-in\'s Insert template, or npx cert-sweep template.',
      };
    },

    // the dropped file stays as it is: the page keeps a copy with the new row, offered for download and checked from then on
    async appendRow(sheet, row, cells) {
      const f = store.current();
      if (!f) return noFile();
      let read;
      try {
        read = await readDropped(f);
        const target = read.grid.sheets.find((s) => s.name === sheet);
        if (target?.rows[row - 1 - (target.top ?? 0)]?.some((v) => v !== null && v !== '')) {
          return { ok: false, message: `“${sheet}”第 ${row} 行已有内容，未写入。请重新打开登记表再试。`, en: `Row ${row} of ${sheet} is not empty; nothing was written.` };
        }
        appendRowParts(read.parts, sheet, row, cells);
      } catch (e) {
        return unreadable(e, f.name);
      }
      const bytes = await packInBrowser(read.parts.pieces());
      const name = `${stem(f.name)}（已登记）${copyExt(f.name)}`;
      const files = store.get().files.map((x, i) => (i === store.get().current ? { name: x.name, data: bytes } : x));
      store.set({ files, output: { name, bytes }, view: viewOf(gridOfParts(read.parts, f.name, f.name), mergesOf(read.parts)), sheet, selected: { sheet, cell: `A${row}` } });
      return ok(`已在本页的副本中登记，请点上方“下载「${name}」”保存（原文件未改动）。`, `Recorded in the page's copy: download "${name}" to keep it (your file is unchanged).`);
    },

    async saveFiles(files) {
      for (const f of files) {
        await paint();
        env.download(f.bytes, f.name);
      }
      return ok(`已下载 ${files.length} 个文件（见浏览器的“下载”）。`, `${files.length} files downloaded.`);
    },

    async writeSheets(sheets, hidden = []) {
      await paint();
      const bytes = await newBookBytes(sheets, hidden);
      const read = await readBytes(bytes, COUNTY_FILE);
      const files = [...store.get().files.filter((f) => f.name !== COUNTY_FILE), { name: COUNTY_FILE, data: bytes }];
      const view = viewOf(read.grid, mergesOf(read.parts), looksOf({ marks: [], columns: [], sheets }));
      store.set({ files, current: files.length - 1, output: { name: COUNTY_FILE, bytes }, view, sheet: view[0]?.name ?? null, selected: null, error: null });
      env.download(bytes, COUNTY_FILE);
      return ok(`县汇总工作簿「${COUNTY_FILE}」已下载（见浏览器的“下载”）。`, `The county workbook "${COUNTY_FILE}" is downloaded.`);
    },
  };
}

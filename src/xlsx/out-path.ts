import { promises as fs } from 'fs';
import path from 'path';
import { OutputError } from './atomic';
import { copyExt } from './check-bytes';
import { oursOf } from './ours';

/**
 * Where outputs go, and the two promises about them: an output never lands on an input (compared as
 * files, device and inode, so symlinks, hard links, `..` and a case-insensitive disk all count), and never
 * replaces a file we did not write.
 */
const statOf = (p: string) => fs.stat(p, { bigint: true }).catch(() => null);

/** A path as a key that two spellings of one name share (a case-insensitive disk takes either). */
export const pathKey = (p: string) => path.resolve(p).toLowerCase();

/** The input that `out` is (the same file on disk), if any. */
export async function inputAt(out: string, inputs: string[]): Promise<string | undefined> {
  const o = await statOf(out);
  if (!o) return undefined;
  for (const input of inputs) {
    const i = await statOf(input);
    if (i && i.dev === o.dev && i.ino === o.ino) return input;
  }
  return undefined;
}

export function onInput(out: string, input: string): OutputError {
  return new OutputError(`输出文件「${out}」就是输入文件「${input}」（同一个文件，或指向它的链接）：本工具从不改动原文件。请用 --out 指定另一个文件名。`);
}

/** `--out` names a folder: it ends in a slash, is a folder already, or several files are checked into it. */
export async function outIsFolder(out: string, inputs: number): Promise<boolean> {
  if (/[\\/]$/.test(out)) return true;
  if ((await statOf(out))?.isDirectory()) return true;
  return inputs > 1 && !/\.xlsx$/i.test(out);
}

/**
 * The name to write to: `out` itself when it is free or one of our own outputs, else the first free
 * `name (2).xlsx`, `name (3).xlsx`…; `kept` says a file was left alone. The name is added to `taken`, the
 * names this run has given already.
 */
export async function freeName(out: string, taken: Set<string> = new Set()): Promise<{ out: string; kept?: string }> {
  const give = (name: string, kept?: string) => {
    taken.add(pathKey(name));
    return { out: name, kept };
  };
  if (!taken.has(pathKey(out)) && (!(await statOf(out)) || (await oursOf(out)) !== null)) return give(out);
  const ext = path.extname(out);
  const stem = out.slice(0, out.length - ext.length);
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!taken.has(pathKey(candidate)) && !(await statOf(candidate))) return give(candidate, out);
  }
}

/**
 * Each input's output in `dir`: 名称.checked.xlsx, and where two inputs would share a name, the second
 * and later get their folder's name too (`摸排统计表 (乙).checked.xlsx`), then a number.
 */
export function outputsIn(dir: string, files: string[]): string[] {
  const seen = new Set<string>();
  return files.map((file) => {
    // the copy keeps an .xlsm's extension
    const ext = copyExt(file);
    const stem = path.basename(file).replace(/\.xls[xm]$/i, '');
    const folder = path.basename(path.dirname(path.resolve(file)));
    const nth = (n: number) => (n === 0 ? `${stem}.checked${ext}` : `${stem} (${folder}${n > 1 ? ` ${n}` : ''}).checked${ext}`);
    let n = 0;
    while (seen.has(nth(n).toLowerCase())) n++;
    seen.add(nth(n).toLowerCase());
    return path.join(dir, nth(n));
  });
}

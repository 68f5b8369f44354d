import { checkWorkbook, Day, FileCheck, Profile } from '../core';
import { bookSkipped, dropRows, originalOf, readBytes, UNREADABLE } from '../xlsx/check-bytes';
import { InputError } from '../xlsx/input-error';
import { tooLarge } from '../xlsx/read-bytes';

/**
 * 合并各单位 wherever the pane runs: the units' .xlsx files are read in the browser from the files the clerk
 * picked (check-bytes.ts: the command line's reader, checks and zip-bomb limits, an earlier check's marks
 * undone) and checked as `check` does. Nothing leaves the machine: the browser reads the files itself.
 */
export interface PaneFile {
  name: string;
  /** bytes, when the host says (a browser's File does): a file too large is refused before it is read */
  size?: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** What of a picked folder merge looks at: spreadsheets (those it cannot read are reported), not Excel's ~$ lock files. */
export const isSpreadsheetInFolder = (name: string) => {
  const ext = /\.[^./\\]+$/.exec(name)?.[0].toLowerCase() ?? '';
  return (ext === '.xlsx' || ext === '.xlsm' || ext in UNREADABLE) && !/(^|[\\/])~\$/.test(name);
};

/**
 * Each file checked, as the command line's merge does; `skipped`: our own outputs met again (the county's
 * workbook, a checked copy whose original was picked too), left out of the consolidation as merge leaves them.
 */
export async function checkFiles(files: PaneFile[], opts: { checkDate: Day; profile: Profile }, onFile?: (i: number, n: number, name: string) => void): Promise<{ checks: FileCheck[]; skipped: FileCheck[] }> {
  const checks: FileCheck[] = [];
  const skipped: FileCheck[] = [];
  const given = new Set(files.map((f) => f.name));
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    onFile?.(i + 1, files.length, f.name);
    if (!/\.xls[xm]$/i.test(f.name)) {
      checks.push({ file: f.name, status: 'unreadable', message: `文件「${f.name}」不是 Excel 工作簿（.xlsx）。旧版 .xls 请先在 Excel 中另存为 .xlsx。` });
      continue;
    }
    const big = tooLarge(f.name, f.size);
    if (big) {
      checks.push({ file: f.name, status: big.status, message: big.message });
      continue;
    }
    let read;
    try {
      read = await readBytes(new Uint8Array(await f.arrayBuffer()), f.name);
    } catch (e) {
      checks.push(e instanceof InputError
        ? { file: f.name, status: e.status, message: e.message }
        : { file: f.name, status: 'unreadable', message: `文件「${f.name}」已损坏、设置了密码或不是 .xlsx，无法读取。请在 Excel 中打开并另存为 .xlsx 后重试。` });
      continue;
    }
    // as the command line's merge: the county's own workbook is not a unit's report
    const book = bookSkipped(read, f.name);
    if (book) {
      skipped.push({ file: f.name, status: 'not-a-roster', message: book.message });
      continue;
    }
    if (read.ours === 'checked' && originalOf(f.name) !== f.name && given.has(originalOf(f.name))) {
      skipped.push({ file: f.name, status: 'ok', message: `「${f.name}」是「${originalOf(f.name)}」的校验副本，已按原文件汇总，副本跳过。` });
      continue;
    }
    const result = checkWorkbook(read.grid, opts);
    if (result.status !== 'ok') {
      checks.push({ file: f.name, status: result.status, message: `「${f.name}」：${result.message}` });
      continue;
    }
    dropRows(result);
    checks.push({ file: f.name, status: 'ok', message: result.message, result });
  }
  return { checks, skipped };
}

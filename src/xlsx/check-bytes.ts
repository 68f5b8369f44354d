import { BookKind, bookKindOf, CheckResult, feedbackReply, Plan, skippedInMergeSays, WorkbookGrid } from '../core';
import { InputError } from './input-error';
import { patchForCheck } from './ooxml/check';
import { clearParts, findState } from './ooxml/clear';
import { CT, Parts } from './ooxml/parts';
import { Package, packParts } from './package';
import { gridFromPackage, inspectWorkbook } from './read-bytes';

/**
 * The checked copy at the level of bytes, with no Node API: the command line (check-file.ts, which reads
 * with guard.ts and packs with zlib) and the offline page (which packs with fflate) share every step
 * between the clerk's package and the patched one, so both write the same parts.
 */
export interface ReadWorkbook {
  parts: Parts;
  grid: WorkbookGrid;
  /** a checked copy (read as the clerk's workbook, our marks undone), or a new book of ours: the county's workbook of a merge, a unit's feedback */
  ours: 'checked' | BookKind | null;
  /** how many of the clerk's cells an earlier check's undo gave their own look back */
  restored: number;
}

const OLD_STATE = (name: string) =>
  new InputError(`文件「${name}」是旧版本的执法证件清理助手生成的校验副本，新版本无法撤销其中的标记。请对原始的摸排统计表重新校验。`);

const DAMAGED_STATE = (name: string) =>
  new InputError(`文件「${name}」是校验副本，但其中记录标记的隐藏工作表已损坏，无法撤销上次校验的标记。请对原始的摸排统计表重新校验。`);

/** Why a merge skips a book of ours (the county's workbook, a unit's feedback back again): the command line's and the pane's */
export function bookSkipped(read: ReadWorkbook, name: string): { kind: BookKind; message: string } | undefined {
  if (read.ours !== 'county' && read.ours !== 'feedback') return undefined;
  return { kind: read.ours, message: skippedInMergeSays(name, read.ours, feedbackReply(read.grid)) };
}

/** The package as parts, with the marks of an earlier check undone (its state says what they were). */
export function clearedParts(pkg: Package, name: string): { parts: Parts; restored: number; copy: boolean } {
  const parts = new Parts(pkg);
  const state = findState(parts);
  if (state && 'old' in state) throw OLD_STATE(name);
  if (state && 'damaged' in state) throw DAMAGED_STATE(name);
  if (!state) return { parts, restored: 0, copy: false };
  clearParts(parts, state.undo);
  return { parts, restored: state.undo.sheets.reduce((n, s) => n + s.undo.styles.length + s.undo.replaced.length, 0), copy: true };
}

/** What the grid reader needs of a package, from the parts as they are now; texts not kept (the sheets are large). */
const asPackage = (parts: Parts) => ({ has: (n: string) => parts.has(n), text: (n: string) => parts.text(n, false) ?? '' }) as unknown as Package;

/** The values of the parts as they are now (after a clear, or a patch). */
export const gridOfParts = (parts: Parts, file: string, name: string) => gridFromPackage(asPackage(parts), file, name);

/**
 * An opened package read as check and merge read it: an earlier check's marks undone, then the values;
 * `verified` proves the parts the reader did not inflate before anything is written or counted.
 */
export async function readOpened(pkg: Package, file: string, name: string, verified: () => void | Promise<void>): Promise<ReadWorkbook> {
  const { parts, copy, restored } = clearedParts(pkg, name);
  const grid = gridOfParts(parts, file, name);
  await verified();
  return { parts, grid, ours: bookKindOf(grid) ?? (copy ? 'checked' : null), restored };
}

/** The browser's readWorkbook: the checks package.ts and read-bytes.ts make, every part proved, then readOpened. */
export function readBytes(data: Uint8Array, name: string): Promise<ReadWorkbook> {
  const { pkg } = inspectWorkbook(data, name);
  return readOpened(pkg, name, name, () => {
    pkg.verify();
    // as guard.ts: no package without it opens in Excel, and the copy must say what its parts are
    if (!pkg.has(CT)) throw new InputError(`文件「${name}」中缺少 ${CT}（说明各部件类型的清单），Excel 也无法正常打开，可能已损坏。请在 Excel 或 WPS 中打开（修复）并另存为 .xlsx 后重试。`);
  });
}

/** Parts given as pieces (Parts.pieces(), newBookParts), zipped with fflate on this thread: the browser's packer. */
export function packInBrowser(parts: Iterable<{ name: string; pieces: Iterable<string | Uint8Array> }>, level = 6): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const whole: { name: string; data: Uint8Array }[] = [];
  // in order: the new book's styles and strings are filled while its sheets' pieces are made
  for (const p of parts) {
    const chunks = [...p.pieces].map((c) => (typeof c === 'string' ? enc.encode(c) : c));
    const data = chunks.length === 1 ? chunks[0] : new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    if (chunks.length !== 1) chunks.reduce((at, c) => (data.set(c, at), at + c.length), 0);
    whole.push({ name: p.name, data });
  }
  return packParts(whole, { level });
}

export interface CheckedBytes {
  read: ReadWorkbook;
  result: CheckResult;
  /** the checked copy (名称.checked.xlsx), when the check found a roster */
  bytes?: Uint8Array;
}

/**
 * Check a workbook's bytes and make its checked copy: read, decide (the host's decide.ts, as every host), patch
 * the clerk's package, pack. Bad input throws InputError with a Chinese message.
 */
export async function checkBytes(data: Uint8Array, name: string, decideOn: (grid: WorkbookGrid) => { result: CheckResult; plan?: Plan }): Promise<CheckedBytes> {
  const read = await readBytes(data, name);
  const { result, plan } = decideOn(read.grid);
  if (result.status !== 'ok' || !plan) return { read, result };
  patchForCheck(read.parts, plan);
  return { read, result, bytes: await packInBrowser(read.parts.pieces()) };
}

/**
 * 名称.xlsx → 名称.checked.xlsx, the command line's default name; 名称.xlsm → 名称.checked.xlsm: the copy keeps the
 * package's content types, which Excel will only open under the extension they match.
 */
export function checkedName(name: string): string {
  return `${name.replace(/\.xls[xm]$/i, '')}.checked${copyExt(name)}`;
}

/** The extension a copy of this workbook keeps: .xlsm for an .xlsm (its content types open only so), else .xlsx. */
export const copyExt = (name: string) => (/\.xlsm$/i.test(name) ? '.xlsm' : '.xlsx');
/**
 * A check's rows let go once they are no longer needed (the plan has them, or only verdicts are kept): every
 * table's, the optional 证件台账 and 培训记录 too, which hold their sheets' rows as the others do.
 */
export function dropRows(result: CheckResult): void {
  for (const t of [...result.personTables, result.agencyTable, result.ledgerTable, result.trainingTable]) if (t) t.records = [];
}

/** Spreadsheets a merge can't read, by extension, named for the unit's message (merge and the pane's folder alike). */
export const UNREADABLE: Record<string, string> = {
  '.xls': '旧版 Excel 97-2003（.xls）格式',
  '.et': 'WPS 表格（.et）格式',
  '.ett': 'WPS 表格模板（.ett）格式',
  '.xlsb': 'Excel 二进制（.xlsb）格式',
  '.csv': 'CSV 文本格式',
  '.ods': 'OpenDocument（.ods）格式',
  '.xltx': 'Excel 模板（.xltx）格式',
};

/** the original's name of a checked copy (名称.checked.xlsx, 名称.checked (2).xlsm → 名称.xlsx, 名称.xlsm); any other name as it is */
export const originalOf = (file: string) => file.replace(/\.checked(?: \(\d+\))?(\.xls[xm])$/i, '$1');

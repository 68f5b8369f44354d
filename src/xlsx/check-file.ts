import path from 'path';
import { CheckResult, checkWorkbook, Day, FileStatus, planForCheck, Profile, ReadOptions, summarize, SummaryRow, WorkbookGrid } from '../core';
import { outputFailure, writeAtomic } from './atomic';
import { guardedPackage, InputError } from './guard';
import { inputAt, onInput } from './out-path';
import { patchForCheck } from './ooxml/check';
import { clearParts, findState } from './ooxml/clear';
import { COUNTY_SHEET } from './ooxml/new-book';
import { sheets } from './ooxml/workbook';
import { Parts } from './ooxml/parts';
import { packPieces } from './pack-stream';
import { Package } from './package';
import { gridFromPackage } from './read-bytes';

/**
 * `check` and `clear` on files: the clerk's package is read (bounded), a copy checked before is cleared
 * first, and the checked copy is the clerk's package patched (ooxml/check.ts). The original is only read.
 */
export interface FileOutcome {
  file: string;
  status: 'ok' | 'unreadable' | 'not-a-roster';
  message: string;
  result?: CheckResult;
  summary: SummaryRow[];
  out?: string;
  /** why the checked copy was not written (disk full, no right, the output is an input…), in Chinese */
  writeError?: string;
  /** what the clerk should know about where it went (an existing file kept, a name made distinct) */
  notes?: string[];
}

export interface CheckFileOptions {
  checkDate: Day;
  profile: Profile;
  generatedAt: string;
  /** where to write the checked copy; omitted: do not write */
  out?: string;
  /** the clerk's choice of sheets and header mapping, when the reader cannot tell */
  read?: ReadOptions;
}

/** Default output path beside the input: 名称.checked.xlsx */
export function defaultOut(file: string, dir?: string): string {
  const base = path.basename(file).replace(/\.xlsx$/i, '');
  return path.join(dir ?? path.dirname(file), `${base}.checked.xlsx`);
}

/** A file the reader failed on in a way it has no message for: said plainly, never as the library's English. */
export const unreadable = (name: string) => `读取「${name}」时出错：文件内容不符合 .xlsx 格式，请用 Excel 或 WPS 打开后另存为 .xlsx 再试。`;

const OLD_STATE = (name: string) =>
  new InputError(`文件「${name}」是旧版本的执法证件清理助手生成的校验副本，新版本无法撤销其中的标记。请对原始的摸排统计表重新校验。`);

/** The package as parts, with the marks of an earlier check undone (its state says what they were). */
async function openCleared(file: string, bytes?: Promise<Buffer>): Promise<{ parts: Parts; restored: number; copy: boolean; verified: () => Promise<void> }> {
  const { pkg, verified } = await guardedPackage(file, bytes);
  const parts = new Parts(pkg);
  const state = findState(parts);
  if (state && 'old' in state) throw OLD_STATE(path.basename(file));
  if (!state) return { parts, restored: 0, copy: false, verified };
  clearParts(parts, state.undo);
  return { parts, restored: state.undo.sheets.reduce((n, s) => n + s.undo.styles.length + s.undo.replaced.length, 0), copy: true, verified };
}

/** What the grid reader needs of a package, from the parts as they are now; texts not kept (the sheets are large). */
const asPackage = (parts: Parts) => ({ has: (n: string) => parts.has(n), text: (n: string) => parts.text(n, false) ?? '' }) as unknown as Package;

export interface ReadWorkbook {
  parts: Parts;
  grid: WorkbookGrid;
  /** a checked copy (read as the clerk's workbook, our marks undone), or the county's workbook of a merge */
  ours: 'checked' | 'county' | null;
}

/**
 * The one way a workbook is read, by check and by merge alike, so that both give one verdict on one file:
 * bounded (guard.ts), an earlier check's marks undone, then the values. Bad files throw InputError.
 */
export async function readWorkbook(file: string, bytes?: Promise<Buffer>): Promise<ReadWorkbook> {
  const { parts, copy, verified } = await openCleared(file, bytes);
  const county = sheets(parts).some((s) => s.name === COUNTY_SHEET);
  const grid = gridFromPackage(asPackage(parts), file, path.basename(file));
  // the parts the reader did not inflate, proved sound now, before anything is written or counted
  await verified();
  return { parts, grid, ours: county ? 'county' : copy ? 'checked' : null };
}

/** readWorkbook, or why not as a file's status and message: an InputError's own, never the reader's English. */
export async function readOrRefuse(file: string, bytes?: Promise<Buffer>): Promise<ReadWorkbook | { refused: { status: FileStatus; message: string } }> {
  try {
    return await readWorkbook(file, bytes);
  } catch (e) {
    return { refused: e instanceof InputError ? { status: e.status, message: e.message } : { status: 'unreadable', message: unreadable(path.basename(file)) } };
  }
}

/** A check's rows let go once they are no longer needed (the plan has them, or only verdicts are kept). */
export function dropRows(result: CheckResult): void {
  for (const t of result.personTables) t.records = [];
  if (result.agencyTable) result.agencyTable.records = [];
}

async function writeParts(parts: Parts, out: string): Promise<void> {
  await writeAtomic(out, await packPieces(parts.pieces()));
}

/** Read, check and (optionally) write one workbook. Never throws for bad input: the outcome says why. */
export async function checkFile(file: string, opts: CheckFileOptions): Promise<FileOutcome> {
  const name = path.basename(file);
  const read = await readOrRefuse(file);
  if ('refused' in read) return { file, ...read.refused, summary: [] };
  const { parts } = read;
  let grid: WorkbookGrid | undefined = read.grid;
  const result = checkWorkbook(grid, { checkDate: opts.checkDate, profile: opts.profile, read: opts.read });
  if (result.status !== 'ok') {
    return { file, status: result.status, message: `「${name}」：${result.message}`, result, summary: [] };
  }
  const summary = summarize(result, 'agency');
  const outcome: FileOutcome = { file, status: 'ok', message: result.message, result, summary };
  if (opts.out) {
    // the CLI names outputs away from every input; this is the last guard, for any caller
    if (await inputAt(opts.out, [file])) return { ...outcome, writeError: onInput(opts.out, file).message };
    const plan = planForCheck(grid, result, { generatedAt: opts.generatedAt, summary, summaryBy: 'agency' });
    // the rows are in the plan now: let them go before the sheets are patched
    grid = undefined;
    dropRows(result);
    patchForCheck(parts, plan);
    try {
      await writeParts(parts, opts.out);
      outcome.out = opts.out;
    } catch (e) {
      outcome.writeError = outputFailure(e, opts.out).message;
    }
  }
  return outcome;
}

/** `clear`: the copy without our marks, sheets and notes; how many of the clerk's cells got their own look back. */
export async function clearFile(file: string, out: string): Promise<number> {
  const { parts, restored, verified } = await openCleared(file);
  await verified();
  await writeParts(parts, out);
  return restored;
}

import path from 'path';
import { CheckResult, checkWorkbook, Day, FileStatus, planForCheck, Profile, ReadOptions, summarize, SummaryRow, WorkbookGrid } from '../core';
import { outputFailure, writeAtomic } from './atomic';
import { checkedName, clearedParts, dropRows, readOpened, ReadWorkbook } from './check-bytes';
import { guardedPackage, InputError } from './guard';
import { inputAt, onInput } from './out-path';
import { patchForCheck } from './ooxml/check';
import { Parts } from './ooxml/parts';
import { packPieces } from './pack-stream';

export type { ReadWorkbook } from './check-bytes';

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

/** Default output path beside the input: 名称.checked.xlsx (名称.checked.xlsm for an .xlsm) */
export function defaultOut(file: string, dir?: string): string {
  return path.join(dir ?? path.dirname(file), checkedName(path.basename(file)));
}

/** A file the reader failed on in a way it has no message for: said plainly, never as the library's English. */
export const unreadable = (name: string) => `读取「${name}」时出错：文件内容不符合 .xlsx 格式，请用 Excel 或 WPS 打开后另存为 .xlsx 再试。`;

/**
 * The one way a workbook is read, by check and by merge alike, so that both give one verdict on one file:
 * bounded (guard.ts), an earlier check's marks undone, then the values (check-bytes.ts, shared with the
 * offline page). Bad files throw InputError.
 */
export async function readWorkbook(file: string, bytes?: Promise<Buffer>): Promise<ReadWorkbook> {
  const { pkg, verified } = await guardedPackage(file, bytes);
  return readOpened(pkg, file, path.basename(file), verified);
}

/** readWorkbook, or why not as a file's status and message: an InputError's own, never the reader's English. */
export async function readOrRefuse(file: string, bytes?: Promise<Buffer>): Promise<ReadWorkbook | { refused: { status: FileStatus; message: string } }> {
  try {
    return await readWorkbook(file, bytes);
  } catch (e) {
    return { refused: e instanceof InputError ? { status: e.status, message: e.message } : { status: 'unreadable', message: unreadable(path.basename(file)) } };
  }
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
    try {
      patchForCheck(parts, plan);
    } catch {
      // a part the check could read but not patch: the findings stand (as merge reports them), the batch goes on
      return { ...outcome, writeError: `「${name}」中有部件内容不完整（可能已损坏），无法在其上写出校验副本；上面的核查结果仍然有效。请在 Excel 或 WPS 中打开该文件并另存为 .xlsx 后重试。` };
    }
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
  const { pkg, verified } = await guardedPackage(file);
  const { parts, restored } = clearedParts(pkg, path.basename(file));
  await verified();
  await writeParts(parts, out);
  return restored;
}

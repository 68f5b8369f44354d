import { promises as fs } from 'fs';
import path from 'path';
import { CheckResult, checkWorkbook, Day, planForCheck, Profile, ReadOptions, summarize, SummaryRow } from '../core';
import { guardedPackage, InputError } from './guard';
import { patchForCheck } from './ooxml/check';
import { clearParts, findState } from './ooxml/clear';
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

const OLD_STATE = (name: string) =>
  new InputError(`文件「${name}」是旧版本的执法证件清理助手生成的校验副本，新版本无法撤销其中的标记。请对原始的摸排统计表重新校验。`);

/** The package as parts, with the marks of an earlier check undone (its state says what they were). */
async function openCleared(file: string): Promise<{ parts: Parts; restored: number }> {
  const { pkg } = await guardedPackage(file);
  const parts = new Parts(pkg);
  const state = findState(parts);
  if (state && 'old' in state) throw OLD_STATE(path.basename(file));
  if (!state) return { parts, restored: 0 };
  clearParts(parts, state.undo);
  return { parts, restored: state.undo.sheets.reduce((n, s) => n + s.undo.styles.length + s.undo.replaced.length, 0) };
}

/** What the grid reader needs of a package, from the parts as they are now; texts not kept (the sheets are large). */
const asPackage = (parts: Parts) => ({ has: (n: string) => parts.has(n), text: (n: string) => parts.text(n, false) ?? '' }) as unknown as Package;

async function writeParts(parts: Parts, out: string): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await fs.writeFile(out, await packPieces(parts.pieces()));
}

/** Read, check and (optionally) write one workbook. Never throws for bad input: the outcome says why. */
export async function checkFile(file: string, opts: CheckFileOptions): Promise<FileOutcome> {
  const name = path.basename(file);
  let parts: Parts;
  try {
    parts = (await openCleared(file)).parts;
  } catch (e) {
    if (e instanceof InputError) return { file, status: e.status, message: e.message, summary: [] };
    return { file, status: 'unreadable', message: `读取「${name}」时出错：${(e as Error).message}`, summary: [] };
  }
  let grid: ReturnType<typeof gridFromPackage> | undefined;
  try {
    grid = gridFromPackage(asPackage(parts), file, name);
  } catch (e) {
    if (e instanceof InputError) return { file, status: e.status, message: e.message, summary: [] };
    throw e;
  }
  const result = checkWorkbook(grid, { checkDate: opts.checkDate, profile: opts.profile, read: opts.read });
  if (result.status !== 'ok') {
    return { file, status: result.status, message: `「${name}」：${result.message}`, result, summary: [] };
  }
  const summary = summarize(result, 'agency');
  const outcome: FileOutcome = { file, status: 'ok', message: result.message, result, summary };
  if (opts.out) {
    if (path.resolve(opts.out) === path.resolve(file)) {
      return { ...outcome, status: 'unreadable', message: `输出文件不能与输入文件「${name}」相同：本工具从不改动原文件。请用 --out 指定另一个文件名。` };
    }
    const plan = planForCheck(grid, result, { generatedAt: opts.generatedAt, summary, summaryBy: 'agency' });
    // the rows are in the plan now: let them go before the sheets are patched
    grid = undefined;
    for (const t of result.personTables) t.records = [];
    if (result.agencyTable) result.agencyTable.records = [];
    patchForCheck(parts, plan);
    await writeParts(parts, opts.out);
    outcome.out = opts.out;
  }
  return outcome;
}

/** `clear`: the copy without our marks, sheets and notes; how many of the clerk's cells got their own look back. */
export async function clearFile(file: string, out: string): Promise<number> {
  const { parts, restored } = await openCleared(file);
  await writeParts(parts, out);
  return restored;
}

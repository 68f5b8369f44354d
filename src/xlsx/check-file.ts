import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import path from 'path';
import { CheckResult, checkWorkbook } from '../core/engine';
import { Day } from '../core/dates';
import { planForCheck } from '../core/plan';
import { Profile } from '../core/profile';
import { ReadOptions } from '../core/reader';
import { summarize, SummaryRow } from '../core/summary';
import { applyPlan, clearMarks } from './apply';
import { InputError } from './guard';
import { openWorkbook, workbookGrid } from './read';
import { writeWorkbook } from './zip';

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

/** Read, check and (optionally) write one workbook. Never throws for bad input: the outcome says why. */
export async function checkFile(file: string, opts: CheckFileOptions): Promise<FileOutcome> {
  const name = path.basename(file);
  let wb: ExcelJS.Workbook;
  try {
    wb = await openWorkbook(file);
  } catch (e) {
    if (e instanceof InputError) return { file, status: e.status, message: e.message, summary: [] };
    return { file, status: 'unreadable', message: `读取「${name}」时出错：${(e as Error).message}`, summary: [] };
  }
  // A copy checked before carries the last run's marks: restore the clerk's own formatting first.
  clearMarks(wb);
  const grid = workbookGrid(wb, file);
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
    applyPlan(wb, planForCheck(grid, result, { generatedAt: opts.generatedAt, summary, summaryBy: 'agency' }));
    await fs.mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
    await writeWorkbook(wb, opts.out);
    outcome.out = opts.out;
  }
  return outcome;
}

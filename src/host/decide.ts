import { bookKindOf, checkWorkbook, Day, planForCheck, Profile, ReadOptions, summarize, WorkbookGrid } from '../core';
import type { Decision } from './types';

export interface DecideOptions {
  checkDate: Day;
  profile: Profile;
  /** the clerk's choice of sheet and header mapping, when the reader cannot tell */
  read?: ReadOptions;
  generatedAt: string;
}

/**
 * What every host does with the grid it read: the core's check, the 汇总 by 执法主体, and the plan of marks,
 * columns and sheets. One function, so that Excel, WPS and the offline page give one verdict on one workbook.
 */
export function decide(grid: WorkbookGrid, opts: DecideOptions): Decision {
  const result = checkWorkbook(grid, { checkDate: opts.checkDate, profile: opts.profile, read: opts.read });
  if (result.status !== 'ok') return { result };
  const summary = summarize(result, 'agency');
  return { result, plan: planForCheck(grid, result, { generatedAt: opts.generatedAt, summary, summaryBy: 'agency' }) };
}

/** Each sheet's likeliest header row (its first row of several texts), for the clerk to map by hand; none in a book of ours, which is no roster. */
export function headerGuesses(grid: WorkbookGrid): { name: string; headers: string[] }[] {
  if (bookKindOf(grid)) return [];
  return grid.sheets.map((s) => {
    const row = s.rows.find((r) => r.filter((v) => typeof v === 'string' && v.trim()).length >= 2) ?? [];
    return { name: s.name, headers: row.filter((v): v is string => typeof v === 'string' && v.trim() !== '') };
  });
}

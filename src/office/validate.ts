import { Day } from '../core/dates';
import { CheckResult, checkWorkbook } from '../core/engine';
import { planForCheck } from '../core/plan';
import { Profile } from '../core/profile';
import { ReadOptions } from '../core/reader';
import { summarize } from '../core/summary';
import { officeMessage } from './errors';
import { Capabilities } from './mode';
import { readWorkbook } from './read';
import { commentCells, parseState, StateRow, STATE_SHEET } from './state';
import { colNumber } from '../core/a1';
import { WorkbookGrid } from '../core/types';
import { clearJobs, ourConditionalFormats, runJobs, WriteInput, writePlan } from './write';

import { Run } from './run';
export type { Run } from './run';

export type Stage = 'read' | 'check' | 'write' | 'done';

export interface ValidateOptions {
  checkDate: Day;
  profile: Profile;
  read?: ReadOptions;
  generatedAt: string;
  file?: string;
  onStage?: (stage: Stage) => void;
}

export type Outcome =
  | { ok: true; result: CheckResult; marked: number; notices: string[] }
  | { ok: false; message: string; detail?: string; result?: CheckResult; sheets?: { name: string; headers: string[] }[] };

/** Each sheet's likeliest header row (its first row of several texts), for the clerk to map by hand. */
function headerGuesses(grid: WorkbookGrid): { name: string; headers: string[] }[] {
  return grid.sheets.map((s) => {
    const row = s.rows.find((r) => r.filter((v) => typeof v === 'string' && v.trim()).length >= 2) ?? [];
    return { name: s.name, headers: row.filter((v): v is string => typeof v === 'string' && v.trim() !== '') };
  });
}

/** The last run's result columns are still in the sheets when they are read: the check must not see them. */
function blankPreviousResults(grid: WorkbookGrid, previous: StateRow[]): void {
  for (const [kind, sheet, where] of previous) {
    if (kind !== 'values') continue;
    const g = grid.sheets.find((s) => s.name === sheet);
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(where);
    if (!g || !m) continue;
    for (let r = Number(m[2]); r <= Number(m[4]); r++) {
      for (let c = colNumber(m[1]); c <= colNumber(m[3]); c++) {
        const row = g.rows[r - 1 - (g.top ?? 0)];
        if (row && c - 1 - (g.left ?? 0) < row.length) row[c - 1 - (g.left ?? 0)] = null;
      }
    }
  }
}

/** 校验: read the open workbook, check it, and mark it in place, undoing the last run first. */
export async function validate(run: Run, caps: Capabilities, opts: ValidateOptions): Promise<Outcome> {
  try {
    return await run(async (ctx) => {
      opts.onStage?.('read');
      const read = await readWorkbook(ctx, caps, opts.file ?? '当前工作簿');
      const previous = parseState(read.stateRows);
      blankPreviousResults(read.grid, previous);
      opts.onStage?.('check');
      const result = checkWorkbook(read.grid, { checkDate: opts.checkDate, profile: opts.profile, read: opts.read });
      if (result.status !== 'ok') return { ok: false as const, message: result.message, result, sheets: headerGuesses(read.grid) };
      const summary = summarize(result, 'agency');
      const plan = planForCheck(read.grid, result, { generatedAt: opts.generatedAt, summary, summaryBy: 'agency' });
      opts.onStage?.('write');
      const { marked } = await writePlan(ctx, {
        plan, caps, previous, liveConditionalFormats: read.liveConditionalFormats, sheetNames: read.sheetNames, commentCells: read.commentCells,
      });
      opts.onStage?.('done');
      return { ok: true as const, result, marked, notices: [] as string[] };
    });
  } catch (e) {
    return { ok: false, message: officeMessage(e), detail: String((e as Error)?.message ?? e) };
  }
}

/** What the last run left: the sheet names, its state rows, and which of its conditional formats remain. */
export async function previousRun(ctx: Excel.RequestContext, caps: Capabilities): Promise<Omit<WriteInput, 'plan'>> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  await ctx.sync();
  const names = sheets.items.map((s) => s.name);
  const state = names.includes(STATE_SHEET) ? sheets.getItem(STATE_SHEET).getUsedRange().load('values') : null;
  const cfs = caps.mode === 'full' ? names.map((n) => ({ n, c: sheets.getItem(n).getRange().conditionalFormats.load('items/id,items/customOrNullObject/rule/formula') })) : [];
  await ctx.sync();
  const live = new Map<string, Set<string>>();
  for (const { n, c } of cfs) live.set(n, ourConditionalFormats(c.items));
  const rows = state ? (state.values as unknown[][]).map((r) => r.map((v) => String(v ?? ''))) : [];
  const comments = caps.comments ? await commentCells(ctx) : undefined;
  return { caps, previous: parseState(rows), liveConditionalFormats: live, sheetNames: names, commentCells: comments };
}

/** 清除标记: remove everything the last run added; the clerk's workbook looks as before. */
export async function clearMarks(run: Run, caps: Capabilities): Promise<{ ok: boolean; message: string }> {
  try {
    return await run(async (ctx) => {
      await runJobs(ctx, clearJobs(ctx, await previousRun(ctx, caps)), caps.payloadBudget);
      return { ok: true, message: '已清除标记，工作簿已恢复原样。' };
    });
  } catch (e) {
    return { ok: false, message: officeMessage(e) };
  }
}

/** Go to a finding's cell: activate its sheet first, then select the cell. */
export async function goTo(run: Run, sheet: string, cell: string): Promise<{ ok: boolean; message: string }> {
  try {
    return await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
      return { ok: true, message: '' };
    });
  } catch (e) {
    return { ok: false, message: officeMessage(e) };
  }
}

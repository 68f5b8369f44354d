import { CheckResult, checkWorkbook, colNumber, Day, planForCheck, Profile, ReadOptions, summarize, WorkbookGrid } from '../core';
import { runJobs } from './batch';
import { officeFailure, Said } from './errors';
import { Capabilities } from './mode';
import { readWorkbook } from './read';
import { Run } from './run';
import { StateRow } from './state';
import { undoJobs } from './undo';
import { leftText, stateJobs, writePlan } from './write';

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

/** message: Chinese; en: the same in English, for an Excel that runs in English */
export type Outcome =
  | { ok: true; result: CheckResult; marked: number; notices: Said[] }
  | { ok: false; message: string; en: string; detail?: string; result?: CheckResult; sheets?: { name: string; headers: string[] }[] };

export type Done = { ok: boolean; message: string; en: string };

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
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(where ?? '');
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
      blankPreviousResults(read.grid, read.previous.state);
      opts.onStage?.('check');
      const result = checkWorkbook(read.grid, { checkDate: opts.checkDate, profile: opts.profile, read: opts.read });
      if (result.status !== 'ok') return { ok: false as const, message: result.message, en: result.message, result, sheets: headerGuesses(read.grid) };
      const summary = summarize(result, 'agency');
      const plan = planForCheck(read.grid, result, { generatedAt: opts.generatedAt, summary, summaryBy: 'agency' });
      opts.onStage?.('write');
      const { marked, notices } = await writePlan(ctx, { plan, caps, previous: read.previous, sheetNames: read.sheetNames, widths: read.widths });
      opts.onStage?.('done');
      return { ok: true as const, result, marked, notices: [...read.notices, ...notices] };
    });
  } catch (e) {
    return { ...officeFailure(e), detail: String((e as Error)?.message ?? e) };
  }
}

/** 清除标记: remove everything the last run added that this Excel can remove, and say what is left. */
/** complete: nothing of ours is left in the workbook */
export async function clearMarks(run: Run, caps: Capabilities): Promise<Done & { complete?: boolean }> {
  try {
    return await run(async (ctx) => {
      const read = await readWorkbook(ctx, caps, '', false);
      const undo = undoJobs(ctx, caps, read.previous, read.sheetNames);
      const visibility = read.previous.stateVisibility;
      await runJobs(ctx, [...undo.jobs, ...stateJobs(ctx, caps, undo.pending, visibility)], caps.payloadBudget);
      const stuck = !undo.pending.length && visibility === 'VeryHidden' && !caps.sheetFormat;
      if (!undo.left.length && !stuck && !read.notices.length) return { ok: true, complete: true, message: '已清除标记，工作簿已恢复原样。', en: 'Marks cleared: the workbook is as it was.' };
      const left = leftText(undo.left);
      const parts: Said[] = [
        ...(undo.left.length ? [{
          zh: `仍留有上次在较新版本 Excel 中添加的${left.zh}，此版本无法去掉；已记下，在该版本的 Excel 中点“清除标记”即可去掉。`,
          en: `Left in place: ${left.en}, added by a newer Excel, which this version cannot remove; they are recorded, and Clear marks on that version removes them.`,
        }] : []),
        ...(stuck ? [{ zh: '隐藏的标记记录表需要 Excel 2019 或更新版本才能删除，它不影响表格内容。', en: 'The hidden record sheet can be deleted only by Excel 2019 or later; it does not affect your data.' }] : []),
        ...read.notices,
      ];
      return { ok: true, complete: false, message: `已清除此版本能去掉的标记。${parts.map((p) => p.zh).join('')}`, en: `Cleared what this version can remove. ${parts.map((p) => p.en).join(' ')}` };
    });
  } catch (e) {
    return officeFailure(e);
  }
}

/** Go to a finding's cell: activate its sheet first, then select the cell. */
export async function goTo(run: Run, sheet: string, cell: string): Promise<Done> {
  try {
    return await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
      return { ok: true, message: '', en: '' };
    });
  } catch (e) {
    return officeFailure(e);
  }
}

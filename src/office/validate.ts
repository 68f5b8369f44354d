import { colNumber, Day, Profile, ReadOptions, WorkbookGrid } from '../core';
import { decide, headerGuesses } from '../host/decide';
import type { CheckOutcome, Decision, Done, Stage } from '../host/types';
import { runJobs } from './batch';
import { officeFailure, Said } from './errors';
import { Capabilities } from './mode';
import { readWorkbook } from './read';
import { Run } from './run';
import { StateRow } from './state';
import { undoJobs } from './undo';
import { leftText, stateJobs, writePlan } from './write';

export type { Run } from './run';
// the pane's own shapes (src/host/types.ts): one type for each, whichever host
export type { Done, Stage };

export interface ValidateOptions {
  checkDate: Day;
  profile: Profile;
  read?: ReadOptions;
  generatedAt: string;
  file?: string;
  onStage?: (stage: Stage) => void;
}

/** message: Chinese; en: the same in English, for an Excel that runs in English */
export type Outcome = CheckOutcome;

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
export function validate(run: Run, caps: Capabilities, opts: ValidateOptions): Promise<Outcome> {
  return checkWith(run, caps, (grid) => decide(grid, opts), opts);
}

/**
 * 校验 with the caller's decision (the pane's, core's check and plan): read, decide and write in one Excel.run,
 * so that the workbook cannot change between the read and the marks.
 */
export async function checkWith(run: Run, caps: Capabilities, decideOn: (grid: WorkbookGrid) => Decision, opts: { file?: string; onStage?: (stage: Stage) => void } = {}): Promise<Outcome> {
  try {
    return await run(async (ctx) => {
      opts.onStage?.('read');
      const read = await readWorkbook(ctx, caps, opts.file ?? '当前工作簿');
      blankPreviousResults(read.grid, read.previous.state);
      opts.onStage?.('check');
      const { result, plan } = decideOn(read.grid);
      if (result.status !== 'ok' || !plan) return { ok: false as const, message: result.message, en: result.messageEn ?? result.message, result, sheets: headerGuesses(read.grid) };
      opts.onStage?.('write');
      const { marked, notices, sheets } = await writePlan(ctx, { plan, caps, previous: read.previous, sheetNames: read.sheetNames, widths: read.widths });
      opts.onStage?.('done');
      return { ok: true as const, result, marked, notices: [...read.notices, ...notices], sheets };
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

import { isOutputSheet, Plan, withFreeNames } from '../core';
import { addAnnotations, annotationKind, annotations, noteProbes } from './annotations';
import { Job, runJobs, size } from './batch';
import { resultColumns } from './columns';
import { conditionalFormatJobs, fillJobs, fillReads } from './marks';
import { Capabilities } from './mode';
import { Previous } from './read';
import { sheetJobs } from './sheets';
import { mergeState, STATE_SHEET, stateValues, StateRow } from './state';
import { Undo, undoJobs } from './undo';
import { officeFor } from './versions';
import { Said } from './errors';

/**
 * Applying a host-neutral plan through Office.js: undo the last run, record what this one does, then do
 * it, in as few requests as Excel on the web's 5 MB limit allows. The record is written before what it
 * records, so a run cut short can still be undone; undoing what was never done is harmless.
 */
export interface WriteInput {
  plan: Plan;
  caps: Capabilities;
  previous: Previous;
  sheetNames: string[];
  /** per sheet, the column widths before this run (ExcelApi 1.2) */
  widths: Map<string, number[]>;
}

/** The state sheet rewritten with these records, made very hidden where Excel allows it (ExcelApi 1.2). */
export function stateJobs(ctx: Excel.RequestContext, caps: Capabilities, rows: StateRow[], visibility: string | null, last?: number): Job[] {
  const ws = () => ctx.workbook.worksheets.getItem(STATE_SHEET);
  if (!rows.length) {
    if (visibility === null) return [];
    // a very hidden sheet can't be deleted (typings, Worksheet.delete): unhide it first, which needs 1.2
    if (visibility === 'VeryHidden' && !caps.sheetFormat) return [{ bytes: 100, queue: () => ws().getRange().clear() }];
    return [{
      bytes: 100,
      queue: () => {
        if (visibility !== 'Visible' && caps.sheetFormat) ws().visibility = 'Hidden';
        ws().delete();
      },
    }];
  }
  const values = stateValues(rows);
  return [{
    bytes: size(values),
    queue: () => {
      if (visibility === null) ctx.workbook.worksheets.add(STATE_SHEET);
      else ws().getRange().clear();
      if (visibility !== 'VeryHidden' && caps.sheetFormat) ws().visibility = 'VeryHidden';
      // where it stays visible (ExcelApi 1.1), it goes after the clerk's sheets and ours
      if (!caps.sheetFormat && last !== undefined) ws().position = last;
      ws().getRange(`A1:D${values.length}`).values = values;
    },
  }];
}

/** Chinese Excel's own words: a note is 注释, a threaded comment 批注 */
const KIND_ZH: Record<string, string> = { cf: '条件格式标记', note: '条注释', comment: '条批注', widths: '处列宽' };
const KIND_EN: Record<string, string> = { cf: 'conditional-format marks', note: 'notes', comment: 'comments', widths: 'column widths' };

/** What a version could not undo, in words: "37条注释（需要 Microsoft 365、Excel 网页版或 Mac 版）". */
export function leftText(left: Undo['left']): Said {
  return {
    zh: left.map((x) => `${x.kind === 'cf' ? '' : x.count}${KIND_ZH[x.kind]}（需要 ${officeFor(x.needs).zh}）`).join('、'),
    en: left.map((x) => `${x.kind === 'cf' ? '' : `${x.count} `}${KIND_EN[x.kind]} (need ${officeFor(x.needs).en})`).join(', '),
  };
}

/** The last place in the sheet tabs once this run's sheets are in: the clerk's, ours, then the state. */
function lastPosition(input: WriteInput): number {
  const kept = input.sheetNames.filter((n) => !isOutputSheet(n) && n !== STATE_SHEET).length;
  return kept + input.plan.sheets.length;
}

/** `sheets`: our sheets' names as written, in the plan's order */
export async function writePlan(ctx: Excel.RequestContext, input: WriteInput): Promise<{ marked: number; notices: Said[]; sheets: string[] }> {
  const { plan, caps, previous } = input;
  const notices: Said[] = [];
  const undo = undoJobs(ctx, caps, previous, input.sheetNames);
  const records: StateRow[] = [];
  let first: Job[] = [...undo.jobs];

  // compatibility mode: each marked cell's fill, read once the last run's fills are back
  let marks: Job[] = [];
  if (caps.full) {
    marks = conditionalFormatJobs(ctx, plan, caps);
    for (const sheet of new Set(plan.marks.map((m) => m.sheet).concat(plan.columns.map((c) => c.sheet)))) records.push(['cf', sheet]);
  } else if (plan.marks.length) {
    const reads = fillReads(ctx, plan);
    await runJobs(ctx, [...first, ...reads.jobs], caps.payloadBudget);
    first = [];
    const fills = reads.fills();
    for (const f of fills) records.push(['fill', f.sheet, f.cell, f.original]);
    marks = fillJobs(ctx, fills);
  }
  const columns = resultColumns(ctx, plan, caps, input.widths, previous.state);
  records.push(...columns.records);
  const kind = annotationKind(caps);
  const notes = kind ? annotations(plan, previous.threads) : [];
  for (const a of notes) records.push([kind!, a.sheet, a.cell]);

  // our sheets beside the clerk's: a name one of the clerk's sheets has is left to it (汇总 → 汇总（校验）)
  const sheets = withFreeNames(plan.sheets, input.sheetNames.filter((n) => !undo.deleted.includes(n) && n !== STATE_SHEET));
  for (const s of sheets) records.push(['sheet', s.name]);
  const state = mergeState(undo.pending, records);
  const probes = caps.notes ? noteProbes(ctx, notes) : null;
  // the product's sheets first (they are found by name, recorded or not), so that on ExcelApi 1.1, where the
  // state sheet cannot be hidden, it comes after them; then the state, then what it records
  await runJobs(ctx, [
    ...first, ...sheets.flatMap((s) => sheetJobs(ctx, s, caps)), ...stateJobs(ctx, caps, state, previous.stateVisibility, lastPosition(input)), ...columns.jobs, ...marks, ...(probes?.jobs ?? []),
  ], caps.payloadBudget);

  const refused = await addAnnotations(ctx, caps, notes, probes?.free());
  if (refused.length) {
    const where = refused.slice(0, 3).map((a) => `${a.sheet}!${a.cell}`).join('、');
    notices.push({
      zh: `有 ${refused.length} 处单元格已有注释或批注（如 ${where}），本次的问题说明没有写入这些单元格，请在“校验结果”表中查看。`,
      en: `${refused.length} cells already hold a note or comment (e.g. ${where}); their findings are on the 校验结果 sheet instead.`,
    });
  }
  if (undo.left.length) {
    const left = leftText(undo.left);
    notices.push({
      zh: `上次在较新版本 Excel 中添加的${left.zh}无法在此版本中去掉，已记下，在该版本中点“清除标记”即可去掉。`,
      en: `The last check, on a newer Excel, left ${left.en} that this version cannot remove; they are recorded, and 清除标记 (Clear marks) on that version removes them.`,
    });
  }
  return { marked: plan.marks.length, notices, sheets: sheets.map((s) => s.name) };
}

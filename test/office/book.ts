import { dayFromIso } from '../../src/core/dates';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { capabilities } from '../../src/office/mode';
import { STATE_SHEET } from '../../src/office/state';
import { Run } from '../../src/office/run';
import { demoUnits } from '../../src/sample/demo';
import { simulateExcel, SimOptions } from '../../src/sim/excel';
import { DEFAULT_FORMAT, SimWorkbookState } from '../../src/sim/model';

/** Shared by the add-in's simulation tests: the demo workbook as a clerk has it open, and what a clerk sees. */
export const checkDate = dayFromIso('2024-06-05')!;
export const opts = { checkDate, profile: DEFAULT_PROFILE, generatedAt: '2024-06-05 09:30' };

/** The demo unit with a two-row header and text dates, with the clerk's own formats, note, thread and rule. */
export function openDemo(which = 1): SimWorkbookState {
  const book = demoUnits(checkDate)[which].book;
  const wb = SimWorkbookState.from(book.sheets.map((s) => ({ name: s.name, rows: s.rows })));
  const sheet = wb.sheets[0];
  sheet.cell(4, 1).format.fill = '#DDEEFF';
  sheet.cell(4, 9).format.bold = true;
  // a cell holds a note or a thread, not both: the clerk has one of each, on the D03 cell and beside it
  sheet.notes.set(sheet.key(6, 3), '本人口头说明：身份证已补录');
  sheet.comments.set(sheet.key(6, 2), { id: '{clerk-1}', content: '县局已电话核实' });
  sheet.conditionalFormats.push({ ranges: ['人员!A5:C9'], formula: '=$A5=""', fill: '#FFFF00', type: 'Custom' });
  sheet.columnWidths.set(3, 120);
  return wb;
}

/** Everything a clerk could see, one line per thing, so that a difference names itself. */
export const snapshot = (wb: SimWorkbookState): string[] =>
  wb.sheets.flatMap((s) => [
    `sheet ${s.name} ${s.visibility}`,
    ...[...s.cells.entries()]
      .filter(([, c]) => c.value !== null || c.formula || JSON.stringify(c.format) !== JSON.stringify(DEFAULT_FORMAT))
      .map(([k, c]) => `${s.name}!${k} ${JSON.stringify(c.value)} ${c.formula ?? ''} ${JSON.stringify(c.format)}`),
    ...[...s.notes.entries()].map(([k, n]) => `${s.name}!${k} note ${n}`),
    ...[...s.comments.entries()].map(([k, c]) => `${s.name}!${k} comment ${c.content}`),
    ...s.conditionalFormats.map((c) => `${s.name} cf ${c.ranges.join(',')} ${c.formula} ${c.fill ?? ''}`),
    ...[...s.columnWidths.entries()].map(([k, w]) => `${s.name} col ${k} width ${w}`),
    ...s.merges.map((m) => `${s.name} merge ${m}`),
  ]).sort();

/** The differences between two snapshots, both ways: [] when the workbook is as it was. */
export const changes = (before: string[], after: string[]) => ({
  added: after.filter((x) => !before.includes(x)),
  removed: before.filter((x) => !after.includes(x)),
});

/** The add-in's entry points as they run on a given ExcelApi version of the same open workbook. */
export function excel(wb: SimWorkbookState, api: string, more: Partial<SimOptions> = {}) {
  const sim = simulateExcel(wb, { api, payloadLimit: 5 * 1024 * 1024, ...more });
  return { sim, run: sim.Excel.run as unknown as Run, caps: capabilities(sim.Office.context.requirements, sim.library) };
}

export const ourSheets = ['校验结果', '汇总', STATE_SHEET];

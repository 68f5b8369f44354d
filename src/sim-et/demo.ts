import { dayFromIso } from '../core';
import { demoUnits } from '../sample/demo';
import { EtBookState, STANDARD_WIDTH, XL_NONE } from './model';
import { simulateEt } from './application';
import { EtApp, bgr } from '../wps/et';

/** For the WPS tests: the demo workbook open in (simulated) WPS 表格, and what a clerk sees of it. */
export const checkDate = dayFromIso('2024-06-05')!;
export const generatedAt = '2024-06-05 09:30';

/** The demo unit with a two-row header and merged cells, with the clerk's own fill, border, bold, comment, rule and width. */
export function openDemoEt(which = 1, clerk = true): EtBookState {
  const book = demoUnits(checkDate)[which].book;
  const wb = EtBookState.from(book.sheets.map((s) => ({ name: s.name, rows: s.rows, merges: s.merges })));
  if (!clerk) return wb;
  const sheet = wb.sheets[0];
  sheet.cell(4, 1).fill = bgr('DDEEFF');
  sheet.cell(4, 9).bold = true;
  sheet.cell(5, 2).borders[9] = { lineStyle: 1, color: bgr('FF0000'), weight: 2 };
  sheet.comments.set(sheet.key(6, 3), '本人口头说明：身份证已补录');
  sheet.conditions.push({ type: 2, formula: '=$A5=""', appliesTo: [{ r0: 4, c0: 0, r1: 8, c1: 2 }], fill: bgr('FFFF00'), borders: {} });
  sheet.widths.set(3, 20);
  return wb;
}

export const etApp = (wb: EtBookState | null) => simulateEt(wb) as unknown as EtApp;

/** Everything a clerk could see, one line per thing, so that a difference names itself. */
export const snapshotEt = (wb: EtBookState): string[] =>
  wb.sheets.flatMap((s) => [
    `sheet ${s.name} visible=${s.visible}`,
    ...[...s.cells.entries()]
      .filter(([, c]) => c.value !== null || c.formula || c.fill !== XL_NONE || c.bold || c.fontColor !== 0 || c.numberFormat !== 'General' || Object.keys(c.borders).length)
      .map(([k, c]) => `${s.name}!${k} ${JSON.stringify(c.value)} ${c.formula ?? ''} fill=${c.fill} bold=${c.bold} font=${c.fontColor} nf=${c.numberFormat} borders=${JSON.stringify(c.borders)}`),
    ...[...s.comments.entries()].map(([k, t]) => `${s.name}!${k} comment ${t}`),
    ...s.conditions.map((c) => `${s.name} cf ${JSON.stringify(c.appliesTo)} ${c.formula} ${c.fill ?? ''} ${c.fontColor ?? ''} ${JSON.stringify(c.borders)}`),
    // a column set to the standard width looks as one never set
    ...[...s.widths.entries()].filter(([, w]) => w !== STANDARD_WIDTH).map(([k, w]) => `${s.name} col ${k} width ${w}`),
    ...s.merges.map((m) => `${s.name} merge ${JSON.stringify(m)}`),
  ]).sort();

export const changes = (before: string[], after: string[]) => ({
  added: after.filter((x) => !before.includes(x)),
  removed: before.filter((x) => !after.includes(x)),
});

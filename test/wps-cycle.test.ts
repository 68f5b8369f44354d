import { DEFAULT_PROFILE, PALETTE } from '../src/core';
import { MARK_FORMULA as OFFICE_MARK, OUR_NOTE as OFFICE_NOTE } from '../src/office/marks';
import { STATE_SHEET } from '../src/office/state';
import { changes, checkDate, etApp, generatedAt, openDemoEt, snapshotEt } from '../src/sim-et/demo';
import { XL_SHEET_VERY_HIDDEN } from '../src/sim-et/model';
import { bgr, MARK_FORMULA, OUR_NOTE } from '../src/wps/et';
import { wpsHost } from '../src/wps/host';
import { decider } from '../src/wps/ribbon';

/** 校验 → 清除标记 in (simulated) WPS 表格: what a clerk sees before, during and after. */
describe('WPS: 校验 → 清除标记', () => {
  const wb = openDemoEt();
  const before = snapshotEt(wb);
  const values = () => JSON.stringify(wb.sheets.filter((s) => !['校验结果', '汇总', STATE_SHEET].includes(s.name))
    .map((s) => [...s.cells.entries()].filter(([, c]) => c.value !== null).map(([k, c]) => [k, c.value])));
  const originalValues = values();
  const host = wpsHost(etApp(wb), 'zh-CN');
  const decide = decider(DEFAULT_PROFILE, checkDate, generatedAt);
  const inCf = (sheet: string, r: number, c: number, fill: string) =>
    wb.sheet(sheet)!.conditions.find((x) => x.formula === MARK_FORMULA && x.fill === bgr(fill) && x.appliesTo.some((a) => r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1));

  it('uses the Excel add-in\'s formula and note prefix, so either host clears the other\'s marks', () => {
    expect(MARK_FORMULA).toBe(OFFICE_MARK); // one definition, src/host/marks.ts
    expect(OUR_NOTE.source).toBe(OFFICE_NOTE.source);
  });

  it('colours every certificate, marks every finding, writes result columns and sheets, never a clerk value', async () => {
    const out = await host.check(decide);
    if (!out.ok) throw new Error(`${out.message} ${out.detail ?? ''}`);
    const r = out.result;
    expect(r.people).toHaveLength(16);
    const person = wb.sheet('人员')!;
    for (const p of r.people.filter((x) => x.colour !== 'none')) expect(inCf(p.sheet, p.row - 1, p.col - 1, PALETTE[p.colour as 'red'].fill)).toBeDefined();
    const red = r.people.find((p) => p.colour === 'red')!;
    // the cell's own fill is untouched: the colour is a conditional format
    expect(person.get(red.row - 1, red.col - 1)?.fill ?? -4142).toBe(-4142);
    // every finding's cell has the purple border and, where the clerk had no comment, our comment
    const d03 = r.findings.find((f) => f.rule === 'D03')!;
    expect(person.comments.get(person.key(d03.row - 1, d03.col - 1))).toBe('本人口头说明：身份证已补录');
    expect(out.notices.map((n) => n.zh).join('')).toContain('已有批注');
    for (const f of r.findings.filter((x) => x.sheet === '人员' && x !== d03)) {
      expect(person.comments.get(person.key(f.row - 1, f.col - 1))).toContain(`[${f.rule}]`);
      const edged = person.conditions.find((x) => x.formula === MARK_FORMULA && Object.values(x.borders).some((b) => b.color === bgr(PALETTE.finding.border))
        && x.appliesTo.some((a) => f.row - 1 >= a.r0 && f.row - 1 <= a.r1 && f.col - 1 >= a.c0 && f.col - 1 <= a.c1));
      expect({ cell: f.cell, edged: !!edged }).toEqual({ cell: f.cell, edged: true });
    }
    const header = r.personTable!.headerRows[r.personTable!.headerRows.length - 1];
    expect(person.get(header - 1, r.personTable!.lastCol)?.value).toBe('清理结论');
    expect(wb.sheet('校验结果')!.get(1, 1)!.value).toBe(r.findings[0].rule);
    expect(wb.sheet('汇总')).toBeDefined();
    expect(wb.sheet(STATE_SHEET)!.visible).toBe(XL_SHEET_VERY_HIDDEN);
    expect(wb.sheets[wb.sheets.length - 1].name).toBe(STATE_SHEET);
    // deleting and adding sheets never asked the clerk to confirm, and the clerk's sheet is still the one shown
    expect(wb.prompts).toEqual([]);
    expect(wb.sheets[wb.active].name).toBe('人员');
    const now = new Set(JSON.parse(values()).flat().map((x: unknown) => JSON.stringify(x)));
    for (const cell of JSON.parse(originalValues).flat()) expect(now.has(JSON.stringify(cell))).toBe(true);
  });

  it('a second 校验 replaces the marks instead of piling them up', async () => {
    const person = wb.sheet('人员')!;
    const cfs = person.conditions.length;
    const comments = person.comments.size;
    const sheets = wb.sheets.map((s) => s.name);
    const out = await host.check(decide);
    if (!out.ok) throw new Error(out.message);
    expect(person.conditions.length).toBe(cfs);
    expect(person.comments.size).toBe(comments);
    expect(wb.sheets.map((s) => s.name)).toEqual(sheets);
  });

  it('clicking a finding activates its sheet and selects its cell', async () => {
    const r = await host.goTo('主体', 'H3');
    expect(r.ok).toBe(true);
    expect(wb.sheets[wb.active].name).toBe('主体');
    expect(wb.selection).toEqual({ sheet: '主体', address: '$H$3' });
  });

  it('清除标记 leaves the workbook exactly as the clerk had it: values, fills, borders, comments, rules, widths, sheets', async () => {
    const r = await host.clear();
    expect(r).toMatchObject({ ok: true, complete: true });
    expect(changes(before, snapshotEt(wb))).toEqual({ added: [], removed: [] });
    expect(wb.prompts).toEqual([]);
  });

  it('a run cut short midway is undone by the next 清除标记 (the record is written before the marks)', async () => {
    const book = openDemoEt();
    const start = snapshotEt(book);
    const app = etApp(book);
    const h = wpsHost(app, 'zh-CN');
    // WPS fails on the first comment: the run stops after the state, columns and marks are written
    const sheet = book.sheet('人员')!;
    const comments = sheet.comments;
    comments.set = (k: string, v: string) => {
      throw new Error(`模拟：WPS 拒绝了写入 ${k} ${v}`);
    };
    const out = await h.check(decide);
    expect(out.ok).toBe(false);
    delete (comments as { set?: unknown }).set;
    expect(snapshotEt(book)).not.toEqual(start);
    const r = await h.clear();
    expect(r.ok).toBe(true);
    expect(changes(start, snapshotEt(book))).toEqual({ added: [], removed: [] });
  });
});

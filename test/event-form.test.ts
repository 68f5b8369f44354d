import { dayFromIso, planEvent, WorkbookGrid } from '../src/core';
import { demoUnits } from '../src/sample/demo';
import { templateBook } from '../src/sample/template';

const checkDate = dayFromIso('2024-06-05')!;
const market = demoUnits(checkDate)[2];
const gridOf = (sheets: { name: string; rows: unknown[][] }[]): WorkbookGrid => ({ sheets: sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) })) } as WorkbookGrid);
const roster = market.book.sheets[0].rows;
const header = roster.findIndex((r) => r.includes('身份证号码'));
const col = (h: string) => roster[header].indexOf(h);
// a holder on the roster, with the number the roster shows
const holder = roster.slice(header + 1).find((r) => r[col('执法证号')] && r[col('身份证号码')])!;
const base = { date: '2024-06-01', idNumber: String(holder[col('身份证号码')]), certNumber: String(holder[col('执法证号')]), event: '年审', handler: '王科员', reference: '柞政司〔2024〕1号' };

describe('登记证件事项: one event checked against the roster, placed below the ledger\'s last row', () => {
  it('a sound event goes on the row below the last, with the roster\'s name, in the ledger\'s own columns', () => {
    const grid = gridOf(market.book.sheets);
    const r = planEvent(grid, base, { checkDate });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const ledger = market.book.sheets.find((s) => s.name === '证件台账')!;
    const lastFilled = ledger.rows.reduce((m, row, i) => (row.some((v) => v !== null && v !== '') ? i + 1 : m), 0);
    expect(r.sheet).toBe('证件台账');
    expect(r.row).toBe(lastFilled + 1);
    const lh = ledger.rows.findIndex((row) => row.includes('事项'));
    const at = (h: string) => r.cells.find((c) => c.col === ledger.rows[lh].indexOf(h) + 1)?.value;
    expect([at('日期'), at('姓名'), at('身份证号码'), at('执法证号'), at('事项'), at('经办人')]).toEqual(
      ['2024-06-01', String(holder[col('姓名')]), base.idNumber, base.certNumber, '年审', '王科员']);
  });

  it('refuses, in Chinese, someone not on the roster, a number not theirs, a future date and an unknown event, all at once', () => {
    const r = planEvent(gridOf(market.book.sheets), { ...base, idNumber: '610000199001011234', date: '2099-01-01', event: '转让' }, { checkDate });
    expect(r.ok).toBe(false);
    const text = !r.ok ? r.problems.map((p) => p.zh).join('\n') : '';
    expect(text).toContain('没有身份证号码为 610000199001011234 的人员');
    expect(text).toContain('晚于今天');
    expect(text).toContain('事项应为');
    const wrong = planEvent(gridOf(market.book.sheets), { ...base, certNumber: 'X-0000' }, { checkDate });
    expect(!wrong.ok && wrong.problems[0].zh).toContain('与花名册中此人的证号');
    const renew = planEvent(gridOf(market.book.sheets), { ...base, event: '更换' }, { checkDate });
    expect(!renew.ok && renew.problems[0].zh).toContain('应填写新证号');
    expect(planEvent(gridOf(market.book.sheets), { ...base, event: '更换', certNumber: 'NEW-0001' }, { checkDate }).ok).toBe(true);
  });

  it('never writes over a row below the ledger (a 填表人 line): the clerk is asked to make room', () => {
    const sheets = market.book.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) }));
    const ledger = sheets.find((s) => s.name === '证件台账')!;
    const last = ledger.rows.reduce((m, row, i) => (row.some((v) => v !== null && v !== '') ? i : m), 0);
    ledger.rows.splice(last + 1, 0, ['填表人：张三']);
    const r = planEvent(gridOf(sheets), base, { checkDate });
    expect(!r.ok && r.problems.map((p) => p.zh).join()).toContain('已有内容：请先在该处插入一个空行');
  });

  it('a workbook without 证件台账 is told to insert the template first; the template\'s empty ledger takes its first row', () => {
    const without = market.book.sheets.filter((s) => s.name !== '证件台账');
    const r = planEvent(gridOf(without), base, { checkDate });
    expect(!r.ok && r.problems.map((p) => p.zh).join()).toContain('没有“证件台账”工作表');
    const template = templateBook().sheets.find((s) => s.name === '证件台账')!;
    const withTemplate = planEvent(gridOf([...without, template]), base, { checkDate });
    if (!withTemplate.ok) throw new Error(JSON.stringify(withTemplate.problems));
    const headerRow = template.rows.findIndex((row) => row.includes('事项')) + 1;
    expect(withTemplate.row).toBe(headerRow + 1);
  });
});

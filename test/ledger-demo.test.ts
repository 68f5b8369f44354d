import { checkWorkbook } from '../src/core/engine';
import { dayFromIso } from '../src/core/dates';
import { demoUnits } from '../src/sample/demo';
import { CellValue, WorkbookGrid } from '../src/core/types';
import { SheetSpec } from '../src/sample/book';

const checkDate = dayFromIso('2024-06-05')!;
const grid = (sheets: SheetSpec[]): WorkbookGrid => ({ file: 'demo.xlsx', sheets: sheets.map((s) => ({ name: s.name, rows: s.rows as CellValue[][] })) });

describe('cert-sweep demo: the market unit\'s 证件台账 and 培训记录', () => {
  const units = demoUnits(checkDate);
  const r = checkWorkbook(grid(units[2].book.sheets), { checkDate });

  it('trips each new rule, on the cell a clerk would fix', () => {
    expect(r.findings.filter((f) => /^(L|D14|P10)/.test(f.rule)).map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.name} ${f.colour ?? f.level}`)).toEqual([
      'D14 执法人员!U4 谢军 error',
      'P10 执法人员!U4 谢军 yellow',
      'D14 执法人员!U6 韦东 error',
      'P10 执法人员!U6 韦东 yellow',
      'L06 证件台账!E8 钱进 red',
      'L03 证件台账!F12 邱实 yellow',
      'L06 证件台账!E14 白雪 red',
      'L02 证件台账!F15 卢燕 red',
      'L04 证件台账!E16 钱进 yellow',
      'L05 证件台账!B17 韦东 yellow',
      'L05 证件台账!H17 韦东 yellow',
      'L01 证件台账!F18 唐娜 yellow',
      'L07 培训记录!E3  yellow',
    ]);
    // notice 三.4 in 问题说明: 谢军 holds the legal qualification (exam exempt, hours not)
    expect(r.findings.find((f) => f.rule === 'P10' && f.name === '谢军')?.message).toContain('免于参加证件考试');
  });

  it('colours the people the ledger and the records are about', () => {
    expect(r.people.map((p) => `${p.name} ${p.colour} ${p.rules.join(',')}`)).toEqual([
      '谢军 yellow D14,P10', '唐娜 yellow L01', '韦东 yellow D14,L05,P10', '宋佳 yellow P15', '梁晨 red P01,P15',
      '钱进 red L04,L06,P15', '白雪 red L06,P15', '邱实 yellow L03,P15', '秦岭 green ', '卢燕 red L02',
    ]);
  });

  it('leaves the other units without the optional sheets', () => {
    expect(units.map((u) => u.book.sheets.length)).toEqual([2, 2, 4]);
  });
});

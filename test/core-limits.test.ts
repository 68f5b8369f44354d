import { isoFromDay } from '../src/core/dates';
import { consolidate, consolidatedSheets } from '../src/core/consolidate';
import { FileCheck } from '../src/core/cross/context';
import { checkWorkbook, CheckResult } from '../src/core/engine';
import { makeId } from '../src/core/idnumber';
import { planForCheck } from '../src/core/plan';
import { DEFAULT_PROFILE } from '../src/core/profile';
import { summarize } from '../src/core/summary';
import { CELL_TEXT_LIMIT, cleanText, compact, fitCell, hasSpace, needsCleaning } from '../src/core/text';
import { WorkbookGrid } from '../src/core/types';
import { body, CHECK_DATE, check, holder, Row, workbook } from './helpers/grid';

/**
 * Excel holds at most 32,767 characters in a cell or a note. No text the core writes may pass it, however
 * many rows repeat a number: a duplicate's message names a few other places and counts the rest.
 */
const N = 8000;

/** A distinct valid ID number for each i (birth days spread over the years, three-digit sequence). */
const uniqueId = (i: number) => {
  const d = isoFromDay(-3000 + Math.floor(i / 900)).replace(/-/g, '');
  return makeId('611026', d, String(100 + (i % 900)).padStart(3, '0'));
};

/** Every text the core produces for a check: messages, notice, notes, result columns, sheet cells. */
function texts({ r, grid }: { r: CheckResult; grid: WorkbookGrid }): string[] {
  const plan = planForCheck(grid, r, { generatedAt: '', summary: summarize(r, 'agency'), summaryBy: 'agency' });
  return [
    ...r.findings.flatMap((f) => [f.message, f.messageEn]),
    r.message, ...r.notices,
    ...plan.marks.map((m) => m.note),
    ...plan.columns.flatMap((b) => b.rows.flatMap((x) => x.values)),
    ...plan.sheets.flatMap((s) => s.rows.flatMap((row) => row.map((c) => (typeof c.v === 'string' ? c.v : '')))),
  ];
}
function checkRows(people: Row[]): { r: CheckResult; grid: WorkbookGrid } {
  const grid = workbook(people, [body({ establishment: N * 2, enforcementPosts: N * 2 })]);
  return { r: checkWorkbook(grid, { checkDate: CHECK_DATE }), grid };
}
const longest = (xs: string[]) => xs.reduce((m, s) => Math.max(m, s.length), 0);

describe('texts within Excel’s cell limit', () => {
  it(`${N} rows sharing one 执法证号: D09 names 5 other rows and counts the rest`, () => {
    const checked = checkRows(Array.from({ length: N }, (_, i) => holder({ idNumber: uniqueId(i), certNumber: 'ZS-0001' })));
    const d09 = checked.r.findings.filter((f) => f.rule === 'D09');
    expect(d09).toHaveLength(N);
    expect(d09[0].message).toBe(`执法证号「ZS-0001」同时登记在第3、4、5、6、7行等 ${N - 1} 处的其他人员名下。`);
    expect(d09[0].messageEn).toBe(`Certificate number "ZS-0001" is also recorded for another person on row(s) 3、4、5、6、7 and ${N - 6} more.`);
    expect(d09[N - 1].message).toBe(`执法证号「ZS-0001」同时登记在第2、3、4、5、6行等 ${N - 1} 处的其他人员名下。`);
    expect(longest(texts(checked))).toBeLessThan(400);
  });

  it(`${N} rows sharing one ID number: D08 names 5 other rows and counts the rest`, () => {
    const id = uniqueId(1);
    const checked = checkRows(Array.from({ length: N }, (_, i) => holder({ idNumber: id, certNumber: `ZS-${i}` })));
    const d08 = checked.r.findings.filter((f) => f.rule === 'D08');
    expect(d08).toHaveLength(N);
    expect(d08[2].message).toBe(`身份证号码与第2、3、5、6、7行等 ${N - 1} 处重复，一人只应填报一行。`);
    expect(d08[2].messageEn).toBe(`The ID number repeats on row(s) 2、3、5、6、7 and ${N - 6} more; one row per person.`);
    expect(longest(texts(checked))).toBeLessThan(400);
  });

  it('a group of 6 lists all 5 others, as before; D09 leaves out the rows of the same person', () => {
    const r = check([
      ...Array.from({ length: 6 }, (_, i) => holder({ idNumber: uniqueId(i), certNumber: 'ZS-6' })),
      holder({ idNumber: uniqueId(0), certNumber: 'ZS-6' }),
    ]);
    const d09 = r.findings.filter((f) => f.rule === 'D09').map((f) => f.message);
    expect(d09[0]).toBe('执法证号「ZS-6」同时登记在第3、4、5、6、7行的其他人员名下。');
    expect(d09[1]).toBe('执法证号「ZS-6」同时登记在第2、4、5、6、7行等 6 处的其他人员名下。');
    expect(d09[6]).toBe(d09[0]);
  });

  it(`${N} people of two units sharing one 执法证号 and one ID number: X01 and X02 stay short`, () => {
    const unit = (file: string, name: string, rows: Row[]): FileCheck => {
      const grid = workbook(rows.map((p) => ({ ...p, unit: name })), [body({ unit: name })]);
      grid.file = file;
      return { file, status: 'ok', message: '', result: checkWorkbook(grid, { checkDate: CHECK_DATE }) };
    };
    const half = N / 2;
    const a = unit('a.xlsx', '营盘镇', Array.from({ length: half }, (_, i) => holder({ idNumber: uniqueId(i), certNumber: 'ZS-X' })));
    const b = unit('b.xlsx', '红岩寺镇', Array.from({ length: half }, (_, i) => holder({ idNumber: uniqueId(i + half), certNumber: 'ZS-X' })));
    const x02 = consolidate([a, b], DEFAULT_PROFILE, []).cross.filter((f) => f.rule === 'X02');
    expect(x02).toHaveLength(N);
    expect(x02[0].message).toBe(`执法证号「ZS-X」同时登记在《b.xlsx》执法人员!L2、《b.xlsx》执法人员!L3、《b.xlsx》执法人员!L4、《b.xlsx》执法人员!L5、《b.xlsx》执法人员!L6等 ${half} 处的其他人员名下。`);
    expect(longest(x02.flatMap((f) => [f.message, f.messageEn]))).toBeLessThan(400);

    const id = uniqueId(0);
    const c = unit('c.xlsx', '营盘镇', Array.from({ length: half }, (_, i) => holder({ idNumber: id, certNumber: `A${i}` })));
    const d = unit('d.xlsx', '红岩寺镇', Array.from({ length: half }, (_, i) => holder({ idNumber: id, certNumber: `B${i}` })));
    const x01 = consolidate([c, d], DEFAULT_PROFILE, []).cross.filter((f) => f.rule === 'X01');
    expect(x01).toHaveLength(N);
    expect(x01[0].message).toMatch(new RegExp(`^身份证号码同时出现在《c.xlsx》执法人员!F3、(《c.xlsx》执法人员!F\\d+、){3}《c.xlsx》执法人员!F7等 ${N - 1} 处，且两处都持有有效证件`));
    expect(longest(x01.flatMap((f) => [f.message, f.messageEn]))).toBeLessThan(400);
  });

  it('a cell value longer than the limit is cut in the message that quotes it, with the length it had', () => {
    const r = check([holder({ staffCategory: '编外'.repeat(20000) })]);
    const d07 = r.findings.find((f) => f.rule === 'D07')!;
    expect(d07.message.length).toBe(CELL_TEXT_LIMIT);
    expect(d07.message).toMatch(/…（共 \d+ 字，已截断）$/);
    expect(d07.messageEn.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
  });

  it('X04 over thousands of unknown headers, and the county\'s sheets, stay within the limit', () => {
    const grid = workbook([holder()]);
    for (let i = 0; i < 3000; i++) grid.sheets[0].rows[0].push(`自定义列${i}号说明文字`);
    const file: FileCheck = { file: 'a.xlsx', status: 'ok', message: '', result: checkWorkbook(grid, { checkDate: CHECK_DATE }) };
    const m = consolidate([file], DEFAULT_PROFILE, []);
    const x04 = m.cross.find((f) => f.rule === 'X04')!;
    expect(x04.message.length).toBe(CELL_TEXT_LIMIT);
    expect(x04.message).toMatch(/…（共 \d+ 字，已截断）$/);
    const cells = consolidatedSheets(m, { unit: '柞水县', checkDate: CHECK_DATE, profile: DEFAULT_PROFILE, generatedAt: '', maskIds: false })
      .flatMap((s) => s.rows.flatMap((row) => row.map((c) => (typeof c.v === 'string' ? c.v.length : 0))));
    expect(Math.max(...cells)).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
  });

  it('unknown headers beyond the limit are cut in the notice', () => {
    const grid = workbook([holder()]);
    const header = grid.sheets[0].rows[0];
    for (let i = 0; i < 3000; i++) header.push(`自定义列${i}号说明文字`);
    const r = checkWorkbook(grid, { checkDate: CHECK_DATE });
    expect(r.notices[0].length).toBe(CELL_TEXT_LIMIT);
    expect(r.message.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
  });
});

describe('fitCell', () => {
  it('leaves a text within the limit alone', () => {
    const s = 'x'.repeat(CELL_TEXT_LIMIT);
    expect(fitCell(s)).toBe(s);
  });

  it('cuts a longer text to exactly the limit and says how long it was', () => {
    const out = fitCell('字'.repeat(40000));
    expect(out.length).toBe(CELL_TEXT_LIMIT);
    expect(out.endsWith('…（共 40000 字，已截断）')).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const out = fitCell('𠀀'.repeat(20000), 101);
    expect(out.length).toBeLessThanOrEqual(101);
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('text helpers', () => {
  it('needsCleaning, cleanText, compact and hasSpace agree with one another', () => {
    const samples = ['执法主体', ' 执法主体 ', '执法\n主体', 'ＢＭ０００１', 'a　b', 'a\u00a0b', 'a\u2028b', 'x\ufeff', '', '  ', 'A B  C', '人员1'];
    for (const s of samples) {
      expect(compact(s)).toBe(s.replace(/\s/g, ''));
      expect(hasSpace(s)).toBe(compact(s) !== s);
      if (!needsCleaning(s)) expect(cleanText(s)).toBe(s);
    }
  });
});

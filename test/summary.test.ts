import { summarize, totalOf, SUMMARY_COLUMNS } from '../src/core/summary';
import { body, check, day, holder } from './helpers/grid';

describe('汇总 arithmetic', () => {
  const people = [
    holder(),
    holder({ staffCategory: '劳务派遣' }),
    holder({ employmentStatus: '退休', departureDate: day(-9) }),
    holder({ certVersion: '旧版' }),
    holder({ expiryDate: day(-3) }),
    holder({ onEnforcementPost: '否' }),
    holder({ annualTrainingHours: 10 }),
    holder({ transferInDate: day(-40), newFieldTrainingHours: 5, transferReviewed: '是' }),
    holder({ agency: '营盘镇综合执法办', gender: '女' }),
    holder({ certStatus: '未持证', certNumber: null }),
  ];
  const r = check(people, [body({ establishment: 5, enforcementPosts: 6 })]);
  const rows = summarize(r, 'agency');

  it('has a row per 执法主体, bodies sheet first, then names only people carry', () => {
    expect(rows.map((x) => x.agency)).toEqual(['柞水县城市管理执法局', '营盘镇综合执法办']);
    expect(rows.map((x) => x.agencies)).toEqual([1, 0]);
  });

  it('counts each person once, in the columns outputs.md asks for', () => {
    const [a] = rows;
    expect(a).toMatchObject({
      people: 9, holders: 8, nonFormal: 1, departedNotCancelled: 1, oldCertificate: 1, expired: 1, offPost: 1,
      trainingShort: 1, transferPending: 1, overLimit: 3, agencyProblems: 2,
    });
    expect(a.red + a.yellow + a.green).toBe(8);
    expect(a.toRecover).toBe(a.red);
  });

  it('the 合计 row is the sum of the rows for every column', () => {
    const total = totalOf(rows);
    for (const c of SUMMARY_COLUMNS) expect(total[c.key]).toBe(rows.reduce((s, x) => s + x[c.key], 0));
    expect(total.people).toBe(r.people.length);
    expect(total.dataErrors).toBe(r.findings.filter((f) => f.rule.startsWith('D') && f.level === 'error').length);
  });

  it('by file, a workbook is one row', () => {
    const byFile = summarize(r, 'file');
    expect(byFile).toHaveLength(1);
    expect(byFile[0].people).toBe(10);
    expect(byFile[0].agencies).toBe(1);
  });
});

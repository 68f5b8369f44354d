import { isoFromDay } from '../src/core/dates';
import { makeId } from '../src/core/idnumber';
import { DEFAULT_PROFILE, mergeProfile, Profile } from '../src/core/profile';
import { upcoming, Upcoming } from '../src/core/upcoming';
import { body, CHECK_DATE, day, holder, Row, workbook } from './helpers/grid';

const entrusted = (end: number, name: string) => body({
  agencyName: name, agencyType: '受委托组织', managesPublicAffairs: '是', entrustingAgency: '县局', entrustmentBasis: '某条例',
  entrustmentStart: day(-10), entrustmentEnd: day(end), entrustmentPublicised: '是', entrustsCoercion: '否',
});

/** "name date from→to rules", one per change: what a clerk reads off the list */
const lines = (u: Upcoming) => u.items.flatMap((i) => i.changes.map((c) =>
  `${i.name} ${isoFromDay(c.date)} ${c.from}→${c.to} ${[...new Set(c.findings.map((f) => f.rule))].join(',')}`));

function run(people: Row[], agencies: Row[], days = 90, profile: Profile = DEFAULT_PROFILE, step?: number) {
  return upcoming(workbook(people, agencies), { checkDate: CHECK_DATE, profile, days, step });
}

describe('upcoming: what turns 黄 or 红 within N days', () => {
  const people = [
    holder({ name: '三十天到期', expiryDate: day(30) }),
    holder({ name: '一百二十天到期', expiryDate: day(120) }),
    holder({ name: '一直绿', expiryDate: day(1000) }),
    holder({ name: '已是红', staffCategory: '劳务派遣', expiryDate: day(30) }),
    // turns 60 on day 50 (2024-07-25)
    holder({ name: '将退休', idNumber: makeId('611026', '19640725', '013') }),
    holder({ name: '发证日期在后', issueDate: day(10) }),
    holder({ name: '委托到期者', agency: '四十天委托' }),
    holder({ name: '委托一百天者', agency: '一百天委托' }),
  ];
  const agencies = [body(), entrusted(40, '四十天委托'), entrusted(100, '一百天委托')];

  it('lists each row that gets worse, on the first day it does, with the rules that cause it', () => {
    expect(lines(run(people, agencies))).toEqual([
      '一百天委托 2024-06-15 green→yellow A06', // 100 - 90 days: the entrustment warning starts
      '一百二十天到期 2024-07-05 green→yellow P12', // 120 - 90: the expiry warning starts
      '三十天到期 2024-07-06 yellow→red P05', // the day after expiry
      '四十天委托 2024-07-16 yellow→red A06',
      '委托到期者 2024-07-16 green→yellow P15', // its body turned red the same day
      '将退休 2024-07-25 green→yellow P14',
    ]);
  });

  it('says nothing of what only gets better, stays red, or changes beyond the window', () => {
    const names = run(people, agencies).items.map((i) => i.name);
    for (const n of ['一直绿', '已是红', '发证日期在后', '委托一百天者']) expect(names).not.toContain(n);
    // the entrustment of 100 days turns red on day 101: outside 90, inside 101
    expect(lines(run(people, agencies, 101))).toContain('一百天委托 2024-09-14 yellow→red A06');
    expect(lines(run(people, agencies, 100))).not.toContain('一百天委托 2024-09-14 yellow→red A06');
  });

  it('gives every step when a row worsens twice in the window, and the message of that day', () => {
    const short = mergeProfile(DEFAULT_PROFILE, { params: { expiryWarningDays: 30 } });
    const u = run([holder({ name: '两次', expiryDate: day(50) })], [body()], 90, short);
    expect(lines(u)).toEqual(['两次 2024-06-25 green→yellow P12', '两次 2024-07-26 yellow→red P05']);
    expect(u.items[0].changes[0].findings[0].message).toBe('证件将于2024-07-25到期（30天后），请及时换证。');
  });

  it('finds exactly what a full check on every day finds, with far fewer full checks', () => {
    // many rows, dates spread over the window and both sides of it
    const many: Row[] = [];
    for (let i = 0; i < 300; i++) {
      many.push(holder({
        expiryDate: day((i * 7) % 200 - 20), ...(i % 3 === 0 ? { agency: '四十天委托' } : {}),
        annualTrainingHours: i % 11 === 0 ? 10 : 60, issueDate: i % 13 === 0 ? day(i % 40) : day(-365),
      }));
    }
    const fast = run(many, agencies, 90);
    const brute = run(many, agencies, 90, DEFAULT_PROFILE, 1);
    expect(brute.cost.full).toBe(91);
    expect(lines(fast)).toEqual(lines(brute));
    expect(lines(fast).length).toBeGreaterThan(50);
    expect(fast.cost.full).toBe(4); // day 0, 30, 60, 90
    expect(fast.cost.fallback).toBe(0);
  });

  it('is empty for 0 days and reports an unusable workbook as the check does', () => {
    expect(run(people, agencies, 0).items).toEqual([]);
    const none = upcoming({ file: 'x.xlsx', sheets: [{ name: 'Sheet1', rows: [['随便'], ['什么']] }] }, { checkDate: CHECK_DATE, days: 90 });
    expect(none.today.status).toBe('not-a-roster');
    expect(none.items).toEqual([]);
  });
});

if (process.env.UPCOMING_BENCH) {
  // UPCOMING_BENCH=1 npx jest test/upcoming.test.ts: the figures quoted for a 50,000-row workbook
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { generate } = require('../bench/generate');
  it('bench: 50,000 rows', () => {
    const { grid } = generate(50_000, CHECK_DATE);
    const time = (f: () => unknown) => {
      const t0 = Date.now();
      const r = f();
      return { ms: Date.now() - t0, r };
    };
    const one = time(() => upcoming(grid, { checkDate: CHECK_DATE, days: 0 }));
    const u = time(() => upcoming(grid, { checkDate: CHECK_DATE, days: 90 }));
    const up = u.r as Upcoming;
    console.log(`one check ${one.ms} ms; upcoming 90 days ${u.ms} ms; cost ${JSON.stringify(up.cost)}; items ${up.items.length}`);
  }, 600_000);
}

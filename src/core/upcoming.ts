import { Day, isoFromDay } from './dates';
import { CheckResult, checkWorkbook, colourOf, startColour, worse } from './engine';
import { groupBy } from './group';
import { DEFAULT_PROFILE, Profile } from './profile';
import { ReadOptions } from './reader';
import { Finding } from './rule';
import { VERDICT_ZH } from './plan';
import { CellValue, Lang, Verdict, WorkbookGrid } from './types';

/**
 * 到期提醒: what turns 黄 or 红 within N days. The rules are not consulted directly: the whole check is re-run on
 * future dates, so a rule that depends on the date (P05, P12, P14, A06 and P15 through them, L02 on the ledger)
 * is picked up without a change here.
 *
 * Cost: full checks only at checkpoints (day 0, every `step` days, day N). Rows whose colour is worse at some
 * checkpoint are then resolved day by day, bracket by bracket, on a copy of the grid that keeps only the person
 * rows changing in that bracket (and every other sheet whole). A row's findings on day d are its full findings
 * at the bracket's left checkpoint, plus what appeared and less what went on the small grid since then. Each such row is verified against the full
 * check at the bracket's right checkpoint; if a rule ever made a row's dated findings depend on rows left out,
 * that row falls back to full checks for its bracket. A change shorter than `step` that comes and goes between
 * two checkpoints is not seen: today's rules have none (a warning window leads into a worse finding).
 */
export interface UpcomingOptions {
  checkDate: Day;
  profile?: Profile;
  read?: ReadOptions;
  /** how far ahead, in days */
  days: number;
  /** days between full checks (default 30) */
  step?: number;
}

export interface ColourChange {
  date: Day;
  /** days after the check date */
  after: number;
  from: Verdict;
  to: Verdict;
  /** findings on that date that the row does not have on the check date */
  findings: Finding[];
}

export interface UpcomingItem {
  table: 'person' | 'agency';
  sheet: string;
  row: number;
  name: string;
  unit: string;
  /** the person's 执法主体; for a body, its own name */
  agency: string;
  /** colour on the check date */
  colour: Verdict;
  /** each time the colour gets worse within the window, in date order */
  changes: ColourChange[];
}

export interface Upcoming {
  checkDate: Day;
  days: number;
  /** the check on the check date (status, message, today's colours) */
  today: CheckResult;
  items: UpcomingItem[];
  /** work done: full checks, checks of the reduced grid, rows that fell back to full checks */
  cost: { full: number; reduced: number; fallback: number };
}

const VERDICT_EN: Record<Verdict, string> = { red: 'red', yellow: 'yellow', green: 'green', none: 'no certificate' };
const keyOf = (table: string, sheet: string, row: number) => `${table}\u0000${sheet}\u0000${row}`;
const findingKey = (f: Finding) => `${f.rule}|${f.messageId}|${f.col}|${f.colour}|${f.level}`;

interface Snapshot {
  colour: Map<string, Verdict>;
  findings: Map<string, Finding[]>;
}

function snapshot(r: CheckResult): Snapshot {
  const colour = new Map<string, Verdict>();
  for (const p of r.people) colour.set(keyOf('person', p.sheet, p.row), p.colour);
  for (const a of r.agencies) colour.set(keyOf('agency', a.sheet, a.row), a.colour);
  const findings = groupBy(r.findings, (f) => keyOf(f.table, f.sheet, f.row));
  // a person's findings on 证件台账 or 培训记录 (L02 falls due there) belong to the person's row
  for (const p of r.people) {
    if (!p.elsewhere) continue;
    const k = keyOf('person', p.sheet, p.row);
    findings.set(k, [...(findings.get(k) ?? []), ...p.elsewhere]);
  }
  return { colour, findings };
}

/** Full findings at L, moved to d by what changed on the reduced grid between L and d. */
function moved(fullL: Finding[], subL: Finding[], subD: Finding[]): Finding[] {
  const before = new Set(subL.map(findingKey));
  const now = new Set(subD.map(findingKey));
  const out = fullL.filter((f) => !before.has(findingKey(f)) || now.has(findingKey(f)));
  const have = new Set(out.map(findingKey));
  for (const f of subD) if (!have.has(findingKey(f))) out.push(f);
  return out;
}

const sameKeys = (a: Finding[], b: Finding[]) => {
  const x = new Set(a.map(findingKey));
  const y = new Set(b.map(findingKey));
  return x.size === y.size && [...x].every((k) => y.has(k));
};

/** The grid with only these person rows left (others blank, so row numbers stay); other sheets whole. */
function reducedGrid(grid: WorkbookGrid, today: CheckResult, keep: Set<string>): WorkbookGrid {
  const drop = new Map<string, Set<number>>();
  for (const p of today.people) {
    if (keep.has(keyOf('person', p.sheet, p.row))) continue;
    if (!drop.has(p.sheet)) drop.set(p.sheet, new Set());
    drop.get(p.sheet)!.add(p.row);
  }
  const EMPTY: CellValue[] = [];
  return {
    file: grid.file,
    sheets: grid.sheets.map((s) => {
      const rows = drop.get(s.name);
      if (!rows) return s;
      const top = s.top ?? 0;
      return { ...s, rows: s.rows.map((r, i) => (rows.has(i + 1 + top) ? EMPTY : r)) };
    }),
  };
}

/** What gets worse within `days` days of the check date, and when. */
export function upcoming(grid: WorkbookGrid, opts: UpcomingOptions): Upcoming {
  const profile = opts.profile ?? DEFAULT_PROFILE;
  const days = Math.max(0, Math.floor(opts.days));
  const step = Math.max(1, Math.floor(opts.step ?? 30));
  const cost = { full: 0, reduced: 0, fallback: 0 };
  const run = (g: WorkbookGrid, d: number) => checkWorkbook(g, { checkDate: opts.checkDate + d, profile, read: opts.read });
  const today = run(grid, 0);
  cost.full++;
  const out: Upcoming = { checkDate: opts.checkDate, days, today, items: [], cost };
  if (today.status !== 'ok' || days === 0) return out;

  const marks = [0];
  for (let d = step; d < days; d += step) marks.push(d);
  marks.push(days);
  const full = new Map<number, Snapshot>([[0, snapshot(today)]]);
  const fullAt = (d: number) => {
    let s = full.get(d);
    if (!s) {
      s = snapshot(run(grid, d));
      cost.full++;
      full.set(d, s);
    }
    return s;
  };
  for (const d of marks) fullAt(d);

  const base = full.get(0)!;
  const baseOf = new Map<string, Verdict>();
  for (const p of today.people) baseOf.set(keyOf('person', p.sheet, p.row), startColour(p));
  for (const a of today.agencies) baseOf.set(keyOf('agency', a.sheet, a.row), 'green');

  // brackets (by index of their right checkpoint) in which a row's colour rises above its worst so far
  const needs = new Map<string, number[]>();
  for (const [k, c0] of base.colour) {
    let max = c0;
    for (let i = 1; i < marks.length; i++) {
      const c = full.get(marks[i])!.colour.get(k) ?? max;
      if (worse(max, c) !== max) {
        if (!needs.has(k)) needs.set(k, []);
        needs.get(k)!.push(i);
        max = c;
      }
    }
  }
  if (needs.size === 0) return out;

  // one reduced grid per bracket, holding only the rows that change in it: each day costs its own rows
  const inBracket = new Map<number, Set<string>>();
  for (const [k, brackets] of needs) {
    for (const i of brackets) {
      if (!inBracket.has(i)) inBracket.set(i, new Set());
      inBracket.get(i)!.add(k);
    }
  }
  const reduced = new Map<string, Snapshot>();
  const smalls = new Map<number, WorkbookGrid>();
  const reducedAt = (i: number, d: number) => {
    let s = reduced.get(`${i}:${d}`);
    if (!s) {
      let small = smalls.get(i);
      if (!small) smalls.set(i, (small = reducedGrid(grid, today, inBracket.get(i)!)));
      s = snapshot(run(small, d));
      cost.reduced++;
      reduced.set(`${i}:${d}`, s);
    }
    return s;
  };
  const of = (s: Snapshot, k: string) => s.findings.get(k) ?? [];

  const who = new Map<string, Omit<UpcomingItem, 'colour' | 'changes'>>();
  for (const p of today.people) who.set(keyOf('person', p.sheet, p.row), { table: 'person', sheet: p.sheet, row: p.row, name: p.name, unit: p.unit, agency: p.agency });
  for (const a of today.agencies) who.set(keyOf('agency', a.sheet, a.row), { table: 'agency', sheet: a.sheet, row: a.row, name: a.name, unit: a.unit, agency: a.name });

  for (const [k, brackets] of needs) {
    const baseKeys = new Set(of(base, k).map(findingKey));
    const item: UpcomingItem = { ...who.get(k)!, colour: base.colour.get(k)!, changes: [] };
    let max = item.colour;
    for (const i of brackets) {
      const L = marks[i - 1];
      const R = marks[i];
      const fullL = of(full.get(L)!, k);
      const fullR = full.get(R)!;
      // the reduced grid must reproduce the full check at R, and colourOf the engine's colour, or this row goes the slow way
      const exact = sameKeys(moved(fullL, of(reducedAt(i, L), k), of(reducedAt(i, R), k)), of(fullR, k))
        && colourOf(of(fullR, k), baseOf.get(k)!) === fullR.colour.get(k);
      if (!exact) cost.fallback++;
      for (let d = L + 1; d <= R; d++) {
        const fs = d === R ? of(fullR, k) : exact ? moved(fullL, of(reducedAt(i, L), k), of(reducedAt(i, d), k)) : of(fullAt(d), k);
        const c = d === R ? fullR.colour.get(k)! : exact ? colourOf(fs, baseOf.get(k)!) : fullAt(d).colour.get(k)!;
        if (worse(max, c) === max) continue;
        item.changes.push({ date: opts.checkDate + d, after: d, from: max, to: c, findings: fs.filter((f) => !baseKeys.has(findingKey(f))) });
        max = c;
      }
    }
    if (item.changes.length) out.items.push(item);
  }
  const order = new Map(grid.sheets.map((s, i) => [s.name, i]));
  out.items.sort((a, b) => a.changes[0].date - b.changes[0].date || (a.table === b.table ? 0 : a.table === 'agency' ? -1 : 1)
    || (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.row - b.row);
  return out;
}

/**
 * One row's reminder in words, as the command line prints it and the pane shows it: the first change, then any
 * later one ("；此后 …"). Both hosts join the same parts, so they cannot drift apart.
 */
export function upcomingLine(item: UpcomingItem, lang: Lang = 'zh'): { date: string; who: string; where: string; colours: string; reason: string; later: string } {
  const name = lang === 'zh' ? VERDICT_ZH : VERDICT_EN;
  const colours = (c: ColourChange) => `${name[c.from]}→${name[c.to]}`;
  const reason = (c: ColourChange) => [...new Map(c.findings.map((f) => [f.rule + f.messageId, `${f.rule} ${lang === 'zh' ? f.message : f.messageEn}`])).values()]
    .join(lang === 'zh' ? '；' : '; ');
  const [first, ...rest] = item.changes;
  return {
    date: isoFromDay(first.date),
    who: item.table === 'agency' ? (lang === 'zh' ? `${item.name}（执法主体）` : `${item.name} (body)`) : item.name,
    where: item.table === 'agency' || !item.agency || item.agency === item.unit ? item.unit : `${item.unit}/${item.agency}`,
    colours: colours(first),
    reason: reason(first),
    later: rest.map((c) => (lang === 'zh' ? `；此后 ${isoFromDay(c.date)} ${colours(c)}：${reason(c)}` : `; then ${isoFromDay(c.date)} ${colours(c)}: ${reason(c)}`)).join(''),
  };
}

import { Finding, PersonVerdict } from '../core';
import { UnitCheck } from './unit-check';

/**
 * A unit's check as a worker posts it: its people and findings in columns, not as objects. Structured clone
 * writes every object's keys and every string it meets, and the main thread then builds each object key by
 * key: a county's 300,000 people and 400,000 findings cost a second and a half of the two cores that way.
 * In columns, the numbers and the texts that repeat (sheet, unit, 执法主体, rule, level, action, a person's
 * rules…) are one Int32Array (the texts as indices into `texts`), the rest one array of strings each, and
 * the main thread makes each object from one literal, in the engine's key order. A check whose objects are
 * not of the shape written here (a field added to the engine and not here) goes as it is.
 */
const NONE = -0x80000000;

/** PersonVerdict's keys, in the engine's order: the columns below must name each of them */
const PERSON_KEYS = ['sheet', 'row', 'name', 'unit', 'agency', 'idNumber', 'certNumber', 'holds', 'live', 'idCol', 'certCol', 'colour', 'rules', 'col', 'elsewhere'];
const P_INTS = 10;
const P_STRS = 3;
const FINDING_KEYS = ['rule', 'messageId', 'level', 'colour', 'table', 'sheet', 'row', 'col', 'column', 'cell', 'name', 'message', 'messageEn', 'action', 'actionEn'];
const F_INTS = 11;
const F_STRS = 4;

interface Columns {
  texts: string[];
  people: { ints: Int32Array; strs: string[]; elsewhere: number[] };
  findings: { ints: Int32Array; strs: string[] };
}

export type Packed = UnitCheck & { columns?: Columns };

/** the keys of `o` are exactly `keys`, in that order */
function shaped(o: object, keys: string[]): boolean {
  let i = 0;
  for (const k in o) if (k !== keys[i++]) return false;
  return i === keys.length;
}

/** In place: people and findings moved into columns (their arrays left empty), or the check as it is. */
export function packCheck(f: UnitCheck): Packed {
  const r = f.result;
  if (!r) return f;
  const index = new Map<string, number>();
  const texts: string[] = [];
  let ok = true;
  const of = (s: unknown) => {
    if (typeof s !== 'string') return (ok = false), 0;
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = texts.push(s) - 1));
    return i;
  };
  const int = (v: unknown, optional = false) => {
    if (optional && v === undefined) return NONE;
    if (typeof v !== 'number' || (v | 0) !== v || v === NONE) ok = false;
    return v as number;
  };
  const str = (v: unknown) => {
    if (typeof v !== 'string') ok = false;
    return v as string;
  };
  const people = r.people;
  const pInts = new Int32Array(people.length * P_INTS);
  const pStrs = new Array<string>(people.length * P_STRS);
  const elsewhere: number[] = [];
  let findingAt: Map<Finding, number> | undefined;
  for (let i = 0, a = 0, b = 0; i < people.length && ok; i++) {
    const p = people[i];
    if (!shaped(p, PERSON_KEYS) || typeof p.holds !== 'boolean' || typeof p.live !== 'boolean' || !Array.isArray(p.rules)) return f;
    pInts[a++] = of(p.sheet);
    pInts[a++] = int(p.row);
    pInts[a++] = of(p.unit);
    pInts[a++] = of(p.agency);
    pInts[a++] = int(p.idCol, true);
    pInts[a++] = int(p.certCol, true);
    pInts[a++] = of(p.colour);
    // a person's rules as one text: few lists repeat down a unit ('' for none)
    pInts[a++] = p.rules.length ? of(p.rules.join('\u0001')) : NONE;
    pInts[a++] = int(p.col);
    pInts[a++] = (p.holds ? 1 : 0) | (p.live ? 2 : 0);
    pStrs[b++] = str(p.name);
    pStrs[b++] = str(p.idNumber);
    pStrs[b++] = str(p.certNumber);
    if (p.elsewhere !== undefined) {
      // findings about a person on another sheet are among the unit's findings: sent as their places there
      findingAt ??= new Map(r.findings.map((x, k) => [x, k]));
      if (!Array.isArray(p.elsewhere)) return f;
      elsewhere.push(i, p.elsewhere.length);
      for (const x of p.elsewhere) {
        const k = findingAt.get(x);
        if (k === undefined) return f;
        elsewhere.push(k);
      }
    }
  }
  const findings = r.findings;
  const fInts = new Int32Array(findings.length * F_INTS);
  const fStrs = new Array<string>(findings.length * F_STRS);
  for (let i = 0, a = 0, b = 0; i < findings.length && ok; i++) {
    const x = findings[i];
    if (!shaped(x, FINDING_KEYS)) return f;
    fInts[a++] = of(x.rule);
    fInts[a++] = of(x.messageId);
    fInts[a++] = of(x.level);
    fInts[a++] = x.colour === null ? NONE : of(x.colour);
    fInts[a++] = of(x.table);
    fInts[a++] = of(x.sheet);
    fInts[a++] = int(x.row);
    fInts[a++] = int(x.col);
    fInts[a++] = of(x.column);
    fInts[a++] = of(x.action);
    fInts[a++] = of(x.actionEn);
    fStrs[b++] = str(x.cell);
    fStrs[b++] = str(x.name);
    fStrs[b++] = str(x.message);
    fStrs[b++] = str(x.messageEn);
  }
  if (!ok) return f;
  r.people = [];
  r.findings = [];
  return Object.assign(f, { columns: { texts, people: { ints: pInts, strs: pStrs, elsewhere }, findings: { ints: fInts, strs: fStrs } } });
}

/** In place: the people and findings made again from their columns, each repeated text one string. */
export function unpackCheck(f: Packed): UnitCheck {
  const c = f.columns;
  if (!c || !f.result) return f;
  const { texts } = c;
  const text = (i: number) => (i === NONE ? undefined : texts[i]);
  const { ints: fi, strs: fs } = c.findings;
  const findings = new Array<Finding>(fi.length / F_INTS);
  for (let i = 0, a = 0, b = 0; i < findings.length; i++, a += F_INTS, b += F_STRS) {
    findings[i] = {
      rule: texts[fi[a]], messageId: texts[fi[a + 1]], level: texts[fi[a + 2]] as Finding['level'], colour: (text(fi[a + 3]) ?? null) as Finding['colour'],
      table: texts[fi[a + 4]] as Finding['table'], sheet: texts[fi[a + 5]], row: fi[a + 6], col: fi[a + 7], column: texts[fi[a + 8]],
      cell: fs[b], name: fs[b + 1], message: fs[b + 2], messageEn: fs[b + 3], action: texts[fi[a + 9]], actionEn: texts[fi[a + 10]],
    };
  }
  const { ints: pi, strs: ps, elsewhere } = c.people;
  const people = new Array<PersonVerdict>(pi.length / P_INTS);
  // a person's rules are an array of its own (the X rules add to it)
  const split = new Map<number, string[]>();
  const rules = (i: number) => {
    if (i === NONE) return [];
    let list = split.get(i);
    if (!list) split.set(i, (list = texts[i].split('\u0001')));
    return [...list];
  };
  for (let i = 0, a = 0, b = 0; i < people.length; i++, a += P_INTS, b += P_STRS) {
    people[i] = {
      sheet: texts[pi[a]], row: pi[a + 1], name: ps[b], unit: texts[pi[a + 2]], agency: texts[pi[a + 3]], idNumber: ps[b + 1], certNumber: ps[b + 2],
      holds: (pi[a + 9] & 1) !== 0, live: (pi[a + 9] & 2) !== 0, idCol: pi[a + 4] === NONE ? undefined : pi[a + 4], certCol: pi[a + 5] === NONE ? undefined : pi[a + 5],
      colour: texts[pi[a + 6]] as PersonVerdict['colour'], rules: rules(pi[a + 7]), col: pi[a + 8], elsewhere: undefined,
    };
  }
  for (let k = 0; k < elsewhere.length;) {
    const p = people[elsewhere[k++]];
    const n = elsewhere[k++];
    p.elsewhere = elsewhere.slice(k, k + n).map((j) => findings[j]);
    k += n;
  }
  f.result.people = people;
  f.result.findings = findings;
  delete f.columns;
  return f;
}

import { CheckResult, PersonVerdict } from './engine';
import { Finding } from './rule';
import { compact } from './text';
import { Text } from './types';

/** The 汇总 statistics of outputs.md, one row per 执法主体 (a unit's workbook) or per unit (the county's). */
export interface SummaryRow {
  unit: string;
  agency?: string;
  file?: string;
  agencies: number;
  people: number;
  holders: number;
  red: number;
  yellow: number;
  green: number;
  nonFormal: number;
  departedNotCancelled: number;
  oldCertificate: number;
  expired: number;
  offPost: number;
  overLimit: number;
  trainingShort: number;
  transferPending: number;
  agencyProblems: number;
  dataErrors: number;
  toRecover: number;
}

type Count = Exclude<keyof SummaryRow, 'unit' | 'agency' | 'file'>;

export const SUMMARY_COLUMNS: { key: Count; title: Text }[] = [
  { key: 'agencies', title: { zh: '执法主体数', en: 'Bodies' } },
  { key: 'people', title: { zh: '执法人员数', en: 'People' } },
  { key: 'holders', title: { zh: '持证人数', en: 'Holders' } },
  { key: 'red', title: { zh: '红', en: 'Red' } },
  { key: 'yellow', title: { zh: '黄', en: 'Yellow' } },
  { key: 'green', title: { zh: '绿', en: 'Green' } },
  { key: 'nonFormal', title: { zh: '非在编持证', en: 'Non-established holders (P01)' } },
  { key: 'departedNotCancelled', title: { zh: '离岗未注销', en: 'Departed, not cancelled (P03)' } },
  { key: 'oldCertificate', title: { zh: '旧证未换', en: 'Old certificates (P04)' } },
  { key: 'expired', title: { zh: '证件过期', en: 'Expired (P05)' } },
  { key: 'offPost', title: { zh: '不在执法岗位持证', en: 'Off-post holders (P08)' } },
  { key: 'overLimit', title: { zh: '超编超岗持证', en: 'Over establishment/posts (A10/A11)' } },
  { key: 'trainingShort', title: { zh: '培训学时不足', en: 'Training short (P10)' } },
  { key: 'transferPending', title: { zh: '调入待换证', en: 'Transfers pending (P09)' } },
  { key: 'agencyProblems', title: { zh: '主体资格问题', en: 'Body problems (A rules)' } },
  { key: 'dataErrors', title: { zh: '数据错误', en: 'Data errors (D)' } },
  { key: 'toRecover', title: { zh: '应收回注销证件数', en: 'Certificates to recover' } },
];

const PERSON_RULE_COUNTS: [Count, string][] = [
  ['nonFormal', 'P01'], ['departedNotCancelled', 'P03'], ['oldCertificate', 'P04'], ['expired', 'P05'],
  ['offPost', 'P08'], ['trainingShort', 'P10'], ['transferPending', 'P09'],
];

export function emptyRow(unit: string, agency?: string, file?: string): SummaryRow {
  const row = { unit, agency, file } as SummaryRow;
  for (const c of SUMMARY_COLUMNS) row[c.key] = 0;
  return row;
}

export function addInto(total: SummaryRow, row: SummaryRow): void {
  for (const c of SUMMARY_COLUMNS) total[c.key] += row[c.key];
}

export function totalOf(rows: SummaryRow[]): SummaryRow {
  const total = emptyRow('合计');
  for (const r of rows) addInto(total, r);
  return total;
}

const norm = compact;

const dataError = (f: Finding) => f.rule.startsWith('D') && f.level === 'error';

function countPerson(row: SummaryRow, p: PersonVerdict): void {
  row.people += 1;
  if (p.holds) row.holders += 1;
  if (p.colour === 'red') row.red += 1;
  if (p.colour === 'yellow') row.yellow += 1;
  if (p.colour === 'green') row.green += 1;
  if (p.colour === 'red' && p.holds) row.toRecover += 1;
  if (p.rules.length) for (const [key, id] of PERSON_RULE_COUNTS) if (p.rules.includes(id)) row[key] += 1;
}

/**
 * Summary of one checked workbook. by 'agency': a row per 执法主体 (those on the bodies sheet first, then
 * names only people carry); by 'file': one row for the whole workbook, as the county counts units.
 */
export function summarize(r: CheckResult, by: 'agency' | 'file'): SummaryRow[] {
  const rows = new Map<string, SummaryRow>();
  const rowFor = (agency: string): SummaryRow => {
    const key = by === 'file' ? '' : norm(agency);
    let row = rows.get(key);
    if (!row) {
      row = by === 'file' ? emptyRow(r.unit, undefined, r.file) : emptyRow(r.unit, agency || '（未填执法主体）');
      rows.set(key, row);
    }
    return row;
  };
  // a row's place as a number (sheet's number × 2²¹ + row): no string built per person
  const sheetNo = new Map<string, number>();
  let lastSheet = '';
  let lastNo = -1;
  const at = (sheet: string, row: number) => {
    if (sheet !== lastSheet || lastNo < 0) {
      let n = sheetNo.get(sheet);
      if (n === undefined) sheetNo.set(sheet, (n = sheetNo.size));
      lastSheet = sheet;
      lastNo = n;
    }
    return lastNo * 2 ** 21 + row;
  };
  // the summary row of each spelling of a name, so that a name is compacted once, not once per person
  const bySpelling = new Map<string, SummaryRow>();
  const agencyRowOf = new Map<number, SummaryRow>();
  for (const a of r.agencies) {
    const row = rowFor(a.name);
    if (by === 'agency') row.unit = a.unit || r.unit;
    row.agencies += 1;
    row.overLimit += a.excess;
    row.agencyProblems += a.rules.filter((id) => id.startsWith('A')).length;
    agencyRowOf.set(at(a.sheet, a.row), row);
  }
  // only the people with a data error need their summary row remembered
  const errorAt = new Set<number>();
  for (const f of r.findings) if (f.table === 'person' && dataError(f)) errorAt.add(at(f.sheet, f.row));
  const personRowOf = new Map<number, SummaryRow>();
  const people = r.people;
  for (let i = 0; i < people.length; i++) {
    const p = people[i];
    let row = bySpelling.get(p.agency);
    if (!row) bySpelling.set(p.agency, (row = rowFor(p.agency)));
    countPerson(row, p);
    if (errorAt.size > 0) {
      const k = at(p.sheet, p.row);
      if (errorAt.has(k)) personRowOf.set(k, row);
    }
  }
  for (const f of r.findings) {
    if (!dataError(f)) continue;
    const row = (f.table === 'person' ? personRowOf : agencyRowOf).get(at(f.sheet, f.row)) ?? (by === 'file' ? rowFor('') : undefined);
    if (row) row.dataErrors += 1;
  }
  return [...rows.values()];
}

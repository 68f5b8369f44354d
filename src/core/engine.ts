import { a1 } from './a1';
import { Day } from './dates';
import { fieldDef, TABLES, TableKind } from './fields';
import { DEFAULT_PROFILE, Profile } from './profile';
import { locateTables, ReadOptions, Table } from './reader';
import { groupBy } from './group';
import { compact } from './text';
import { holdersByAgency } from './holders';
import { holdsCertificate, liveCertificate, Rec } from './record';
import { fill, Finding, Report, Rule, RuleContext } from './rule';
import { RULES } from './rules';
import { Colour, FindingColour, Verdict, WorkbookGrid } from './types';

export interface PersonVerdict {
  sheet: string;
  row: number;
  name: string;
  unit: string;
  agency: string;
  idNumber: string;
  certNumber: string;
  holds: boolean;
  /** a certificate in hand (正常, 挂失, 暂扣), not just applied for */
  live: boolean;
  /** the columns of the ID and certificate numbers, for cross-workbook findings */
  idCol?: number;
  certCol?: number;
  colour: Verdict;
  rules: string[];
  /** rows of the table this verdict is written beside */
  col: number;
}

export interface AgencyVerdict {
  sheet: string;
  row: number;
  name: string;
  unit: string;
  colour: Colour;
  rules: string[];
  holders: number;
  /** holders beyond the larger breach of 编制数 / 执法岗位数 */
  excess: number;
}

export type FileStatus = 'ok' | 'unreadable' | 'not-a-roster';

export interface CheckResult {
  file: string;
  status: FileStatus;
  message: string;
  unit: string;
  checkDate: Day;
  profile: Profile;
  personTable: Table | null;
  personTables: Table[];
  agencyTable: Table | null;
  people: PersonVerdict[];
  agencies: AgencyVerdict[];
  findings: Finding[];
  /** things worth telling the clerk that are not findings (unknown columns) */
  notices: string[];
}

export interface CheckOptions {
  checkDate: Day;
  profile?: Profile;
  read?: ReadOptions;
}

const RANK: Record<Verdict, number> = { none: 0, green: 1, yellow: 2, red: 3 };
export function worse<T extends Verdict>(a: T, b: T): T {
  return RANK[b] > RANK[a] ? b : a;
}

export function enabledRules(profile: Profile): Rule[] {
  return RULES.filter((r) => profile.rules[r.meta.id]?.enabled !== false);
}

function resolveColour(rule: Rule, profile: Profile, variant?: string): FindingColour | null {
  const s = profile.rules[rule.meta.id];
  const c = variant ? s?.variants?.[variant] ?? rule.meta.variants?.[variant] : s?.colour ?? rule.meta.colour;
  return c === undefined || c === 'none' ? null : c;
}

function makeFinding(rule: Rule, r: Report, ctx: RuleContext, profile: Profile): Finding {
  const table = (r.at ?? r.rec?.table ?? (r.table === 'person' ? ctx.personTable : ctx.agencyTable)) as Table;
  const def = r.field ? fieldDef(r.table, r.field) : undefined;
  const row = r.row ?? r.rec?.row ?? table.headerRows[0];
  const col = r.col ?? (r.field ? table.fieldCol[r.field] : undefined) ?? table.fieldCol[r.table === 'person' ? 'name' : 'agencyName'] ?? table.firstCol;
  const msg = rule.meta.messages[r.messageId];
  let colour: FindingColour | null = null;
  let level = rule.meta.level ?? 'info';
  if (rule.meta.category === 'D') {
    level = profile.rules[rule.meta.id]?.level ?? level;
  } else {
    colour = resolveColour(rule, profile, r.variant);
    level = colour === 'red' ? 'error' : colour === 'yellow' ? 'warning' : 'info';
  }
  return {
    rule: rule.meta.id,
    messageId: r.messageId,
    level,
    colour,
    table: r.table,
    sheet: table.sheet,
    row,
    col,
    column: def?.header ?? '',
    cell: a1(row, col),
    name: r.rec?.label ?? '',
    message: fill(msg.zh, { ...r.data, field: def?.header ?? '' }),
    messageEn: fill(msg.en, { ...r.data, field: def?.en ?? '' }),
    action: rule.meta.action.zh,
    actionEn: rule.meta.action.en,
  };
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/** Check one workbook: locate its tables, run every enabled rule, colour every row. */
export function checkWorkbook(wb: WorkbookGrid, opts: CheckOptions): CheckResult {
  const profile = opts.profile ?? DEFAULT_PROFILE;
  const located = locateTables(wb, opts.read);
  const base = { file: wb.file, checkDate: opts.checkDate, profile, people: [], agencies: [], findings: [] };
  if (!located.person) {
    const expected = TABLES.person.fields.filter((f) => f.required).map((f) => f.header).join('、');
    const message = wb.sheets.every((s) => s.rows.every((r) => r.every((v) => v === null || v === '')))
      ? '工作簿是空的，没有可校验的内容。'
      : `没有找到执法人员表：请确认表头含有以下列（可在表头行上方留标题行）：${expected}。` +
        `工作簿中的工作表：${wb.sheets.map((s) => s.name).join('、')}；如表头写法不同，可用 --sheet 指定工作表、用 --map 对应表头（如 --map 持证单位=执法主体）。`;
    return { ...base, status: 'not-a-roster', message, unit: '', personTable: null, personTables: [], agencyTable: located.agency, notices: [] };
  }
  const toRecs = (t: Table | null, kind: TableKind) => (t ? t.records.map((r) => new Rec(kind, t, r, opts.checkDate)) : []);
  const people = located.persons.flatMap((t) => toRecs(t, 'person'));
  const agencies = toRecs(located.agency, 'agency');
  const agencyByName = new Map<string, Rec>();
  for (const a of agencies) {
    const key = compact(a.label);
    if (key && !agencyByName.has(key)) agencyByName.set(key, a);
  }
  const findings: Finding[] = [];
  const holderCounts = holdersByAgency(people);
  let current: Rule = RULES[0];
  const ctx: RuleContext = {
    people, agencies, agencyByName, findings,
    holders: holderCounts,
    bodyOf: (p) => {
      const name = p.str('agency');
      return name === undefined ? undefined : agencyByName.get(compact(name));
    },
    personTable: located.person,
    personTables: located.persons,
    agencyTable: located.agency,
    checkDate: opts.checkDate,
    params: profile.params,
    report: (r) => findings.push(makeFinding(current, r, ctx, profile)),
  };
  const rules = enabledRules(profile);
  for (const rule of [...rules.filter((r) => !r.meta.late), ...rules.filter((r) => r.meta.late)]) {
    current = rule;
    rule.check(ctx);
  }
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const sheetOrder = new Map(wb.sheets.map((s, i) => [s.name, i]));
  findings.sort((a, b) => (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || a.row - b.row || a.col - b.col || cmp(a.rule, b.rule));

  const unit = located.person.reportingUnit ?? mostCommon(people.map((p) => p.str('unit') ?? ''));
  const byRow = (table: TableKind) => groupBy(findings.filter((f) => f.table === table), (f) => `${f.sheet}\u0000${f.row}`);
  const personFindings = byRow('person');
  const agencyFindings = byRow('agency');
  const colourOf = (fs: Finding[], base: Verdict): Verdict =>
    fs.reduce<Verdict>((c, f) => worse(c, f.colour ?? (f.level === 'error' ? 'yellow' : c)), base);

  const agencyVerdicts: AgencyVerdict[] = agencies.map((a) => {
    const fs = agencyFindings.get(`${a.sheet}\u0000${a.row}`) ?? [];
    const holders = holderCounts.get(compact(a.label)) ?? 0;
    const limits = [a.num('establishment'), a.num('enforcementPosts')].filter((n): n is number => n !== undefined);
    return {
      sheet: a.sheet, row: a.row, name: a.label, unit: a.str('unit') ?? unit,
      colour: colourOf(fs, 'green') as Colour,
      rules: [...new Set(fs.map((f) => f.rule))],
      holders,
      excess: Math.max(0, ...limits.map((n) => holders - n)),
    };
  });
  const NO_FINDINGS: Finding[] = [];
  const personVerdicts: PersonVerdict[] = people.map((p) => {
    const fs = personFindings.get(`${p.sheet}\u0000${p.row}`) ?? NO_FINDINGS;
    const holds = holdsCertificate(p);
    const t = p.table;
    const verdictCol = t.fieldCol.certNumber ?? t.fieldCol.name ?? t.firstCol;
    const certCol = !p.empty('certNumber') ? verdictCol : t.fieldCol.name ?? verdictCol;
    return {
      sheet: p.sheet, row: p.row, name: p.label, unit: p.str('unit') ?? unit, agency: p.str('agency') ?? '',
      idNumber: p.str('idNumber') ?? '', certNumber: p.str('certNumber') ?? '', holds, live: liveCertificate(p),
      idCol: t.fieldCol.idNumber, certCol: t.fieldCol.certNumber,
      colour: colourOf(fs, holds || liveCertificate(p) ? 'green' : 'none'),
      rules: fs.length ? [...new Set(fs.map((f) => f.rule))].sort() : [],
      col: certCol,
    };
  });
  const notices = [...located.persons, located.agency]
    .filter((t): t is Table => !!t && t.unknownHeaders.length > 0)
    .map((t) => `工作表「${t.sheet}」有未识别的列（已保留、未校验）：${t.unknownHeaders.join('、')}`);
  if (located.persons.length > 1) notices.push(`执法人员分列在 ${located.persons.length} 个工作表中，已全部校验：${located.persons.map((t) => t.sheet).join('、')}`);
  for (const s of located.otherAgencySheets) notices.push(`工作表「${s}」也像执法主体表，未读取；请把执法主体合并到「${located.agency!.sheet}」中，或用 --agency-sheet 指定`);
  return {
    ...base, status: 'ok', message: notices.join('；'), unit,
    personTable: located.person, personTables: located.persons, agencyTable: located.agency,
    people: personVerdicts, agencies: agencyVerdicts, findings, notices,
  };
}

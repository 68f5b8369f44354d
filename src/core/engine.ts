import { a1 } from './a1';
import { Day } from './dates';
import { fieldDef, fieldNo, TABLES } from './fields';
import { DEFAULT_PROFILE, Params, Profile, ruleOption } from './profile';
import { bookKindOf, notCheckedSays } from './book-mark';
import { Located, locateTables, ReadOptions, Table } from './reader';
import { holdersByAgency } from './holders';
import { Records } from './ledger';
import { Body, LedgerEvent, Person, readBodies, readLedger, readPeople, readTraining, rowKey, TrainingRow } from './record';
import { fillField, Finding, Report, Rule, RuleContext, sameFill } from './rule';
import { fitCell } from './text';
import { RULES } from './rules';
import { Colour, FindingColour, Text, Verdict, WorkbookGrid } from './types';

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
  /** findings about this person on another sheet (证件台账, 培训记录): part of the colour and of 问题说明 */
  elsewhere?: Finding[];
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
  /** the message in English, for a host that runs in English, where there is one (a workbook that is no roster) */
  messageEn?: string;
  unit: string;
  checkDate: Day;
  profile: Profile;
  personTable: Table | null;
  personTables: Table[];
  agencyTable: Table | null;
  /** the optional 证件台账 and 培训记录 (docs/ledger.md), when the workbook has them */
  ledgerTable?: Table | null;
  trainingTable?: Table | null;
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

const CERT = fieldNo('person', 'certNumber');

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

/**
 * A message filled and kept within Excel's limit. Findings of one rule often say the same thing (8,000 rows
 * sharing one 执法证号 name the same five others): each template remembers its last text, and the same data
 * gives back the same string.
 */
const LAST_FILL = new Map<string, { data: Record<string, string | number> | undefined; field: string; text: string }>();
function filled(template: string, data: Record<string, string | number> | undefined, field: string): string {
  const last = LAST_FILL.get(template);
  if (last && last.field === field && sameFill(template, last.data, data)) return last.text;
  const text = fitCell(fillField(template, data, field));
  if (last || LAST_FILL.size < 1024) LAST_FILL.set(template, { data, field, text });
  return text;
}

function makeFinding(rule: Rule, r: Report, ctx: RuleContext, profile: Profile): Finding {
  const table = (r.at ?? r.rec?.table ?? (r.table === 'person' ? ctx.personTable : ctx.agencyTable)) as Table;
  const def = r.field ? fieldDef(r.table, r.field) : undefined;
  const row = r.row ?? r.rec?.row ?? table.headerRows[0];
  const col = r.col ?? (r.field ? table.fieldCol[r.field] : undefined) ?? table.fieldCol[r.table === 'agency' ? 'agencyName' : 'name'] ?? table.firstCol;
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
    message: filled(msg.zh, r.data, def?.header ?? ''),
    messageEn: filled(msg.en, r.data, def?.en ?? ''),
    action: rule.meta.action.zh,
    actionEn: rule.meta.action.en,
  };
}

/**
 * What rules see. A class, so that report() is one function for every check: code the JIT optimised for one
 * check's rules stays valid for the next (a closure per check would be a new function each time).
 */
class Context implements RuleContext {
  current: Rule = RULES[0];
  readonly params: Params;
  ledger: LedgerEvent[] = [];
  training: TrainingRow[] = [];
  records: Records | undefined = undefined;
  /** findings on another sheet about a person (Report.person), by the person's row key */
  readonly about = new Map<number, Finding[]>();
  constructor(
    readonly people: Person[],
    readonly agencies: Body[],
    readonly personTable: Table | null,
    readonly personTables: Table[],
    readonly agencyTable: Table | null,
    readonly checkDate: Day,
    private readonly profile: Profile,
    readonly agencyByName: Map<string, Body>,
    readonly holders: Map<string, number>,
    readonly findings: Finding[],
  ) {
    this.params = profile.params;
  }

  report(r: Report): void {
    const f = makeFinding(this.current, r, this, this.profile);
    this.findings.push(f);
    if (r.person && r.person.sheet !== f.sheet) {
      const list = this.about.get(r.person.key);
      if (list) list.push(f);
      else this.about.set(r.person.key, [f]);
    }
  }

  option<T>(key: string, rule = this.current.meta.id): T {
    return ruleOption<T>(this.profile, rule, key);
  }
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/**
 * Findings in sheet order, then by row, column and rule; returns each finding's row number (rowKey) in the new
 * order. Each finding's sheet is looked up once, not per comparison.
 */
function sortFindings(findings: Finding[], sheetIndex: (name: string) => number): Float64Array {
  const n = findings.length;
  const at = new Float64Array(n);
  for (let i = 0; i < n; i++) at[i] = rowKey(sheetIndex(findings[i].sheet), findings[i].row);
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  // a stable sort of positions, as Array.prototype.sort of the findings themselves would be
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((i, j) => at[i] - at[j] || findings[i].col - findings[j].col || cmp(findings[i].rule, findings[j].rule));
  const sorted = order.map((i) => findings[i]);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    findings[i] = sorted[i];
    keys[i] = at[order[i]];
  }
  return keys;
}

/** A person's colour before any finding: 绿 with a certificate (held or applied for), none without. */
export const startColour = (p: { holds: boolean; live: boolean }): Verdict => (p.holds || p.live ? 'green' : 'none');

/** A row's colour from its findings over its starting colour (startColour; 绿 for a body). */
export function colourOf(fs: Finding[], base: Verdict): Verdict {
  let c = base;
  for (let i = 0; i < fs.length; i++) c = worse(c, fs[i].colour ?? (fs[i].level === 'error' ? 'yellow' : c));
  return c;
}

/** The rules of a row's findings, each once, sorted. */
function rulesOf(fs: Finding[]): string[] {
  const rules: string[] = [];
  // a row has a few findings: insertion into a sorted list, each rule once
  for (let i = 0; i < fs.length; i++) {
    const r = fs[i].rule;
    let k = rules.length;
    while (k > 0 && rules[k - 1] > r) k--;
    if (rules[k - 1] === r) continue;
    rules.push(r);
    for (let j = rules.length - 1; j > k; j--) rules[j] = rules[j - 1];
    rules[k] = r;
  }
  return rules;
}

/** Each person's verdict. People and findings are both in row order (rowKey): one walk pairs them, no lookups. */
function personVerdicts(people: Person[], findings: Finding[], keys: Float64Array, unit: string, about: Map<number, Finding[]>): PersonVerdict[] {
  const out = new Array<PersonVerdict>(people.length);
  let next = 0;
  let table: Table | undefined;
  let verdictCol = 0;
  let nameCol: number | undefined;
  let idCol: number | undefined;
  let certCol: number | undefined;
  for (let i = 0; i < people.length; i++) {
    const p = people[i];
    if (p.table !== table) {
      table = p.table;
      idCol = table.fieldCol.idNumber;
      certCol = table.fieldCol.certNumber;
      nameCol = table.fieldCol.name;
      verdictCol = certCol ?? nameCol ?? table.firstCol;
    }
    while (next < findings.length && keys[next] < p.key) next++;
    let fs: Finding[] | undefined;
    for (let j = next; j < findings.length && keys[j] === p.key; j++) if (findings[j].table === 'person') (fs ??= []).push(findings[j]);
    const elsewhere = about.size > 0 ? about.get(p.key) : undefined;
    if (elsewhere) fs = fs ? fs.concat(elsewhere) : elsewhere;
    const base = startColour(p);
    out[i] = {
      sheet: p.sheet, row: p.row, name: p.label, unit: p.unit ?? unit, agency: p.agency ?? '',
      idNumber: p.idNumber ?? '', certNumber: p.certNumber ?? '', holds: p.holds, live: p.live,
      idCol, certCol,
      colour: fs ? colourOf(fs, base) : base,
      rules: fs ? rulesOf(fs) : [],
      col: p.at(CERT) !== null ? verdictCol : nameCol ?? verdictCol,
      elsewhere,
    };
  }
  return out;
}

/** Why a workbook with no table of people cannot be checked: empty, or its headers not found. */
function notARoster(wb: WorkbookGrid): Text {
  if (wb.sheets.every((s) => s.rows.every((r) => r.every((v) => v === null || v === '')))) {
    return { zh: '工作簿是空的，没有可校验的内容。', en: 'The workbook is empty: there is nothing to check.' };
  }
  const required = TABLES.person.fields.filter((f) => f.required);
  const sheets = wb.sheets.map((s) => s.name);
  return {
    zh: `没有找到执法人员表：请确认表头含有以下列（可在表头行上方留标题行）：${required.map((f) => f.header).join('、')}。` +
      `工作簿中的工作表：${sheets.join('、')}；如表头写法不同，可用 --sheet 指定工作表、用 --map 对应表头（如 --map 持证单位=执法主体）。`,
    en: `No table of enforcement staff was found. Check that its header row has these columns (a title row above it is fine): ${required.map((f) => `${f.header} (${f.en})`).join(', ')}. ` +
      `Sheets in the workbook: ${sheets.join(', ')}. If the headers are worded differently, match them below (on the command line: --sheet and --map).`,
  };
}

/** Check one workbook: locate its tables, run every enabled rule, colour every row. */
export function checkWorkbook(wb: WorkbookGrid, opts: CheckOptions): CheckResult {
  const profile = opts.profile ?? DEFAULT_PROFILE;
  // a book of ours (the county's workbook, a unit's feedback) has tables of people, but is not a roster
  const ours = bookKindOf(wb);
  const located: Located = ours ? { person: null, persons: [], agency: null, otherAgencySheets: [] } : locateTables(wb, opts.read);
  if (!located.person) {
    const message = ours ? notCheckedSays(ours) : notARoster(wb);
    return {
      file: wb.file, checkDate: opts.checkDate, profile, people: [], agencies: [], findings: [],
      status: 'not-a-roster', message: fitCell(message.zh), messageEn: fitCell(message.en), unit: '', personTable: null, personTables: [], agencyTable: located.agency, notices: [],
    };
  }
  const sheetOrder = new Map(wb.sheets.map((s, i) => [s.name, i]));
  const sheetIndex = (name: string) => sheetOrder.get(name) ?? 0;
  const people = located.persons.length === 1
    ? readPeople(located.persons[0], sheetIndex(located.persons[0].sheet), opts.checkDate)
    : located.persons.flatMap((t) => readPeople(t, sheetIndex(t.sheet), opts.checkDate));
  const agencies = located.agency ? readBodies(located.agency, sheetIndex(located.agency.sheet)) : [];
  const agencyByName = new Map<string, Body>();
  for (const a of agencies) {
    const key = a.nameKey;
    if (key && !agencyByName.has(key)) agencyByName.set(key, a);
  }
  for (let i = 0; i < people.length; i++) {
    const p = people[i];
    p.body = p.agencyKey === undefined ? undefined : agencyByName.get(p.agencyKey);
  }
  const findings: Finding[] = [];
  const holderCounts = holdersByAgency(people);
  const ctx = new Context(people, agencies, located.person, located.persons, located.agency, opts.checkDate, profile,
    agencyByName, holderCounts, findings);
  // the optional sheets: read, and grouped by person, only when the workbook has them
  if (located.ledger) ctx.ledger = readLedger(located.ledger, sheetIndex(located.ledger.sheet));
  if (located.training) ctx.training = readTraining(located.training, sheetIndex(located.training.sheet));
  if (located.ledger || located.training) {
    ctx.records = new Records(people, ctx.ledger, ctx.training, opts.checkDate, new Set(ruleOption<string[]>(profile, 'P10', 'excludedCategories') ?? []));
  }
  const rules = enabledRules(profile);
  for (const rule of [...rules.filter((r) => !r.meta.late), ...rules.filter((r) => r.meta.late)]) {
    ctx.current = rule;
    rule.check(ctx);
  }
  const keys = sortFindings(findings, sheetIndex);

  const unit = located.person.reportingUnit ?? mostCommon(people.map((p) => p.unit ?? ''));
  const agencyFindings = new Map<number, Finding[]>();
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (f.table !== 'agency') continue;
    const list = agencyFindings.get(keys[i]);
    if (list) list.push(f);
    else agencyFindings.set(keys[i], [f]);
  }
  const agencyVerdicts: AgencyVerdict[] = agencies.map((a) => {
    const fs = agencyFindings.get(a.key) ?? [];
    const holders = holderCounts.get(a.nameKey) ?? 0;
    const limits = [a.num('establishment'), a.num('enforcementPosts')].filter((n): n is number => n !== undefined);
    return {
      sheet: a.sheet, row: a.row, name: a.label, unit: a.str('unit') ?? unit,
      colour: colourOf(fs, 'green') as Colour,
      rules: [...new Set(fs.map((f) => f.rule))],
      holders,
      excess: Math.max(0, ...limits.map((n) => holders - n)),
    };
  });
  const notices = [...located.persons, located.agency, located.ledger, located.training]
    .filter((t): t is Table => !!t && t.unknownHeaders.length > 0)
    .map((t) => fitCell(`工作表「${t.sheet}」有未识别的列（已保留、未校验）：${t.unknownHeaders.join('、')}`));
  if (located.persons.length > 1) notices.push(fitCell(`执法人员分列在 ${located.persons.length} 个工作表中，已全部校验：${located.persons.map((t) => t.sheet).join('、')}`));
  for (const s of located.otherAgencySheets) notices.push(`工作表「${s}」也像执法主体表，未读取；请把执法主体合并到「${located.agency!.sheet}」中，或用 --agency-sheet 指定`);
  // one literal, keys in the order of the contract: a spread would give the result a new hidden class per check
  return {
    file: wb.file, checkDate: opts.checkDate, profile, people: personVerdicts(people, findings, keys, unit, ctx.about), agencies: agencyVerdicts, findings,
    status: 'ok', message: fitCell(notices.join('；')), unit,
    personTable: located.person, personTables: located.persons, agencyTable: located.agency, notices,
    ledgerTable: located.ledger ?? null, trainingTable: located.training ?? null,
  };
}

import { FieldDef, TableKind, TABLES } from './fields';
import { cellText, cleanText, headerKey } from './text';
import { CellValue, SheetGrid, WorkbookGrid } from './types';
import { cleanUnitName } from './unit-name';
import { isBlank } from './values';

/** A located table: which worksheet columns hold which fields, and which rows hold records. */
export interface Column {
  col: number; // 1-based worksheet column
  header: string; // as the workbook shows it
  field?: string;
}

/** A data row: the grid's own row array (no copy), read through the table's field index. */
export interface RawRecord {
  row: number; // worksheet row, 1-based
  values: CellValue[];
}

export interface Table {
  kind: TableKind;
  sheet: string;
  headerRows: number[];
  columns: Column[];
  fieldCol: Record<string, number>;
  /** field key → 0-based index into a record's values */
  fieldIndex: Record<string, number>;
  unknownHeaders: string[];
  missingRequired: string[];
  records: RawRecord[];
  /** the 填报单位 named above the table, if any */
  reportingUnit?: string;
  firstCol: number;
  lastCol: number;
  lastRow: number;
  score: number;
}

/** Sheets the product writes: never read back as input. */
export const OUTPUT_SHEETS = ['校验结果', '汇总', '明细', '报送情况', '_证件清理_标记'];

/**
 * Our sheet's name in a workbook whose own sheets (the clerk's) may already use it: a clerk's 汇总 keeps its name
 * and ours becomes 汇总（校验）, then 汇总（校验2）…, so that nothing of the clerk's is replaced or deleted and no
 * two sheets share a name (which Excel refuses to open). Sheet names compare without regard to case.
 */
export function freeSheetName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let n = 1; ; n++) {
    const next = `${name}（校验${n === 1 ? '' : n}）`;
    if (!used.has(next.toLowerCase())) return next;
  }
}

const RENAMED = new RegExp(`^(${OUTPUT_SHEETS.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})（校验\\d*）$`);

/** One of our sheets, under its own name or the one freeSheetName gave it beside a clerk's sheet of that name. */
export const isOutputSheet = (name: string): boolean => OUTPUT_SHEETS.includes(name) || RENAMED.test(name);

/** Our sheets named beside the workbook's `taken` ones, each a name of its own (freeSheetName); `taken` grows. */
export function withFreeNames<S extends { name: string }>(sheets: S[], taken: string[]): S[] {
  return sheets.map((s) => {
    const name = freeSheetName(s.name, taken);
    taken.push(name);
    return name === s.name ? s : { ...s, name };
  });
}

/**
 * The sheets of ours a last run left, to be removed before this one: those its record names; an older record
 * named none, and ours had the plain names; with no record at all, a sheet of such a name is the clerk's and
 * stays. The record sheet itself is the caller's to keep or remove.
 */
export function lastRunSheets(recorded: string[] | undefined, recordExists: boolean): string[] {
  if (recorded?.length) return recorded;
  return recordExists ? OUTPUT_SHEETS.filter((n) => n !== '_证件清理_标记') : [];
}
export const OUTPUT_COLUMNS = ['清理结论', '问题说明', '处理建议'];

const HEADER_SCAN_ROWS = 30;
const FOOTER = /^(填表人|填报人|审核人|联系电话|负责人|单位负责人|制表人|制表|联系人|填报日期|审核日期|签字|盖章|说明|注[:：])/;
const TOTAL = /^(合计|小计|总计)$/;

function lookupTable(fields: FieldDef[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const f of fields) {
    for (const name of [f.header, ...(f.synonyms ?? [])]) map.set(headerKey(name), f.key);
  }
  return map;
}
const LOOKUP: Record<TableKind, Map<string, string>> = {
  person: lookupTable(TABLES.person.fields),
  agency: lookupTable(TABLES.agency.fields),
  ledger: lookupTable(TABLES.ledger.fields),
  training: lookupTable(TABLES.training.fields),
};

function at(grid: SheetGrid, r: number, c: number): CellValue {
  return grid.rows[r]?.[c] ?? null;
}

function width(grid: SheetGrid): number {
  let w = 0;
  for (let r = 0; r < Math.min(grid.rows.length, HEADER_SCAN_ROWS + 2); r++) w = Math.max(w, grid.rows[r]?.length ?? 0);
  return w;
}

interface HeaderGuess {
  rows: number[]; // grid row indexes
  fields: Map<number, string>; // grid col -> field key
  headers: Map<number, string>;
  score: number;
}

/**
 * A cell as a header candidate: its text as shown, whether it is a label with its value (填报单位：…), and its
 * matching key. The scan asks this of the same cells a dozen times (each row as a one- or two-row header, for
 * each kind of table), and a county's units share their template's header texts: each text is worked out once.
 */
type Candidate = { text: string; label: boolean; key: string };
const CANDIDATES = new Map<string, Candidate>();
function candidate(v: CellValue): Candidate {
  const raw = typeof v === 'string' ? v : null;
  const known = raw === null ? undefined : CANDIDATES.get(raw);
  if (known) return known;
  const text = cleanText(cellText(v));
  const made = { text, label: /[:：]/.test(text), key: text ? headerKey(v) : '' };
  if (raw !== null) {
    // bounded: a workbook's data rows pass through here too
    if (CANDIDATES.size >= 20_000) CANDIDATES.clear();
    CANDIDATES.set(raw, made);
  }
  return made;
}

/** Header text of a column, with a two-row header's lower row winning over its group header. */
function guessHeader(grid: SheetGrid, kind: TableKind, r: number, twoRows: boolean, manual?: Record<string, string>): HeaderGuess {
  const lookup = LOOKUP[kind];
  const fields = new Map<number, string>();
  const headers = new Map<number, string>();
  const used = new Set<string>();
  const w = width(grid);
  for (let c = 0; c < w; c++) {
    const candidates = twoRows ? [at(grid, r + 1, c), at(grid, r, c)] : [at(grid, r, c)];
    for (const v of candidates) {
      const { text, label, key: hk } = candidate(v);
      // "填报单位：…" is a label with its value, never a column header
      if (!text || label) continue;
      if (!headers.has(c)) headers.set(c, text);
      const key = manual?.[text] ?? lookup.get(hk);
      if (key && !used.has(key)) {
        fields.set(c, key);
        headers.set(c, text);
        used.add(key);
        break;
      }
    }
  }
  return { rows: twoRows ? [r, r + 1] : [r], fields, headers, score: used.size };
}

function findHeader(grid: SheetGrid, kind: TableKind, manual?: Record<string, string>): HeaderGuess | null {
  let best: HeaderGuess | null = null;
  const anchors = TABLES[kind].anchors;
  for (let r = 0; r < Math.min(grid.rows.length, HEADER_SCAN_ROWS); r++) {
    const one = guessHeader(grid, kind, r, false, manual);
    if (one.score === 0) continue;
    const two = guessHeader(grid, kind, r, true, manual);
    const lower = guessHeader(grid, kind, r + 1, false, manual);
    // Two rows make one header only when each adds headers the other lacks (a group row over sub-headers).
    const g = two.score > one.score && two.score > lower.score ? two : one;
    const hasAnchors = anchors.every((a) => [...g.fields.values()].includes(a));
    if (hasAnchors && g.score >= 3 && (!best || g.score > best.score)) best = g;
  }
  return best;
}

/** A footer (填表人/审核人…) or total row: judged by its first non-blank cell. */
function isFooter(row: CellValue[]): boolean {
  let first: CellValue | undefined;
  for (let c = 0; c < row.length; c++) {
    if (!isBlank(row[c])) {
      first = row[c];
      break;
    }
  }
  if (typeof first !== 'string') return false;
  const text = cleanText(first);
  return FOOTER.test(text) || TOTAL.test(text.replace(/\s/g, ''));
}

function reportingUnit(grid: SheetGrid, beforeRow: number): string | undefined {
  for (let r = 0; r < beforeRow; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const t = cleanText(cellText(row[c]));
      // 填报单位（盖章）：城关镇人民政府 — the seal's note is part of the label, not of the name
      const m = /^(填报单位|单位名称|单位)\s*(?:[（(]\s*(?:盖章|公章|章)\s*[)）])?\s*[:：]?\s*(.*)$/.exec(t);
      if (!m) continue;
      const rest = cleanUnitName(m[2].split(/\s{2,}|填报日期|日期[:：]/)[0]);
      if (rest) return rest;
      for (let k = c + 1; k < row.length; k++) {
        const next = cleanUnitName(cleanText(cellText(row[k])));
        if (next) return next;
      }
    }
  }
  return undefined;
}

export interface ReadOptions {
  /** the clerk's choice of sheet per table */
  sheet?: Partial<Record<TableKind, string>>;
  /** the clerk's mapping of unknown headers to field keys */
  mapping?: Partial<Record<TableKind, Record<string, string>>>;
}

/**
 * The clerk's mapping "表头=规范表头" (e.g. 持证单位=执法主体) as ReadOptions: the canonical header (or a
 * synonym) names the field; a header of the bodies sheet maps there. Returns the words it could not use.
 */
export function mappingFrom(pairs: string[]): { mapping: NonNullable<ReadOptions['mapping']>; bad: string[] } {
  const mapping: NonNullable<ReadOptions['mapping']> = {};
  const bad: string[] = [];
  for (const pair of pairs) {
    const [from, to] = pair.split(/[=＝]/).map((x) => cleanText(x ?? ''));
    const kind = (['person', 'agency'] as TableKind[]).find((k) => to && LOOKUP[k].has(headerKey(to)));
    if (!from || !kind) {
      bad.push(pair);
      continue;
    }
    mapping[kind] = { ...mapping[kind], [from]: LOOKUP[kind].get(headerKey(to))! };
  }
  return { mapping, bad };
}

export function locateTable(grid: SheetGrid, kind: TableKind, manual?: Record<string, string>): Table | null {
  const h = findHeader(grid, kind, manual);
  if (!h) return null;
  const top = grid.top ?? 0;
  const left = grid.left ?? 0;
  const columns: Column[] = [];
  const fieldCol: Record<string, number> = {};
  const fieldIndex: Record<string, number> = {};
  const unknownHeaders: string[] = [];
  for (const [c, header] of [...h.headers.entries()].sort((a, b) => a[0] - b[0])) {
    const field = h.fields.get(c);
    if (OUTPUT_COLUMNS.includes(header)) continue;
    columns.push({ col: c + 1 + left, header, field });
    if (field) {
      fieldCol[field] = c + 1 + left;
      fieldIndex[field] = c;
    }
    else unknownHeaders.push(header);
  }
  const dataStart = h.rows[h.rows.length - 1] + 1;
  const records: RawRecord[] = [];
  let lastRow = dataStart;
  // a row is a record when a field other than 序号 has content
  const contentCols = [...h.fields].filter(([, key]) => key !== 'seq').map(([c]) => c);
  const NO_ROW: CellValue[] = [];
  for (let r = dataStart; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? NO_ROW;
    if (isFooter(row)) continue;
    let content = false;
    for (let k = 0; k < contentCols.length; k++) {
      if (!isBlank(row[contentCols[k]] ?? null)) {
        content = true;
        break;
      }
    }
    if (!content) continue;
    records.push({ row: r + 1 + top, values: row });
    lastRow = r + 1 + top;
  }
  const cols = columns.map((c) => c.col);
  const required = TABLES[kind].fields.filter((f) => f.required && fieldCol[f.key] === undefined).map((f) => f.header);
  return {
    kind,
    sheet: grid.name,
    headerRows: h.rows.map((r) => r + 1 + top),
    columns,
    fieldCol,
    fieldIndex,
    unknownHeaders,
    missingRequired: required,
    records,
    reportingUnit: reportingUnit(grid, h.rows[0]),
    firstCol: Math.min(...cols),
    lastCol: Math.max(...cols),
    lastRow,
    score: h.score,
  };
}

export interface Located {
  /** the best-read person table (its 填报单位 names the unit) */
  person: Table | null;
  /** every sheet that holds a person table, in workbook order: a unit may list its people on several */
  persons: Table[];
  agency: Table | null;
  /** other sheets that look like a bodies table but were not read */
  otherAgencySheets: string[];
  /** the optional 证件台账 and 培训记录 (docs/ledger.md), when the workbook has them */
  ledger?: Table | null;
  training?: Table | null;
}

/** Find the tables by their headers, whatever the sheets are called. */
export function locateTables(wb: WorkbookGrid, opts: ReadOptions = {}): Located {
  const candidates = wb.sheets.filter((s) => !isOutputSheet(s.name));
  const found = (kind: TableKind): Table[] => {
    const chosen = opts.sheet?.[kind];
    const sheets = chosen ? candidates.filter((s) => s.name === chosen) : candidates;
    return sheets.flatMap((s) => locateTable(s, kind, opts.mapping?.[kind]) ?? []);
  };
  const agencies = found('agency');
  const best = (ts: Table[]) => ts.reduce<Table | null>((b, t) => (!b || t.score > b.score ? t : b), null);
  // The optional sheets: their anchors (日期+事项, 培训名称+学时) are headers no roster has, so a workbook
  // without them costs only the header scan.
  const ledgers = found('ledger');
  const trainings = found('training');
  const others = [...agencies, ...ledgers, ...trainings];
  // One sheet is one table: a sheet read both ways keeps its better reading (a ledger also has 姓名 and 身份证号码).
  const persons = found('person').filter((p) => !others.some((a) => a.sheet === p.sheet && a.score > p.score));
  const bodies = agencies.filter((a) => !persons.some((p) => p.sheet === a.sheet));
  const agency = best(bodies);
  const free = (ts: Table[]) => ts.filter((t) => !persons.some((p) => p.sheet === t.sheet) && !bodies.some((b) => b.sheet === t.sheet));
  const ledger = best(free(ledgers));
  const training = best(free(trainings).filter((t) => t.sheet !== ledger?.sheet));
  return {
    person: best(persons),
    persons,
    agency,
    otherAgencySheets: bodies.filter((a) => a !== agency).map((a) => a.sheet),
    ledger,
    training,
  };
}

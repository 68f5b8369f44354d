import { Day } from './dates';
import { fieldNo, LIVE_CERT, TableKind, TABLES } from './fields';
import { idBirthOf, idBirthYmdOf, idCode, idGenderOf, IdInfo, idKindOf, IdProblem, idProblemOf } from './idnumber';
import { Table } from './reader';
import { compact } from './text';
import { CellValue } from './types';
import { Bad, Cell, ColumnReader, isStray } from './values';

/** The rows of a check are numbered sheet by sheet: the sheet's position × 2²¹ + the worksheet row (Excel has 2²⁰ rows). */
export const ROW_KEY_SHEET = 2 ** 21;
export function rowKey(sheetIndex: number, row: number): number {
  return sheetIndex * ROW_KEY_SHEET + row;
}

const asText = (c: Cell): string | undefined => (typeof c === 'string' ? c : undefined);
const asNumber = (c: Cell): number | undefined => (typeof c === 'number' ? c : undefined);

const P = (key: string) => fieldNo('person', key);
const UNIT = P('unit'), AGENCY = P('agency'), NAME = P('name'), GENDER = P('gender'), ID = P('idNumber');
const STAFF = P('staffCategory'), ON_POST = P('onEnforcementPost'), EMPLOYMENT = P('employmentStatus');
const DEPARTURE = P('departureDate'), CERT = P('certNumber'), VERSION = P('certVersion'), ISSUE = P('issueDate');
const EXPIRY = P('expiryDate'), STATUS = P('certStatus'), TRANSFER_IN = P('transferInDate');
const NEW_FIELD_HOURS = P('newFieldTrainingHours'), REVIEWED = P('transferReviewed'), ANNUAL_HOURS = P('annualTrainingHours');
const REVIEW = P('annualReview'), SANCTION = P('sanction');
/** the field a row is named by in messages: the person's name, the body's name */
const LABEL: Record<TableKind, number> = {
  person: NAME, agency: fieldNo('agency', 'agencyName'), ledger: fieldNo('ledger', 'name'), training: fieldNo('training', 'name'),
};

/**
 * Read one row's cells into the columns (a function of its own, which the JIT optimises once for every check);
 * a key field's stray characters (D13) are counted as it is read.
 */
function readRow(values: CellValue[], r: number, cols: Cell[][], readers: ColumnReader[], at: number[]): void {
  for (let k = 0; k < readers.length; k++) {
    const v = values[at[k]];
    const raw = v === undefined ? null : v;
    const reader = readers[k];
    const cell = reader.read(raw);
    cols[k][r] = cell;
    if (cell !== raw && reader.def.key_field && isStray(raw, cell, reader.def)) {
      if (reader.strays++ === 0) reader.firstStray = r;
    }
  }
}

const LIVE = 1, HOLDS = 2, DEPARTED = 4;
/** no ID number to check (blank, or unreadable: D03) */
const NO_ID = 0x7fffffff;

/**
 * What many rules ask of a person, worked out once for each row when the table is read, and kept in arrays by
 * row (no object per row): certificate facts, the compacted 执法主体, the ID number checked against GB 11643.
 */
class PersonFacts {
  readonly flags: Uint8Array;
  readonly agencyKey: (string | undefined)[];
  /** idCode of the ID number, or NO_ID */
  readonly id: Float64Array;
  /** the row of sheet 执法主体 the person's 执法主体 names (set by the engine) */
  readonly body: (Body | undefined)[];

  constructor(cols: Columns, today: Day) {
    const n = cols.table.records.length;
    this.flags = new Uint8Array(n);
    this.agencyKey = new Array<string | undefined>(n);
    this.id = new Float64Array(n);
    this.body = new Array<Body | undefined>(n);
    const status = cols.col(STATUS), cert = cols.col(CERT), employment = cols.col(EMPLOYMENT);
    const agency = cols.col(AGENCY), id = cols.col(ID);
    for (let r = 0; r < n; r++) this.read(r, status[r], cert[r], employment[r], agency[r], id[r], today);
  }

  private read(r: number, statusCell: Cell, cert: Cell, employmentCell: Cell, agencyCell: Cell, idCell: Cell, today: Day): void {
    const status = asText(statusCell);
    // a number without a status counts as a certificate in hand
    const live = status !== undefined ? LIVE_CERT.includes(status) : statusCell === null && cert !== null;
    const holds = live || status === '申领中';
    const employment = asText(employmentCell);
    const departed = employment !== undefined && employment !== '在岗';
    this.flags[r] = (live ? LIVE : 0) | (holds ? HOLDS : 0) | (departed ? DEPARTED : 0);
    const agency = asText(agencyCell);
    this.agencyKey[r] = agency === undefined ? undefined : compact(agency);
    const id = asText(idCell);
    this.id[r] = id ? idCode(id, today) : NO_ID;
  }
}

/**
 * A table's readings, column by column: col(field position in TABLES[kind].fields)[record index]. The fields
 * rules check are read when the table is, in one pass over the rows (a row's cells lie together in memory); free
 * text that only informs (序号, 职务, 备注…) is read whole the first time something asks for it. Kept by column,
 * so that a check allocates an array per column, not one per row.
 */
export class Columns {
  private readonly cols: (Cell[] | undefined)[];
  private blank: Cell[] | undefined = undefined;
  /** a person table's facts */
  facts: PersonFacts | undefined = undefined;
  /** key fields with stray characters (D13), by field position: how many cells, and the first one's index */
  readonly strays = new Map<number, { count: number; first: number }>();

  constructor(readonly table: Table, readonly sheetIndex: number) {
    const fields = TABLES[table.kind].fields;
    this.cols = new Array<Cell[] | undefined>(fields.length).fill(undefined);
    const eager = fields.flatMap((f, i) => (table.fieldIndex[f.key] !== undefined && (f.type !== 'text' || f.key_field || f.required) ? [i] : []));
    const n = table.records.length;
    const at = eager.map((i) => table.fieldIndex[fields[i].key]);
    const readers = eager.map((i) => new ColumnReader(fields[i]));
    // every element is written below
    const cols = eager.map(() => new Array<Cell>(n));
    for (let r = 0; r < n; r++) readRow(table.records[r].values, r, cols, readers, at);
    eager.forEach((i, k) => {
      this.cols[i] = cols[k];
      if (readers[k].strays) this.strays.set(i, { count: readers[k].strays, first: readers[k].firstStray });
    });
  }

  col(i: number): Cell[] {
    return this.cols[i] ?? this.read(i);
  }

  private read(i: number): Cell[] {
    const t = this.table;
    const f = TABLES[t.kind].fields[i];
    const at = t.fieldIndex[f.key];
    const n = t.records.length;
    let col: Cell[];
    if (at === undefined) {
      col = this.blank ??= new Array<Cell>(n).fill(null);
    } else {
      const reader = new ColumnReader(f);
      col = new Array<Cell>(n).fill(null);
      for (let r = 0; r < n; r++) col[r] = reader.read(t.records[r].values[at] ?? null);
    }
    this.cols[i] = col;
    return col;
  }
}

/**
 * One row of a table, every cell read once as its field's type when the table is read: rules look readings up,
 * they never parse. Generic rules read by field position (at); the rest read named fields. The record itself is
 * two numbers' worth: its table's readings and its index in them.
 */
export class Rec {
  constructor(
    /** the table's readings */
    readonly cols: Columns,
    /** this record's index in them */
    readonly index: number,
  ) {}

  get kind(): TableKind {
    return this.cols.table.kind;
  }

  get table(): Table {
    return this.cols.table;
  }

  get sheet(): string {
    return this.cols.table.sheet;
  }

  /** the worksheet row */
  get row(): number {
    return this.cols.table.records[this.index].row;
  }

  /** the grid's own row (no copy) */
  get values(): CellValue[] {
    return this.cols.table.records[this.index].values;
  }

  /** a number naming this row within the check (rowKey) */
  get key(): number {
    return rowKey(this.cols.sheetIndex, this.row);
  }

  /** the reading of the field at this position in TABLES[kind].fields: null where blank or where the table lacks the column */
  at(i: number): Cell {
    return this.cols.col(i)[this.index];
  }

  /** the cell's value as the workbook holds it; undefined when the table has no such column */
  raw(key: string): CellValue | undefined {
    const i = this.table.fieldIndex[key];
    return i === undefined ? undefined : this.values[i] ?? null;
  }

  has(key: string): boolean {
    return this.table.fieldIndex[key] !== undefined;
  }

  cell(key: string): Cell {
    return this.at(fieldNo(this.kind, key));
  }

  /** The value when it reads cleanly, else undefined. */
  str(key: string): string | undefined {
    const c = this.cell(key);
    return typeof c === 'string' ? c : typeof c === 'number' ? String(c) : undefined;
  }

  num(key: string): number | undefined {
    return asNumber(this.cell(key));
  }

  day(key: string): Day | undefined {
    return asNumber(this.cell(key));
  }

  empty(key: string): boolean {
    return this.cell(key) === null;
  }

  /** why the cell cannot be read, if it cannot */
  bad(key: string): Bad | undefined {
    const c = this.cell(key);
    return c !== null && typeof c === 'object' ? c : undefined;
  }

  get label(): string {
    return asText(this.at(LABEL[this.kind])) ?? '';
  }
}

/** A row of sheet 执法人员: its fields by name, and the facts many rules need, each worked out once. */
export class Person extends Rec {
  private get facts(): PersonFacts {
    return this.cols.facts!;
  }

  /** a certificate in hand (正常, 挂失, 暂扣), or a number without a status */
  get live(): boolean {
    return (this.facts.flags[this.index] & LIVE) !== 0;
  }

  /** live, or applied for (申领中): "a certificate" of workbook.md includes an application */
  get holds(): boolean {
    return (this.facts.flags[this.index] & HOLDS) !== 0;
  }

  /** 在岗状态 read and not 在岗 */
  get departed(): boolean {
    return (this.facts.flags[this.index] & DEPARTED) !== 0;
  }

  /** 执法主体 with every space taken out, for matching the bodies sheet */
  get agencyKey(): string | undefined {
    return this.facts.agencyKey[this.index];
  }

  /** the row of sheet 执法主体 this person's 执法主体 names, if any (set by the engine) */
  get body(): Body | undefined {
    return this.facts.body[this.index];
  }

  set body(b: Body | undefined) {
    this.facts.body[this.index] = b;
  }

  /** the ID number is there (readable text) */
  get hasIdNumber(): boolean {
    return this.facts.id[this.index] !== NO_ID;
  }

  /** what is wrong with the ID number (GB 11643), if it is there and wrong */
  get idProblem(): IdProblem | undefined {
    const code = this.facts.id[this.index];
    return code === NO_ID ? undefined : idProblemOf(code);
  }

  /** the gender the ID number gives, when it is valid */
  get idGender(): '男' | '女' | undefined {
    const code = this.facts.id[this.index];
    return code === NO_ID || code < 0 ? undefined : idGenderOf(code);
  }

  /** the birth day the ID number gives, when it is valid */
  get birth(): Day | undefined {
    const code = this.facts.id[this.index];
    return code === NO_ID || code < 0 ? undefined : idBirthOf(code);
  }

  /** the birth date the ID number gives as yyyymmdd, when it is valid */
  get birthYmd(): number | undefined {
    const code = this.facts.id[this.index];
    return code === NO_ID || code < 0 ? undefined : idBirthYmdOf(code);
  }

  /** 18 or 15 digits, when the ID number is valid */
  get idKind(): 18 | 15 | undefined {
    const code = this.facts.id[this.index];
    return code === NO_ID || code < 0 ? undefined : idKindOf(code);
  }

  /** The ID number's facts when it is a valid number (an object: for callers outside the rules' hot paths). */
  id(): IdInfo | null {
    const code = this.facts.id[this.index];
    if (code === NO_ID || code < 0) return null;
    return { id: this.idNumber!, kind: idKindOf(code), birth: idBirthOf(code), gender: idGenderOf(code) };
  }

  get unit() { return asText(this.at(UNIT)); }
  get agency() { return asText(this.at(AGENCY)); }
  get name() { return asText(this.at(NAME)); }
  get gender() { return asText(this.at(GENDER)); }
  /** cleaned, upper-case X */
  get idNumber() { return asText(this.at(ID)); }
  /** why the ID number cannot be read (an error value, digits stored as a number), if it cannot */
  get idBad(): Bad | undefined {
    const c = this.at(ID);
    return c !== null && typeof c === 'object' ? c : undefined;
  }
  get staffCategory() { return asText(this.at(STAFF)); }
  get onEnforcementPost() { return asText(this.at(ON_POST)); }
  get employmentStatus() { return asText(this.at(EMPLOYMENT)); }
  get departureDate() { return asNumber(this.at(DEPARTURE)); }
  get certNumber() { return asText(this.at(CERT)); }
  get certVersion() { return asText(this.at(VERSION)); }
  get issueDate() { return asNumber(this.at(ISSUE)); }
  get expiryDate() { return asNumber(this.at(EXPIRY)); }
  get certStatus() { return asText(this.at(STATUS)); }
  get transferInDate() { return asNumber(this.at(TRANSFER_IN)); }
  get hasTransferIn() { return this.at(TRANSFER_IN) !== null; }
  get newFieldTrainingHours() { return asNumber(this.at(NEW_FIELD_HOURS)); }
  get transferReviewed() { return asText(this.at(REVIEWED)); }
  get annualTrainingHours() { return asNumber(this.at(ANNUAL_HOURS)); }
  get annualReview() { return asText(this.at(REVIEW)); }
  get sanction() { return asText(this.at(SANCTION)); }
}

/** A row of sheet 执法主体. */
export class Body extends Rec {
  private compacted: string | undefined = undefined;

  /** 执法主体名称 with every space taken out (worked out once) */
  get nameKey(): string {
    return (this.compacted ??= compact(this.label));
  }
}

const L = (key: string) => fieldNo('ledger', key);
const L_DATE = L('date'), L_NAME = L('name'), L_ID = L('idNumber'), L_CERT = L('certNumber'), L_EVENT = L('event'), L_REF = L('reference');

/** A row of sheet 证件台账: one event in a certificate's life. */
export class LedgerEvent extends Rec {
  get date() { return asNumber(this.at(L_DATE)); }
  get name() { return asText(this.at(L_NAME)); }
  get idNumber() { return asText(this.at(L_ID)); }
  get certNumber() { return asText(this.at(L_CERT)); }
  get event() { return asText(this.at(L_EVENT)); }
  get reference() { return asText(this.at(L_REF)); }
}

const T = (key: string) => fieldNo('training', key);
const T_DATE = T('date'), T_NAME = T('name'), T_ID = T('idNumber'), T_COURSE = T('course'), T_CATEGORY = T('category'), T_HOURS = T('hours');

/** A row of sheet 培训记录: one person at one course. */
export class TrainingRow extends Rec {
  get date() { return asNumber(this.at(T_DATE)); }
  get name() { return asText(this.at(T_NAME)); }
  get idNumber() { return asText(this.at(T_ID)); }
  get course() { return asText(this.at(T_COURSE)); }
  get category() { return asText(this.at(T_CATEGORY)); }
  get hours() { return asNumber(this.at(T_HOURS)); }
}

export function readLedger(table: Table, sheetIndex: number): LedgerEvent[] {
  const cols = new Columns(table, sheetIndex);
  return table.records.map((_, i) => new LedgerEvent(cols, i));
}

export function readTraining(table: Table, sheetIndex: number): TrainingRow[] {
  const cols = new Columns(table, sheetIndex);
  return table.records.map((_, i) => new TrainingRow(cols, i));
}

export function readPeople(table: Table, sheetIndex: number, today: Day): Person[] {
  const cols = new Columns(table, sheetIndex);
  cols.facts = new PersonFacts(cols, today);
  const out = new Array<Person>(table.records.length);
  for (let i = 0; i < out.length; i++) out[i] = new Person(cols, i);
  return out;
}

export function readBodies(table: Table, sheetIndex: number): Body[] {
  const cols = new Columns(table, sheetIndex);
  return table.records.map((_, i) => new Body(cols, i));
}

/**
 * A key field's cells with stray characters (D13), counted when the tables were read: how many over the tables of
 * these records, and the first of them.
 */
export function strayCells(recs: Rec[], i: number): { count: number; first: Rec | undefined } {
  let count = 0;
  let first: Rec | undefined;
  let cols: Columns | undefined;
  for (let r = 0; r < recs.length; r++) {
    // each table's records follow one another, from index 0
    if (recs[r].cols === cols) continue;
    cols = recs[r].cols;
    const s = cols.strays.get(i);
    if (s) {
      count += s.count;
      first ??= recs[r + s.first];
    }
  }
  return { count, first };
}

/**
 * Scans down a field's column, table by table, visiting the records whose reading matches: generic D rules check a
 * column this way, not row by row. Records of one table follow one another in recs, from index 0, as the engine
 * reads them; tables without the column are skipped. One loop per kind of match, each small and monomorphic.
 */
type Scan = (recs: Rec[], s: number, col: Cell[], n: number, visit: (rec: Rec, cell: Cell) => void, lo: number, hi: number) => void;

function scan(recs: Rec[], i: number, key: string, loop: Scan, visit: (rec: Rec, cell: Cell) => void, lo = 0, hi = 0): void {
  for (let s = 0; s < recs.length; ) {
    const cols = recs[s].cols;
    const n = cols.table.records.length;
    if (cols.table.fieldIndex[key] !== undefined) loop(recs, s, cols.col(i), n, visit, lo, hi);
    s += n;
  }
}

const blankLoop: Scan = (recs, s, col, n, visit) => {
  for (let r = 0; r < n; r++) if (col[r] === null) visit(recs[s + r], null);
};
const badLoop: Scan = (recs, s, col, n, visit) => {
  for (let r = 0; r < n; r++) {
    const c = col[r];
    if (c !== null && typeof c === 'object') visit(recs[s + r], c);
  }
};
const outsideLoop: Scan = (recs, s, col, n, visit, lo, hi) => {
  for (let r = 0; r < n; r++) {
    const c = col[r];
    if (typeof c === 'number' && (c < lo || c > hi)) visit(recs[s + r], c);
  }
};

/** Records whose field at position i is blank (where the table has the column). */
export function eachBlank(recs: Rec[], i: number, key: string, visit: (rec: Rec) => void): void {
  scan(recs, i, key, blankLoop, visit);
}

/** Records whose field at position i cannot be read as its type. */
export function eachUnreadable(recs: Rec[], i: number, key: string, visit: (rec: Rec, bad: Bad) => void): void {
  scan(recs, i, key, badLoop, visit as (rec: Rec, cell: Cell) => void);
}

/** Records whose field at position i reads as a number outside [lo, hi]. */
export function eachNumberOutside(recs: Rec[], i: number, key: string, lo: number, hi: number, visit: (rec: Rec, n: number) => void): void {
  scan(recs, i, key, outsideLoop, visit as (rec: Rec, cell: Cell) => void, lo, hi);
}

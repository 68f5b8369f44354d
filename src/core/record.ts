import { Day } from './dates';
import { fieldNo, LIVE_CERT, TableKind, TABLES } from './fields';
import { IdInfo, IdProblem, parseId } from './idnumber';
import { Table } from './reader';
import { compact } from './text';
import { CellValue } from './types';
import { Bad, Cell, ColumnReader } from './values';

/** The rows of a check are numbered sheet by sheet: the sheet's position × 2²¹ + the worksheet row (Excel has 2²⁰ rows). */
export const ROW_KEY_SHEET = 2 ** 21;
export function rowKey(sheetIndex: number, row: number): number {
  return sheetIndex * ROW_KEY_SHEET + row;
}

const asText = (c: Cell): string | undefined => (typeof c === 'string' ? c : undefined);
const asNumber = (c: Cell): number | undefined => (typeof c === 'number' ? c : undefined);

/**
 * A table's readings, column by column: col(field position in TABLES[kind].fields)[record index]. A column is
 * read whole the first time a rule asks for it (columns no rule reads, such as 备注, are never read), and kept
 * by column, so that a check allocates one array per column, not one per row.
 */
export class Columns {
  private readonly cols: (Cell[] | undefined)[];
  private blank: Cell[] | undefined = undefined;

  constructor(readonly table: Table) {
    const fields = TABLES[table.kind].fields;
    this.cols = new Array<Cell[] | undefined>(fields.length).fill(undefined);
    // The fields rules check are read now, in one pass over the rows (a row's cells lie together in memory);
    // free text that only informs (序号, 职务, 备注…) waits until something asks for it.
    const eager = fields.flatMap((f, i) => (table.fieldIndex[f.key] !== undefined && (f.type !== 'text' || f.key_field || f.required) ? [i] : []));
    const n = table.records.length;
    const at = eager.map((i) => table.fieldIndex[fields[i].key]);
    const readers = eager.map((i) => new ColumnReader(fields[i]));
    const cols = eager.map(() => new Array<Cell>(n).fill(null));
    for (let r = 0; r < n; r++) {
      const values = table.records[r].values;
      for (let k = 0; k < eager.length; k++) cols[k][r] = readers[k].read(values[at[k]] ?? null);
    }
    eager.forEach((i, k) => (this.cols[i] = cols[k]));
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
 * they never parse. Generic rules read by field position (at); the rest read named fields.
 */
export class Rec {
  /** a number naming this row within the check (rowKey) */
  readonly key: number;
  readonly sheet: string;

  constructor(
    readonly kind: TableKind,
    readonly table: Table,
    /** the grid's own row (no copy) */
    readonly values: CellValue[],
    readonly row: number,
    key: number,
    /** the table's readings, and this record's index in them */
    readonly cols: Columns,
    readonly index: number,
  ) {
    this.key = key;
    this.sheet = table.sheet;
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
    return this.cols.col(fieldNo(this.kind, key))[this.index];
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
    return asText(this.at(this.kind === 'person' ? NAME : AGENCY_NAME)) ?? '';
  }
}

const P = (key: string) => fieldNo('person', key);
const UNIT = P('unit'), AGENCY = P('agency'), NAME = P('name'), GENDER = P('gender'), ID = P('idNumber');
const STAFF = P('staffCategory'), ON_POST = P('onEnforcementPost'), EMPLOYMENT = P('employmentStatus');
const DEPARTURE = P('departureDate'), CERT = P('certNumber'), VERSION = P('certVersion'), ISSUE = P('issueDate');
const EXPIRY = P('expiryDate'), STATUS = P('certStatus'), TRANSFER_IN = P('transferInDate');
const NEW_FIELD_HOURS = P('newFieldTrainingHours'), REVIEWED = P('transferReviewed'), ANNUAL_HOURS = P('annualTrainingHours');
const REVIEW = P('annualReview'), SANCTION = P('sanction');
const AGENCY_NAME = fieldNo('agency', 'agencyName');

/** A row of sheet 执法人员: its fields by name, and the facts many rules need, each worked out once. */
export class Person extends Rec {
  /** a certificate in hand (正常, 挂失, 暂扣), or a number without a status */
  readonly live: boolean;
  /** live, or applied for (申领中): "a certificate" of workbook.md includes an application */
  readonly holds: boolean;
  /** 在岗状态 read and not 在岗 */
  readonly departed: boolean;
  /** 执法主体 with every space taken out, for matching the bodies sheet */
  readonly agencyKey: string | undefined;
  /** 执法证号 with every space taken out */
  readonly certKey: string | undefined;
  /** the row of sheet 执法主体 this person's 执法主体 names, if any (set by the engine) */
  body: Rec | undefined = undefined;
  /** the ID number checked against GB 11643, null when there is none */
  readonly idCheck: IdInfo | { problem: IdProblem } | null;

  constructor(table: Table, values: CellValue[], row: number, key: number, cols: Columns, index: number, today: Day) {
    super('person', table, values, row, key, cols, index);
    const status = asText(this.at(STATUS));
    this.live = status !== undefined ? LIVE_CERT.includes(status) : this.at(STATUS) === null && this.at(CERT) !== null;
    this.holds = this.live || status === '申领中';
    const employment = asText(this.at(EMPLOYMENT));
    this.departed = employment !== undefined && employment !== '在岗';
    const agency = asText(this.at(AGENCY));
    this.agencyKey = agency === undefined ? undefined : compact(agency);
    const cert = asText(this.at(CERT));
    this.certKey = cert === undefined ? undefined : compact(cert);
    const id = asText(this.at(ID));
    this.idCheck = id ? parseId(id, today) : null;
  }

  /** The ID number's facts when it is a valid number. */
  id(): IdInfo | null {
    const c = this.idCheck;
    return c !== null && 'birth' in c ? c : null;
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

/** A row of sheet 执法主体, with its name compacted once. */
export class Body extends Rec {
  /** 执法主体名称 with every space taken out */
  readonly nameKey: string;
  constructor(table: Table, values: CellValue[], row: number, key: number, cols: Columns, index: number) {
    super('agency', table, values, row, key, cols, index);
    this.nameKey = compact(this.label);
  }
}

export function readPeople(table: Table, sheetIndex: number, today: Day): Person[] {
  const cols = new Columns(table);
  return table.records.map((r, i) => new Person(table, r.values, r.row, rowKey(sheetIndex, r.row), cols, i, today));
}

export function readBodies(table: Table, sheetIndex: number): Body[] {
  const cols = new Columns(table);
  return table.records.map((r, i) => new Body(table, r.values, r.row, rowKey(sheetIndex, r.row), cols, i));
}

/** Certificate facts of workbook.md: "a certificate" includes an application. */
export function liveCertificate(p: Person): boolean {
  return p.live;
}

export function holdsCertificate(p: Person): boolean {
  return p.holds;
}

export function departed(p: Person): boolean {
  return p.departed;
}

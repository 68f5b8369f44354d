import { Day } from './dates';
import { fieldDef, LIVE_CERT, TableKind } from './fields';
import { IdInfo, parseId } from './idnumber';
import { RawRecord, Table } from './reader';
import { CellValue } from './types';
import { Parsed, parseCell } from './values';

const EMPTY: Parsed = { kind: 'empty' };

/** One row of a table with its cells read as their fields' types (parsed once, on demand). */
export class Rec {
  /** readings by column index, filled on demand */
  private cache: (Parsed | undefined)[] = [];
  private idCache?: IdInfo | { problem: string } | null;

  readonly row: number;
  readonly sheet: string;

  constructor(
    readonly kind: TableKind,
    readonly table: Table,
    private readonly rec: RawRecord,
    private readonly today: Day,
  ) {
    this.row = rec.row;
    this.sheet = table.sheet;
  }

  /** the cell's value as the workbook holds it; undefined when the table has no such column */
  raw(key: string): CellValue | undefined {
    const i = this.table.fieldIndex[key];
    return i === undefined ? undefined : this.rec.values[i] ?? null;
  }

  has(key: string): boolean {
    return this.table.fieldIndex[key] !== undefined;
  }

  parsed(key: string): Parsed {
    const i = this.table.fieldIndex[key];
    if (i === undefined) return EMPTY;
    let p = this.cache[i];
    if (!p) {
      p = parseCell(this.rec.values[i] ?? null, fieldDef(this.kind, key));
      this.cache[i] = p;
    }
    return p;
  }

  /** The value when it reads cleanly, else undefined. */
  str(key: string): string | undefined {
    const p = this.parsed(key);
    return p.kind === 'ok' ? String(p.value) : undefined;
  }

  num(key: string): number | undefined {
    const p = this.parsed(key);
    return p.kind === 'ok' && typeof p.value === 'number' ? p.value : undefined;
  }

  day(key: string): Day | undefined {
    return this.num(key);
  }

  empty(key: string): boolean {
    return this.parsed(key).kind === 'empty';
  }

  /** The ID number's facts when it is a valid number. */
  id(): IdInfo | null {
    if (this.idCache === undefined) {
      const s = this.str('idNumber');
      this.idCache = s ? parseId(s, this.today) : null;
    }
    return this.idCache && 'birth' in this.idCache ? this.idCache : null;
  }

  get label(): string {
    return this.str(this.kind === 'person' ? 'name' : 'agencyName') ?? '';
  }
}

/** Certificate facts of workbook.md: "a certificate" includes an application. */
export function liveCertificate(p: Rec): boolean {
  const s = p.str('certStatus');
  return s !== undefined ? LIVE_CERT.includes(s) : p.empty('certStatus') && !p.empty('certNumber');
}

export function holdsCertificate(p: Rec): boolean {
  return liveCertificate(p) || p.str('certStatus') === '申领中';
}

export function departed(p: Rec): boolean {
  const s = p.str('employmentStatus');
  return s !== undefined && s !== '在岗';
}

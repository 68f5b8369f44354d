import { Day } from './dates';
import { fieldDef, LIVE_CERT, TableKind } from './fields';
import { IdInfo, parseId } from './idnumber';
import { Cell, RawRecord } from './reader';
import { Parsed, parseCell } from './values';

/** One row of a table with its cells read as their fields' types (parsed once, on demand). */
export class Rec {
  private cache = new Map<string, Parsed>();
  private idCache?: IdInfo | { problem: string } | null;

  constructor(
    readonly kind: TableKind,
    readonly sheet: string,
    readonly raw: RawRecord,
    private readonly today: Day,
  ) {}

  get row(): number {
    return this.raw.row;
  }

  cell(key: string): Cell | undefined {
    return this.raw.cells[key];
  }

  has(key: string): boolean {
    return this.raw.cells[key] !== undefined;
  }

  parsed(key: string): Parsed {
    let p = this.cache.get(key);
    if (!p) {
      const c = this.raw.cells[key];
      p = c ? parseCell(c.raw, fieldDef(this.kind, key)) : { kind: 'empty' };
      this.cache.set(key, p);
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

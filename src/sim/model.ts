import { a1, CellValue, colLetter, colNumber } from '../core';

/**
 * The simulated workbook's state: what Excel holds between requests. Only the simulation's request
 * processing (sim/excel.ts) changes it; tests read it to check what the add-in did.
 */
export interface Border {
  style: string;
  color: string;
  weight: string;
}
export interface Format {
  fill: string | null; // null: no fill
  fontColor: string;
  bold: boolean;
  borders: Partial<Record<'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight', Border>>;
  wrap: boolean;
  numberFormat: string;
}
export interface SimCell {
  value: CellValue;
  formula?: string;
  format: Format;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string };
}
/** A conditional format; its place in the sheet's list is its priority (0 = top), which Office reports as its id. */
export interface SimCF {
  ranges: string[];
  /** 'Custom' when not given */
  type?: string;
  /** a rule Office fails to read (office-js #6827, #6835) */
  unreadable?: boolean;
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  border?: string;
}
export interface SimChart {
  type: string;
  source: string;
  title: string;
  position?: string;
  series: { categories?: string; fill?: string }[];
}

export const DEFAULT_FORMAT: Format = { fill: null, fontColor: '#000000', bold: false, borders: {}, wrap: false, numberFormat: 'General' };
export const DEFAULT_WIDTH = 48;

export class SimSheet {
  cells = new Map<string, SimCell>();
  /** a cell holds a note or a comment thread, not both (see note.ts) */
  notes = new Map<string, string>();
  comments = new Map<string, { id: string; content: string }>();
  /** in priority order: a new one goes first ("Adds a new conditional format to the collection at the first/top priority") */
  conditionalFormats: SimCF[] = [];
  charts: SimChart[] = [];
  merges: string[] = [];
  validations: { range: string; rule: unknown }[] = [];
  columnWidths = new Map<number, number>();
  frozenRows = 0;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protected = false;
  tabColor = '';

  constructor(public name: string) {}

  key(row: number, col: number): string {
    return `${row},${col}`;
  }
  get(row: number, col: number): SimCell | undefined {
    return this.cells.get(this.key(row, col));
  }
  cell(row: number, col: number): SimCell {
    let c = this.cells.get(this.key(row, col));
    if (!c) {
      c = { value: null, format: { ...DEFAULT_FORMAT, borders: {} } };
      this.cells.set(this.key(row, col), c);
    }
    return c;
  }
  /** 0-based bounds of cells with a value (valuesOnly) or with anything, or null when empty. */
  usedBounds(valuesOnly: boolean): { r0: number; c0: number; r1: number; c1: number } | null {
    let b: { r0: number; c0: number; r1: number; c1: number } | null = null;
    for (const [k, c] of this.cells) {
      const hasValue = c.value !== null && c.value !== '';
      const f = c.format;
      const formatted = f.fill !== null || f.bold || f.wrap || f.fontColor !== '#000000' || f.numberFormat !== 'General' || Object.keys(f.borders).length > 0;
      if (!hasValue && (valuesOnly || !formatted)) continue;
      const [r, col] = k.split(',').map(Number);
      if (!b) b = { r0: r, c0: col, r1: r, c1: col };
      else b = { r0: Math.min(b.r0, r), c0: Math.min(b.c0, col), r1: Math.max(b.r1, r), c1: Math.max(b.c1, col) };
    }
    return b;
  }
}

export class SimWorkbookState {
  sheets: SimSheet[] = [];
  active = 0;
  selection: { sheet: string; address: string } | null = null;
  /** the user is typing in a cell: every request fails */
  editing = false;
  private nextId = 1;

  id(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }
  sheet(name: string): SimSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  /** A workbook from plain rows per sheet, as the playground and the tests set one up. */
  static from(sheets: { name: string; rows: CellValue[][]; merges?: string[]; dateCols?: number[] }[]): SimWorkbookState {
    const wb = new SimWorkbookState();
    for (const s of sheets) {
      const sh = new SimSheet(s.name);
      sh.merges = [...(s.merges ?? [])];
      s.rows.forEach((row, r) => row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = sh.cell(r, c);
        cell.value = v;
        // serial numbers in date columns are shown as dates, as Excel does with its date format
        if (typeof v === 'number' && s.dateCols?.includes(c + 1)) cell.format.numberFormat = 'yyyy-mm-dd';
      }));
      wb.sheets.push(sh);
    }
    return wb;
  }
}

/** A parsed A1 area, 0-based and inclusive. */
export interface Area {
  sheet?: string;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

/** "A1", "A1:C9", "3:7", "B:D", optionally sheet-qualified ('Sheet 1'!A1). */
export function parseArea(address: string): Area {
  let sheet: string | undefined;
  let ref = address.trim();
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    sheet = ref.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    ref = ref.slice(bang + 1);
  }
  const [a, b = a] = ref.replace(/\$/g, '').split(':');
  const one = (p: string) => {
    const m = /^([A-Z]*)(\d*)$/i.exec(p);
    if (!m || (!m[1] && !m[2])) throw new Error(`InvalidArgument: bad address ${address}`);
    return { col: m[1] ? colNumber(m[1]) - 1 : null, row: m[2] ? Number(m[2]) - 1 : null };
  };
  const p = one(a);
  const q = one(b);
  return {
    sheet,
    r0: p.row ?? 0, c0: p.col ?? 0,
    r1: q.row ?? (p.row === null ? MAX_ROW : q.row ?? MAX_ROW), c1: q.col ?? (p.col === null ? MAX_COL : q.col ?? MAX_COL),
  };
}

export function areaAddress(sheet: string, a: Area): string {
  // Excel quotes a sheet name only when it holds spaces or punctuation, or starts with a digit
  const q = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  const tl = a1(a.r0 + 1, a.c0 + 1);
  return `${q}!${a.r0 === a.r1 && a.c0 === a.c1 ? tl : `${tl}:${colLetter(a.c1 + 1)}${a.r1 + 1}`}`;
}

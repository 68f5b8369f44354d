import { dayFromNumber, dayFromText } from './dates';
import { FieldDef, YES_VARIANTS } from './fields';
import { cleanText, hasStrayCharacters, nearest, needsCleaning } from './text';
import { CellValue, isCellError } from './types';

/** Why a cell cannot be read as its field's type. */
export interface Bad {
  kind: 'bad';
  reason: 'error' | 'date' | 'list' | 'hours' | 'int' | 'idAsNumber';
  suggestion?: string;
}

/**
 * A cell read as its field's type: the value when it reads cleanly (text for text, list, yes/no and ID fields;
 * a number for hours, counts and dates, a date as its Day), null when blank, or why it cannot be read.
 */
export type Cell = string | number | Bad | null;

export function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && (v === '' || cleanText(v) === ''));
}

/** Map a clerk's spelling to a list value, or null. */
export function matchList(text: string, def: FieldDef): string | null {
  const list = def.list ?? [];
  if (list.includes(text)) return text;
  const v = def.variants?.[text] ?? def.variants?.[text.toUpperCase()];
  if (v) return v;
  const unbracketed = text.replace(/\(.*\)$/, '').trim();
  if (unbracketed !== text) return matchList(unbracketed, def);
  return null;
}

function numberFrom(raw: CellValue): number | null {
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string') return null;
  return numberFromClean(cleanText(raw));
}

function numberFromClean(clean: string): number | null {
  const t = clean.replace(/(学时|小时|课时|h)$/i, '').trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

const bad = (reason: Bad['reason'], suggestion?: string): Bad => (suggestion === undefined ? { kind: 'bad', reason } : { kind: 'bad', reason, suggestion });

/** An ID number typed as it should be: digits and X only (nothing to clean, not scientific notation). */
function plainId(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x30 || c > 0x39) && c !== 0x58) return false;
  }
  return true;
}

/** Read one cell as its field's type. */
export function readCell(raw: CellValue, def: FieldDef): Cell {
  if (typeof raw === 'string') return readText(raw, def);
  if (raw === null || raw === undefined) return null;
  if (isCellError(raw)) return bad('error');
  switch (def.type) {
    case 'date': {
      const d = typeof raw === 'number' ? dayFromNumber(raw) : dayFromText(cleanText(String(raw)));
      return d === null ? bad('date') : d;
    }
    case 'yesno': {
      if (typeof raw === 'boolean') return raw ? '是' : '否';
      const t = cleanText(String(raw));
      const v = YES_VARIANTS[t] ?? YES_VARIANTS[t.toUpperCase()];
      return v ? v : bad('list', nearest(t, ['是', '否']));
    }
    case 'list': {
      const t = cleanText(String(raw));
      const v = matchList(t, def);
      return v ? v : bad('list', nearest(t, def.list ?? []));
    }
    case 'hours':
    case 'int': {
      const n = numberFrom(raw);
      if (n === null || (def.type === 'int' && (!Number.isInteger(n) || n < 0))) return bad(def.type);
      return n;
    }
    case 'id': {
      if (typeof raw === 'number') {
        // Excel keeps 15 significant digits: an 18-digit number has already lost its tail.
        return raw >= 1e15 || !Number.isInteger(raw) ? bad('idAsNumber') : String(raw);
      }
      const t = cleanText(String(raw)).replace(/\s/g, '');
      if (/^\d(\.\d+)?E\+\d+$/i.test(t)) return bad('idAsNumber');
      return t.toUpperCase();
    }
    default:
      return typeof raw === 'number' ? String(raw) : cleanText(String(raw));
  }
}

/** A text cell, cleaned once (readCell reads a cleaned String(raw) for every other kind of cell, to the same effect). */
function readText(raw: string, def: FieldDef): Cell {
  if (raw === '') return null;
  if (def.type === 'id' && plainId(raw)) return raw;
  const t = cleanText(raw);
  if (t === '') return null;
  switch (def.type) {
    case 'date': {
      const d = dayFromText(t);
      return d === null ? bad('date') : d;
    }
    case 'yesno': {
      const v = YES_VARIANTS[t] ?? YES_VARIANTS[t.toUpperCase()];
      return v ? v : bad('list', nearest(t, ['是', '否']));
    }
    case 'list': {
      const v = matchList(t, def);
      return v ? v : bad('list', nearest(t, def.list ?? []));
    }
    case 'hours':
    case 'int': {
      const n = numberFromClean(t);
      if (n === null || (def.type === 'int' && (!Number.isInteger(n) || n < 0))) return bad(def.type);
      return n;
    }
    case 'id': {
      const id = t.replace(/\s/g, '');
      if (/^\d(\.\d+)?E\+\d+$/i.test(id)) return bad('idAsNumber');
      return id.toUpperCase();
    }
    default:
      return t;
  }
}

/**
 * A text cell that reads differently once cleaned (stray spaces, line breaks, full-width characters: D13). A text
 * field's reading is the cleaned text, so the same text means nothing was cleaned away.
 */
export function isStray(raw: CellValue, cell: Cell, def: FieldDef): boolean {
  if (typeof raw !== 'string' || cell === raw) return false;
  return (def.type === 'text' && typeof cell === 'string') || hasStrayCharacters(raw);
}

/** Clerks repeat the same few spellings (是, 行政编制, 正常…): their readings are shared across checks, not recomputed. */
const MEMO = new WeakMap<FieldDef, Map<string | number, Cell>>();
const MEMO_LIMIT = 4096;

/**
 * Reads the cells of one column. A column of a list, yes/no, number or date field repeats a few values, so a
 * reading is looked up before it is computed; text and ID columns are mostly distinct and read directly.
 */
export class ColumnReader {
  private readonly memo: Map<string | number, Cell> | null;
  /** the previous cell of the column and its reading: runs of one value are common */
  private last: CellValue | undefined = undefined;
  private lastCell: Cell = null;

  /** a text field: a string that needs no cleaning reads as itself */
  private readonly plain: boolean;
  private readonly id: boolean;
  /** key fields (D13): how many cells read differently once cleaned, and the first of them */
  strays = 0;
  firstStray = -1;

  constructor(readonly def: FieldDef) {
    this.plain = def.type === 'text';
    this.id = def.type === 'id';
    let m: Map<string | number, Cell> | undefined;
    if (def.type !== 'text' && def.type !== 'id') {
      m = MEMO.get(def);
      if (!m) MEMO.set(def, (m = new Map()));
    }
    this.memo = m ?? null;
  }

  read(raw: CellValue): Cell {
    // text as the clerk should type it (nothing to clean) reads as itself; ID numbers as they should be typed
    // (digits and X) too. These columns are mostly distinct values: they are not compared with the last one.
    if (typeof raw === 'string' && raw !== '') {
      if (this.plain) {
        if (!needsCleaning(raw)) return raw;
      } else if (this.id && plainId(raw)) {
        return raw;
      }
    }
    if (raw === this.last) return this.lastCell;
    let cell: Cell | undefined;
    const m = this.memo;
    if (m !== null && (typeof raw === 'string' || typeof raw === 'number')) {
      cell = m.get(raw);
      if (cell === undefined) {
        cell = readCell(raw, this.def);
        if (m.size < MEMO_LIMIT) m.set(raw, cell);
      }
    } else {
      cell = readCell(raw, this.def);
    }
    this.last = raw;
    this.lastCell = cell;
    return cell;
  }
}

import { Day, dayFromNumber, dayFromText } from './dates';
import { FieldDef, YES_VARIANTS } from './fields';
import { cleanText, nearest } from './text';
import { CellValue, isCellError } from './types';

/** The outcome of reading one cell as its field's type. */
export type Parsed =
  | { kind: 'empty' }
  | { kind: 'ok'; value: string | number | Day }
  | { kind: 'bad'; reason: 'error' | 'date' | 'list' | 'hours' | 'int' | 'idAsNumber'; suggestion?: string };

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
  const t = cleanText(raw).replace(/(学时|小时|课时|h)$/i, '').trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** Clerks repeat the same few spellings (是, 行政编制, 正常…): their readings are shared, not recomputed. */
const MEMO = new WeakMap<FieldDef, Map<string | number, Parsed>>();
const MEMO_LIMIT = 4096;

export function parseCell(raw: CellValue, def: FieldDef): Parsed {
  if ((typeof raw !== 'string' && typeof raw !== 'number') || def.type === 'id') return parseUncached(raw, def);
  let m = MEMO.get(def);
  if (!m) MEMO.set(def, (m = new Map()));
  let p = m.get(raw);
  if (!p) {
    p = parseUncached(raw, def);
    if (m.size < MEMO_LIMIT) m.set(raw, p);
  }
  return p;
}

function parseUncached(raw: CellValue, def: FieldDef): Parsed {
  if (isBlank(raw)) return { kind: 'empty' };
  if (isCellError(raw)) return { kind: 'bad', reason: 'error' };
  switch (def.type) {
    case 'date': {
      const d = typeof raw === 'number' ? dayFromNumber(raw) : dayFromText(cleanText(String(raw)));
      return d === null ? { kind: 'bad', reason: 'date' } : { kind: 'ok', value: d };
    }
    case 'yesno': {
      if (typeof raw === 'boolean') return { kind: 'ok', value: raw ? '是' : '否' };
      const t = cleanText(String(raw));
      const v = YES_VARIANTS[t] ?? YES_VARIANTS[t.toUpperCase()];
      return v ? { kind: 'ok', value: v } : { kind: 'bad', reason: 'list', suggestion: nearest(t, ['是', '否']) };
    }
    case 'list': {
      const t = cleanText(String(raw));
      const v = matchList(t, def);
      return v ? { kind: 'ok', value: v } : { kind: 'bad', reason: 'list', suggestion: nearest(t, def.list ?? []) };
    }
    case 'hours':
    case 'int': {
      const n = numberFrom(raw);
      if (n === null || (def.type === 'int' && (!Number.isInteger(n) || n < 0))) return { kind: 'bad', reason: def.type };
      return { kind: 'ok', value: n };
    }
    case 'id': {
      if (typeof raw === 'number') {
        // Excel keeps 15 significant digits: an 18-digit number has already lost its tail.
        return raw >= 1e15 || !Number.isInteger(raw) ? { kind: 'bad', reason: 'idAsNumber' } : { kind: 'ok', value: String(raw) };
      }
      const t = cleanText(String(raw)).replace(/\s/g, '');
      if (/^\d(\.\d+)?E\+\d+$/i.test(t)) return { kind: 'bad', reason: 'idAsNumber' };
      return { kind: 'ok', value: t.toUpperCase() };
    }
    default:
      return { kind: 'ok', value: typeof raw === 'number' ? String(raw) : cleanText(String(raw)) };
  }
}

import { CellValue } from '../core';

/**
 * What Excel stores when a value is written through Range.values: a string is parsed as if the user had
 * typed it. Sources: the typings' remark on Range.values ("If the returned value starts with a plus
 * ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula"; ISO dates
 * "YYYY-MM-DD" are stored as dates, locale-shaped ones as text); Excel keeps 15 significant digits of
 * a typed number ("Excel specifications and limits": number precision 15 digits), so an 18-digit ID
 * number becomes 6.10126E+17; a cell formatted as Text ("@") or a value typed with a leading
 * apostrophe keeps the string as text ("Format numbers as text", Microsoft Support).
 */
export interface Stored {
  value: CellValue;
  formula?: string;
  /** a number format Excel applies itself (a typed date gets a date format) */
  numberFormat?: string;
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Excel's serial date (1900 system; the phantom 29 Feb 1900 makes serials from March 1900 on one higher). */
function serial(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A typed number keeps 15 significant digits. */
const fifteen = (n: number) => Number(n.toPrecision(15));

/** A formula the simulation can evaluate, or null (it has no calculation engine beyond these). */
function evaluate(formula: string): CellValue {
  const link = /^=HYPERLINK\("(?:[^"]|"")*",\s*"((?:[^"]|"")*)"\)$/i.exec(formula);
  if (link) return link[1].replace(/""/g, '"');
  if (/^=ISTEXT\("(?:[^"]|"")*"\)$/i.test(formula)) return true;
  return { error: '#NAME?' };
}

export function typedInput(x: unknown, numberFormat: string): Stored {
  if (x === null || x === undefined || x === '') return { value: null };
  if (typeof x === 'number' || typeof x === 'boolean') return { value: x };
  if (typeof x !== 'string') return { value: String(x) };
  if (x.startsWith("'")) return { value: x.slice(1) };
  if (numberFormat === '@') return { value: x };
  const s = x.trim();
  if (s && NUMBER.test(s) && /\d/.test(s)) {
    const n = Number(s.replace(/,/g, '').replace(/%$/, ''));
    if (Number.isFinite(n)) return { value: fifteen(s.endsWith('%') ? n / 100 : n) };
  }
  if (/^[=+-]/.test(x) && x.length > 1) {
    const formula = x.startsWith('=') ? x : `=${x}`;
    return { value: evaluate(formula), formula };
  }
  const iso = ISO_DATE.exec(s);
  if (iso) {
    const day = serial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (day !== null) {
      const time = iso[4] ? (Number(iso[4]) * 3600 + Number(iso[5]) * 60 + Number(iso[6] ?? 0)) / 86_400 : 0;
      return { value: day + time, numberFormat: numberFormat === 'General' ? (iso[4] ? 'yyyy-mm-dd h:mm' : 'yyyy-mm-dd') : undefined };
    }
  }
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === 'true' };
  return { value: x };
}

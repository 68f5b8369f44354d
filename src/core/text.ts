import { CellValue, isCellError } from './types';

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/** anything cleanText would change: full-width forms (！-～), the ideographic space, any whitespace */
const NEEDS_CLEANING = /[\uFF01-\uFF5E\u3000\s]/;
const SPACE = /\s/;

/**
 * True when cleanText may change s. A regular expression, not a loop over character codes: cells come as strings
 * of every internal representation (flat, sliced, joined, internalised), which the regular-expression engine
 * reads flat and fast, where charCodeAt in a loop slows to the most general case.
 */
export function needsCleaning(s: string): boolean {
  return NEEDS_CLEANING.test(s);
}

/** True when s holds a character of \s. */
export function hasSpace(s: string): boolean {
  return SPACE.test(s);
}

/** Full-width ASCII (！-～) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s;
  return s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** What a clerk meant: half-width, no line breaks, trimmed, inner runs of spaces folded. */
export function cleanText(s: string): string {
  if (!needsCleaning(s)) return s;
  return toHalfWidth(s)
    .replace(/[\r\n\t]+/g, '')
    .replace(/\s+/g, ' ')
    // a space next to a CJK character goes; written without lookbehind, which Edge Legacy (EdgeHTML 18) can't parse
    .replace(/([\u3400-\u9fff]) | (?=[\u3400-\u9fff])/g, '$1')
    .trim();
}

/** True when a value carries stray spaces, full-width characters or line breaks that cleanText removes. */
export function hasStrayCharacters(raw: string): boolean {
  return cleanText(raw) !== raw;
}

/** A name with every space taken out, for matching names that clerks space differently. */
export function compact(s: string): string {
  return hasSpace(s) ? s.replace(/\s/g, '') : s;
}

/** Excel's limit on the characters of one cell (and of a note). */
export const CELL_TEXT_LIMIT = 32767;

/**
 * Text the core writes (a message, a note, a cell) kept within Excel's limit: the last resort, for a text no
 * message builder has kept short. It is cut and says so, with the length it had.
 */
export function fitCell(s: string, limit = CELL_TEXT_LIMIT): string {
  if (s.length <= limit) return s;
  const tail = `…（共 ${s.length} 字，已截断）`;
  let end = limit - tail.length;
  // never split a surrogate pair
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end) + tail;
}

/** Header key for matching: half-width, no spaces/breaks, no （必填）/(*)/* markers, no brackets. */
export function headerKey(raw: CellValue): string {
  if (raw === null || isCellError(raw)) return '';
  let s = toHalfWidth(String(raw)).replace(/\s+/g, '');
  // 所属单位（必填）, 证件版本（新版/旧版）, 编制数【人】: a bracketed note is not part of the name
  s = s.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/g, '').replace(/[*＊]/g, '');
  return s.replace(/[:：]$/, '');
}

/** A cell shown as text, as the clerk would read it. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Levenshtein distance, for suggesting the nearest allowed value. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n];
}

export function nearest(value: string, allowed: readonly string[]): string {
  let best = allowed[0];
  let bestScore = Infinity;
  for (const a of allowed) {
    const shared = [...a].filter((ch) => value.includes(ch)).length;
    const score = editDistance(value, a) - shared * 0.5;
    if (score < bestScore) {
      bestScore = score;
      best = a;
    }
  }
  return best;
}

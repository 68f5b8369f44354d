import { Day, dayFromYmd } from './dates';

/** GB 11643-1999 citizen ID numbers. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83, 91,
]);

export type IdProblem = 'length' | 'characters' | 'region' | 'birthDate' | 'checkDigit';

export interface IdInfo {
  /** normalised form (upper-case X) */
  id: string;
  kind: 18 | 15;
  birth: Day;
  gender: '男' | '女';
}

export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

const digitAt = (s: string, i: number) => s.charCodeAt(i) - 48;
const isDigit = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};
/** the number written by the digits from..to-1 of s (all digits) */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + digitAt(s, i);
  return n;
}

/** digits and X only: upper-casing changes nothing */
function upperCased(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isDigit(s, i) && s.charCodeAt(i) !== 88) return false;
  return true;
}

const PROBLEMS: IdProblem[] = ['length', 'characters', 'region', 'birthDate', 'checkDigit'];

/**
 * parseId's answer as one number, so that every row of a table can be checked without an object per row:
 * -1 - the problem's index in PROBLEMS, or the birth date as yyyymmdd × 4 + (男 ? 2 : 0) + (18 digits ? 1 : 0).
 * Reads character codes: no substrings.
 */
export function idCode(raw: string, today: Day): number {
  const n = raw.length;
  return n === 18 || n === 15 ? fastIdCode(raw, n, today) : slowIdCode(raw, today);
}

const PROVINCE = new Uint8Array(100);
PROVINCES.forEach((p) => (PROVINCE[p] = 1));

/**
 * idCode for 15 or 18 characters, in one pass over the character codes (the common case: digits, an X last);
 * anything else goes the long way, upper-cased first, so that the answer is always parseId's.
 */
function fastIdCode(id: string, n: number, today: Day): number {
  let sum = 0;
  let region = 0, y = 0, m = 0, d = 0, g = 0;
  const y0 = 6, m0 = n === 18 ? 10 : 8, d0 = n === 18 ? 12 : 10, gi = n === 18 ? 16 : 14;
  for (let i = 0; i < n; i++) {
    const c = id.charCodeAt(i);
    let v: number;
    if (c >= 48 && c <= 57) v = c - 48;
    else if (n === 18 && i === 17 && (c === 88 || c === 120)) break; // X (or x, which upper-cases to X): the check character
    else return slowIdCode(id, today);
    if (i < 17) sum += v * WEIGHTS[i];
    if (i < 2) region = region * 10 + v;
    else if (i >= y0 && i < m0) y = y * 10 + v;
    else if (i >= m0 && i < d0) m = m * 10 + v;
    else if (i >= d0 && i < d0 + 2) d = d * 10 + v;
    if (i === gi) g = v;
  }
  if (!PROVINCE[region]) return -3;
  if (n === 15) y += 1900;
  const birth = dayFromYmd(y, m, d);
  if (birth === null || birth > today) return -4;
  if (n === 18) {
    const last = id.charCodeAt(17);
    if (CHECK.charCodeAt(sum % 11) !== (last === 120 ? 88 : last)) return -5;
  }
  return (y * 10000 + m * 100 + d) * 4 + (g % 2 === 1 ? 2 : 0) + (n === 18 ? 1 : 0);
}

function slowIdCode(raw: string, today: Day): number {
  const id = upperCased(raw) ? raw : raw.toUpperCase();
  const n = id.length;
  if (n !== 18 && n !== 15) return -1;
  for (let i = 0; i < n; i++) {
    if (!isDigit(id, i) && !(n === 18 && i === 17 && id.charCodeAt(i) === 88)) return -2;
  }
  if (!PROVINCES.has(digits(id, 0, 2))) return -3;
  const y = n === 18 ? digits(id, 6, 10) : 1900 + digits(id, 6, 8);
  const m = n === 18 ? digits(id, 10, 12) : digits(id, 8, 10);
  const d = n === 18 ? digits(id, 12, 14) : digits(id, 10, 12);
  const birth = dayFromYmd(y, m, d);
  if (birth === null || birth > today) return -4;
  if (n === 18) {
    let sum = 0;
    for (let i = 0; i < 17; i++) sum += digitAt(id, i) * WEIGHTS[i];
    if (CHECK.charCodeAt(sum % 11) !== id.charCodeAt(17)) return -5;
  }
  const male = digitAt(id, n === 18 ? 16 : 14) % 2 === 1;
  return (y * 10000 + m * 100 + d) * 4 + (male ? 2 : 0) + (n === 18 ? 1 : 0);
}

/** The problem an idCode names, if it names one. */
export function idProblemOf(code: number): IdProblem | undefined {
  return code < 0 ? PROBLEMS[-1 - code] : undefined;
}
/** the birth date as yyyymmdd */
export const idBirthYmdOf = (code: number): number => Math.floor(code / 4);
export const idBirthOf = (code: number): Day => {
  const ymd = idBirthYmdOf(code);
  return dayFromYmd(Math.floor(ymd / 10000), Math.floor(ymd / 100) % 100, ymd % 100)!;
};
export const idGenderOf = (code: number): '男' | '女' => ((code & 2) !== 0 ? '男' : '女');
export const idKindOf = (code: number): 18 | 15 => ((code & 1) !== 0 ? 18 : 15);

/** Validate a (cleaned) ID number; returns its facts or the first problem found. */
export function parseId(raw: string, today: Day): IdInfo | { problem: IdProblem } {
  const code = idCode(raw, today);
  if (code < 0) return { problem: idProblemOf(code)! };
  return { id: upperCased(raw) ? raw : raw.toUpperCase(), kind: idKindOf(code), birth: idBirthOf(code), gender: idGenderOf(code) };
}

/** Build a valid 18-digit number, for samples and tests. */
export function makeId(region: string, ymd: string, seq3: string): string {
  const first17 = region + ymd + seq3;
  return first17 + checkDigit(first17);
}

export function maskId(id: string): string {
  return id.length > 10 ? id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4) : id;
}

/** letters and digits, with single spaces or hyphens between them: an ID as a clerk may have mistyped it */
const ID_LIKE = /[0-9A-Za-z](?:[ -]?[0-9A-Za-z])*/g;
const DIGIT = /\d/g;

/**
 * Every ID number inside a text (a message naming one) masked: any run with 14 or more digits, so that a number
 * a rule rejects for a stray letter, space or extra digit is masked as well as a valid one.
 */
export function maskIdsIn(text: string): string {
  return text.replace(ID_LIKE, (t) => (t.length >= 14 && (t.match(DIGIT)?.length ?? 0) >= 14 ? maskId(t) : t));
}

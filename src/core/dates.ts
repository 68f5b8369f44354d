/**
 * Dates are whole days since 1970-01-01 (UTC), so comparisons are integer comparisons.
 * Excel serials use the 1900 system with its fictitious 1900-02-29 (serial 60).
 */
export type Day = number;

const EXCEL_EPOCH_OFFSET = 25569; // serial of 1970-01-01

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days since 1970-01-01 of a real calendar date (1900-2999), or null. Arithmetic, no Date objects: a hot path. */
export function dayFromYmd(y: number, m: number, d: number): Day | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return null;
  if (d > (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1])) return null;
  // Howard Hinnant's days_from_civil
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function ymdFromDay(day: Day): [number, number, number] {
  const n = ymdNumber(day);
  return [Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100];
}

export function isoFromDay(day: Day): string {
  const [y, m, d] = ymdFromDay(day);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function dayFromSerial(serial: number): Day | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const whole = Math.floor(serial);
  const adjusted = whole < 60 ? whole + 1 : whole; // before the phantom leap day
  return adjusted - EXCEL_EPOCH_OFFSET;
}

export function serialFromDay(day: Day): number {
  return day + EXCEL_EPOCH_OFFSET;
}

/** Parse an ISO date given on the command line or in a profile. */
export function dayFromIso(s: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  return m ? dayFromYmd(+m[1], +m[2], +m[3]) : null;
}

/**
 * Text dates as clerks type them: 2024-06-01, 2024.6.1, 2024/6/1, 2024年6月1日, 20240601,
 * optionally followed by a time. Input is already half-width.
 */
export function dayFromText(s: string): Day | null {
  const t = s.trim().replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  let m = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$/.exec(t);
  if (m) return dayFromYmd(+m[1], +m[2], +m[3]);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return dayFromYmd(+m[1], +m[2], +m[3]);
  return null;
}

/** A number in a date column: an 8-digit yyyymmdd typed as a number, or an Excel serial. */
export function dayFromNumber(n: number): Day | null {
  if (Number.isInteger(n) && n >= 19000101 && n <= 29991231) {
    return dayFromYmd(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
  }
  return dayFromSerial(n);
}

export function addDays(day: Day, n: number): Day {
  return day + n;
}

/** Whole years between a birth day and a day, as age is counted. */
export function ageOn(birth: Day, on: Day): number {
  // as yyyymmdd numbers, whole years are the difference's ten-thousands: a birthday not yet reached this year
  // takes one off (month and day compare as mmdd)
  return Math.floor((ymdNumber(on) - ymdNumber(birth)) / 10000);
}

let lastOn = NaN;
let lastOnYmd = 0;
/** ageOn for a birth date given as yyyymmdd (the date it is counted on is worked out once for many people). */
export function ageOnYmd(birthYmd: number, on: Day): number {
  if (on !== lastOn) {
    lastOnYmd = ymdNumber(on);
    lastOn = on;
  }
  return Math.floor((lastOnYmd - birthYmd) / 10000);
}

/** A day as the number yyyymmdd (no array: a hot path). Howard Hinnant's civil_from_days. */
export function ymdNumber(day: Day): number {
  const z = Math.floor(day) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (m <= 2 ? 1 : 0)) * 10000 + m * 100 + d;
}

/** "2024-06-05 09:30", local time: when a summary was generated. */
export function timestamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function todayLocal(now = new Date()): Day {
  return dayFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate()) as Day;
}

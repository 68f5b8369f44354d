import path from 'path';
import { Day, isoFromDay, Lang, maskIdsIn, Profile, ReadOptions, upcoming, Upcoming, upcomingLine } from '../core';
import { readOrRefuse } from '../xlsx/check-file';
import { t } from './messages';
import type { Io } from './main';

export interface UpcomingArgs {
  checkDate: Day;
  /** --days as typed; default 90 */
  days?: string;
  profile: Profile;
  lang: Lang;
  json?: boolean;
  read?: ReadOptions;
}

export const DEFAULT_DAYS = 90;

interface FileUpcoming {
  file: string;
  status: 'ok' | 'unreadable' | 'not-a-roster';
  message: string;
  result?: Upcoming;
}

function parseDays(value: string | undefined): number | null {
  if (value === undefined) return DEFAULT_DAYS;
  const n = Number(value.trim());
  return /^\d+$/.test(value.trim()) && n >= 1 && n <= 3650 ? n : null;
}

async function one(file: string, o: UpcomingArgs, days: number): Promise<FileUpcoming> {
  const read = await readOrRefuse(file);
  if ('refused' in read) return { file, ...read.refused };
  const result = upcoming(read.grid, { checkDate: o.checkDate, profile: o.profile, read: o.read, days });
  if (result.today.status !== 'ok') return { file, status: result.today.status, message: `「${path.basename(file)}」：${result.today.message}` };
  return { file, status: 'ok', message: result.today.message, result };
}

/** The JSON of `upcoming --json`: one object, the files and every row that gets worse, with each change. */
function json(files: FileUpcoming[], o: UpcomingArgs, days: number, code: number): string {
  return JSON.stringify({
    command: 'upcoming',
    checkDate: isoFromDay(o.checkDate),
    days,
    until: isoFromDay(o.checkDate + days),
    profile: { name: o.profile.name, version: o.profile.version },
    files: files.map((f) => ({ file: f.file, unit: f.result?.today.unit ?? '', status: f.status, message: f.message })),
    items: files.flatMap((f) => (f.result?.items ?? []).map((i) => ({
      file: f.file, table: i.table, sheet: i.sheet, row: i.row, name: i.name, unit: i.unit, agency: i.agency, colour: i.colour,
      changes: i.changes.map((c) => ({
        date: isoFromDay(c.date), after: c.after, from: c.from, to: c.to, rules: [...new Set(c.findings.map((x) => x.rule))],
        findings: c.findings.map((x) => ({ rule: x.rule, messageId: x.messageId, sheet: x.sheet, cell: x.cell, message: maskIdsIn(x.message), messageEn: maskIdsIn(x.messageEn) })),
      })),
    }))),
    status: code === 2 ? 'unusable' : code === 1 ? 'upcoming' : 'ok',
    message: t('zh', 'upcomingSummary', { files: files.length, n: files.reduce((n, f) => n + (f.result?.items.length ?? 0), 0), days, bad: files.filter((f) => f.status !== 'ok').length }),
  }, null, 2);
}

/**
 * `cert-sweep upcoming FILE... [--days 90] [--date D]`: what turns 黄 or 红 within the days, and when. Exit 0 when
 * nothing does, 1 when something does, 2 when a file could not be used or --days is wrong.
 */
export async function runUpcoming(files: string[], o: UpcomingArgs, io: Io): Promise<number> {
  const days = parseDays(o.days);
  if (days === null || files.length === 0) {
    const message = days === null ? t(o.lang, 'upcomingBadDays', { value: o.days ?? '' }) : t(o.lang, 'upcomingNoFiles');
    io.err(message);
    if (o.json) io.out(JSON.stringify({ command: 'upcoming', checkDate: isoFromDay(o.checkDate), days: days ?? null, files: [], items: [], status: 'usage-error', message }, null, 2));
    return 2;
  }
  const until = isoFromDay(o.checkDate + days);
  const outcomes: FileUpcoming[] = [];
  for (const file of files) {
    const f = await one(file, o, days);
    outcomes.push(f);
    if (o.json) continue;
    const r = f.result;
    if (!r) {
      io.out(t(o.lang, 'fileHead', { file: path.basename(file), unit: '' }));
      io.out(t(o.lang, 'failed', { message: f.message }));
      continue;
    }
    const people = r.items.filter((i) => i.table === 'person').length;
    io.out(t(o.lang, 'upcomingHead', { file: path.basename(file), unit: r.today.unit, date: isoFromDay(o.checkDate), days, until, people, bodies: r.items.length - people }));
    if (!r.items.length) io.out(t(o.lang, 'upcomingNone', { days, until }));
    for (const item of r.items) {
      const l = upcomingLine(item, o.lang);
      io.out(`  ${[l.date, l.who, l.where, l.colours, l.reason].join('  ')}${l.later}`);
    }
  }
  const code = outcomes.some((f) => f.status !== 'ok') ? 2 : outcomes.some((f) => f.result!.items.length) ? 1 : 0;
  if (o.json) io.out(json(outcomes, o, days, code));
  return code;
}

import path from 'path';
import { Consolidated, groupBy, Lang, maskIdsIn } from '../core';
import { FileOutcome } from '../xlsx/check-file';
import { t } from './messages';
import type { Io } from './main';

const count = <T>(items: T[], pred: (t: T) => boolean) => items.filter(pred).length;

export function printOutcome(o: FileOutcome, lang: Lang, io: Io): void {
  const r = o.result;
  io.out(t(lang, 'fileHead', { file: path.basename(o.file), unit: r?.unit ?? '' }));
  if (o.status !== 'ok' || !r) {
    io.out(t(lang, 'failed', { message: o.message }));
    io.out('');
    return;
  }
  const people = r.people;
  io.out(t(lang, 'counts', {
    people: people.length, holders: count(people, (p) => p.holds),
    red: count(people, (p) => p.colour === 'red'), yellow: count(people, (p) => p.colour === 'yellow'), green: count(people, (p) => p.colour === 'green'),
  }));
  if (r.agencies.length) {
    io.out(t(lang, 'agencies', {
      n: r.agencies.length, red: count(r.agencies, (a) => a.colour === 'red'),
      yellow: count(r.agencies, (a) => a.colour === 'yellow'), green: count(r.agencies, (a) => a.colour === 'green'),
    }));
  }
  const fs = r.findings;
  if (fs.length) {
    const rules = [...groupBy(fs, (f) => f.rule).entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([id, l]) => `${id}×${l.length}`).join(' ');
    io.out(t(lang, 'findings', {
      n: fs.length, error: count(fs, (f) => f.level === 'error'), warning: count(fs, (f) => f.level === 'warning'),
      info: count(fs, (f) => f.level === 'info'), rules,
    }));
  } else {
    io.out(t(lang, 'noFindings'));
  }
  for (const n of r.notices) io.out(t(lang, 'notice', { message: n }));
  if (o.out) io.out(t(lang, 'written', { out: o.out }));
  for (const n of o.notes ?? []) io.out(t(lang, 'notice', { message: n }));
  if (o.writeError) io.out(t(lang, 'notWritten', { message: o.writeError }));
  io.out('');
}

export function printMerge(m: Consolidated, out: string | undefined, lang: Lang, io: Io, maskIds = true): void {
  const mask = (s: string) => (maskIds ? maskIdsIn(s) : s);
  const people = m.files.flatMap((f) => f.result?.people ?? []);
  io.out(t(lang, 'mergeHead', {
    files: m.files.length, bad: count(m.files, (f) => f.status !== 'ok'), people: people.length,
    red: count(people, (p) => p.colour === 'red'), yellow: count(people, (p) => p.colour === 'yellow'), green: count(people, (p) => p.colour === 'green'),
    cross: m.cross.length,
  }));
  for (const f of m.cross) io.out(`  ${f.rule} ${path.basename(f.file)}${f.cell ? ` ${f.sheet}!${f.cell}` : ''}：${mask(lang === 'zh' ? f.message : f.messageEn)}`);
  const missing = m.submissions.filter((s) => s.status === '未报送');
  io.out(t(lang, 'mergeSubmissions', {
    ok: count(m.submissions, (s) => s.status === '合格'), bad: count(m.submissions, (s) => s.status === '有问题'), format: count(m.submissions, (s) => s.status === '已报送（格式不符）'), missing: missing.length,
    names: missing.length ? `（${missing.map((s) => s.unit).join('、')}）` : '',
  }));
  for (const s of m.submissions) if (s.note && s.status !== '已报送（格式不符）') io.out(`  ${s.unit}：${s.note}`);
  if (out) io.out(t(lang, 'written', { out }));
}

export function printTotal(outcomes: FileOutcome[], lang: Lang, io: Io): void {
  const people = outcomes.flatMap((o) => o.result?.people ?? []);
  io.out(t(lang, 'total', {
    // a file whose copy could not be written counts, as the exit status and the JSON count it
    files: outcomes.length, bad: count(outcomes, (o) => o.status !== 'ok' || !!o.writeError),
    red: count(people, (p) => p.colour === 'red'), yellow: count(people, (p) => p.colour === 'yellow'), green: count(people, (p) => p.colour === 'green'),
  }));
}

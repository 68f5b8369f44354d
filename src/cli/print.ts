import path from 'path';
import { groupBy } from '../core/group';
import { Lang } from '../core/types';
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
  io.out('');
}

export function printTotal(outcomes: FileOutcome[], lang: Lang, io: Io): void {
  const people = outcomes.flatMap((o) => o.result?.people ?? []);
  io.out(t(lang, 'total', {
    files: outcomes.length, bad: count(outcomes, (o) => o.status !== 'ok'),
    red: count(people, (p) => p.colour === 'red'), yellow: count(people, (p) => p.colour === 'yellow'), green: count(people, (p) => p.colour === 'green'),
  }));
}

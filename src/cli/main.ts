import { promises as fs } from 'fs';
import path from 'path';
import { parseArgs } from 'util';
import { Day, dayFromIso, DEFAULT_PROFILE, exitCode, exitStatus, FileEntry, isoFromDay, jsonReport, Lang, mappingFrom, parseProfile, Profile, ReadOptions, RULES, timestamp as stamp, todayLocal } from '../core';
import { demoUnits } from '../sample/demo';
import { templateBook } from '../sample/template';
import { checkFile, clearFile, defaultOut, FileOutcome } from '../xlsx/check-file';
import { InputError } from '../xlsx/guard';
import { expandInputs, mergeFiles, readExpected } from '../xlsx/merge';
import { writeBook } from '../xlsx/write-book';
import { MessageId, t } from './messages';
import { printMerge, printOutcome, printTotal } from './print';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  now?: () => Date;
}

const OPTIONS = {
  out: { type: 'string' },
  json: { type: 'boolean' },
  date: { type: 'string' },
  profile: { type: 'string' },
  lang: { type: 'string' },
  sheet: { type: 'string' },
  'agency-sheet': { type: 'string' },
  map: { type: 'string', multiple: true },
  expected: { type: 'string' },
  'mask-ids': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

class UsageError extends Error {
  constructor(readonly id: MessageId, readonly data: Record<string, string> = {}) {
    super(id);
  }
}

async function loadProfile(file: string | undefined): Promise<Profile> {
  if (!file) return DEFAULT_PROFILE;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new UsageError('noProfile', { file });
  }
  const r = parseProfile(text);
  if ('errors' in r) throw new UsageError('badProfile', { file, detail: r.errors.map((e) => `  - ${e}`).join('\n') });
  return r.profile;
}

function checkDateOf(value: string | undefined, now: Date): Day {
  if (value === undefined) return todayLocal(now);
  const d = dayFromIso(value);
  if (d === null) throw new UsageError('badDate', { value });
  return d;
}

interface CheckArgs {
  out?: string;
  json?: boolean;
  checkDate: Day;
  profile: Profile;
  lang: Lang;
  read?: ReadOptions;
}

function readOptions(values: { sheet?: string; 'agency-sheet'?: string; map?: string[] }): ReadOptions {
  const { mapping, bad } = mappingFrom(values.map ?? []);
  if (bad.length) throw new UsageError('badMap', { value: bad.join('、') });
  return { sheet: { person: values.sheet, agency: values['agency-sheet'] }, mapping };
}

async function runCheck(files: string[], o: CheckArgs, io: Io, now: Date): Promise<number> {
  if (files.length === 0) throw new UsageError('noFiles');
  let outDir: string | undefined;
  if (o.out && files.length > 1) {
    if (/\.xlsx$/i.test(o.out)) throw new UsageError('outIsDirForMany');
    outDir = o.out;
  }
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    const out = outDir ? defaultOut(file, outDir) : o.out ?? defaultOut(file);
    const outcome = await checkFile(file, { checkDate: o.checkDate, profile: o.profile, generatedAt: stamp(now), out, read: o.read });
    outcomes.push(outcome);
    if (!o.json) printOutcome(outcome, o.lang, io);
  }
  const results = outcomes.flatMap((x) => (x.result && x.status === 'ok' ? [x.result] : []));
  const entries: FileEntry[] = outcomes.map((x) => ({ file: x.file, unit: x.result?.unit ?? '', status: x.status, message: x.message }));
  if (o.json) {
    const report = jsonReport(o.checkDate, o.profile, entries, results, outcomes.flatMap((x) => x.summary), { byAgency: true });
    io.out(JSON.stringify(report, null, 2));
  } else if (files.length > 1) {
    printTotal(outcomes, o.lang, io);
  }
  return exitStatus(entries, results);
}

async function runMerge(inputs: string[], o: CheckArgs & { expected?: string; maskIds?: boolean }, io: Io, now: Date): Promise<number> {
  if (inputs.length === 0) throw new UsageError('noFiles');
  if (!o.out) throw new UsageError('mergeNeedsOut');
  let expected: string[] = [];
  if (o.expected) {
    try {
      expected = await readExpected(o.expected);
    } catch {
      throw new UsageError('noExpected', { file: o.expected });
    }
  }
  const files = await expandInputs(inputs);
  if (files.length === 0) throw new UsageError('noXlsx');
  const m = await mergeFiles(files, {
    checkDate: o.checkDate, profile: o.profile, expected, out: o.out, maskIds: !!o.maskIds, generatedAt: stamp(now),
    onFile: (i, n, file, f) => io.err(t(o.lang, 'mergeProgress', { i, n, file: path.basename(file), status: f.status === 'ok' ? t(o.lang, 'statusOk') : f.message })),
  });
  const results = m.files.flatMap((f) => (f.result ? [f.result] : []));
  const entries: FileEntry[] = m.files.map((f) => ({ file: f.file, unit: f.result?.unit ?? '', status: f.status, message: f.message }));
  if (o.json) {
    io.out(JSON.stringify(jsonReport(o.checkDate, o.profile, entries, results, m.summary, { byAgency: false, maskIds: o.maskIds, extraFindings: m.cross }), null, 2));
  } else {
    printMerge(m, o.out, o.lang, io);
  }
  return exitCode(entries, results, 1, m.cross);
}

async function runClear(files: string[], out: string | undefined, lang: Lang, io: Io): Promise<number> {
  if (files.length !== 1) throw new UsageError('noFiles');
  if (!out || path.resolve(out) === path.resolve(files[0])) throw new UsageError('clearNeedsOut');
  try {
    const n = await clearFile(files[0], out);
    io.out(t(lang, 'cleared', { n, out }));
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      io.err(e.message);
      return 2;
    }
    throw e;
  }
}

async function runDemo(outDir: string, checkDate: Day, profile: Profile, lang: Lang, json: boolean, io: Io, now: Date): Promise<number> {
  await fs.mkdir(outDir, { recursive: true });
  const files: string[] = [];
  for (const u of demoUnits(checkDate)) {
    const file = path.join(outDir, u.file);
    await writeBook(u.book, file);
    files.push(file);
  }
  if (!json) {
    io.out(t(lang, 'demoWritten', { date: isoFromDay(checkDate) }));
    for (const f of files) io.out(`  ${f}`);
    io.out('');
  }
  // The sample is seeded with problems on purpose: finding them is success, only unusable input is not.
  const code = await runCheck(files, { json, checkDate, profile, lang }, io, now);
  return code === 2 ? 2 : 0;
}

function printRules(json: boolean, lang: Lang, io: Io): number {
  if (json) {
    io.out(JSON.stringify(RULES.map((r) => ({ id: r.meta.id, title: r.meta.title, level: r.meta.level ?? null, colour: r.meta.colour ?? null, variants: r.meta.variants ?? {}, source: r.meta.source })), null, 2));
  } else {
    for (const r of RULES) {
      const colour = r.meta.colour ? { red: '红', yellow: '黄' }[r.meta.colour] : { error: '错误', warning: '警告', info: '提示' }[r.meta.level ?? 'info'];
      io.out(`${r.meta.id}  ${colour}  ${r.meta.title[lang]}（${r.meta.source[lang]}）`);
    }
  }
  return 0;
}

/** Runs the command line; returns the exit status. Never throws for a user's mistake. */
export async function main(argv: string[], io: Io): Promise<number> {
  const now = io.now?.() ?? new Date();
  let lang: Lang = 'zh';
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError('badArgs', { detail: (e as Error).message });
    }
    const { values, positionals } = parsed;
    lang = values.lang === 'en' ? 'en' : 'zh';
    const [cmd, ...rest] = positionals;
    if (values.version) {
      io.out('cert-sweep 0.1.0');
      return 0;
    }
    if (values.help || !cmd || cmd === 'help') {
      io.out(t(lang, 'usage'));
      return cmd || values.help ? 0 : 2;
    }
    const checkDate = checkDateOf(values.date, now);
    const profile = await loadProfile(values.profile);
    switch (cmd) {
      case 'check':
        return await runCheck(rest, { out: values.out, json: values.json, checkDate, profile, lang, read: readOptions(values) }, io, now);
      case 'merge':
        return await runMerge(rest, { out: values.out, json: values.json, checkDate, profile, lang, expected: values.expected, maskIds: values['mask-ids'] }, io, now);
      case 'clear':
        return await runClear(rest, values.out, lang, io);
      case 'template': {
        const out = values.out ?? '摸排统计表模板.xlsx';
        await writeBook(templateBook(), out);
        io.out(t(lang, 'templateWritten', { out }));
        return 0;
      }
      case 'demo':
        return await runDemo(values.out ?? 'cert-sweep-demo', checkDate, profile, lang, !!values.json, io, now);
      case 'rules':
        return printRules(!!values.json, lang, io);
      default:
        throw new UsageError('unknownCommand', { cmd });
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(t(lang, e.id, e.data));
      return 2;
    }
    io.err(`${lang === 'zh' ? '意外错误，请把以下信息反馈给开发者' : 'Unexpected error; please report'}：${(e as Error).message}`);
    return 2;
  }
}

import { promises as fs } from 'fs';
import path from 'path';
import { parseArgs } from 'util';
import { campaignLines, countyReport, Day, dayFromIso, DEFAULT_PROFILE, progressLines, unitReport, exitStatus, FileEntry, isoFromDay, jsonReport, Lang, mappingFrom, parseProfile, Profile, ReadOptions, RULES, timestamp as stamp, todayLocal } from '../core';
import { demoUnits } from '../sample/demo';
import { templateBook } from '../sample/template';
import { OutputError } from '../xlsx/atomic';
import { checkFile, clearFile, defaultOut, FileOutcome } from '../xlsx/check-file';
import { InputError } from '../xlsx/guard';
import { expandInputs, mergeFiles, readExpected } from '../xlsx/merge';
import { freeName, inputAt, onInput, outIsFolder, outputsIn } from '../xlsx/out-path';
import { writeBook } from '../xlsx/write-book';
import { jsonFailure, jsonOutcome } from './json-out';
import { MessageId, t } from './messages';
import { printMerge, printOutcome, printTotal } from './print';
import { runUpcoming } from './upcoming';
import { prepareCampaign, runFeedback } from './campaign';
import { draftPath, writeDraft } from './reports';
import { unitProgress } from './unit-rounds';

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
  'full-ids': { type: 'boolean' },
  days: { type: 'string' },
  // masking is the default now; the old flag still parses, so that scripts written for it run
  'mask-ids': { type: 'boolean' },
  // the campaign after the first submission (issue 12): feedback workbooks, the last round, the contact line
  feedback: { type: 'string' },
  previous: { type: 'string' },
  contact: { type: 'string' },
  report: { type: 'boolean' },
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
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'EACCES' || code === 'EPERM' ? 'profileNoRight' : code === 'EISDIR' ? 'profileIsFolder' : 'noProfile', { file });
  }
  // Notepad saves UTF-8 with a byte-order mark
  const r = parseProfile(text.replace(/^\uFEFF/, ''));
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
  /** ID numbers whole in what is written to be shared (the county workbook, --json): only when asked */
  fullIds?: boolean;
  /** a report draft (.docx) beside each output: the unit's 自查自纠工作报告, the county's 专项清理工作总结 */
  report?: boolean;
  /** check: the unit's earlier file, to compare with (整改情况) */
  previous?: string;
}

function readOptions(values: { sheet?: string; 'agency-sheet'?: string; map?: string[] }): ReadOptions {
  const { mapping, bad } = mappingFrom(values.map ?? []);
  if (bad.length) throw new UsageError('badMap', { value: bad.join('、') });
  return { sheet: { person: values.sheet, agency: values['agency-sheet'] }, mapping };
}

async function runCheck(files: string[], o: CheckArgs, io: Io, now: Date): Promise<number> {
  if (files.length === 0) throw new UsageError('noFiles');
  // where each copy goes: beside its input, or into --out's folder with names kept distinct
  const folder = o.out !== undefined && (await outIsFolder(o.out, files.length));
  if (o.out !== undefined && !folder && files.length > 1) throw new UsageError('outIsDirForMany');
  const planned = folder ? outputsIn(o.out!, files) : files.map((f) => o.out ?? defaultOut(f));
  const taken = new Set<string>();
  const outcomes: FileOutcome[] = [];
  for (const [i, file] of files.entries()) {
    const place = await placeOutput(planned[i], files, '校验副本', taken);
    const outcome = await checkFile(file, { checkDate: o.checkDate, profile: o.profile, generatedAt: stamp(now), out: place.out, read: o.read });
    if (place.error && outcome.status === 'ok') outcome.writeError = place.error;
    if (place.note && outcome.out) outcome.notes = [place.note];
    // --previous: this file against the unit's earlier one (only with one file; said otherwise)
    const progress = o.previous && outcome.status === 'ok' && outcome.result
      ? files.length === 1 ? await unitProgress(o.previous, outcome.result, { checkDate: o.checkDate, profile: o.profile, read: o.read, generatedAt: stamp(now) }) : { error: '--previous 只能与一个文件一起使用（本单位上次报送的文件），本次未对比。' }
      : undefined;
    if (progress && !('error' in progress)) outcome.notes = [...(outcome.notes ?? []), ...progressLines(progress)];
    if (progress && 'error' in progress) outcome.writeError = [outcome.writeError, progress.error].filter(Boolean).join(' ');
    if (o.report && outcome.status === 'ok' && outcome.result) {
      const draft = await writeDraft(draftPath(place.out ?? planned[i], '自查自纠工作报告'),
        unitReport(outcome.result, { checkDate: o.checkDate, profile: o.profile, progress: progress && !('error' in progress) ? progress : undefined }), files, taken);
      if (draft.error) outcome.writeError = [outcome.writeError, draft.error].filter(Boolean).join(' ');
      else outcome.notes = [...(outcome.notes ?? []), `自查自纠工作报告草稿：${draft.out}（黄色底纹处请补充完整）${draft.note ? `；${draft.note}` : ''}`];
    }
    outcomes.push(outcome);
    if (!o.json) printOutcome(outcome, o.lang, io);
  }
  const results = outcomes.flatMap((x) => (x.result && x.status === 'ok' ? [x.result] : []));
  const entries: FileEntry[] = outcomes.map((x) => ({
    file: x.file, unit: x.result?.unit ?? '', status: x.status, message: [x.message, x.writeError, ...(x.notes ?? [])].filter(Boolean).join(' '),
  }));
  const unusable = outcomes.filter((x) => x.status !== 'ok' || x.writeError).length;
  const code = unusable ? 2 : exitStatus(entries, results);
  if (o.json) {
    const report = jsonReport(o.checkDate, o.profile, entries, results, outcomes.flatMap((x) => x.summary), { byAgency: true, maskIds: !o.fullIds });
    io.out(jsonOutcome(report, code, summaryLine(entries.length, unusable, code)));
  } else if (files.length > 1) {
    printTotal(outcomes, o.lang, io);
  }
  return code;
}

/**
 * An output's final name: never an input (refused, with both names), never over a file we did not write (a
 * numbered name instead, and a note that says so), never twice in one run.
 */
async function placeOutput(planned: string, inputs: string[], what: string, taken = new Set<string>()): Promise<{ out?: string; error?: string; note?: string }> {
  const input = await inputAt(planned, inputs);
  if (input) return { error: onInput(planned, input).message };
  const { out, kept } = await freeName(planned, taken);
  return { out, note: kept ? `已有文件「${kept}」不是本工具写出的，未覆盖；${what}写为「${out}」。` : undefined };
}

const summaryLine = (files: number, unusable: number, code: number) =>
  code === 2 ? `${files} 个文件中有 ${unusable} 个无法使用或未能写出，详见 files。` : code === 1 ? '已校验，发现问题，详见 findings。' : '已校验，未发现错误和红色证件。';

async function runMerge(inputs: string[], o: CheckArgs & { expected?: string; feedback?: string; previous?: string; contact?: string }, io: Io, now: Date): Promise<number> {
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
  const { files, others } = await expandInputs(inputs);
  if (files.length === 0 && others.length === 0) throw new UsageError('noXlsx');
  const planned = (await outIsFolder(o.out, 1)) ? path.join(o.out, '县汇总.xlsx') : o.out;
  const place = await placeOutput(planned, files, '县汇总工作簿');
  if (place.error) throw new OutputError(place.error);
  if (place.note && !o.json) io.err(place.note);
  const campaign = await prepareCampaign(inputs, { profile: o.profile, expected, checkDate: o.checkDate, generatedAt: stamp(now), previous: o.previous });
  const m = await mergeFiles(files, {
    checkDate: o.checkDate, profile: o.profile, expected, out: place.out, maskIds: !o.fullIds, generatedAt: stamp(now), others, extra: campaign.extra,
    onFile: (i, n, file, f) => io.err(t(o.lang, 'mergeProgress', { i, n, file: path.basename(file), status: f.status === 'ok' ? t(o.lang, 'statusOk') : f.message })),
  });
  if (m.skipped.length) io.err(t(o.lang, 'mergeSkipped', { n: m.skipped.length, names: m.skipped.map((f) => path.basename(f.file)).join('、') }));
  const results = m.files.flatMap((f) => (f.result ? [f.result] : []));
  const entries: FileEntry[] = m.files.map((f) => ({ file: f.file, unit: f.result?.unit ?? '', status: f.status, message: f.message }));
  const draft = o.report && place.out
    ? await writeDraft(draftPath(place.out, '专项清理工作总结'), countyReport(m, { checkDate: o.checkDate, profile: o.profile, deliveries: campaign.deliveries, progress: campaign.progress }), files)
    : undefined;
  const feedback = o.feedback ? await runFeedback(o.feedback, m, { expected, profile: o.profile, checkDate: o.checkDate, generatedAt: stamp(now), contact: o.contact, fullIds: o.fullIds, inputs: files }) : undefined;
  // any unusable input is exit 2 (outputs.md), the rest still merged and written; so is a --previous or a feedback workbook that could not be used or written
  const code = campaign.previousError || feedback?.failed || draft?.error ? 2 : exitStatus(entries, results, m.cross);
  const draftLines = draft ? [draft.error ?? `专项清理工作总结草稿：${draft.out}（黄色底纹处请补充完整）${draft.note ? `；${draft.note}` : ''}`] : [];
  if (o.json) {
    const report = jsonReport(o.checkDate, o.profile, entries, results, m.summary, { byAgency: false, maskIds: !o.fullIds, extraFindings: m.cross });
    io.out(jsonOutcome(report, code, summaryLine(entries.length, entries.filter((e) => e.status !== 'ok').length, code)));
  } else {
    printMerge(m, place.out, o.lang, io, !o.fullIds);
    for (const line of [...campaignLines(campaign), ...(feedback?.lines ?? []), ...draftLines]) io.out(line);
  }
  if (o.json) for (const line of [...(campaign.previousError ? [campaign.previousError] : []), ...(feedback?.lines ?? []), ...draftLines]) io.err(line);
  return code;
}

async function runClear(files: string[], out: string | undefined, o: { lang: Lang; json: boolean; done: (message: string, out: string) => void }, io: Io): Promise<number> {
  if (files.length !== 1) throw new UsageError('noFiles');
  if (!out) throw new UsageError('clearNeedsOut');
  const target = (await outIsFolder(out, 1)) ? path.join(out, path.basename(files[0]).replace(/\.checked(\.xls[xm])$/i, '$1')) : out;
  const place = await placeOutput(target, files, '清除标记后的文件');
  if (place.error) throw new OutputError(place.error);
  // a file that can't be read or written: main says why (and, with --json, as JSON)
  const n = await clearFile(files[0], place.out!);
  if (place.note) io.err(place.note);
  o.done(t(o.lang, 'cleared', { n, out: place.out! }), place.out!);
  return 0;
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
  // with --json, stdout carries only the contract's JSON, whatever happens; human text goes to stderr
  const json = argv.includes('--json');
  let context: { checkDate?: Day; profile?: Profile } = {};
  const fail = (message: string, status: 'usage-error' | 'unusable' | 'internal-error') => {
    io.err(message);
    if (json) io.out(jsonFailure(context.checkDate ?? todayLocal(now), context.profile ?? DEFAULT_PROFILE, status, message));
    return 2;
  };
  // a command that checks nothing (clear, template): its line, or with --json the contract's shape saying it
  const done = (message: string, out: string) => {
    if (!json) return io.out(message);
    io.err(message);
    io.out(jsonFailure(context.checkDate ?? todayLocal(now), context.profile ?? DEFAULT_PROFILE, 'ok', message, { out }));
  };
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError('badArgs', { detail: argDetail(e) });
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
    context = { checkDate };
    const profile = await loadProfile(values.profile);
    context = { checkDate, profile };
    switch (cmd) {
      case 'check':
        return await runCheck(rest, { out: values.out, json: values.json, checkDate, profile, lang, read: readOptions(values), fullIds: values['full-ids'], report: values.report, previous: values.previous }, io, now);
      case 'merge':
        return await runMerge(rest, { out: values.out, json: values.json, checkDate, profile, lang, expected: values.expected, fullIds: values['full-ids'], feedback: values.feedback, previous: values.previous, contact: values.contact, report: values.report }, io, now);
      case 'clear':
        return await runClear(rest, values.out, { lang, json, done }, io);
      case 'upcoming':
        return await runUpcoming(rest, { checkDate, days: values.days, profile, lang, json: values.json, read: readOptions(values) }, io);
      case 'template': {
        // a template never replaces a file of the same name: it gets a number instead
        const { out, kept } = await freeName(values.out ?? '摸排统计表模板.xlsx');
        if (kept) io.err(`已有文件「${kept}」，未覆盖；模板写为「${out}」。`);
        await writeBook(templateBook(), out);
        done(t(lang, 'templateWritten', { out }), out);
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
    if (e instanceof UsageError) return fail(t(lang, e.id, e.data), 'usage-error');
    if (e instanceof OutputError || e instanceof InputError) return fail(e.message, 'unusable');
    return fail(`${lang === 'zh' ? '意外错误，请把以下信息反馈给开发者' : 'Unexpected error; please report'}：${(e as Error).message}`, 'internal-error');
  }
}

/** parseArgs' complaint, said in Chinese: which option is unknown or lacks its value. */
function argDetail(e: unknown): string {
  const m = (e as Error).message;
  const option = /'(-{1,2}[^'\s]+)/.exec(m)?.[1] ?? '';
  if (/Unknown option/i.test(m)) return `不认识的选项 ${option}`;
  if (/argument missing/i.test(m)) return `选项 ${option} 后面缺少取值`;
  if (/does not take an argument/i.test(m)) return `选项 ${option} 不带取值`;
  return '参数格式不对';
}

import { createHash } from 'crypto';
import { existsSync, promises as fs } from 'fs';
import path from 'path';
import { main } from '../../src/cli/main';
import { CellValue } from '../../src/core/types';
import { readGrid } from '../../src/xlsx/fast-read';
import { openPackage } from '../../src/xlsx/package';
import { unesc } from '../../src/xlsx/ooxml/xml';
import { SaxesParser } from 'saxes';
import { readBytes } from '../../src/xlsx/check-bytes';

/**
 * The invariants, checked on the real command line (main) in this process: every call ends in time; no
 * stack trace, no library's English reaches the user; what is said is Chinese; --json prints JSON; the
 * input's bytes are as they were; clear(check(x)) has x's cells; check and merge give one verdict.
 */
export const DATE = '2024-06-05';
/** a call of the command line, ms */
export const CALL_MS = 10_000;
/** what must never be shown: a stack, a library's words, an unexpected-error report */
const LEAKS = /Error:|\n\s+at |^at |\bat [\w.<>]+ \(|undefined|Cannot read|\bBug\b|entity|Invalid|Unexpected|TypeError|RangeError|ENOENT|EISDIR|ENOSPC|out of bounds|意外错误|null/m;
const CHINESE = /[\u4e00-\u9fff]/;

export interface CallResult { code: number; out: string; err: string; ms: number }

async function call(args: string[], dir: string): Promise<CallResult> {
  const out: string[] = [];
  const err: string[] = [];
  const t0 = performance.now();
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), now: () => new Date(`${DATE}T09:30:00`) });
  // paths are the test's, not the tool's words
  const strip = (s: string[]) => s.join('\n').split(dir).join('<dir>');
  return { code, out: strip(out), err: strip(err), ms: performance.now() - t0 };
}

/** Why an XML text is not well-formed, or '' (saxes: the XML parser jsdom uses). */
function xmlError(text: string): string {
  const parser = new SaxesParser({ xmlns: true, position: false });
  let error = '';
  parser.on('error', (e) => {
    error ||= e.message;
  });
  parser.write(text).close();
  return error;
}

/** The parts of the checked copy we wrote or changed that are not well-formed XML (where the clerk's were). */
function badParts(copy: Uint8Array, original: Uint8Array): string[] {
  const a = openPackage(copy, 'copy');
  const b = openPackage(original, 'original');
  return a.names.filter((n) => /\.(xml|rels|vml)$/.test(n)).flatMap((n) => {
    const mine = b.has(n) ? Buffer.from(b.bytes(n)) : null;
    if (mine?.equals(Buffer.from(a.bytes(n)))) return [];
    const e = xmlError(a.text(n));
    return e && !(mine && xmlError(b.text(n))) ? [`${n}: ${e}`] : [];
  });
}

/**
 * References in the copy to a sheet that is not there: in defined names (print areas, the clerk's names) and
 * in the HYPERLINK formulas of 校验结果, each sheet name quoted as Excel wants it ('' for ', "" in a text).
 */
export function badRefs(copy: Uint8Array): string[] {
  const pkg = openPackage(copy, 'copy');
  const wb = pkg.text('xl/workbook.xml');
  const sheets = new Set([...wb.matchAll(/<sheet\b[^>]*?\sname="([^"]*)"/g)].map((m) => unesc(m[1])));
  const out: string[] = [];
  const named = (where: string, ref: string) => {
    for (const q of ref.matchAll(/'((?:[^']|'')+)'!/g)) if (!sheets.has(q[1].replace(/''/g, "'"))) out.push(`${where} names no sheet: ${ref}`);
  };
  for (const m of wb.matchAll(/<definedName\b[^>]*>([^<]*)<\/definedName>/g)) named('a defined name', unesc(m[1]));
  for (const part of pkg.names.filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    for (const f of pkg.text(part).matchAll(/<f>(HYPERLINK[^<]*)<\/f>/g)) {
      const target = /^HYPERLINK\("#((?:[^"]|"")*)",/.exec(unesc(f[1]))?.[1].replace(/""/g, '"');
      if (!target || !/^'(?:[^']|'')+'![A-Z]+\d+$/.test(target)) out.push(`a link is not a quoted reference: ${unesc(f[1])}`);
      else named('a link', target);
    }
  }
  return out;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** What the user saw of one call, judged; problems pushed to `fail`. */
function judge(what: string, r: CallResult, json: boolean, fail: (s: string) => void): unknown {
  if (r.ms > CALL_MS) fail(`${what}: took ${Math.round(r.ms)} ms`);
  if (![0, 1, 2].includes(r.code)) fail(`${what}: exit ${r.code}`);
  const leak = LEAKS.exec(`${r.err}\n${json ? messagesOf(r.out) : r.out}`);
  if (leak) fail(`${what}: leaks "${leak[0]}" in: ${(r.err + r.out).slice(Math.max(0, (r.err + r.out).indexOf(leak[0]) - 120), (r.err + r.out).indexOf(leak[0]) + 120)}`);
  for (const line of r.err.split('\n').filter(Boolean)) if (!CHINESE.test(line)) fail(`${what}: not Chinese: ${line}`);
  if (!json) return undefined;
  try {
    return JSON.parse(r.out);
  } catch {
    fail(`${what}: --json printed no JSON: ${r.out.slice(0, 200)}`);
    return undefined;
  }
}

/** The texts of a JSON report the tool wrote itself (messages), not the workbook's values. */
function messagesOf(out: string): string {
  try {
    const j = JSON.parse(out) as { files?: { message: string }[]; findings?: { message: string }[] };
    return [...(j.files ?? []), ...(j.findings ?? [])].map((f) => f.message).join('\n');
  } catch {
    return out;
  }
}

type Status = { status: string; message: string };
const statusOf = (j: unknown, file: string): Status | undefined =>
  (j as { files?: (Status & { file: string })[] })?.files?.find((f) => path.basename(f.file) === path.basename(file));

const values = (rows: CellValue[][]) => {
  // trailing empties are no value: a row [] and a row [null] hold the same
  const trimmed = rows.map((r) => {
    let n = r.length;
    while (n > 0 && (r[n - 1] === null || r[n - 1] === undefined)) n--;
    return r.slice(0, n);
  });
  let n = trimmed.length;
  while (n > 0 && trimmed[n - 1].length === 0) n--;
  return JSON.stringify(trimmed.slice(0, n));
};

export interface CaseReport {
  name: string;
  failures: string[];
  /** the slowest call */
  ms: number;
  status?: string;
  message?: string;
}

/** check, then clear, on one file; the merge's verdict is compared later (mergeBatch). */
export async function runCase(dir: string, name: string, bytes: Uint8Array): Promise<CaseReport> {
  const failures: string[] = [];
  const fail = (s: string) => failures.push(s);
  const file = path.join(dir, `${name}.xlsx`);
  await fs.writeFile(file, bytes);
  const before = sha(bytes);
  const checked = path.join(`${dir}-out`, `${name}.checked.xlsx`);
  const c = await call(['check', file, '--out', checked, '--json', '--date', DATE], dir);
  let ms = c.ms;
  const st = statusOf(judge('check', c, true, fail), file);
  if (!st) fail('check: the file is not in the JSON');
  else if (st.status !== 'ok' && !CHINESE.test(st.message)) fail(`check: message not Chinese: ${st.message}`);
  if (st?.status === 'ok' && existsSync(checked)) {
    // the copy's XML is ours where it changed: well-formed wherever the clerk's was
    const copy = await fs.readFile(checked);
    // references the clerk's own workbook left dangling (a sheet renamed or gone) are not ours
    const theirs = new Set(badRefs(bytes));
    for (const bad of [...badParts(copy, bytes), ...badRefs(copy).filter((b) => !theirs.has(b))]) fail(`checked copy: ${bad}`);
    const cleared = path.join(`${dir}-out`, `${name}.cleared.xlsx`);
    const cl = await call(['clear', checked, '--out', cleared], dir);
    ms = Math.max(ms, cl.ms);
    judge('clear', cl, false, fail);
    if (cl.code !== 0) fail(`clear: exit ${cl.code}: ${cl.err}`);
    else {
      // x as the clerk's workbook: a checked copy given as input is read with its marks undone, as check reads it
      const [a, b] = [(await readBytes(new Uint8Array(bytes), `${name}.xlsx`)).grid, await readGrid(cleared)];
      const names = (g: typeof a) => g.sheets.map((s) => s.name).join('|');
      if (names(a) !== names(b)) fail(`clear(check(x)): sheets ${names(b)}, not ${names(a)}`);
      a.sheets.forEach((s, i) => {
        if (b.sheets[i] && values(s.rows) !== values(b.sheets[i].rows)) fail(`clear(check(x)): the cells of sheet ${s.name} differ`);
      });
    }
  }
  if (sha(await fs.readFile(file)) !== before) fail('the input file was changed');
  return { name, failures, ms, status: st?.status, message: st?.message };
}

/** One merge over the folder of cases: each file's verdict must be check's. */
export async function mergeBatch(dir: string, reports: CaseReport[]): Promise<number> {
  const m = await call(['merge', dir, '--out', path.join(`${dir}-out`, '县汇总.xlsx'), '--json', '--date', DATE], dir);
  const failures: string[] = [];
  const j = judge('merge', m, true, (s) => failures.push(s));
  for (const r of reports) {
    const st = statusOf(j, `${r.name}.xlsx`);
    if (!st) r.failures.push('merge: the file is not in the JSON');
    else if ((st.status === 'ok') !== (r.status === 'ok')) r.failures.push(`check says ${r.status}, merge says ${st.status}: ${st.message}`);
    else if (st.status !== 'ok' && !CHINESE.test(st.message)) r.failures.push(`merge: message not Chinese: ${st.message}`);
  }
  if (failures.length && reports.length) reports[0].failures.push(...failures.map((f) => `(batch) ${f}`));
  return m.ms;
}

import { promises as fs } from 'fs';
import path from 'path';
import { checkWorkbook, consolidate, Consolidated, consolidatedSheets, Day, FileCheck, Profile, WorkbookGrid } from '../core';
import { newBookParts } from './ooxml/new-book';
import { packPieces } from './pack-stream';
import { readGrid } from './fast-read';
import { InputError } from './guard';

/** The .xlsx files named, folders searched (not our own outputs or Excel's ~$ lock files), in name order. */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (stat?.isDirectory()) {
      const names = (await fs.readdir(input, { recursive: true })) as string[];
      out.push(...names
        .filter((n) => /\.xlsx$/i.test(n) && !/(^|[\\/])~\$/.test(n) && !/\.checked\.xlsx$/i.test(n))
        .sort((a, b) => a.localeCompare(b, 'zh-CN'))
        .map((n) => path.join(input, n)));
    } else {
      out.push(input);
    }
  }
  return [...new Set(out)];
}

export interface MergeOptions {
  checkDate: Day;
  profile: Profile;
  expected: string[];
  out?: string;
  maskIds: boolean;
  generatedAt: string;
  county?: string;
  onFile?: (i: number, n: number, file: string, f: FileCheck) => void;
}

/**
 * Check every file as `check` does, keeping only what the consolidation needs (each file's verdicts and
 * findings, not its rows or its workbook), then run the X rules and write the county's workbook.
 */
export async function mergeFiles(files: string[], opts: MergeOptions): Promise<Consolidated> {
  const checks: FileCheck[] = [];
  // the next file is read (its I/O and unzipping off the main thread) while this one is checked
  const read = (file: string) => readGrid(file).then((grid) => ({ grid }), (error: unknown) => ({ error }));
  let next = files.length ? read(files[0]) : null;
  for (let i = 0; i < files.length; i++) {
    const got = await next!;
    next = i + 1 < files.length ? read(files[i + 1]) : null;
    checks.push(checkOne(files[i], got, opts));
    opts.onFile?.(i + 1, files.length, files[i], checks[i]);
  }
  const m = consolidate(checks, opts.profile, opts.expected);
  if (opts.out) {
    await fs.mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
    // a new workbook whose sheets are deflated as their XML is made: the 明细 never sits in memory as text
    const sheets = consolidatedSheets(m, {
      unit: opts.county ?? '柞水县司法局', checkDate: opts.checkDate, profile: opts.profile, generatedAt: opts.generatedAt, maskIds: opts.maskIds,
    });
    await fs.writeFile(opts.out, await packPieces(newBookParts(sheets)));
  }
  return m;
}

/** One unit's workbook, read values-only and checked; its rows are dropped once checked. */
function checkOne(file: string, got: { grid: WorkbookGrid } | { error: unknown }, opts: MergeOptions): FileCheck {
  if ('error' in got) {
    const e = got.error;
    if (e instanceof InputError) return { file, status: e.status, message: e.message };
    return { file, status: 'unreadable', message: `读取「${path.basename(file)}」时出错：${(e as Error).message}` };
  }
  const result = checkWorkbook(got.grid, { checkDate: opts.checkDate, profile: opts.profile });
  if (result.status !== 'ok') return { file, status: result.status, message: `「${path.basename(file)}」：${result.message}` };
  for (const t of result.personTables) t.records = [];
  if (result.agencyTable) result.agencyTable.records = [];
  return { file, status: 'ok', message: result.message, result };
}

/** The expected units, one a line (or comma-separated); a first line that is a header is skipped. */
export async function readExpected(file: string): Promise<string[]> {
  const text = (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  const units = text.split(/[\r\n,，]+/).map((s) => s.trim()).filter(Boolean);
  return /^(单位|单位名称|应报单位)$/.test(units[0] ?? '') ? units.slice(1) : units;
}

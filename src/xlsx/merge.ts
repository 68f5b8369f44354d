import { promises as fs } from 'fs';
import path from 'path';
import { consolidate, Consolidated, consolidatedSheets, Day, FileCheck, Profile } from '../core';
import { newBookParts } from './ooxml/new-book';
import { NEW_BOOK_LEVEL, packPieces } from './pack-stream';
import { checkUnits, PoolLimits } from './unit-pool';

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
  /** each file's worker: how many at once, its time and its heap */
  limits?: PoolLimits;
}

/**
 * Check every file as `check` does, each in a worker of its own (unit-pool.ts), keeping only what the
 * consolidation needs (each file's verdicts and findings, not its rows or its workbook), then run the X
 * rules and write the county's workbook.
 */
export async function mergeFiles(files: string[], opts: MergeOptions): Promise<Consolidated> {
  const checks = await checkUnits(files, opts, opts.onFile);
  const m = consolidate(checks, opts.profile, opts.expected);
  if (opts.out) {
    await fs.mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
    // a new workbook whose sheets are deflated as their XML is made: the 明细 never sits in memory as text
    const sheets = consolidatedSheets(m, {
      unit: opts.county ?? '柞水县司法局', checkDate: opts.checkDate, profile: opts.profile, generatedAt: opts.generatedAt, maskIds: opts.maskIds,
    });
    await fs.writeFile(opts.out, await packPieces(newBookParts(sheets), NEW_BOOK_LEVEL));
  }
  return m;
}

/** The expected units, one a line (or comma-separated); a first line that is a header is skipped. */
export async function readExpected(file: string): Promise<string[]> {
  const text = (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  const units = text.split(/[\r\n,，]+/).map((s) => s.trim()).filter(Boolean);
  return /^(单位|单位名称|应报单位)$/.test(units[0] ?? '') ? units.slice(1) : units;
}

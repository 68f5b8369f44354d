import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import path from 'path';
import { Consolidated, consolidate, consolidatedSheets } from '../core/consolidate';
import { FileCheck } from '../core/cross/context';
import { Day } from '../core/dates';
import { Profile } from '../core/profile';
import { writeSheet } from './apply';
import { checkFile } from './check-file';
import { writeWorkbook } from './zip';

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
  for (let i = 0; i < files.length; i++) {
    const o = await checkFile(files[i], { checkDate: opts.checkDate, profile: opts.profile, generatedAt: opts.generatedAt });
    if (o.result) {
      for (const t of o.result.personTables) t.records = [];
      if (o.result.agencyTable) o.result.agencyTable.records = [];
    }
    const f: FileCheck = { file: files[i], status: o.status, message: o.message, result: o.result && o.status === 'ok' ? o.result : undefined };
    checks.push(f);
    opts.onFile?.(i + 1, files.length, files[i], f);
  }
  const m = consolidate(checks, opts.profile, opts.expected);
  if (opts.out) {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'cert-sweep';
    const sheets = consolidatedSheets(m, {
      unit: opts.county ?? '柞水县司法局', checkDate: opts.checkDate, profile: opts.profile, generatedAt: opts.generatedAt, maskIds: opts.maskIds,
    });
    for (const s of sheets) writeSheet(wb, s);
    await fs.mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
    await writeWorkbook(wb, opts.out);
  }
  return m;
}

/** The expected units, one a line (or comma-separated); a first line that is a header is skipped. */
export async function readExpected(file: string): Promise<string[]> {
  const text = (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  const units = text.split(/[\r\n,，]+/).map((s) => s.trim()).filter(Boolean);
  return /^(单位|单位名称|应报单位)$/.test(units[0] ?? '') ? units.slice(1) : units;
}

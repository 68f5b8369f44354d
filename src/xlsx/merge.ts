import { promises as fs } from 'fs';
import path from 'path';
import { consolidate, Consolidated, consolidatedSheets, Day, FileCheck, OutSheet, Profile } from '../core';
import { originalOf, UNREADABLE } from './check-bytes';
import { CountyWriter } from './county-writer';
import { newBookParts } from './ooxml/new-book';
import { writeAtomic } from './atomic';
import { NEW_BOOK_LEVEL, packPieces } from './pack-stream';
import { pathKey } from './out-path';
import { UnitCheck } from './unit-check';
import { checkUnits, PoolLimits } from './unit-pool';

export interface Inputs {
  /** the workbooks to read (.xlsx, and .xlsm, which is the same package with macros), in name order */
  files: string[];
  /** spreadsheets in other formats: reported, never silently skipped */
  others: FileCheck[];
}

/**
 * The workbooks named, folders searched (not Excel's ~$ lock files), in name order; spreadsheets in formats
 * the reader can't take are accounted for with the reason.
 */
export async function expandInputs(inputs: string[]): Promise<Inputs> {
  const files: string[] = [];
  const others: FileCheck[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    const names = stat?.isDirectory()
      ? ((await fs.readdir(input, { recursive: true })) as string[]).filter((n) => !/(^|[\\/])~\$/.test(n)).sort((a, b) => a.localeCompare(b, 'zh-CN')).map((n) => path.join(input, n))
      : [input];
    for (const file of names) {
      const ext = path.extname(file).toLowerCase();
      if (ext === '.xlsx' || ext === '.xlsm' || !stat?.isDirectory()) files.push(file);
      else if (UNREADABLE[ext]) others.push({ file, status: 'unreadable', message: `「${path.basename(file)}」是 ${UNREADABLE[ext]}，本工具读不了。请用 Excel 或 WPS 打开后另存为 .xlsx（Excel 工作簿）再报送。` });
    }
  }
  return { files: [...new Set(files)], others };
}

type Extra = { sheets?: OutSheet[]; submissions?: OutSheet; hidden?: OutSheet[] };

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
  /** files that could not be read at all (other formats), counted with the rest */
  others?: FileCheck[];
  /**
   * more of the county's workbook, made once the units are consolidated: sheets after 报送情况 (整改情况), a
   * 报送情况 in place of the plain one (with the deliverables), very hidden sheets at the end (the rounds' data)
   */
  extra?: (m: Consolidated) => Extra | Promise<Extra>;
}

/**
 * Check every file as `check` does, each in a worker of its own (unit-pool.ts), keeping only what the
 * consolidation needs (each file's verdicts and findings, not its rows or its workbook), then run the X
 * rules and write the county's workbook.
 */
export async function mergeFiles(files: string[], opts: MergeOptions): Promise<Consolidated & { skipped: FileCheck[] }> {
  // our own outputs met again: the county's workbook and feedback always, a checked copy when its original is here too
  const given = new Set(files.map(pathKey));
  const copyOfGiven = (f: UnitCheck) => f.ours === 'checked' && originalOf(f.file) !== f.file && given.has(pathKey(originalOf(f.file)));
  const newBook = (f: UnitCheck) => f.ours === 'county' || f.ours === 'feedback';
  const skip = (f: UnitCheck) => newBook(f) || copyOfGiven(f);
  const county = opts.out ? new CountyWriter(opts.maskIds) : undefined;
  const read = await checkUnits(files, opts, (i, n, file, f) => {
    if (!skip(f)) county?.add(f);
    opts.onFile?.(i, n, file, f);
  });
  const skipped = read.filter(skip).map((f) => (newBook(f) ? f : {
    ...f, result: undefined, message: `「${path.basename(f.file)}」是「${path.basename(originalOf(f.file))}」的校验副本，已按原文件汇总，副本跳过。`,
  }));
  const checks: FileCheck[] = [...read.filter((f) => !skip(f)).map(({ ours: _, ...f }) => f), ...(opts.others ?? [])];
  const m = consolidate(checks, opts.profile, opts.expected);
  if (opts.out && county) {
    county.cross(m.cross);
    const extra = (await opts.extra?.(m)) ?? {};
    const sheets = consolidatedSheets(m, {
      unit: opts.county ?? '柞水县司法局', checkDate: opts.checkDate, profile: opts.profile, generatedAt: opts.generatedAt, maskIds: opts.maskIds,
      submissionsSheet: extra.submissions,
    });
    sheets.splice(2, 0, ...(extra.sheets ?? []));
    const hidden = extra.hidden ?? [];
    const parts = newBookParts([...sheets, ...hidden], opts.generatedAt, { ...county.book(), hidden: hidden.map((s) => s.name) });
    await writeAtomic(opts.out, await packPieces(parts, NEW_BOOK_LEVEL));
  }
  return { ...m, skipped };
}

/** The expected units, one a line (or comma-separated); a first line that is a header is skipped. */
export async function readExpected(file: string): Promise<string[]> {
  const text = (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  const units = text.split(/[\r\n,，]+/).map((s) => s.trim()).filter(Boolean);
  return /^(单位|单位名称|应报单位)$/.test(units[0] ?? '') ? units.slice(1) : units;
}

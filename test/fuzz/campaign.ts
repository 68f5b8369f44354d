import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { unzipSync } from 'fflate';
import { dayFromIso, DEFAULT_PROFILE } from '../../src/core';
import { decide } from '../../src/host/decide';
import { checkBytes } from '../../src/xlsx/check-bytes';
import { Corruption, corrupted, corruptedParts, corruption } from './corrupt';
import { book } from './gen';
import { RawBook } from './book';
import { CaseReport, DATE, mergeBatch, runCase } from './run';

/**
 * A run of generated cases, each from its own seed (so that any one can be run again alone), merged a
 * batch at a time: the CI suite and `npm run fuzz` both run this.
 */
export const caseArb = fc.record({
  book: fc.oneof({ arbitrary: book(), weight: 19 }, { arbitrary: book(400), weight: 1 }),
  corruption,
  // a fifth of the cases break a checked copy instead: its notes, VML, state sheet and our sheets are parts too
  // (an audit found a cut-short notes part that crashed check while merge read it)
  checked: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
});

/** The case's input: the generated workbook, or its checked copy, with the corruption applied. */
export async function caseBytes(c: { book: RawBook; corruption: Corruption; checked: boolean }): Promise<Uint8Array> {
  if (!c.checked) return corrupted(c.book, c.corruption);
  const checkDate = dayFromIso(DATE)!;
  const copy = await checkBytes(corrupted(c.book, { kind: 'none' }), '单位.xlsx', (grid) => decide(grid, { checkDate, profile: DEFAULT_PROFILE, generatedAt: `${DATE} 09:30` }))
    .then((r) => r.bytes, () => undefined);
  if (!copy) return corrupted(c.book, c.corruption);
  return corruptedParts(Object.entries(unzipSync(copy)).map(([name, data]) => ({ name, data: Buffer.from(data) })), c.corruption);
}

export interface CampaignResult {
  cases: number;
  failed: (CaseReport & { seed: number })[];
  slowest: { ms: number; seed: number };
}

/** The case of a seed. */
export const caseOf = (seed: number) => fc.sample(caseArb, { seed, numRuns: 1 })[0];

export async function campaign(opts: { cases: number; seed: number; batch?: number; onCase?: (r: CaseReport, seed: number) => void }): Promise<CampaignResult> {
  const batch = opts.batch ?? 25;
  const result: CampaignResult = { cases: 0, failed: [], slowest: { ms: 0, seed: opts.seed } };
  for (let start = 0; start < opts.cases; start += batch) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cert-sweep-fuzz-'));
    mkdirSync(`${dir}-out`);
    const reports: (CaseReport & { seed: number })[] = [];
    for (let i = start; i < Math.min(opts.cases, start + batch); i++) {
      const seed = opts.seed + i;
      const c = caseOf(seed);
      let r: CaseReport;
      try {
        r = await runCase(dir, `case-${seed}`, await caseBytes(c));
      } catch (e) {
        r = { name: `case-${seed}`, failures: [`the harness threw: ${(e as Error).stack}`], ms: 0 };
      }
      reports.push({ ...r, seed });
    }
    await mergeBatch(dir, reports);
    for (const r of reports) {
      result.cases++;
      if (r.ms > result.slowest.ms) result.slowest = { ms: r.ms, seed: r.seed };
      if (r.failures.length) result.failed.push(r);
      opts.onCase?.(r, r.seed);
    }
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}-out`, { recursive: true, force: true });
  }
  return result;
}

import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { corrupted, corruption } from './corrupt';
import { book } from './gen';
import { CaseReport, mergeBatch, runCase } from './run';

/**
 * A run of generated cases, each from its own seed (so that any one can be run again alone), merged a
 * batch at a time: the CI suite and `npm run fuzz` both run this.
 */
export const caseArb = fc.record({ book: fc.oneof({ arbitrary: book(), weight: 19 }, { arbitrary: book(400), weight: 1 }), corruption });

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
        r = await runCase(dir, `case-${seed}`, corrupted(c.book, c.corruption));
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

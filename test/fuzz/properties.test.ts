import fc from 'fast-check';
import { colNumber } from '../../src/core/a1';
import { CellValue } from '../../src/core/types';
import { InputError } from '../../src/xlsx/input-error';
import { readGridBytes } from '../../src/xlsx/read-bytes';
import { RawBook, rawBook } from './book';
import { campaign } from './campaign';
import { corrupted, corruption } from './corrupt';
import { book } from './gen';

/**
 * The fuzz suite at CI size: the reader on its own (many cases, shrunk by fast-check when one fails), then
 * the command line on generated and corrupted workbooks (campaign.ts, a fixed seed; FUZZ_SEED and
 * FUZZ_CASES change it). `npm run fuzz -- --cases 10000` is the long run.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20240605);
const CASES = Number(process.env.FUZZ_CASES ?? 120);

/** The values a workbook was written with: (row, col) → value, merged cells but their first left out. */
function written(b: RawBook, sheet: number): Map<string, CellValue> {
  const s = b.sheets[sheet];
  const covered = new Set<string>();
  for (const m of s.merges ?? []) {
    const [, c0, r0, c1, r1] = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(m)!;
    for (let r = Number(r0); r <= Number(r1); r++) {
      for (let c = colNumber(c0); c <= colNumber(c1); c++) if (r !== Number(r0) || c !== colNumber(c0)) covered.add(`${r},${c}`);
    }
  }
  const out = new Map<string, CellValue>();
  for (const row of s.rows) {
    row.cells.forEach((v, k) => {
      const key = `${row.r},${row.col0 + k}`;
      if (!covered.has(key)) out.set(key, v === '' ? null : v);
    });
  }
  return out;
}

describe('the reader (read-bytes.ts) on generated workbooks', () => {
  it('reads back every value written, sheet names included', () => {
    fc.assert(fc.property(book(), (b) => {
      const grid = readGridBytes(rawBook(b), '单位.xlsx');
      expect(grid.sheets.map((s) => s.name)).toEqual(b.sheets.map((s) => s.name));
      b.sheets.forEach((_, i) => {
        for (const [key, v] of written(b, i)) {
          const [r, c] = key.split(',').map(Number);
          expect([key, grid.sheets[i].rows[r - 1]?.[c - 1] ?? null]).toEqual([key, v]);
        }
      });
    }), { seed: SEED, numRuns: 150 });
  });

  it('on corrupted workbooks: a grid, or an InputError in Chinese that says what to do; quickly', () => {
    fc.assert(fc.property(book(), corruption, (b, c) => {
      const t0 = performance.now();
      try {
        readGridBytes(corrupted(b, c), '单位.xlsx');
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        expect((e as Error).message).toMatch(/^(文件)?「单位\.xlsx」.*请/s);
      }
      expect(performance.now() - t0).toBeLessThan(5000);
    }), { seed: SEED, numRuns: 300 });
  });
});

describe('the command line on generated and corrupted workbooks', () => {
  it(`${CASES} cases: in time, no English or stack, Chinese, JSON, input untouched, clear(check(x)) = x, check and merge agree`, async () => {
    const r = await campaign({ cases: CASES, seed: SEED, batch: 60 });
    const failures = r.failed.flatMap((f) => f.failures.map((x) => `seed ${f.seed}: ${x}`));
    expect(failures).toEqual([]);
    expect(r.cases).toBe(CASES);
  }, 600_000);
});

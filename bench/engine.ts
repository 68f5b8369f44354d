import { checkWorkbook, Day, dayFromIso, planForCheck, summarize, WorkbookGrid } from '../src/core';
import { generate } from './generate';

/**
 * The engine's figures for npm run bench: rows per second of a whole check (locate the tables, every rule, the
 * summary, the write plan) on a 50,000-row workbook, and how much longer the same check takes when 8,000 of
 * its rows share one 执法证号 (duplicate groups must cost about what their extra findings cost, not the
 * square of their size).
 */
export const ENGINE_TARGETS: Record<string, string> = {
  engine_rows_per_s: '≥ 300000',
  dup_8000_vs_plain: '≤ 1.3',
};

const DUPLICATES = 8000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** One check as a host runs it: locate, every rule, summary, plan. Returns seconds and the number of findings. */
function timeCheck(grid: WorkbookGrid, checkDate: Day): { seconds: number; findings: number } {
  const t0 = process.hrtime.bigint();
  const r = checkWorkbook(grid, { checkDate });
  const summary = summarize(r, 'agency');
  planForCheck(grid, r, { generatedAt: '', summary, summaryBy: 'agency' });
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, findings: r.findings.length };
}

/** Make the first `n` people's 执法证号 one number (in place). */
export function shareCertificate(grid: WorkbookGrid, n: number): WorkbookGrid {
  const people = grid.sheets[0];
  const header = people.rows.findIndex((row) => row.includes('执法证号'));
  const col = people.rows[header].indexOf('执法证号');
  const shared = people.rows[header + 1][col];
  for (let i = header + 1; i <= header + n; i++) people.rows[i][col] = shared;
  return grid;
}

export function engineFigures(grid: WorkbookGrid, checkDate: Day, rows: number): Record<string, number> {
  // as the bench has always measured it: two warm-up runs for the JIT, then the median of five
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < 7; i++) {
    const t = timeCheck(grid, checkDate);
    if (i >= 2) times.push(t.seconds);
    findings = t.findings;
  }
  // 8,000 rows sharing one 执法证号 against the plain workbook, interleaved so that a busy moment (or a full
  // collection of the heap, which falls on one run in three or four) lands on both alike; medians of nineteen
  // both workbooks made alike (a grid copied another way reads at another speed)
  const plainGrid = generate(rows, checkDate).grid;
  const dup = shareCertificate(generate(rows, checkDate).grid, DUPLICATES);
  const plain: number[] = [];
  const shared: number[] = [];
  let dupFindings = 0;
  for (let i = 0; i < 21; i++) {
    const p = timeCheck(plainGrid, checkDate);
    const d = timeCheck(dup, checkDate);
    dupFindings = d.findings;
    if (i >= 2) {
      plain.push(p.seconds);
      shared.push(d.seconds);
    }
  }
  return {
    findings,
    engine_rows_per_s: Math.round(rows / median(times)),
    dup_8000_findings: dupFindings,
    dup_8000_s: +median(shared).toFixed(3),
    dup_plain_s: +median(plain).toFixed(3),
    dup_8000_vs_plain: +(median(shared) / median(plain)).toFixed(2),
  };
}

/** Alone: node --expose-gc lib/bench/engine.js (after npm run build:cli). */
if (require.main === module) {
  const checkDate = dayFromIso('2024-06-05')!;
  const rows = Number(process.argv[2] ?? 50_000);
  const figures = engineFigures(generate(rows, checkDate).grid, checkDate, rows);
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(24)} ${String(v).padEnd(10)} ${ENGINE_TARGETS[k] ?? ''}`);
  if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
}

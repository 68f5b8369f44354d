import { execFileSync } from 'child_process';
import { mkdirSync } from 'fs';
import path from 'path';
import { dayFromIso } from '../src/core/dates';
import { checkWorkbook } from '../src/core/engine';
import { planForCheck } from '../src/core/plan';
import { summarize } from '../src/core/summary';
import { writeBook } from '../src/xlsx/write-book';
import { generate } from './generate';
import { DEFAULT_PROFILE } from '../src/core/profile';
import { capabilities } from '../src/office/mode';
import { Run, validate } from '../src/office/validate';
import { simulateExcel, WEB_PAYLOAD_LIMIT } from '../src/sim/excel';
import { SimWorkbookState } from '../src/sim/model';

/**
 * npm run bench [-- --json]: speed and memory figures of the issues' targets, printed as a table
 * and, with --json, as one JSON object on the last line.
 */
const ROWS = 50_000;
const checkDate = dayFromIso('2024-06-05')!;
const outDir = path.join(__dirname, '..', '..', 'bench', 'out');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function task(name: string, file: string, out: string): { seconds: number; peakRssMb: number } {
  const script = path.join(__dirname, 'task.js');
  return JSON.parse(execFileSync(process.execPath, [script, name, file, out], { encoding: 'utf8' }).trim().split('\n').pop()!);
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  mkdirSync(outDir, { recursive: true });
  const { grid, book } = generate(ROWS, checkDate);

  const engineTimes: number[] = [];
  let findings = 0;
  // two warm-up runs for the JIT, then the median of five
  for (let i = 0; i < 7; i++) {
    const t0 = process.hrtime.bigint();
    const r = checkWorkbook(grid, { checkDate });
    const summary = summarize(r, 'agency');
    planForCheck(grid, r, { generatedAt: '', summary, summaryBy: 'agency' });
    if (i >= 2) engineTimes.push(Number(process.hrtime.bigint() - t0) / 1e9);
    findings = r.findings.length;
  }
  const engineSeconds = median(engineTimes);

  const file = path.join(outDir, 'bench-50k.xlsx');
  await writeBook(book, file);
  // interleaved, so that a busy moment on the machine falls on both sides alike
  const io: { seconds: number; peakRssMb: number }[] = [];
  const cli: { seconds: number; peakRssMb: number }[] = [];
  for (let i = 0; i < 3; i++) {
    io.push(task('exceljs', file, path.join(outDir, 'io.xlsx')));
    cli.push(task('cli', file, path.join(outDir, 'checked.xlsx')));
  }
  const ioS = median(io.map((x) => x.seconds));
  const cliS = median(cli.map((x) => x.seconds));

  // The county's merge: 100 units' workbooks of 300 people each, against exceljs reading them alone.
  const units = path.join(outDir, 'units');
  const { mkdirSync: mk, rmSync } = await import('fs');
  rmSync(units, { recursive: true, force: true });
  mk(units, { recursive: true });
  for (let u = 0; u < 100; u++) {
    const { book: b } = generate(300, checkDate, { unit: `单位${String(u + 1).padStart(3, '0')}`, offset: u * 300 });
    await writeBook(b, path.join(units, `单位${String(u + 1).padStart(3, '0')}.xlsx`));
  }
  const reads: number[] = [];
  const merges: number[] = [];
  for (let i = 0; i < 3; i++) {
    reads.push(task('exceljs-read', units, '').seconds);
    merges.push(task('merge', units, path.join(outDir, 'merged.xlsx')).seconds);
  }
  const mergeS = median(merges);
  const readS = median(reads);

  // The add-in against the simulated Excel (ExcelApi 1.18, web payload limits): requests and their size,
  // and the add-in's own time from click to marks (the simulated Excel's time taken out), warm, median of 3.
  const excel: Record<string, number> = {};
  const runOnce = async (n: number) => {
    const { book: b } = generate(n, checkDate);
    const sim = simulateExcel(SimWorkbookState.from(b.sheets.map((s) => ({ name: s.name, rows: s.rows }))), { api: '1.18', payloadLimit: WEB_PAYLOAD_LIMIT });
    const t0 = process.hrtime.bigint();
    const out = await validate(sim.Excel.run as unknown as Run, capabilities(sim.Office.context.requirements), { checkDate, profile: DEFAULT_PROFILE, generatedAt: '' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (!out.ok) throw new Error(`${n} rows: ${out.message} ${out.detail ?? ''}`);
    return { totals: sim.totals(), addinMs: ms - sim.totals().excelMs };
  };
  for (const n of [1000, 10000, 50000]) {
    const { totals: t } = await runOnce(n);
    excel[`excel_syncs_${n / 1000}k`] = t.syncs;
    excel[`excel_max_request_bytes_${n / 1000}k`] = t.maxRequestBytes;
    excel[`excel_max_response_bytes_${n / 1000}k`] = t.maxResponseBytes;
  }
  const times: number[] = []; // the 10k run above was the warm-up
  for (let i = 0; i < 3; i++) times.push((await runOnce(10000)).addinMs);
  excel.click_to_marks_10k_ms = Math.round(median(times));

  const figures = {
    rows: ROWS,
    findings,
    engine_rows_per_s: Math.round(ROWS / engineSeconds),
    cli_check_50k_s: +cliS.toFixed(2),
    exceljs_io_50k_s: +ioS.toFixed(2),
    cli_vs_exceljs: +(cliS / ioS).toFixed(2),
    peak_rss_mb: Math.round(Math.max(...cli.map((x) => x.peakRssMb))),
    exceljs_peak_rss_mb: Math.round(Math.max(...io.map((x) => x.peakRssMb))),
    merge_100x300_s: +mergeS.toFixed(2),
    exceljs_read_100x300_s: +readS.toFixed(2),
    merge_vs_exceljs: +(mergeS / readS).toFixed(2),
    ...excel,
  };
  const targets: Record<string, string> = {
    engine_rows_per_s: '≥ 100000', cli_vs_exceljs: '≤ 1.5', click_to_marks_10k_ms: '≤ 300', merge_vs_exceljs: '≤ 1.3',
    excel_syncs_1k: '≤ 8', excel_syncs_10k: '≤ 8', excel_syncs_50k: '≤ 8',
    excel_max_request_bytes_1k: '≤ 4000000', excel_max_request_bytes_10k: '≤ 4000000', excel_max_request_bytes_50k: '≤ 4000000',
    excel_max_response_bytes_50k: '≤ 5242880',
  };
  console.log('指标 figure                     数值 value      目标 target');
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(30)} ${String(v).padEnd(14)} ${targets[k] ?? ''}`);
  if (json) console.log(JSON.stringify(figures));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

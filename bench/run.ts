import { execFileSync } from 'child_process';
import { mkdirSync } from 'fs';
import path from 'path';
import { dayFromIso } from '../src/core/dates';
import { writeBook } from '../src/xlsx/write-book';
import { generate } from './generate';
import { ADDIN_TARGETS, addinFigures } from './addin';
import { ENGINE_TARGETS, engineFigures } from './engine';

/**
 * npm run bench [-- --json] [-- --addin]: speed and memory figures of the issues' targets, printed as a
 * table and, with --json, as one JSON object on the last line; --addin measures the add-in alone.
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

function print(figures: Record<string, number>, targets: Record<string, string>, json: boolean): void {
  console.log('指标 figure                     数值 value      目标 target');
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(30)} ${String(v).padEnd(14)} ${targets[k] ?? ''}`);
  if (json) console.log(JSON.stringify(figures));
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  if (process.argv.includes('--addin')) return print(await addinFigures(), ADDIN_TARGETS, json);
  mkdirSync(outDir, { recursive: true });
  const { grid, book } = generate(ROWS, checkDate);
  const engine = engineFigures(grid, checkDate, ROWS);

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

  const excel = await addinFigures();

  const figures = {
    rows: ROWS,
    ...engine,
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
    ...ENGINE_TARGETS, cli_vs_exceljs: '≤ 1.5', click_to_marks_10k_ms: '≤ 300', merge_vs_exceljs: '≤ 1.3',
    ...ADDIN_TARGETS,
  };
  print(figures, targets, json);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

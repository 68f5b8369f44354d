import { mkdirSync, rmSync } from 'fs';
import path from 'path';
import { dayFromIso } from '../src/core';
import { writeBook } from '../src/xlsx/write-book';
import { generate } from './generate';
import { ADDIN_TARGETS, addinFigures } from './addin';
import { ENGINE_TARGETS, engineFigures } from './engine';
import { BookSpec } from '../src/sample/book';
import { freshNode } from './own-peak';

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
  // the last run's output goes first: the tool never replaces a file it cannot tell is its own (an older
  // version's), and would write a numbered one beside it every run
  if (out) rmSync(out, { force: true });
  const r = freshNode([script, name, file, out]);
  if (r.status !== 0) throw new Error(`bench task ${name} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

/** The book with its first n people's 执法证号 made one number, as withSharedCertificate does to the grid. */
function withSharedCertificateBook(book: BookSpec, n: number): BookSpec {
  const [people, ...rest] = book.sheets;
  const header = people.rows.findIndex((row) => row.includes('执法证号'));
  const col = people.rows[header].indexOf('执法证号');
  const shared = people.rows[header + 1][col];
  return { ...book, sheets: [{ ...people, rows: people.rows.map((row, i) => (i > header && i <= header + n ? row.map((v, c) => (c === col ? shared : v)) : row)) }, ...rest] };
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

  // The same check where 8,000 rows share one 执法证号: duplicate groups must not cost their square
  const dupFile = path.join(outDir, 'bench-50k-dup.xlsx');
  await writeBook(withSharedCertificateBook(book, 8000), dupFile);
  const plainRuns: number[] = [];
  const dupRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    plainRuns.push(task('cli', file, path.join(outDir, 'checked.xlsx')).seconds);
    dupRuns.push(task('cli', dupFile, path.join(outDir, 'checked-dup.xlsx')).seconds);
  }

  // The county's merge: 100 units' workbooks of 300 people each, against exceljs reading them alone.
  const units = path.join(outDir, 'units');
  const { mkdirSync: mk } = await import('fs');
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

  // The county's merge at scale: 1,000 units × 300 people, against the values-only reader alone on the same files
  const many = path.join(outDir, 'units-1000');
  const { readdirSync, existsSync } = await import('fs');
  if (!existsSync(many) || readdirSync(many).length !== 1000) {
    rmSync(many, { recursive: true, force: true });
    mk(many, { recursive: true });
    for (let u = 0; u < 1000; u++) {
      const name = `单位${String(u + 1).padStart(4, '0')}`;
      await writeBook(generate(300, checkDate, { unit: name, offset: u * 300 }).book, path.join(many, `${name}.xlsx`));
    }
  }
  const bigReads: number[] = [];
  const bigMerges: { seconds: number; peakRssMb: number }[] = [];
  for (let i = 0; i < 3; i++) {
    bigReads.push(task('read', many, '').seconds);
    bigMerges.push(task('merge', many, path.join(outDir, 'merged-1000.xlsx')));
  }

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
    cli_dup_8000_s: +median(dupRuns).toFixed(2),
    cli_dup_vs_plain: +(median(dupRuns) / median(plainRuns)).toFixed(2),
    merge_1000x300_s: +median(bigMerges.map((x) => x.seconds)).toFixed(2),
    reader_1000x300_s: +median(bigReads).toFixed(2),
    merge_vs_reader: +(median(bigMerges.map((x) => x.seconds)) / median(bigReads)).toFixed(2),
    merge_1000x300_rss_mb: Math.round(Math.max(...bigMerges.map((x) => x.peakRssMb))),
    ...excel,
  };
  const targets: Record<string, string> = {
    ...ENGINE_TARGETS, cli_vs_exceljs: '≤ 0.5', peak_rss_mb: '≤ 500', click_to_marks_10k_ms: '≤ 300', merge_vs_exceljs: '≤ 1.3',
    cli_dup_vs_plain: '≤ 1.3', merge_vs_reader: '≤ 1.2', merge_1000x300_rss_mb: '≤ 600',
    ...ADDIN_TARGETS,
  };
  print(figures, targets, json);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

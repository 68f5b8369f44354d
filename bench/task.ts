import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import { ownPeakMb } from './own-peak';

/** One measured job in its own process: prints {seconds, peakRssMb} as JSON. */
async function run(task: string, file: string, out: string): Promise<void> {
  const t0 = process.hrtime.bigint();
  if (task === 'exceljs') {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    await wb.xlsx.writeFile(out);
  } else if (task === 'exceljs-read') {
    const { readdirSync } = await import('fs');
    for (const name of readdirSync(file).sort()) await new ExcelJS.Workbook().xlsx.readFile(`${file}/${name}`);
  } else if (task === 'read') {
    // the values-only reader alone, on every file of a folder, as merge reads them
    const { readdirSync } = await import('fs');
    const { readGrid } = await import('../src/xlsx/fast-read');
    for (const name of readdirSync(file).sort()) await readGrid(`${file}/${name}`);
  } else if (task === 'merge') {
    const code = await main(['merge', file, '--out', out, '--date', '2024-06-05'], { out: () => {}, err: () => {} });
    if (code === 2) throw new Error('merge could not use its input');
  } else if (task === 'cli') {
    await main(['check', file, '--out', out, '--date', '2024-06-05'], { out: () => {}, err: (s) => process.stderr.write(s + '\n') });
  } else {
    throw new Error(`unknown task ${task}`);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  process.stdout.write(JSON.stringify({ seconds, peakRssMb: ownPeakMb() }) + '\n');
}

run(process.argv[2], process.argv[3], process.argv[4]).catch((e) => {
  process.stderr.write(String(e) + '\n');
  process.exitCode = 1;
});

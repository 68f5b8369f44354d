import { dayFromIso, DEFAULT_PROFILE } from '../src/core';
import { capabilities } from '../src/office/mode';
import { Run } from '../src/office/run';
import { validate } from '../src/office/validate';
import { simulateExcel, WEB_PAYLOAD_LIMIT } from '../src/sim/excel';
import { SimWorkbookState } from '../src/sim/model';
import { generate } from './generate';

/**
 * The add-in against the simulated Excel (ExcelApi 1.18, web payload limits): requests and their size
 * for a first 校验 and for the second one (which undoes the first), and the add-in's own time from
 * click to marks (the simulated Excel's time taken out), warm, median of three.
 */
const checkDate = dayFromIso('2024-06-05')!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function addinFigures(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const runOnce = async (n: number, twice = false) => {
    const { book } = generate(n, checkDate);
    const sim = simulateExcel(SimWorkbookState.from(book.sheets.map((s) => ({ name: s.name, rows: s.rows }))), { api: '1.18', payloadLimit: WEB_PAYLOAD_LIMIT });
    const caps = capabilities(sim.Office.context.requirements);
    const go = async () => {
      const t0 = process.hrtime.bigint();
      const out = await validate(sim.Excel.run as unknown as Run, caps, { checkDate, profile: DEFAULT_PROFILE, generatedAt: '' });
      if (!out.ok) throw new Error(`${n} rows: ${out.message} ${out.detail ?? ''}`);
      return Number(process.hrtime.bigint() - t0) / 1e6;
    };
    const ms = await go();
    const first = { totals: sim.totals(), addinMs: ms - sim.totals().excelMs };
    if (!twice) return { first };
    sim.reset();
    await go();
    return { first, second: sim.totals() };
  };
  for (const n of [1000, 10000, 50000]) {
    const { first, second } = await runOnce(n, true);
    const k = `${n / 1000}k`;
    figures[`excel_syncs_${k}`] = first.totals.syncs;
    figures[`excel_syncs_second_${k}`] = second!.syncs;
    figures[`excel_max_request_bytes_${k}`] = Math.max(first.totals.maxRequestBytes, second!.maxRequestBytes);
    figures[`excel_max_response_bytes_${k}`] = Math.max(first.totals.maxResponseBytes, second!.maxResponseBytes);
  }
  const times: number[] = []; // the 10k run above was the warm-up
  for (let i = 0; i < 3; i++) times.push((await runOnce(10000)).first.addinMs);
  figures.click_to_marks_10k_ms = Math.round(median(times));
  return figures;
}

export const ADDIN_TARGETS: Record<string, string> = Object.fromEntries([
  ...['1k', '10k', '50k'].flatMap((k) => [[`excel_syncs_${k}`, '≤ 8'], [`excel_syncs_second_${k}`, '≤ 8'], [`excel_max_request_bytes_${k}`, '≤ 4000000'], [`excel_max_response_bytes_${k}`, '≤ 5242880']]),
  ['click_to_marks_10k_ms', '≤ 300'],
]);

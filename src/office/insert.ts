import { colLetter } from '../core';
import { SheetSpec } from '../sample/book';
import { officeFailure } from './errors';
import { Capabilities } from './mode';
import { runJobs } from './batch';
import { asText } from './cells';
import { Run } from './run';

/** Adds sheets (the template, or the sample's) to the open workbook; a name in use gets a suffix. */
export async function insertSheets(run: Run, caps: Capabilities, specs: SheetSpec[]): Promise<{ ok: boolean; message: string; en: string; names: string[] }> {
  try {
    return await run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await ctx.sync();
      const taken = new Set(sheets.items.map((s) => s.name));
      const names: string[] = [];
      const jobs = specs.map((spec) => {
        let name = spec.name;
        for (let i = 2; taken.has(name); i++) name = `${spec.name}${i}`;
        taken.add(name);
        names.push(name);
        const width = spec.rows.reduce((m, r) => Math.max(m, r.length), 0);
        const values = spec.rows.map((r) => Array.from({ length: width }, (_, k) => {
          const v = r[k];
          return v === null || v === undefined ? '' : typeof v === 'object' ? asText(v.error) : asText(v);
        }));
        return {
          bytes: JSON.stringify(values).length + 2000,
          queue: () => {
            const ws = sheets.add(name);
            // ID and certificate numbers as text, down to the last row the template validates
            const lastRow = Math.max(values.length, spec.lastValidatedRow ?? 0);
            for (const c of spec.textCols ?? []) {
              const L = colLetter(c);
              ws.getRange(`${L}1:${L}${lastRow}`).numberFormat = Array.from({ length: lastRow }, () => ['@']);
            }
            ws.getRange(`A1:${colLetter(width)}${values.length}`).values = values as (string | number | boolean)[][];
            for (const h of spec.headerRows ?? []) ws.getRange(`A${h}:${colLetter(width)}${h}`).format.font.bold = true;
            if (caps.sheetFormat) (spec.widths ?? []).forEach((w, k) => (ws.getRange(`${colLetter(k + 1)}:${colLetter(k + 1)}`).format.columnWidth = w * 6));
            if (caps.hyperlinks && spec.freezeRows) ws.freezePanes.freezeRows(spec.freezeRows);
            if (caps.validation && spec.firstDataRow && spec.lists) {
              const last = spec.lastValidatedRow ?? spec.firstDataRow + 500;
              for (const [col, list] of Object.entries(spec.lists)) {
                const L = colLetter(Number(col));
                ws.getRange(`${L}${spec.firstDataRow}:${L}${last}`).dataValidation.rule = { list: { inCellDropDown: true, source: list.join(',') } };
              }
            }
          },
        };
      });
      await runJobs(ctx, jobs, caps.payloadBudget);
      const first = sheets.getItem(names[0]);
      first.activate();
      await ctx.sync();
      return { ok: true, message: '', en: '', names };
    });
  } catch (e) {
    return { ...officeFailure(e), names: [] };
  }
}

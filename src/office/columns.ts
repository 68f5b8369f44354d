import { a1, colLetter, Plan } from '../core';
import { Job, size } from './batch';
import { asText } from './cells';
import { Capabilities } from './mode';
import { StateRow } from './state';

/**
 * The 清理结论 / 问题说明 / 处理建议 columns beside the clerk's table: values only (their look comes
 * from conditional formats or, in compatibility mode, from nothing), and wider columns where Excel lets
 * us set widths (ExcelApi 1.2), the former widths recorded first.
 */
export function resultColumns(
  ctx: Excel.RequestContext, plan: Plan, caps: Capabilities, widthsNow: Map<string, number[]>, previous: StateRow[],
): { jobs: Job[]; records: StateRow[] } {
  const sheets = ctx.workbook.worksheets;
  const jobs: Job[] = [];
  const records: StateRow[] = [];
  for (const b of plan.columns) {
    const last = b.rows.reduce((m, r) => Math.max(m, r.row), b.headerRow);
    const byRow = new Map(b.rows.map((r) => [r.row, r.values]));
    const values = Array.from({ length: last - b.headerRow + 1 }, (_, i) =>
      (i === 0 ? b.headers : byRow.get(b.headerRow + i) ?? b.headers.map(() => '')).map((v) => asText(v)));
    records.push(['values', b.sheet, `${a1(b.headerRow, b.col)}:${a1(last, b.col + b.headers.length - 1)}`]);
    const step = Math.max(1, Math.floor(caps.payloadBudget / 2 / Math.max(1, size(values) / values.length)));
    for (let i = 0; i < values.length; i += step) {
      const part = values.slice(i, i + step);
      jobs.push({
        bytes: size(part),
        queue: () => {
          const r0 = b.headerRow + i;
          sheets.getItem(b.sheet).getRange(`${a1(r0, b.col)}:${a1(r0 + part.length - 1, b.col + b.headers.length - 1)}`).values = part;
        },
      });
    }
    if (caps.sheetFormat) {
      // the widths before any run of ours: the last run's record (undone or not), else what Excel has now
      const first = colLetter(b.col);
      const earlier = previous.find((r) => r[0] === 'widths' && r[1] === b.sheet && r[2] === first);
      const now = widthsNow.get(b.sheet);
      if (earlier) records.push(earlier);
      else if (now) records.push(['widths', b.sheet, first, JSON.stringify(b.headers.map((_, k) => now[b.col - 1 + k] ?? 48))]);
      jobs.push({
        bytes: 300,
        queue: () => {
          if (caps.sheetFormat) b.widths.forEach((w, k) => (sheets.getItem(b.sheet).getRange(`${colLetter(b.col + k)}:${colLetter(b.col + k)}`).format.columnWidth = w * 6));
        },
      });
    }
  }
  return { jobs, records };
}

import { colLetter, OutSheet, PALETTE } from '../core';
import { Job, size } from './batch';
import { outCellValue } from './cells';
import { Capabilities } from './mode';

/**
 * The product's own sheets (校验结果, 汇总; the county's 明细 and 报送情况): values with links as
 * HYPERLINK formulas (which WPS and every Excel follow), a bold header, widths, frozen header, and on
 * 汇总 a chart of 红/黄/绿 by 执法主体 with the 执法主体 as its categories.
 */
const hex = (rgb: string) => `#${rgb}`;

export function sheetJobs(ctx: Excel.RequestContext, s: OutSheet, caps: Capabilities): Job[] {
  const sheets = ctx.workbook.worksheets;
  // the add-in writes whole ranges: rows made on request are made now
  const all = s.more ? [...s.rows, ...Array.from(s.more(), (r) => r.map((c) => ({ ...c })))] : s.rows;
  const width = all.reduce((m, r) => Math.max(m, r.length), 0);
  const values = all.map((r) => Array.from({ length: width }, (_, k) => outCellValue(r[k])));
  const jobs: Job[] = [{ bytes: 100, queue: () => void sheets.add(s.name) }];
  const step = Math.max(1, Math.floor(caps.payloadBudget / 2 / Math.max(1, size(values) / Math.max(1, values.length))));
  for (let i = 0; i < values.length; i += step) {
    const part = values.slice(i, i + step);
    jobs.push({ bytes: size(part), queue: () => void (sheets.getItem(s.name).getRange(`A${i + 1}:${colLetter(width)}${i + part.length}`).values = part) });
  }
  jobs.push({
    bytes: 1500,
    queue: () => {
      const ws = sheets.getItem(s.name);
      const header = ws.getRange(`A${s.headerRow}:${colLetter(width)}${s.headerRow}`);
      header.format.font.bold = true;
      header.format.fill.color = hex(PALETTE.header.fill);
      if (caps.sheetFormat) s.widths.forEach((w, k) => (ws.getRange(`${colLetter(k + 1)}:${colLetter(k + 1)}`).format.columnWidth = w * 6));
      // 汇总's title (ours may be named 汇总（校验） beside a clerk's 汇总)
      if (s.merges.length && caps.sheetFormat) {
        ws.getRange('A1').format.font.bold = true;
        for (const m of s.merges) ws.getRange(m).merge(false);
      }
      if (caps.hyperlinks) ws.freezePanes.freezeRows(s.freezeRows);
      if (s.chart && caps.full) {
        // 红, 黄 and 绿 stand side by side: one block, its header row naming the series
        const first = s.chart.series[0].range.split(':')[0].replace(/\d+$/, '');
        const last = s.chart.series[s.chart.series.length - 1].range.split(':')[1];
        const chart = ws.charts.add('ColumnStacked', ws.getRange(`${first}${s.headerRow}:${last}`), 'Columns');
        chart.title.text = s.chart.title;
        chart.setPosition(s.chart.anchor);
        s.chart.series.forEach((x, i) => {
          const series = chart.series.getItemAt(i);
          series.setXAxisValues(ws.getRange(s.chart!.categories));
          series.format.fill.setSolidColor(hex(x.colour));
        });
      }
    },
  });
  return jobs;
}

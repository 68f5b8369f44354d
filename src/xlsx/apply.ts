import ExcelJS from 'exceljs';
import { a1 } from '../core/a1';
import { OUTPUT_SHEETS } from '../core/reader';
import { CellMark, ColumnBlock, OutSheet, PALETTE, Plan, Style } from '../core/plan';
import { Verdict } from '../core/types';

/**
 * Applies a host-neutral plan to an exceljs workbook. Before marking a cell its own style and note
 * are saved in a very hidden sheet, so that clearMarks (or the next check) restores them exactly.
 */
export const STATE_SHEET = '_证件清理_标记';

/** kind, sheet, where, saved style JSON, saved note JSON (or widths) */
type StateRow = [string, string, string, string, string | null];

const argb = (rgb: string) => `FF${rgb}`;
const solid = (rgb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(rgb) } });
const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } };
const boxed: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function clone<T>(v: T): T {
  return v === undefined ? v : structuredClone(v);
}

/** Restore every cell the last run marked, clear its result columns, drop its sheets. */
export function clearMarks(wb: ExcelJS.Workbook): number {
  const state = wb.getWorksheet(STATE_SHEET);
  let restored = 0;
  if (state) {
    state.eachRow((row) => {
      const kind = row.getCell(1).value;
      const ws = wb.getWorksheet(String(row.getCell(2).value));
      if (!ws) return;
      const where = String(row.getCell(3).value);
      if (kind === 'cell') {
        const cell = ws.getCell(where);
        cell.style = JSON.parse(String(row.getCell(4).value ?? '{}'));
        const note = row.getCell(5).value;
        if (note) cell.note = JSON.parse(String(note));
        else (cell as unknown as { _comment?: unknown })._comment = undefined;
        restored++;
      } else if (kind === 'column') {
        // where = "col:firstRow:lastRow"; these cells were empty before the run
        const [col, first, last] = where.split(':').map(Number);
        for (let r = first; r <= last; r++) {
          for (let k = 0; k < 3; k++) {
            const cell = ws.getCell(r, col + k);
            cell.value = null;
            cell.style = JSON.parse(String(row.getCell(4).value ?? '{}'))[`${r}:${k}`] ?? {};
          }
        }
        const widths = JSON.parse(String(row.getCell(5).value ?? '[]')) as (number | undefined)[];
        widths.forEach((w, k) => (ws.getColumn(col + k).width = w));
      }
    });
  }
  for (const name of [...OUTPUT_SHEETS]) {
    const ws = wb.getWorksheet(name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  return restored;
}

function markCell(ws: ExcelJS.Worksheet, m: CellMark, state: StateRow[]): void {
  const cell = ws.getCell(m.row, m.col);
  const original = clone(cell.style ?? {});
  const note = cell.note;
  state.push(['cell', ws.name, a1(m.row, m.col), JSON.stringify(original), note ? JSON.stringify(note) : null]);
  const style: Partial<ExcelJS.Style> = clone(original);
  if (m.verdict) {
    style.fill = solid(PALETTE[m.verdict].fill);
    style.font = { ...(style.font ?? {}), color: { argb: argb(PALETTE[m.verdict].font) } };
  } else if (m.finding) {
    style.fill = solid(PALETTE.finding.fill);
  }
  if (m.finding) {
    const b: ExcelJS.Border = { style: 'medium', color: { argb: argb(PALETTE.finding.border) } };
    style.border = { top: b, left: b, bottom: b, right: b };
  }
  cell.style = style;
  const originalNote = typeof note === 'string' ? note : note ? (note as ExcelJS.Comment).texts?.map((t) => t.text).join('') : '';
  cell.note = originalNote ? `${m.note}\n\n（原批注）${originalNote}` : m.note;
}

const verdictStyle = (v?: Verdict): Partial<ExcelJS.Style> =>
  v && v !== 'none'
    ? { fill: solid(PALETTE[v].fill), font: { color: { argb: argb(PALETTE[v].font) }, bold: true }, border: boxed, alignment: { horizontal: 'center', vertical: 'top' } }
    : { border: boxed, alignment: { horizontal: 'center', vertical: 'top' } };

function writeColumns(ws: ExcelJS.Worksheet, b: ColumnBlock, state: StateRow[]): void {
  const rows = [b.headerRow, ...b.rows.map((r) => r.row)];
  const saved: Record<string, unknown> = {};
  for (const r of rows) for (let k = 0; k < 3; k++) saved[`${r}:${k}`] = clone(ws.getCell(r, b.col + k).style ?? {});
  const widths = [0, 1, 2].map((k) => ws.getColumn(b.col + k).width);
  state.push(['column', ws.name, `${b.col}:${Math.min(...rows)}:${Math.max(...rows)}`, JSON.stringify(saved), JSON.stringify(widths)]);
  b.headers.forEach((h, k) => {
    const cell = ws.getCell(b.headerRow, b.col + k);
    cell.value = h;
    cell.style = { font: { bold: true }, fill: solid(PALETTE.header.fill), border: boxed, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  });
  for (const r of b.rows) {
    r.values.forEach((v, k) => {
      const cell = ws.getCell(r.row, b.col + k);
      cell.value = v;
      cell.style = k === 0 ? verdictStyle(r.verdict) : { border: boxed, alignment: { wrapText: true, vertical: 'top' } };
    });
  }
  [8, 50, 30].forEach((w, k) => (ws.getColumn(b.col + k).width = w));
}

const STYLES: Record<Style, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 16 }, alignment: { horizontal: 'center', vertical: 'middle' } },
  subtitle: { font: { size: 11 }, alignment: { horizontal: 'left', vertical: 'middle' } },
  header: { font: { bold: true }, fill: solid(PALETTE.header.fill), border: boxed, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  cell: { border: boxed, alignment: { vertical: 'top' } },
  wrap: { border: boxed, alignment: { vertical: 'top', wrapText: true } },
  number: { border: boxed, alignment: { horizontal: 'center', vertical: 'top' } },
  total: { font: { bold: true }, border: boxed, alignment: { horizontal: 'center' } },
  red: { border: boxed, fill: solid(PALETTE.red.fill), font: { color: { argb: argb(PALETTE.red.font) } } },
  yellow: { border: boxed, fill: solid(PALETTE.yellow.fill), font: { color: { argb: argb(PALETTE.yellow.font) } } },
  green: { border: boxed, fill: solid(PALETTE.green.fill), font: { color: { argb: argb(PALETTE.green.font) } } },
  link: { border: boxed, font: { color: { argb: 'FF0563C1' }, underline: true } },
};

/** Text is always written as a plain string value: never a formula, whatever it begins with. */
export function writeSheet(wb: ExcelJS.Workbook, s: OutSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(s.name, {
    views: [{ state: 'frozen', ySplit: s.freezeRows }],
    pageSetup: {
      paperSize: 9, orientation: s.landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printArea: s.printArea, printTitlesRow: `${s.headerRow}:${s.headerRow}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  s.rows.forEach((row, r) => {
    row.forEach((c, k) => {
      const cell = ws.getCell(r + 1, k + 1);
      cell.value = c.link ? { text: String(c.v ?? ''), hyperlink: c.link, tooltip: `转到 ${c.link}` } : c.v;
      if (c.style) cell.style = STYLES[c.style];
    });
  });
  s.widths.forEach((w, k) => (ws.getColumn(k + 1).width = w));
  for (const m of s.merges) ws.mergeCells(m);
  if (s.chart) {
    // exceljs cannot write charts: the xlsx output shows each series as in-cell data bars instead.
    for (const series of s.chart.series) {
      ws.addConditionalFormatting({
        ref: series.range,
        rules: [{ type: 'dataBar', priority: 1, cfvo: [{ type: 'min' }, { type: 'max' }], color: { argb: argb(series.colour) } } as unknown as ExcelJS.ConditionalFormattingRule],
      });
    }
  }
  return ws;
}

export function applyPlan(wb: ExcelJS.Workbook, plan: Plan): void {
  const state: StateRow[] = [];
  for (const m of plan.marks) {
    const ws = wb.getWorksheet(m.sheet);
    if (ws) markCell(ws, m, state);
  }
  for (const b of plan.columns) {
    const ws = wb.getWorksheet(b.sheet);
    if (ws) writeColumns(ws, b, state);
  }
  for (const s of plan.sheets) writeSheet(wb, s);
  wb.addWorksheet(STATE_SHEET, { state: 'veryHidden' }).addRows(state);
}

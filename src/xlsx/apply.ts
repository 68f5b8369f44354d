import ExcelJS from 'exceljs';
import { OUTPUT_SHEETS } from '../core/reader';
import { CellMark, ColumnBlock, OutSheet, PALETTE, Plan, Style } from '../core/plan';
import { Verdict } from '../core/types';
import { cellAt, restoreState, STATE_SHEET, StateWriter } from './state';

/**
 * Applies a host-neutral plan to an exceljs workbook. Every cell it changes is first saved by a
 * StateWriter, so that clearMarks (or the next check) restores the clerk's own formatting exactly.
 */
export { STATE_SHEET };

const argb = (rgb: string) => `FF${rgb}`;
const solid = (rgb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(rgb) } });
const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } };
const boxed: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const findingBorder: ExcelJS.Border = { style: 'medium', color: { argb: argb(PALETTE.finding.border) } };

/** Restore every cell the last run marked, clear its result columns, drop its sheets. */
export function clearMarks(wb: ExcelJS.Workbook): number {
  const restored = restoreState(wb);
  for (const name of OUTPUT_SHEETS) {
    const ws = wb.getWorksheet(name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  return restored;
}

/**
 * The marked version of a style. Cells that share a style object keep sharing one marked object,
 * so exceljs serialises each distinct style once however many cells carry it.
 */
class MarkedStyles {
  private cache = new WeakMap<object, Map<string, Partial<ExcelJS.Style>>>();
  private none = {};

  get(original: Partial<ExcelJS.Style> | undefined, m: CellMark): Partial<ExcelJS.Style> {
    const base = original ?? this.none;
    const key = `${m.verdict ?? ''}|${m.finding}`;
    let byKey = this.cache.get(base);
    if (!byKey) this.cache.set(base, (byKey = new Map()));
    let style = byKey.get(key);
    if (!style) {
      style = structuredClone(base) as Partial<ExcelJS.Style>;
      if (m.verdict) {
        style.fill = solid(PALETTE[m.verdict].fill);
        style.font = { ...(style.font ?? {}), color: { argb: argb(PALETTE[m.verdict].font) } };
      } else if (m.finding) {
        style.fill = solid(PALETTE.finding.fill);
      }
      if (m.finding) style.border = { top: findingBorder, left: findingBorder, bottom: findingBorder, right: findingBorder };
      byKey.set(key, style);
    }
    return style;
  }
}

function markCell(ws: ExcelJS.Worksheet, m: CellMark, state: StateWriter, styles: MarkedStyles): void {
  state.save(ws, m.row, m.col);
  const cell = cellAt(ws, m.row, m.col);
  const note = cell.note;
  cell.style = styles.get(cell.style, m);
  if (!m.note) return;
  const originalNote = typeof note === 'string' ? note : note ? (note as ExcelJS.Comment).texts?.map((t) => t.text).join('') : '';
  cell.note = originalNote ? `${m.note}\n\n（原批注）${originalNote}` : m.note;
}

const centred: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'top' };
const VERDICT_STYLES: Record<Verdict, Partial<ExcelJS.Style>> = {
  red: { fill: solid(PALETTE.red.fill), font: { color: { argb: argb(PALETTE.red.font) }, bold: true }, border: boxed, alignment: centred },
  yellow: { fill: solid(PALETTE.yellow.fill), font: { color: { argb: argb(PALETTE.yellow.font) }, bold: true }, border: boxed, alignment: centred },
  green: { fill: solid(PALETTE.green.fill), font: { color: { argb: argb(PALETTE.green.font) }, bold: true }, border: boxed, alignment: centred },
  none: { border: boxed, alignment: centred },
};
const TEXT_STYLE: Partial<ExcelJS.Style> = { border: boxed, alignment: { wrapText: true, vertical: 'top' } };
const HEADER_STYLE: Partial<ExcelJS.Style> = { font: { bold: true }, fill: solid(PALETTE.header.fill), border: boxed, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };

function writeColumns(ws: ExcelJS.Worksheet, b: ColumnBlock, state: StateWriter): void {
  const width = b.headers.length;
  // no Math.max(...rows): a spread of 200,000 arguments overflows the stack
  const last = b.rows.reduce((m, r) => Math.max(m, r.row), b.headerRow);
  state.written(ws, b.col, b.headerRow, last, width);
  b.headers.forEach((h, k) => {
    state.save(ws, b.headerRow, b.col + k);
    const cell = cellAt(ws, b.headerRow, b.col + k);
    cell.value = h;
    cell.style = HEADER_STYLE;
  });
  for (const r of b.rows) {
    r.values.forEach((v, k) => {
      if (v === '') return; // an empty reason or hint is left untouched, as the clerk had it
      state.save(ws, r.row, b.col + k);
      const cell = cellAt(ws, r.row, b.col + k);
      cell.value = v;
      cell.style = k === 0 ? VERDICT_STYLES[r.verdict ?? 'none'] : TEXT_STYLE;
    });
  }
  [8, 50, 30].forEach((w, k) => (ws.getColumn(b.col + k).width = w));
}

const STYLES: Record<Style, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 16 }, alignment: { horizontal: 'center', vertical: 'middle' } },
  subtitle: { font: { size: 11 }, alignment: { horizontal: 'left', vertical: 'middle' } },
  header: HEADER_STYLE,
  cell: { border: boxed, alignment: { vertical: 'top' } },
  wrap: { border: boxed, alignment: { vertical: 'top', wrapText: true } },
  number: { border: boxed, alignment: { horizontal: 'center', vertical: 'top' } },
  total: { font: { bold: true }, border: boxed, alignment: { horizontal: 'center' } },
  red: { border: boxed, fill: solid(PALETTE.red.fill), font: { color: { argb: argb(PALETTE.red.font) } } },
  yellow: { border: boxed, fill: solid(PALETTE.yellow.fill), font: { color: { argb: argb(PALETTE.yellow.font) } } },
  green: { border: boxed, fill: solid(PALETTE.green.fill), font: { color: { argb: argb(PALETTE.green.font) } } },
  link: { border: boxed, font: { color: { argb: 'FF0563C1' }, underline: true } },
};

/** Both exceljs workbooks: the in-memory one (check) and the streaming writer (the county's merge). */
type AnyWorkbook = ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter;

/**
 * Text is always written as a plain string value: never a formula, whatever it begins with. Widths come
 * first and rows are committed in order, so a streaming writer can write the sheet as it goes.
 */
export function writeSheet(wb: AnyWorkbook, s: OutSheet): void {
  const ws = wb.addWorksheet(s.name, {
    views: [{ state: 'frozen', ySplit: s.freezeRows }],
    pageSetup: {
      paperSize: 9, orientation: s.landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printArea: s.printArea, printTitlesRow: `${s.headerRow}:${s.headerRow}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  }) as ExcelJS.Worksheet;
  s.widths.forEach((w, k) => (ws.getColumn(k + 1).width = w));
  for (const m of s.merges) ws.mergeCells(m); // before their rows are committed
  s.rows.forEach((row, r) => {
    const xr = ws.getRow(r + 1);
    row.forEach((c, k) => {
      const cell = xr.getCell(k + 1);
      // A HYPERLINK formula, not a hyperlink object: exceljs's internal links break in WPS, which many offices use.
      cell.value = c.link ? { formula: `HYPERLINK("#${c.link.replace(/"/g, '""')}","${String(c.v ?? '').replace(/"/g, '""')}")`, result: String(c.v ?? '') } : c.v;
      if (c.style) cell.style = STYLES[c.style];
    });
    xr.commit();
  });
  if (s.chart) {
    // exceljs cannot write charts: the xlsx output shows each series as in-cell data bars instead.
    for (const series of s.chart.series) {
      ws.addConditionalFormatting({
        ref: series.range,
        rules: [{ type: 'dataBar', priority: 1, cfvo: [{ type: 'min' }, { type: 'max' }], color: { argb: argb(series.colour) } } as unknown as ExcelJS.ConditionalFormattingRule],
      });
    }
  }
  (ws as unknown as { commit?: () => void }).commit?.();
}

export function applyPlan(wb: ExcelJS.Workbook, plan: Plan): void {
  const state = new StateWriter();
  const styles = new MarkedStyles();
  for (const m of plan.marks) {
    const ws = wb.getWorksheet(m.sheet);
    if (ws) markCell(ws, m, state, styles);
  }
  for (const b of plan.columns) {
    const ws = wb.getWorksheet(b.sheet);
    if (ws) writeColumns(ws, b, state);
  }
  for (const s of plan.sheets) writeSheet(wb, s);
  wb.addWorksheet(STATE_SHEET, { state: 'veryHidden' }).addRows(state.rows());
}

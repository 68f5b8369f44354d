import type ExcelJS from 'exceljs';
import { serialFromDay } from '../core/dates';
import { CellValue, SheetGrid, WorkbookGrid } from '../core/types';

/* An exceljs workbook as the core's plain grids: no Node API here, so the task pane can use it too. */

/** exceljs cell value → the core's plain value (dates as serials, formulas as their cached result). */
export function plainValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return serialFromDay(v.getTime() / 86400000);
  if (typeof v === 'object') {
    if ('error' in v && v.error) return { error: String(v.error) };
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: ExcelJS.CellValue }).result;
      return result === undefined ? null : plainValue(result as ExcelJS.CellValue);
    }
    if ('text' in v && 'hyperlink' in v) return plainValue((v as { text: ExcelJS.CellValue }).text);
  }
  return String(v);
}

export function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      out[c - 1] = plainValue(cell.value);
    });
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
    rows[r - 1] = out;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return { name: ws.name, rows, hidden: ws.state !== 'visible' };
}

export function workbookGrid(wb: ExcelJS.Workbook, file: string): WorkbookGrid {
  return { file, sheets: wb.worksheets.map(sheetGrid) };
}


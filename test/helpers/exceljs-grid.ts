import ExcelJS from 'exceljs';
import path from 'path';
import { serialFromDay } from '../../src/core/dates';
import { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/types';
import { guardedFile, InputError } from '../../src/xlsx/guard';

/* exceljs as an independent reader, for tests: an exceljs workbook as the core's plain grids. */

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




/** Open an .xlsx for checking; every failure becomes an InputError with a Chinese message. */
export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const data = await guardedFile(file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new InputError(`文件「${path.basename(file)}」已损坏或格式异常，无法读取（${(e as Error).message.slice(0, 80)}）。请在 Excel 中打开并另存为 .xlsx 后重试。`);
  }
  if (wb.worksheets.length === 0) throw new InputError(`文件「${path.basename(file)}」中没有工作表。`, 'not-a-roster');
  return wb;
}

import ExcelJS from 'exceljs';
import { colLetter, isCellError, PALETTE } from '../core';
import { BookSpec, SheetSpec } from '../sample/book';
import { writeWorkbook } from './zip';

const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } };

function addSheet(wb: ExcelJS.Workbook, s: SheetSpec): void {
  const ws = wb.addWorksheet(s.name, {
    views: s.freezeRows ? [{ state: 'frozen', ySplit: s.freezeRows }] : undefined,
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printTitlesRow: s.headerRows ? `${s.headerRows[0]}:${s.headerRows[s.headerRows.length - 1]}` : undefined },
  });
  (s.widths ?? []).forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const c of s.textCols ?? []) ws.getColumn(c).numFmt = '@';
  for (const c of s.dateCols ?? []) ws.getColumn(c).numFmt = 'yyyy-mm-dd';
  s.rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell = ws.getCell(r + 1, c + 1);
      if (isCellError(v)) cell.value = { error: v.error as ExcelJS.CellErrorValue['error'] };
      else if (typeof v === 'number' && s.dateCols?.includes(c + 1)) cell.value = new Date(Math.round((v - 25569) * 86400000));
      else cell.value = v;
    });
  });
  for (const f of s.formulas ?? []) {
    ws.getCell(f.row, f.col).value = { formula: f.formula, result: f.result as string } as ExcelJS.CellFormulaValue;
  }
  for (const m of s.merges ?? []) ws.mergeCells(m);
  const width = s.rows.reduce((m, r) => Math.max(m, r.length), 0);
  for (const h of s.headerRows ?? []) {
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(h, c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${PALETTE.header.fill}` } };
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
    }
  }
  if (s.rows[0]?.length === 1 && s.merges?.some((m) => m.startsWith('A1:'))) {
    ws.getCell(1, 1).font = { bold: true, size: 16 };
    ws.getCell(1, 1).alignment = { horizontal: 'center' };
    ws.getRow(1).height = 28;
  }
  const first = s.firstDataRow;
  if (first && s.lists) {
    const last = s.lastValidatedRow ?? Math.max(first, s.rows.length);
    for (const [col, values] of Object.entries(s.lists)) {
      const L = colLetter(Number(col));
      (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${L}${first}:${L}${last}`, {
        type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`], showErrorMessage: true,
        errorTitle: '取值不在列表中', error: `请从下拉列表中选择：${values.join('、')}`,
      });
    }
  }
}

export function bookToWorkbook(book: BookSpec): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cert-sweep';
  for (const s of book.sheets) addSheet(wb, s);
  return wb;
}

export async function writeBook(book: BookSpec, file: string): Promise<void> {
  await writeWorkbook(bookToWorkbook(book), file);
}

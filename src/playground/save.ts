import type ExcelJS from 'exceljs';
import { SimWorkbookState } from '../sim/model';
import { isCellError } from '../core';

/** Save the simulated workbook as .xlsx: values, fills, notes, and our marks as conditional formats. */
export async function saveXlsx(state: SimWorkbookState): Promise<void> {
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  for (const s of state.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.visibility === 'Visible' ? 'visible' : 'veryHidden' });
    for (const [k, c] of s.cells) {
      const [r, col] = k.split(',').map(Number);
      const cell = ws.getCell(r + 1, col + 1);
      cell.value = isCellError(c.value) ? { error: c.value.error as ExcelJS.CellErrorValue['error'] } : (c.value as ExcelJS.CellValue);
      if (c.format.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${c.format.fill.slice(1)}` } };
      if (c.format.bold) cell.font = { bold: true };
      const note = s.notes.get(k);
      if (note) cell.note = note;
    }
    for (const cf of s.conditionalFormats) {
      ws.addConditionalFormatting({
        ref: cf.ranges.map((x) => x.replace(/^.*!/, '')).join(' '),
        rules: [{ type: 'expression', priority: 1, formulae: ['TRUE'], style: cf.fill ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${cf.fill.slice(1)}` } } } : {} }],
      });
    }
  }
  const buf = await wb.xlsx.writeBuffer();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([buf]));
  a.download = '演示结果.xlsx';
  a.click();
}

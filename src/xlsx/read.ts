import ExcelJS from 'exceljs';
import path from 'path';
import { guardedFile, InputError } from './guard';

export { plainValue, sheetGrid, workbookGrid } from './grid';

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

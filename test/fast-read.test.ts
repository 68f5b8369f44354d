import ExcelJS from 'exceljs';
import path from 'path';
import { dayFromIso } from '../src/core/dates';
import { CellValue } from '../src/core/types';
import { demoUnits } from '../src/sample/demo';
import { readGrid } from '../src/xlsx/fast-read';
import { openWorkbook, workbookGrid } from '../src/xlsx/read';
import { writeBook } from '../src/xlsx/write-book';
import { tmpDir } from './helpers/files';

/** Both readers' grids, with what the core reads alike read alike: '' and an empty cell, trailing blanks. */
const trim = (rows: CellValue[][]) => {
  const out = rows.map((r) => {
    const x = r.map((v) => (v === '' || v === undefined ? null : v));
    while (x.length && (x[x.length - 1] === null || x[x.length - 1] === undefined)) x.pop();
    return x;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
};

describe('the values-only reader used by merge', () => {
  const dir = tmpDir();

  it.each(demoUnits(dayFromIso('2024-06-05')!).map((u) => [u.file, u] as const))('reads %s exactly as exceljs does', async (_n, u) => {
    const file = path.join(dir, u.file);
    await writeBook(u.book, file);
    const fast = await readGrid(file);
    const slow = workbookGrid(await openWorkbook(file), file);
    expect(fast.sheets.map((s) => s.name)).toEqual(slow.sheets.map((s) => s.name));
    fast.sheets.forEach((s, i) => expect(trim(s.rows)).toEqual(trim(slow.sheets[i].rows)));
  });

  it('reads formulas, rich text, errors, booleans, dates, entities and merged cells as exceljs does', async () => {
    const file = path.join(dir, 'odd.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员 & <名单>');
    ws.addRow(['序号', { richText: [{ text: '张' }, { font: { bold: true }, text: '三 & "四"' }] }, { formula: 'A1&"x"', result: '序号x' }]);
    ws.addRow([1, { error: '#N/A' } as ExcelJS.CellErrorValue, true, new Date(Date.UTC(2024, 5, 1)), { formula: '1+1', result: 2 }]);
    ws.addRow(['营盘镇', null, null]);
    ws.addRow([null, null, 'x']);
    ws.mergeCells('A3:A4');
    ws.getCell('E5').value = 'tail';
    await wb.xlsx.writeFile(file);
    const fast = await readGrid(file);
    const slow = workbookGrid(await openWorkbook(file), file);
    expect(fast.sheets[0].name).toBe('人员 & <名单>');
    expect(trim(fast.sheets[0].rows)).toEqual(trim(slow.sheets[0].rows));
    expect(fast.sheets[0].rows[3][0]).toBe('营盘镇');
  });

  it('refuses what openWorkbook refuses, with the same messages', async () => {
    await expect(readGrid(path.join(dir, 'missing.xlsx'))).rejects.toThrow('找不到文件');
  });
});

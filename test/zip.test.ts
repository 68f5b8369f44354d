import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import JSZip from 'jszip';
import path from 'path';
import { packZip, writeWorkbook, zipEntries } from '../src/xlsx/zip';
import { load, tmpDir } from './helpers/files';

describe('writing .xlsx with native deflate', () => {
  it('writes a standard zip that passes its CRC checks and reads back cell for cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('执法人员');
    for (let r = 1; r <= 300; r++) ws.addRow([r, `张三${r}`, '611026198001011234', { formula: 'A1*2', result: 2 }, new Date(Date.UTC(2024, 5, r % 28 + 1))]);
    ws.getCell('B2').note = '批注：中文';
    wb.addWorksheet('汇总').addRow(['合计', 300]);
    const file = path.join(tmpDir(), 'native.xlsx');
    await writeWorkbook(wb, file);

    const zip = await JSZip.loadAsync(readFileSync(file), { checkCRC32: true });
    const names = Object.keys(zip.files);
    expect(names).toContain('xl/worksheets/sheet1.xml');
    expect(names).toContain('[Content_Types].xml');
    expect(readFileSync(file).readUInt16LE(8)).toBe(8); // the first part is deflated, not stored

    const back = await load(file);
    expect(back.worksheets.map((w) => w.name)).toEqual(['执法人员', '汇总']);
    const a = back.getWorksheet('执法人员')!;
    expect(a.rowCount).toBe(300);
    expect(a.getCell('B300').value).toBe('张三300');
    expect(a.getCell('D5').value).toEqual({ formula: 'A1*2', result: 2 });
    expect(a.getCell('B2').note).toBe('批注：中文');
  });

  it('deflates a part larger than a piece (4 MB) in parallel pieces that inflate as one stream', async () => {
    const sheet = `<worksheet><sheetData>${Array.from({ length: 250_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i * 7919 % 100_003}</v></c></row>`).join('')}</sheetData></worksheet>`;
    expect(sheet.length).toBeGreaterThan(2.5 * 4 * 1024 * 1024);
    const z = new JSZip();
    z.file('[Content_Types].xml', '<Types/>');
    z.file('xl/worksheets/sheet1.xml', sheet);
    const stored = await z.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    const packed = await packZip(zipEntries(stored), 8);
    expect(packed.length).toBeLessThan(sheet.length / 4);
    const back = await JSZip.loadAsync(packed, { checkCRC32: true });
    expect(await back.file('xl/worksheets/sheet1.xml')!.async('string')).toBe(sheet);
  });
});

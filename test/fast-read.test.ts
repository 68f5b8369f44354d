import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import path from 'path';
import zlib from 'zlib';
import { dayFromIso } from '../src/core/dates';
import { CellValue } from '../src/core/types';
import { demoUnits } from '../src/sample/demo';
import { readGrid, readGridBytes } from '../src/xlsx/fast-read';
import { PackedPart, zipOf } from '../src/xlsx/package';
import { openWorkbook, workbookGrid } from './helpers/exceljs-grid';
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
    // the browser's way (the pane, the playground) from the same bytes: the very same grids
    expect(readGridBytes(readFileSync(file), u.file)).toEqual({ ...fast, file: u.file });
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

  it('refuses what openWorkbook refuses, with the same messages, and so does the reader the pane uses', async () => {
    await expect(readGrid(path.join(dir, 'missing.xlsx'))).rejects.toThrow('找不到文件');
    const good = readFileSync(path.join(dir, demoUnits(dayFromIso('2024-06-05')!)[0].file));
    const cfb = (stream: string) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(stream, 'utf16le'), Buffer.alloc(512)]);
    const docx = new JSZip();
    docx.file('word/document.xml', '<w:document/>');
    // shared strings that say 20 bytes and inflate to 64 MB; that say 1,000 and inflate to 34
    const one = zlib.deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    const parts = (strings: { packed: Uint8Array; size: number }) => zipOf([
      { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="人员" r:id="rId1"/></sheets></workbook>' },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>' },
      { name: 'xl/worksheets/sheet1.xml', data: '<worksheet><dimension ref="A1"/><sheetData/></worksheet>' },
    ].map((p): PackedPart => ({ name: p.name, packed: zlib.deflateRawSync(p.data), crc: 0, size: Buffer.byteLength(p.data) }))
      .concat({ name: 'xl/sharedStrings.xml', crc: 0, ...strings }));
    const bomb = parts({ packed: Buffer.concat([...Array<Buffer>(64).fill(one), Buffer.from([3, 0])]), size: 20 });
    const short = parts({ packed: zlib.deflateRawSync('<sst><si><t>姓名</t></si></sst>'), size: 1000 });
    const bad: [string, Uint8Array, string][] = [
      ['空.xlsx', new Uint8Array(0), '空文件'],
      ['旧表.xlsx', cfb('Workbook'), '.xls'],
      ['加密.xlsx', cfb('EncryptedPackage'), '密码'],
      ['文本.xlsx', Buffer.from('这不是表格'), '不是 Excel 工作簿'],
      ['表.csv', Buffer.from('姓名,身份证号码\n'), 'CSV'],
      ['截断.xlsx', good.subarray(0, good.length >> 1), '已损坏'],
      ['文档.xlsx', await docx.generateAsync({ type: 'uint8array' }), '不是 Excel 工作簿'],
      ['炸弹.xlsx', bomb, 'xl/sharedStrings.xml 解压后超出压缩包中记录的大小'],
      ['不足.xlsx', short, 'xl/sharedStrings.xml 已损坏'],
      ['zip64.xlsx', readFileSync(path.join(__dirname, 'fixtures/zip/zip64.xlsx')), 'ZIP64'],
    ];
    for (const [name, data, words] of bad) {
      const file = path.join(dir, name);
      writeFileSync(file, data);
      const said = async (p: Promise<unknown>) => p.then(() => 'read', (e: Error) => e.message);
      const fast = await said(readGrid(file));
      expect(fast).toContain(words);
      expect(fast).toContain(`「${name}」`);
      expect(await said(openWorkbook(file))).toBe(fast);
      expect(await said(Promise.resolve().then(() => readGridBytes(data, name)))).toBe(fast);
    }
  });
});

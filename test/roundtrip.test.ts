import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { copyFileSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { a1 } from '../src/core/a1';
import { dayFromIso } from '../src/core/dates';
import { PALETTE } from '../src/core/plan';
import { DEFAULT_PROFILE } from '../src/core/profile';
import { demoUnits } from '../src/sample/demo';
import { checkFile, clearFile } from '../src/xlsx/check-file';
import { STATE_SHEET } from '../src/xlsx/ooxml/state';
import { writeBook } from '../src/xlsx/write-book';
import { cells, load, tmpDir } from './helpers/files';

/**
 * The checked copy is the clerk's own package, patched, and 清除标记 gives the clerk's package back.
 * Parts are compared as an independent zip reader (fflate) sees them; cells as exceljs reads them.
 */
const checkDate = dayFromIso('2024-06-05')!;
const opts = { checkDate, profile: DEFAULT_PROFILE, generatedAt: '2024-06-05 09:30' };
/** the parts, without the folder entries some zip writers add */
const parts = (file: string) => Object.fromEntries(Object.entries(unzipSync(readFileSync(file))).filter(([n]) => !n.endsWith('/')));
const RICH = path.join(__dirname, 'fixtures', 'rich-libreoffice.xlsx');

/** ours: the names our 校验结果 and 汇总 take in that workbook */
type Case = { name: string; make: (file: string) => Promise<void>; ours?: { findings: string; summary: string } };
const cases: Case[] = [
  ...demoUnits(checkDate).map((u) => ({ name: u.file, make: (f: string) => writeBook(u.book, f) })),
  // as LibreOffice saves a workbook with a chart, an image, a validation list and a pivot table
  { name: 'rich-libreoffice.xlsx', make: async (f: string) => copyFileSync(RICH, f) },
  // a legal workbook with no styles.xml at all (some programs write none): the check brings a minimal one, clear takes it away
  {
    name: 'a workbook without styles.xml',
    make: async (f: string) => {
      await writeBook(demoUnits(checkDate)[0].book, f);
      const zip = unzipSync(readFileSync(f));
      delete zip['xl/styles.xml'];
      const edit = (n: string, fn: (x: string) => string) => (zip[n] = strToU8(fn(strFromU8(zip[n]))));
      edit('xl/_rels/workbook.xml.rels', (x) => x.replace(/<Relationship [^>]*styles\.xml"\/>/, ''));
      edit('[Content_Types].xml', (x) => x.replace(/<Override PartName="\/xl\/styles\.xml"[^>]*\/>/, ''));
      for (const n of Object.keys(zip)) if (/^xl\/worksheets\/sheet\d+\.xml$/.test(n)) edit(n, (x) => x.replace(/ (s|style)="\d+"/g, ''));
      writeFileSync(f, zipSync(zip));
    },
  },
  // the clerk's own sheets named as ours are: theirs keep their names and contents, ours take 汇总（校验）
  {
    name: 'a workbook with the clerk\'s own 汇总 and 校验结果 sheets',
    make: async (f: string) => {
      const book = demoUnits(checkDate)[0].book;
      book.sheets.push({ name: '汇总', rows: [['本单位自己的汇总', 20], ['其中持证', 19]] }, { name: '校验结果', rows: [['科室自查记录'], ['已核对']] });
      await writeBook(book, f);
    },
    ours: { findings: '校验结果（校验）', summary: '汇总（校验）' },
  },
];

describe.each(cases.map((c) => [c.name, c] as const))('the checked copy of %s', (_name, c) => {
  const dir = tmpDir();
  const input = path.join(dir, 'in.xlsx');
  const output = path.join(dir, 'out.xlsx');
  const cleared = path.join(dir, 'cleared.xlsx');
  let outcome: Awaited<ReturnType<typeof checkFile>>;

  beforeAll(async () => {
    await c.make(input);
    outcome = await checkFile(input, { ...opts, out: output });
    await clearFile(output, cleared);
  });

  it('copies every part it does not change byte for byte: charts, images, pivots, strings, properties', () => {
    expect(outcome.status).toBe('ok');
    const a = parts(input);
    const b = parts(output);
    const changed = Object.keys(a).filter((n) => !Buffer.from(a[n]).equals(Buffer.from(b[n] ?? [])));
    const marked = new Set(outcome.result!.findings.map((f) => f.sheet).concat(outcome.result!.people.map((p) => p.sheet)));
    // what a check may change: the workbook's lists, styles, and the sheets it marks
    for (const n of changed) expect(n).toMatch(/^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?)$/);
    expect(changed.filter((n) => /worksheets\/sheet/.test(n)).length).toBeLessThanOrEqual(marked.size + 1);
    for (const n of Object.keys(a)) expect(Object.keys(b)).toContain(n);
    if (c.name.startsWith('rich')) for (const n of ['xl/charts/chart1.xml', 'xl/media/image1.png', 'xl/pivotTables/pivotTable1.xml', 'xl/pivotCache/pivotCacheDefinition1.xml']) expect(changed).not.toContain(n);
  });

  it('清除标记 gives the clerk\'s package back, part for part, byte for byte', () => {
    const a = parts(input);
    const b = parts(cleared);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const n of Object.keys(a)) expect({ n, same: Buffer.from(a[n]).equals(Buffer.from(b[n])) }).toEqual({ n, same: true });
  });

  it('keeps every value of the clerk\'s, and the look of every cell it does not mark (read back by exceljs)', async () => {
    const before = await load(input);
    const after = await load(output);
    const r = outcome.result!;
    const marked = new Set([
      ...r.findings.map((f) => `${f.sheet}!${f.cell}`),
      ...r.people.filter((p) => p.colour !== 'none').map((p) => `${p.sheet}!${a1(p.row, p.col)}`),
      ...r.agencies.map((ag) => `${ag.sheet}!${a1(ag.row, r.agencyTable!.fieldCol.agencyName)}`),
    ]);
    let compared = 0;
    for (const ws of before.worksheets) {
      const x = cells(ws);
      const y = cells(after.getWorksheet(ws.name)!);
      for (const [addr, cell] of x) {
        expect({ addr, value: y.get(addr)?.value }).toEqual({ addr, value: cell.value });
        if (!marked.has(`${ws.name}!${addr}`)) expect({ addr, style: y.get(addr)?.style }).toEqual({ addr, style: cell.style });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('colours each certificate, marks each finding with a border and its message as a note', async () => {
    const after = await load(output);
    for (const p of outcome.result!.people.filter((x) => x.colour !== 'none')) {
      const cell = after.getWorksheet(p.sheet)!.getCell(p.row, p.col);
      expect((cell.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe(`FF${PALETTE[p.colour as 'red'].fill}`);
    }
    for (const f of outcome.result!.findings) {
      const cell = after.getWorksheet(f.sheet)!.getCell(f.cell);
      expect(cell.border?.top?.color?.argb).toBe(`FF${PALETTE.finding.border}`);
      const note = cell.note as string | { texts?: { text: string }[] } | undefined;
      const text = typeof note === 'string' ? note : note?.texts?.map((t) => t.text).join('') ?? '';
      expect(text).toContain(`[${f.rule}]`);
    }
  });

  it('writes 清理结论 / 问题说明 / 处理建议 beside the table, and lists every finding on 校验结果 with a link', async () => {
    const after = await load(output);
    const t = outcome.result!.personTable!;
    const ws = after.getWorksheet(t.sheet)!;
    const header = t.headerRows[t.headerRows.length - 1];
    expect(ws.getCell(header, t.lastCol + 1).value).toBe('清理结论');
    expect(ws.getCell(header, t.lastCol + 2).value).toBe('问题说明');
    for (const p of outcome.result!.people) {
      expect(ws.getCell(p.row, t.lastCol + 1).value).toBe({ red: '红', yellow: '黄', green: '绿', none: '无证' }[p.colour]);
      for (const id of p.rules) expect(String(ws.getCell(p.row, t.lastCol + 2).value)).toContain(id);
    }
    const list = after.getWorksheet(c.ours?.findings ?? '校验结果')!;
    expect(list.getRow(1).values).toEqual([undefined, '序号', '规则', '级别', '工作表', '单元格', '姓名', '说明', '处理建议']);
    outcome.result!.findings.forEach((f, i) => {
      expect(list.getCell(i + 2, 5).value).toEqual({ formula: `HYPERLINK("#'${f.sheet}'!${f.cell}","${f.cell}")`, result: f.cell });
      expect(list.getCell(i + 2, 2).value).toBe(f.rule);
    });
    expect(after.getWorksheet(c.ours?.summary ?? '汇总')).toBeDefined();
    expect(after.getWorksheet(STATE_SHEET)!.state).toBe('veryHidden');
    // no two sheets share a name (Excel would refuse the file), and the clerk's sheets of our names are as they were
    const names = after.worksheets.map((w) => w.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    if (c.ours) {
      expect(after.getWorksheet('汇总')!.getCell('A1').value).toBe('本单位自己的汇总');
      expect(after.getWorksheet('校验结果')!.getCell('A1').value).toBe('科室自查记录');
    }
  });

  it('校验结果\'s rows are tall enough for their wrapped 说明 (Excel keeps a row\'s stored height)', async () => {
    const list = (await load(output)).getWorksheet(c.ours?.findings ?? '校验结果')!;
    // 说明 is 60 characters wide; a Chinese character takes about two
    const width = (m: string) => [...m].reduce((n, ch) => n + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
    let tall = 0;
    outcome.result!.findings.forEach((f, i) => {
      const height = list.getRow(i + 2).height;
      if (width(f.message) > 80) expect({ message: f.message, tall: (height ?? 15) >= 30 }).toEqual({ message: f.message, tall: true });
      // 处理建议 (36 wide) wraps too
      if (width(f.message) < 40 && width(f.action) < 25) expect({ message: f.message, height }).toEqual({ message: f.message, height: undefined });
      if ((height ?? 15) >= 30) tall++;
    });
    expect(tall).toBeGreaterThan(0);
  });

  it('汇总 has a real bar chart of 红/黄/绿 by 执法主体', () => {
    const b = parts(output);
    const charts = Object.keys(b).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).map((n) => Buffer.from(b[n]).toString('utf8'));
    const ours = charts.find((x) => x.includes('红黄绿分布'))!;
    expect(ours).toContain('<c:barChart>');
    expect([...ours.matchAll(/<a:srgbClr val="(\w+)"\/>/g)].map((m) => m[1])).toEqual([PALETTE.chart.red, PALETTE.chart.yellow, PALETTE.chart.green]);
    expect(ours).toContain(`<c:cat><c:strRef><c:f>'${c.ours?.summary ?? '汇总'}'!`);
    expect(ours).toMatch(/<c:cat><c:strRef><c:f>'[^']+'!\$B\$\d+:\$B\$\d+<\/c:f>/);
  });

  it('a second check replaces the first one\'s marks: the same copy again', async () => {
    const again = path.join(dir, 'again.xlsx');
    await checkFile(output, { ...opts, out: again });
    const a = parts(output);
    const b = parts(again);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const n of Object.keys(a)) expect({ n, same: Buffer.from(a[n]).equals(Buffer.from(b[n])) }).toEqual({ n, same: true });
  });

  it('a copy saved again by another program (exceljs here) still clears to the clerk\'s values and looks', async () => {
    const resaved = path.join(dir, 'resaved.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    await wb.xlsx.writeFile(resaved);
    const back = path.join(dir, 'resaved-cleared.xlsx');
    await clearFile(resaved, back);
    const before = await load(input);
    const after = await load(back);
    expect(after.worksheets.map((w) => w.name)).toEqual(before.worksheets.map((w) => w.name));
    // the look as a clerk sees it: default-valued attributes (which another writer spells out or leaves out) dropped
    const look = (style: string) => JSON.stringify(JSON.parse(style, (k, v) =>
      (k === 'numFmt' && v === 'General') || (k === 'horizontal' && v === 'general') || (k === 'vertical' && v === 'bottom') || (['wrapText', 'shrinkToFit'].includes(k) && v === false) || (['indent', 'textRotation'].includes(k) && v === 0) ? undefined : v),
      (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
    for (const ws of before.worksheets) {
      const x = cells(ws);
      const y = cells(after.getWorksheet(ws.name)!);
      for (const [addr, cell] of x) expect({ addr, value: y.get(addr)?.value, look: look(y.get(addr)?.style ?? '{}') }).toEqual({ addr, value: cell.value, look: look(cell.style) });
      for (const [addr, cell] of y) if (!x.has(addr)) expect({ addr, value: cell.value }).toEqual({ addr, value: null });
    }
  });
});

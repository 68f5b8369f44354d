import ExcelJS from 'exceljs';
import { existsSync, promises as fs, readFileSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import path from 'path';
import { main } from '../src/cli/main';
import { PERSON_FIELDS } from '../src/core/fields';
import { demoUnits } from '../src/sample/demo';
import { canonicalSheet } from '../src/sample/template';
import { dayFromIso } from '../src/core/dates';
import { writeBook } from '../src/xlsx/write-book';
import { capture, load, tmpDir } from './helpers/files';
import { body, holder } from './helpers/grid';

const dir = tmpDir();
const f = (name: string) => path.join(dir, name);
const DATE = ['--date', '2024-06-05'];

async function cli(...args: string[]) {
  const c = capture();
  const code = await main(args, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

async function cleanWorkbook(file: string): Promise<void> {
  await writeBook({ sheets: [canonicalSheet('person', '柞水县城市管理局', [holder(), holder()]), canonicalSheet('agency', '柞水县城市管理局', [body()])] }, file);
}

beforeAll(async () => {
  for (const u of demoUnits(dayFromIso('2024-06-05')!)) await writeBook(u.book, f(u.file));
  await cleanWorkbook(f('clean.xlsx'));
  writeFileSync(f('notes.xlsx'), '这不是表格');
  writeFileSync(f('list.csv'), '姓名,身份证号码\n张三,1\n');
  const good = readFileSync(f('clean.xlsx'));
  writeFileSync(f('truncated.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
  const cfb = (stream: string) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(stream, 'utf16le'), Buffer.alloc(512)]);
  writeFileSync(f('secret.xlsx'), cfb('EncryptedPackage'));
  writeFileSync(f('old.xls'), cfb('Workbook'));
  const docx = new JSZip();
  docx.file('word/document.xml', '<w:document/>');
  writeFileSync(f('report.docx.xlsx'), await docx.generateAsync({ type: 'nodebuffer' }));
  // Sheets that declare (or hold) more rows than the tool takes: refused before exceljs loads them.
  const huge = async (file: string, sheetXml: string) => {
    const z = new JSZip();
    z.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    z.file('xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="人员" sheetId="1"/></sheets></workbook>');
    z.file('xl/worksheets/sheet1.xml', sheetXml);
    writeFileSync(f(file), await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  };
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>x</t></is></c></row>`).join('');
  await huge('declared.xlsx', `<worksheet><dimension ref="A1:C200001"/><sheetData>${rows(3)}</sheetData></worksheet>`);
  await huge('undeclared.xlsx', `<worksheet><sheetData>${rows(3)}<row r="200001"><c r="A200001"><v>1</v></c></row></sheetData></worksheet>`);
  await huge('wide.xlsx', `<worksheet><dimension ref="A1:XFD150000"/><sheetData>${rows(3)}</sheetData></worksheet>`);
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet('Sheet1');
  await empty.xlsx.writeFile(f('empty.xlsx'));
  const other = new ExcelJS.Workbook();
  other.addWorksheet('库存').addRows([['品名', '数量'], ['打印纸', 20]]);
  await other.xlsx.writeFile(f('inventory.xlsx'));
});

describe('cert-sweep check', () => {
  it('writes a checked copy beside the input and never touches the input', async () => {
    const before = readFileSync(f('clean.xlsx'));
    const r = await cli('check', f('clean.xlsx'), ...DATE);
    expect(r.code).toBe(0);
    expect(r.out).toContain('绿 2');
    expect(existsSync(f('clean.checked.xlsx'))).toBe(true);
    expect(readFileSync(f('clean.xlsx')).equals(before)).toBe(true);
  });

  it('refuses to write over its input', async () => {
    const r = await cli('check', f('clean.xlsx'), '--out', f('clean.xlsx'), ...DATE);
    expect(r.code).toBe(2);
    expect(r.out).toContain('就是输入文件');
  });

  it('prints exactly the JSON contract, with exit status 1 for findings', async () => {
    const r = await cli('check', f('乾佑街道办事处_摸排统计表.xlsx'), '--json', '--out', f('q.xlsx'), ...DATE);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['checkDate', 'profile', 'idNumbers', 'files', 'people', 'agencies', 'findings', 'summary', 'status', 'message']);
    expect(j.status).toBe('findings');
    expect(j.checkDate).toBe('2024-06-05');
    expect(Object.keys(j.profile)).toEqual(['name', 'version']);
    expect(j.files).toEqual([{ file: f('乾佑街道办事处_摸排统计表.xlsx'), unit: '乾佑街道办事处', status: 'ok', message: '' }]);
    expect(Object.keys(j.people[0])).toEqual(['file', 'sheet', 'row', 'name', 'unit', 'agency', 'colour', 'rules']);
    expect(Object.keys(j.agencies[0])).toEqual(['file', 'sheet', 'row', 'name', 'colour', 'rules']);
    expect(Object.keys(j.findings[0])).toEqual(['rule', 'level', 'colour', 'file', 'sheet', 'row', 'column', 'cell', 'message']);
    const li = j.people.find((p: { name: string }) => p.name === '李强');
    expect(li).toMatchObject({ sheet: '执法人员', row: 6, colour: 'red', rules: ['P01'] });
    const zhang = j.people.find((p: { name: string }) => p.name === '张伟');
    expect(zhang.colour).toBe('green');
    const sum = (k: string) => j.summary.rows.reduce((s: number, r: Record<string, number>) => s + r[k], 0);
    for (const k of ['people', 'holders', 'red', 'yellow', 'green']) expect(j.summary.total[k]).toBe(sum(k));
    expect(j.summary.total.people).toBe(j.people.length);
    expect(j.summary.total.red).toBe(j.people.filter((p: { colour: string }) => p.colour === 'red').length);
  });

  it('reads the messy layout: other sheet names, two-row header, synonyms, text dates, √/×', async () => {
    const r = await cli('check', f('营盘镇_摸排统计表.xlsx'), '--json', '--out', f('y.xlsx'), ...DATE);
    const j = JSON.parse(r.out);
    expect(j.files[0].unit).toBe('营盘镇人民政府');
    expect(j.people).toHaveLength(16);
    expect(j.people.every((p: { sheet: string }) => p.sheet === '人员')).toBe(true);
    const byName = (n: string) => j.people.find((p: { name: string }) => p.name === n);
    expect(byName('邓丽').rules).toContain('P01');
    expect(byName('彭博').rules).toContain('P08');
    expect(byName('许明').rules).toContain('D03');
    expect(j.findings.find((x: { rule: string }) => x.rule === 'D03')).toMatchObject({ column: '身份证号码', cell: 'D7' });
    expect(j.files[0].message).toContain('联系电话');
    expect(j.people.some((p: { name: string }) => /填表人|合计/.test(p.name))).toBe(false);
  });

  it('takes a rule profile: colours and thresholds change, a bad profile is explained in Chinese', async () => {
    writeFileSync(f('strict.json'), JSON.stringify({ name: '严格', params: { annualTrainingHours: 80 }, rules: { P10: { colour: 'red' } } }));
    const r = await cli('check', f('clean.xlsx'), '--json', '--profile', f('strict.json'), '--out', f('c2.xlsx'), ...DATE);
    const j = JSON.parse(r.out);
    expect(j.profile.name).toBe('严格');
    expect(j.people.map((p: { colour: string }) => p.colour)).toEqual(['red', 'red']);
    expect(j.findings[0].message).toContain('不足80学时');
    writeFileSync(f('bad.json'), JSON.stringify({ params: { annualTrainingHours: '六十' }, rules: { Q1: {} } }));
    const bad = await cli('check', f('clean.xlsx'), '--profile', f('bad.json'), ...DATE);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('params.annualTrainingHours');
    expect(bad.err).toMatch(/规则配置文件/);
  });

  it.each([
    ['notes.xlsx', '不是 Excel 工作簿'],
    ['list.csv', 'CSV'],
    ['truncated.xlsx', '损坏'],
    ['secret.xlsx', '密码'],
    ['old.xls', '.xls'],
    ['report.docx.xlsx', '不是 Excel 工作簿'],
    ['empty.xlsx', '空'],
    ['inventory.xlsx', '身份证号码'],
    ['missing.xlsx', '找不到文件'],
    ['declared.xlsx', '超过 200,000 行'],
    ['undeclared.xlsx', '超过 200,000 行'],
    ['wide.xlsx', '内存'],
  ])('explains %s in Chinese, exit status 2, no stack trace', async (name, words) => {
    const r = await cli('check', f(name), '--json', ...DATE);
    expect(r.code).toBe(2);
    const j = JSON.parse(r.out);
    expect(j.files[0].status).toMatch(/unreadable|not-a-roster/);
    expect(j.files[0].message).toContain(words);
    expect(j.files[0].message).toContain(name.replace(/\.xlsx$/, '').slice(0, 4));
    expect(r.out + r.err).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('marks a file with no roster as not-a-roster and names the headers it expected', async () => {
    const j = JSON.parse((await cli('check', f('inventory.xlsx'), '--json', ...DATE)).out);
    expect(j.files[0].status).toBe('not-a-roster');
    for (const h of PERSON_FIELDS.filter((x) => x.required)) expect(j.files[0].message).toContain(h.header);
  });

  it('with several files, reports the bad one and still checks the others', async () => {
    const out = f('batch');
    const r = await cli('check', f('old.xls'), f('clean.xlsx'), f('柞水县市场监督管理局_摸排统计表.xlsx'), '--out', out, ...DATE);
    expect(r.code).toBe(2);
    expect(r.out).toContain('旧版 Excel');
    expect(r.out).toContain('合计 3 个文件');
    expect(existsSync(path.join(out, 'clean.checked.xlsx'))).toBe(true);
    expect(existsSync(path.join(out, '柞水县市场监督管理局_摸排统计表.checked.xlsx'))).toBe(true);
  });

  it('explains bad arguments', async () => {
    expect((await cli('check', f('clean.xlsx'), '--date', '2024/6/5')).err).toContain('YYYY-MM-DD');
    expect((await cli('check', '--frobnicate')).code).toBe(2);
    expect((await cli('bogus')).err).toContain('未知命令');
    expect((await cli('--help')).out).toContain('用法');
    expect((await cli('--help', '--lang', 'en')).out).toContain('Usage');
  });
});

describe('when the reader cannot tell', () => {
  it('says which sheets there are, and --map / --sheet let the clerk say which is which', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['本表由营盘镇填报']);
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['名字', '身份证号码', '人员类别', '持证单位', '证件状态']);
    ws.addRow(['张三', holder().idNumber, '劳务派遣', '某局', '正常']);
    await wb.xlsx.writeFile(f('odd.xlsx'));
    const first = JSON.parse((await cli('check', f('odd.xlsx'), '--json', ...DATE)).out);
    expect(first.files[0].status).toBe('not-a-roster');
    expect(first.files[0].message).toContain('花名册');
    expect(first.files[0].message).toContain('--map');
    const r = await cli('check', f('odd.xlsx'), '--json', '--sheet', '花名册', '--map', '名字=姓名', '--map', '持证单位=执法主体', '--out', f('odd.out.xlsx'), ...DATE);
    const j = JSON.parse(r.out);
    expect(j.files[0].status).toBe('ok');
    expect(j.people[0]).toMatchObject({ name: '张三', agency: '某局', colour: 'red' });
    expect((await cli('check', f('odd.xlsx'), '--map', '名字=不存在的列')).err).toContain('--map 的写法不对');
  });
});

describe('cert-sweep template', () => {
  it('writes the canonical workbook: dropdowns, text ID column, frozen header', async () => {
    const out = f('template.xlsx');
    expect((await cli('template', '--out', out)).code).toBe(0);
    const wb = await load(out);
    const ws = wb.getWorksheet('执法人员')!;
    expect(ws.getCell('A1').value).toBe('行政执法证件专项清理工作摸排统计表');
    const header = ws.getRow(3).values as unknown[];
    expect(header.slice(1)).toEqual(PERSON_FIELDS.map((x) => x.header));
    const col = (h: string) => PERSON_FIELDS.findIndex((x) => x.header === h) + 1;
    expect(ws.getColumn(col('身份证号码')).numFmt).toBe('@');
    expect(ws.getColumn(col('执法证号')).numFmt).toBe('@');
    const dv = ws.getCell(4, col('人员类别')).dataValidation;
    expect(dv.type).toBe('list');
    expect(dv.formulae[0]).toContain('劳务派遣');
    expect(ws.getCell(200, col('是否在执法岗位')).dataValidation.formulae[0]).toBe('"是,否"');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(wb.getWorksheet('执法主体')).toBeDefined();
    const r = await cli('check', out, '--json', ...DATE);
    expect(JSON.parse(r.out).files[0].status).toBe('ok');
  });
});

describe('cert-sweep demo', () => {
  it('writes three units’ workbooks, checks them, and covers every D, P and A rule', async () => {
    const out = f('demo');
    const r = await cli('demo', '--out', out, '--json', ...DATE);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.files.map((x: { status: string }) => x.status)).toEqual(['ok', 'ok', 'ok']);
    const seen = new Set(j.findings.map((x: { rule: string }) => x.rule));
    const { RULES } = await import('../src/core/rules');
    expect(RULES.map((x) => x.meta.id).filter((id) => !seen.has(id))).toEqual([]);
    expect((await fs.readdir(out)).filter((n) => n.endsWith('.checked.xlsx'))).toHaveLength(3);
  });
});

import ExcelJS from 'exceljs';
import path from 'path';
import { dayFromIso, serialFromDay } from '../src/core/dates';
import { DEFAULT_PROFILE } from '../src/core/profile';
import { checkFile } from '../src/xlsx/check-file';
import { plainValue } from './helpers/exceljs-grid';
import { load, tmpDir } from './helpers/files';
import { holder } from './helpers/grid';

const checkDate = dayFromIso('2024-06-05')!;

describe('reading exceljs cell values', () => {
  it('reads formulas as their cached value, rich text and hyperlinks as text, errors as errors, dates as serials', () => {
    expect(plainValue({ formula: 'A1&B1', result: '张三' } as ExcelJS.CellFormulaValue)).toBe('张三');
    expect(plainValue({ sharedFormula: 'A1', result: 42 } as unknown as ExcelJS.CellValue)).toBe(42);
    expect(plainValue({ richText: [{ text: '张' }, { font: { bold: true }, text: '三' }] })).toBe('张三');
    expect(plainValue({ text: '营盘镇', hyperlink: 'http://example.invalid' })).toBe('营盘镇');
    expect(plainValue({ error: '#N/A' } as ExcelJS.CellErrorValue)).toEqual({ error: '#N/A' });
    expect(plainValue(new Date(Date.UTC(2024, 5, 1)))).toBe(serialFromDay(dayFromIso('2024-06-01')!));
    expect(plainValue(null)).toBeNull();
  });
});

describe('an .xlsx written by Excel-like hands', () => {
  it('reports an ID stored as a number as D03, reads formulas and dates, and never writes text as a formula', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'hand.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['姓名', '身份证号码', '人员类别', '所属单位', '执法主体', '是否在执法岗位', '在岗状态', '证件状态', '执法证号', '证件版本', '发证日期', '有效期至', '年度培训学时']);
    const p = holder();
    ws.addRow(['=cmd|calc', 610126198001011200, '行政编制', '某镇', '某局', '是', '在岗', '正常', '+A001', '新版', new Date(Date.UTC(2023, 0, 1)), '2027.1.1', 60]);
    ws.addRow([{ richText: [{ text: '@李' }, { text: '四' }] }, p.idNumber, '合同工', '某镇', '某局', '是', '在岗', '正常', '-B002', '新版', '2023年1月1日', { formula: 'DATE(2027,1,1)', result: new Date(Date.UTC(2027, 0, 1)) }, 60]);
    ws.getCell('L3').numFmt = 'yyyy-mm-dd';
    const ag = wb.addWorksheet('主体');
    ag.addRow(['所属单位', '执法主体名称', '主体类型', '执法依据', '依据现行有效', '与三定规定相符', '编制数', '执法岗位数']);
    ag.addRow(['某镇', '某局', '行政机关', '某法', '是', '是', 5, 5]);
    await wb.xlsx.writeFile(file);

    const out = path.join(dir, 'out.xlsx');
    const o = await checkFile(file, { checkDate, profile: DEFAULT_PROFILE, generatedAt: 'now', out });
    expect(o.status).toBe('ok');
    const rules = o.result!.findings.map((f) => `${f.rule}@${f.cell}`);
    expect(rules).toContain('D03@B2');
    expect(rules.filter((r) => r.startsWith('D02'))).toEqual([]);
    expect(rules.filter((r) => r.startsWith('D05'))).toEqual([]);
    expect(o.result!.people.map((x) => x.colour)).toEqual(['yellow', 'red']);

    const back = await load(out);
    const findings = back.getWorksheet('校验结果')!;
    const names: unknown[] = [];
    findings.eachRow((row, r) => {
      if (r > 1) names.push(row.getCell(6).value);
      row.eachCell((c, k) => {
        if (k === 5 && r > 1) expect(c.formula).toMatch(/^HYPERLINK\("#'Sheet1'!/);
        else expect(c.formula).toBeUndefined();
      });
    });
    expect(names).toContain('=cmd|calc');
    expect(names).toContain('@李四');
    const sheet = back.getWorksheet('Sheet1')!;
    expect(sheet.getCell('A2').value).toBe('=cmd|calc');
    expect(sheet.getCell('I2').value).toBe('+A001');
  });
});

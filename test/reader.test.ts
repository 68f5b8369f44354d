import { checkWorkbook } from '../src/core/engine';
import { TABLES } from '../src/core/fields';
import { locateTables } from '../src/core/reader';
import { headerKey } from '../src/core/text';
import { CellValue, WorkbookGrid } from '../src/core/types';
import { CHECK_DATE, day, holder } from './helpers/grid';

const wb = (sheets: { name: string; rows: CellValue[][]; top?: number; left?: number }[]): WorkbookGrid => ({ file: 'x.xlsx', sheets });
const person = holder();

describe('reader: finding the tables by their headers', () => {
  it('skips a merged title row and a 填报单位 row, and reads the unit from it', () => {
    const t = locateTables(wb([{ name: 'Sheet1', rows: [
      ['行政执法证件专项清理工作摸排统计表', '行政执法证件专项清理工作摸排统计表', '行政执法证件专项清理工作摸排统计表'],
      ['填报单位：营盘镇人民政府', null, '填报日期：2024年6月3日'],
      ['序号', '所属单位', '执法主体', '姓名', '身份证号码', '人员类别', '证件状态'],
      [1, '营盘镇', '营盘镇人民政府', '张三', person.idNumber, '行政编制', '正常'],
    ] }])).person!;
    expect(t.headerRows).toEqual([3]);
    expect(t.records.map((r) => r.row)).toEqual([4]);
    expect(t.reportingUnit).toBe('营盘镇人民政府');
  });

  it('reads the 填报单位 from the next cell when the label stands alone', () => {
    const t = locateTables(wb([{ name: 'S', rows: [['填报单位：', '乾佑街道办事处'], ['姓名', '身份证号码', '所属单位', '人员类别'], ['张三', person.idNumber, 'x', '行政编制']] }])).person!;
    expect(t.reportingUnit).toBe('乾佑街道办事处');
  });

  it('reads a two-row header with a merged group header over its sub-headers', () => {
    const rows: CellValue[][] = [
      ['序号', '基本情况', '基本情况', '证件情况', '证件情况', '证件情况', '人员类别'],
      ['序号', '姓名', '身份证号码', '执法证号', '发证日期', '有效期至', '人员类别'],
      [1, '张三', person.idNumber, 'ZS001', day(-100), day(900), '行政编制'],
    ];
    const t = locateTables(wb([{ name: 'S', rows }])).person!;
    expect(t.headerRows[t.headerRows.length - 1]).toBe(2);
    expect(t.fieldCol).toMatchObject({ name: 2, idNumber: 3, certNumber: 4, issueDate: 5, expiryDate: 6, staffCategory: 7 });
    expect(t.records.map((r) => r.row)).toEqual([3]);
  });

  it('reads a two-row header where Office leaves merged cells blank', () => {
    const rows: CellValue[][] = [
      ['序号', '姓名', '身份证号码', '证件情况', null, '人员类别'],
      [null, null, null, '证件编号', '有效期', null],
      [1, '张三', person.idNumber, 'ZS001', day(900), '行政编制'],
    ];
    const t = locateTables(wb([{ name: 'S', rows }])).person!;
    expect(t.headerRows).toEqual([1, 2]);
    expect(t.fieldCol).toMatchObject({ name: 2, idNumber: 3, certNumber: 4, expiryDate: 5, staffCategory: 6 });
  });

  it('matches synonyms, spaces, line breaks, full-width brackets and （必填）', () => {
    const rows: CellValue[][] = [
      ['姓 名', '公民身份号码（必填）', '身份\n类别', '执法\n单位', '在职状态', '执法证件号', '证件有效期', '持证状态(必填)', '所属辖区单位*'],
    ];
    const t = locateTables(wb([{ name: 'S', rows }])).person!;
    expect(Object.keys(t.fieldCol).sort()).toEqual(
      ['agency', 'certNumber', 'certStatus', 'employmentStatus', 'expiryDate', 'idNumber', 'name', 'staffCategory', 'unit'].sort());
  });

  it('keeps columns in any order and reports unknown columns once', () => {
    const rows: CellValue[][] = [['联系电话', '身份证号码', '微信号', '姓名', '人员类别'], ['139', person.idNumber, 'wx', '张三', '行政编制']];
    const r = checkWorkbook(wb([{ name: 'S', rows }]), { checkDate: CHECK_DATE });
    expect(r.personTable!.unknownHeaders).toEqual(['联系电话', '微信号']);
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]).toContain('联系电话、微信号');
  });

  it('never makes a person of footers, totals or blank rows', () => {
    const rows: CellValue[][] = [
      ['姓名', '身份证号码', '人员类别', '所属单位'],
      ['张三', person.idNumber, '行政编制', '营盘镇'],
      [null, null, null, null],
      ['', '  ', null, null],
      ['李四', holder().idNumber, '行政编制', '营盘镇'],
      ['合计', null, null, null],
      ['填表人：王小平', null, '审核人：李国庆', null],
      ['联系电话：0914-4321000'],
    ];
    const t = locateTables(wb([{ name: 'S', rows }])).person!;
    expect(t.records.map((r) => r.row)).toEqual([2, 5]);
  });

  it('finds the sheets by headers whatever they are called, and knows people from bodies', () => {
    const r = locateTables(wb([
      { name: '主体', rows: [['执法主体名称', '主体类型', '执法依据', '编制数'], ['某局', '行政机关', '某法', 3]] },
      { name: 'Sheet1', rows: [['姓名', '身份证号码', '执法主体', '人员类别'], ['张三', person.idNumber, '某局', '行政编制']] },
    ]));
    expect(r.person!.sheet).toBe('Sheet1');
    expect(r.agency!.sheet).toBe('主体');
  });

  it('does not read the product’s own sheets back as input', () => {
    const r = locateTables(wb([{ name: '校验结果', rows: [['序号', '规则', '级别', '工作表', '单元格', '姓名', '说明', '处理建议'], [1, 'D02', '错误', '人员', 'E5', '张三', '…', '…']] }]));
    expect(r.person).toBeNull();
  });

  it('honours a used range that does not start at A1', () => {
    const t = locateTables(wb([{ name: 'S', top: 4, left: 2, rows: [['姓名', '身份证号码', '人员类别'], ['张三', person.idNumber, '行政编制']] }])).person!;
    expect(t.headerRows).toEqual([5]);
    expect(t.fieldCol.name).toBe(3);
    expect(t.records[0].row).toBe(6);
  });

  it('lets the clerk map an unknown header to a field and pick the sheet', () => {
    const rows: CellValue[][] = [['姓名', '身份证号码', '人员类别', '持证单位'], ['张三', person.idNumber, '行政编制', '某局']];
    const r = locateTables(wb([{ name: 'A', rows }, { name: 'B', rows }]), { sheet: { person: 'B' }, mapping: { person: { 持证单位: 'agency' } } });
    expect(r.person!.sheet).toBe('B');
    expect(r.person!.fieldCol.agency).toBe(4);
  });

  it('says what it expected when there is no roster', () => {
    const r = checkWorkbook(wb([{ name: 'S', rows: [['品名', '数量'], ['苹果', 3]] }]), { checkDate: CHECK_DATE });
    expect(r.status).toBe('not-a-roster');
    expect(r.message).toContain('身份证号码');
    const empty = checkWorkbook(wb([{ name: 'S', rows: [] }]), { checkDate: CHECK_DATE });
    expect(empty.status).toBe('not-a-roster');
    expect(empty.message).toContain('空');
  });
});

describe('header vocabulary', () => {
  it('no header or synonym means two fields of one table', () => {
    for (const kind of ['person', 'agency'] as const) {
      const seen = new Map<string, string>();
      for (const f of TABLES[kind].fields) {
        for (const name of [f.header, ...(f.synonyms ?? [])]) {
          const k = headerKey(name);
          expect({ kind, name, field: seen.get(k) ?? f.key }).toEqual({ kind, name, field: f.key });
          seen.set(k, f.key);
        }
      }
    }
  });

  it('ignores a bracketed note in a header', () => {
    const rows: CellValue[][] = [['姓名', '身份证号码', '人员类别', '证件版本（新版/旧版）', '编制性质【必填】']];
    const t = locateTables(wb([{ name: 'S', rows }])).person!;
    expect(t.fieldCol.certVersion).toBe(4);
    expect(t.unknownHeaders).toEqual(['编制性质【必填】']);
  });
});

describe('people on several sheets', () => {
  it('checks every sheet of people, colours each, and names the other sheet in cross-sheet findings', () => {
    const header: CellValue[] = ['姓名', '身份证号码', '人员类别', '所属单位', '执法主体', '是否在执法岗位', '在岗状态', '证件状态', '执法证号'];
    const a = holder();
    const rows = (p: typeof a, cat = '行政编制'): CellValue[] => [p.name, p.idNumber, cat, '某镇', '某局', '是', '在岗', '未持证', null];
    const r = checkWorkbook(wb([
      { name: '执法局人员', rows: [header, rows(a)] },
      { name: '综合执法队人员', rows: [['填报单位：某镇'], header, rows(holder()), rows(a)] },
      { name: '主体', rows: [['执法主体名称', '主体类型', '执法依据', '依据现行有效', '与三定规定相符', '编制数', '执法岗位数'], ['某局', '行政机关', '某法', '是', '是', 9, 9]] },
    ]), { checkDate: CHECK_DATE });
    expect(r.personTables.map((t) => t.sheet)).toEqual(['执法局人员', '综合执法队人员']);
    expect(r.people.map((p) => `${p.sheet}:${p.row}`)).toEqual(['执法局人员:2', '综合执法队人员:3', '综合执法队人员:4']);
    const d08 = r.findings.filter((f) => f.rule === 'D08');
    expect(d08.map((f) => `${f.sheet}!${f.cell}`)).toEqual(['执法局人员!B2', '综合执法队人员!B4']);
    expect(d08[0].message).toContain('「综合执法队人员」4');
    expect(r.notices.join()).toContain('2 个工作表');
  });
});

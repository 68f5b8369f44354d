import { consolidate } from '../../src/core/consolidate';
import { CROSS_RULES } from '../../src/core/cross';
import { FileCheck } from '../../src/core/cross/context';
import { checkWorkbook } from '../../src/core/engine';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { body, CHECK_DATE, holder, Row, workbook } from '../helpers/grid';

/** A unit's checked workbook, as the merge holds it. */
function unit(file: string, name: string, people: Row[], agencies = [body({ unit: name })]): FileCheck {
  const grid = workbook(people.map((p) => ({ ...p, unit: name })), agencies.map((a) => ({ ...a, unit: name })));
  grid.file = file;
  return { file, status: 'ok', message: '', result: checkWorkbook(grid, { checkDate: CHECK_DATE }) };
}
const rules = (files: FileCheck[]) => consolidate(files, DEFAULT_PROFILE, []).cross.map((f) => `${f.rule}:${f.messageId}:${f.file}:${f.cell}:${f.colour}`);

describe('X rules across units', () => {
  it('are registered with zh and en texts', () => {
    expect(CROSS_RULES.map((r) => r.meta.id)).toEqual(['X01', 'X02', 'X03', 'X04']);
    for (const r of CROSS_RULES) for (const m of Object.values(r.meta.messages)) expect(m.en).toMatch(/[a-z]/);
  });

  it('X01: one ID in two units is yellow, red when both hold a live certificate; the verdicts follow', () => {
    const moved = holder({ name: '调动者', certStatus: '已注销', certNumber: null });
    const a = unit('a.xlsx', '营盘镇', [moved]);
    const b = unit('b.xlsx', '红岩寺镇', [{ ...moved, certStatus: '正常', certNumber: 'NEW1' }]);
    expect(rules([a, b])).toEqual(['X01:twice:a.xlsx:F2:yellow', 'X01:twice:b.xlsx:F2:yellow']);
    const c = unit('c.xlsx', '营盘镇', [{ ...moved, certStatus: '正常', certNumber: 'OLD1' }]);
    const m = consolidate([c, b], DEFAULT_PROFILE, []);
    expect(m.cross.map((f) => f.colour)).toEqual(['red', 'red']);
    expect(m.cross[0].message).toContain('《b.xlsx》执法人员!F2');
    expect(c.result!.people[0].colour).toBe('red');
    expect(c.result!.people[0].rules).toContain('X01');
  });

  it('X02: one certificate number on different people in different units is red on every copy', () => {
    const a = unit('a.xlsx', '营盘镇', [holder({ certNumber: 'ZS-9' })]);
    const b = unit('b.xlsx', '红岩寺镇', [holder({ certNumber: 'ZS-9' })]);
    expect(rules([a, b])).toEqual(['X02:shared:a.xlsx:L2:red', 'X02:shared:b.xlsx:L2:red']);
  });

  it('X03: a unit sent twice keeps both and flags both; a file that is not a roster is flagged', () => {
    const p = holder();
    const a = unit('a.xlsx', '营盘镇', [p]);
    const a2 = unit('a2.xlsx', '营盘镇', [p]);
    const bad: FileCheck = { file: 'x.xlsx', status: 'unreadable', message: '文件已损坏' };
    expect(rules([a, a2, bad])).toEqual(['X03:notRoster:x.xlsx::null', 'X03:twice:a.xlsx::null', 'X03:twice:a2.xlsx::null']);
    const m = consolidate([a, a2, bad], DEFAULT_PROFILE, ['营盘镇', '红岩寺镇']);
    expect(m.summary).toHaveLength(2);
    // a file nothing could be read from has been sent, in a form that can't be used: not 未报送, not 合格
    expect(m.submissions.map((s) => `${s.unit}:${s.status}`)).toEqual(['营盘镇:有问题', '红岩寺镇:未报送', '（x.xlsx）:已报送（格式不符）']);
  });

  it('X04: headers that drift from the template are reported, not silently followed', () => {
    const clean = unit('a.xlsx', '营盘镇', [holder()]);
    expect(rules([clean]).filter((r) => r.startsWith('X04'))).toEqual([]);
    const grid = workbook([holder()]);
    grid.sheets[0].rows[0] = grid.sheets[0].rows[0].map((h) => (h === '身份证号码' ? '公民身份号码' : h === '备注' ? '联系电话' : h));
    const drifted: FileCheck = { file: 'b.xlsx', status: 'ok', message: '', result: checkWorkbook(grid, { checkDate: CHECK_DATE }) };
    const x04 = consolidate([drifted], DEFAULT_PROFILE, []).cross.filter((f) => f.rule === 'X04');
    expect(x04).toHaveLength(1);
    expect(x04[0].message).toContain('公民身份号码→身份证号码');
    expect(x04[0].message).toContain('缺少 备注');
    expect(x04[0].message).toContain('多出 联系电话');
  });

  it('the 汇总 totals equal the sum of the units, each person counted once per unit', () => {
    const a = unit('a.xlsx', '营盘镇', [holder(), holder({ staffCategory: '劳务派遣' })]);
    const b = unit('b.xlsx', '红岩寺镇', [holder(), holder(), holder({ annualTrainingHours: 10 })]);
    const m = consolidate([a, b], DEFAULT_PROFILE, []);
    expect(m.summary.map((r) => [r.unit, r.people, r.red, r.yellow, r.green])).toEqual([['营盘镇', 2, 1, 0, 1], ['红岩寺镇', 3, 0, 1, 2]]);
  });
});

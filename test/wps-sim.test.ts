import { EtBookState, XL_NONE, XL_SHEET_VERY_HIDDEN } from '../src/sim-et/model';
import { simulateEt, SimWorksheet } from '../src/sim-et/application';
import { SimRange } from '../src/sim-et/range';

/** The simulated ET object model refuses what WPS refuses: a simulation kinder than the host hides bugs. */
describe('sim-et', () => {
  const open = () => {
    const book = EtBookState.from([{ name: '人员', rows: [['姓名', '出生日期'], ['张三', 45292]] }, { name: '主体', rows: [['名称']] }]);
    return { book, app: simulateEt(book) };
  };

  it('counts from 1, reads Value2 as a scalar or rows of columns, takes strings as typed', () => {
    const { app } = open();
    const ws = app.ActiveWorkbook!.Sheets.Item(1);
    expect(ws.Name).toBe('人员');
    expect(app.ActiveWorkbook!.Sheets.Item('主体').Index).toBe(2);
    expect(ws.Range('B2').Value2).toBe(45292);
    expect(ws.Range('A1:B2').Value2).toEqual([['姓名', '出生日期'], ['张三', 45292]]);
    expect(ws.Range('C1').Value2).toBeUndefined();
    ws.Range('C1:C3').Value2 = [['0123'], ["'0123"], ['=HYPERLINK("#A1","甲")']];
    expect(ws.Range('C1:C3').Value2).toEqual([[123], ['0123'], ['甲']]);
    expect(() => (ws.Range('C1:C3').Value2 = [['a', 'b']])).toThrow(/行列数/);
  });

  it('colours are BGR; no fill reads as white with ColorIndex xlNone', () => {
    const { app } = open();
    const r = app.ActiveWorkbook!.Sheets.Item(1).Range('A1');
    expect(r.Interior.ColorIndex).toBe(XL_NONE);
    expect(r.Interior.Color).toBe(0xffffff);
    r.Interior.Color = 0x0000ff; // RGB(255, 0, 0): red
    expect(r.Interior.Color).toBe(255);
    r.Interior.ColorIndex = XL_NONE;
    expect(r.Interior.ColorIndex).toBe(XL_NONE);
  });

  it('sheet names: at most 31 characters, none of \\ / ? * [ ] :, no duplicate (in any case)', () => {
    const { app } = open();
    const ws = app.ActiveWorkbook!.Sheets.Add() as SimWorksheet;
    expect(() => (ws.Name = '一'.repeat(32))).toThrow(/31/);
    for (const bad of ['a/b', 'a\\b', 'a?b', 'a*b', 'a[b', 'a]b', 'a:b', "'ab", '']) expect(() => (ws.Name = bad)).toThrow();
    expect(() => (ws.Name = '人员')).toThrow(/已被使用/);
    ws.Name = '一'.repeat(31);
    expect(ws.Name).toHaveLength(31);
  });

  it('a very hidden sheet cannot be deleted or activated; the last visible sheet cannot be hidden; Delete asks unless alerts are off', () => {
    const { app, book } = open();
    const second = app.ActiveWorkbook!.Sheets.Item(2);
    second.Visible = XL_SHEET_VERY_HIDDEN;
    expect(() => second.Delete()).toThrow(/深度隐藏/);
    expect(() => second.Activate()).toThrow(/隐藏/);
    expect(() => (app.ActiveWorkbook!.Sheets.Item(1).Visible = 0)).toThrow(/至少要有一张可见/);
    second.Visible = 0;
    second.Delete();
    expect(book.prompts).toEqual(['删除工作表「主体」？']);
  });

  it('one comment a cell; AddComment on a range of several cells fails; addresses over 255 characters fail', () => {
    const { app } = open();
    const ws = app.ActiveWorkbook!.Sheets.Item(1);
    ws.Range('A1').AddComment('甲');
    expect(() => ws.Range('A1').AddComment('乙')).toThrow(/已有批注/);
    expect(() => ws.Range('A1:A2').AddComment('乙')).toThrow();
    expect(ws.Range('A1').Comment!.Text()).toBe('甲');
    expect(ws.Range('B1').Comment).toBeNull();
    expect(() => ws.Range(Array.from({ length: 100 }, (_, i) => `A${i + 1}`).join(','))).toThrow(/255/);
  });

  it('conditional formats: only xlExpression, with a formula; Union joins ranges of one sheet', () => {
    const { app } = open();
    const ws = app.ActiveWorkbook!.Sheets.Item(1);
    expect(() => ws.Range('A1').FormatConditions.Add(1, 3, '=1')).toThrow();
    const u = app.Union(ws.Range('A1') as SimRange, ws.Range('B2') as SimRange);
    const fc = u.FormatConditions.Add(2, undefined, '=ISTEXT("x")');
    expect(fc.AppliesTo.Address()).toBe('$A$1,$B$2');
    expect(ws.Range('B2').FormatConditions.Count).toBe(1);
    expect(() => app.Union(ws.Range('A1') as SimRange, app.ActiveWorkbook!.Sheets.Item(2).Range('A1') as SimRange)).toThrow(/同一工作表/);
  });
});

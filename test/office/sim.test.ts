import { simulateExcel, SimRequestContext as SimContext } from '../../src/sim/excel';
import { SimWorkbookState } from '../../src/sim/model';

const book = () => SimWorkbookState.from([{ name: '执法人员', rows: [['姓名', '身份证号码'], ['张三', '611026198001011234']] }]);
async function withContext<T>(api: '1.1' | '1.9' | '1.18', f: (ctx: SimContext) => Promise<T>, payloadLimit?: number): Promise<T> {
  return simulateExcel(book(), { api, payloadLimit }).Excel.run(f);
}

describe('the Excel simulation behaves as Office does', () => {
  it('a property cannot be read before load() and sync()', async () => {
    await withContext('1.18', async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('执法人员').getRange('A1:B2');
      expect(() => r.values).toThrow(/call the load method/);
      r.load('values');
      expect(() => r.values).toThrow(/context.sync/);
      await ctx.sync();
      expect(r.values).toEqual([['姓名', '身份证号码'], ['张三', '611026198001011234']]);
    });
  });

  it('writes are queued and happen at sync, in order; every sync is counted with its payload', async () => {
    const sim = simulateExcel(book(), { api: '1.18' });
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('执法人员');
      ws.getRange('C1').values = [['备注']];
      expect(sim.state.sheets[0].get(0, 2)).toBeUndefined();
      const r = ws.getRange('C1').load('values');
      await ctx.sync();
      expect(r.values).toEqual([['备注']]);
    });
    expect(sim.totals().syncs).toBe(1);
    expect(sim.totals().maxRequestBytes).toBeGreaterThan(0);
  });

  it('an API above the simulated ExcelApi version fails at sync with ApiNotFound', async () => {
    await expect(withContext('1.1', async (ctx) => {
      ctx.workbook.worksheets.getItem('执法人员').getRanges('A1,B2').format.fill.color = '#FF0000';
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'ApiNotFound' });
    await expect(withContext('1.9', async (ctx) => {
      ctx.workbook.worksheets.getItem('执法人员').notes.add('A1', 'x');
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it("refuses a request over Excel on the web's 5 MB and an address over 8,192 characters", async () => {
    await expect(withContext('1.18', async (ctx) => {
      ctx.workbook.worksheets.getItem('执法人员').getRange('A1:A1000').values = Array.from({ length: 1000 }, () => ['x'.repeat(6000)]);
      await ctx.sync();
    }, 5 * 1024 * 1024)).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    await expect(withContext('1.18', async (ctx) => {
      ctx.workbook.worksheets.getItem('执法人员').getRanges(Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(',')).format.fill.color = '#FF0000';
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('a renamed or deleted sheet, a protected sheet and cell-edit mode fail as in Excel', async () => {
    const editing = book();
    editing.editing = true;
    await expect(simulateExcel(editing, { api: '1.18' }).Excel.run(async (ctx) => ctx.sync())).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    await expect(withContext('1.18', async (ctx) => {
      ctx.workbook.worksheets.getItem('人员').getRange('A1').load('values');
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'ItemNotFound' });
    const locked = book();
    locked.sheets[0].protected = true;
    await expect(simulateExcel(locked, { api: '1.18' }).Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('执法人员').getRange('A1').format.fill.color = '#FF0000';
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('null objects say so after sync', async () => {
    await withContext('1.18', async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('汇总');
      const used = ctx.workbook.worksheets.getItem('执法人员').getUsedRangeOrNullObject(true).load('address');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(used.address).toBe('执法人员!A1:B2');
    });
  });
});

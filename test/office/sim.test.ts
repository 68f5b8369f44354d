import { simulateExcel, SimRequestContext as SimContext } from '../../src/sim/excel';
import { SimSheet, SimWorkbookState } from '../../src/sim/model';

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

/** Each behaviour the simulation models, with its source (named where it is implemented). */
describe('the simulation refuses what Excel refuses', () => {
  const run = <T>(api: string, f: (ctx: SimContext) => Promise<T>, wb = book()) => simulateExcel(wb, { api }).Excel.run(f);

  it('takes every requirement set from the typings, for any version: getRangeByIndexes from 1.7, getRanges from 1.9, setting visibility from 1.2', async () => {
    await expect(run('1.6', async (ctx) => {
      ctx.workbook.worksheets.getItem('执法人员').getRangeByIndexes(0, 0, 1, 1).load('values');
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'ApiNotFound' });
    await run('1.7', async (ctx) => {
      ctx.workbook.worksheets.getItem('执法人员').getRangeByIndexes(0, 0, 1, 1).load('values');
      await ctx.sync();
    });
    await expect(run('1.8', async (ctx) => {
      ctx.workbook.worksheets.getItem('执法人员').getRanges('A1').load('address');
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'ApiNotFound' });
    const wb = book();
    wb.sheets.push(new SimSheet('记录'));
    await expect(run('1.1', async (ctx) => {
      ctx.workbook.worksheets.getItem('记录').visibility = 'Hidden';
      await ctx.sync();
    }, wb)).rejects.toMatchObject({ code: 'ApiNotFound' });
    await run('1.1', async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('记录').load('visibility');
      await ctx.sync();
      expect(ws.visibility).toBe('Visible');
    }, wb);
  });

  it('a very hidden sheet cannot be deleted until it is made hidden', async () => {
    const wb = book();
    wb.sheets.push(Object.assign(new SimSheet('记录'), { visibility: 'VeryHidden' as const }));
    await expect(run('1.18', async (ctx) => {
      ctx.workbook.worksheets.getItem('记录').delete();
      await ctx.sync();
    }, wb)).rejects.toMatchObject({ code: 'InvalidOperation' });
    await run('1.18', async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('记录');
      ws.visibility = 'Hidden';
      ws.delete();
      await ctx.sync();
    }, wb);
    expect(wb.sheet('记录')).toBeUndefined();
  });

  it('more than 512 merged areas cannot be read', async () => {
    const wb = SimWorkbookState.from([{ name: '表', rows: Array.from({ length: 600 }, () => ['a', 'b']), merges: Array.from({ length: 600 }, (_, i) => `A${i + 1}:B${i + 1}`) }]);
    await expect(run('1.18', async (ctx) => {
      ctx.workbook.worksheets.getItem('表').getRange('A1:B600').getMergedAreasOrNullObject().load('address');
      await ctx.sync();
    }, wb)).rejects.toMatchObject({ code: 'GeneralException' });
    await run('1.18', async (ctx) => {
      const m = ctx.workbook.worksheets.getItem('表').getRange('A1:B512').getMergedAreasOrNullObject().load('address');
      await ctx.sync();
      expect(m.address.split(',')).toHaveLength(512);
    }, wb);
  });

  it('parses strings written through Range.values as typed input, except after an apostrophe or in a Text cell', async () => {
    const wb = book();
    await run('1.18', async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('执法人员');
      ws.getRange('D1').numberFormat = [['@']];
      ws.getRange('A3:F3').values = [['610126198001011234', '00123', '=WEBSERVICE("x")', '2024-06-05', "'610126198001011234", 'TRUE']];
      ws.getRange('D1').values = [['00123']];
      await ctx.sync();
    }, wb);
    const s = wb.sheets[0];
    expect([0, 1, 2, 3, 4, 5].map((c) => s.get(2, c)!.value)).toEqual([610126198001011000, 123, { error: '#NAME?' }, 45448, '610126198001011234', true]);
    expect(s.get(2, 2)!.formula).toBe('=WEBSERVICE("x")');
    expect(s.get(0, 3)!.value).toBe('00123');
  });

  it('a cell holds a note or a thread, not both', async () => {
    const wb = book();
    wb.sheets[0].notes.set(wb.sheets[0].key(0, 0), '注释');
    await expect(run('1.18', async (ctx) => {
      ctx.workbook.comments.add('执法人员!A1', '批注');
      await ctx.sync();
    }, wb)).rejects.toMatchObject({ code: 'InvalidOperation' });
    wb.sheets[0].comments.set(wb.sheets[0].key(0, 1), { id: '{c}', content: '批注' });
    await expect(run('1.18', async (ctx) => {
      ctx.workbook.worksheets.getItem('执法人员').notes.add('B1', '注释');
      await ctx.sync();
    }, wb)).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it("a conditional format's id is its position: adding one moves the others, and an old id then names another", async () => {
    const wb = book();
    const cf = (formula: string) => ({ ranges: ['执法人员!A1:A2'], formula, type: 'Custom' });
    wb.sheets[0].conditionalFormats.push(cf('=1'), cf('=2'));
    await run('1.18', async (ctx) => {
      const c = ctx.workbook.worksheets.getItem('执法人员').getRange().conditionalFormats.load('items/id,items/customOrNullObject/rule/formula');
      await ctx.sync();
      expect(c.items.map((i) => i.id)).toEqual(['0', '1']);
      ctx.workbook.worksheets.getItem('执法人员').getRange('B1').conditionalFormats.add('Custom').custom.rule.formula = '=3';
      ctx.workbook.worksheets.getItem('执法人员').getRange().conditionalFormats.getItem('1').delete();
      await ctx.sync();
    }, wb);
    // "=1" was at 1 after the add put "=3" first: it is "=1" that went, not "=2"
    expect(wb.sheets[0].conditionalFormats.map((c) => c.formula)).toEqual(['=3', '=2']);
  });

  it('the last visible sheet cannot be hidden or deleted', async () => {
    await expect(run('1.18', async (ctx) => {
      ctx.workbook.worksheets.getItem('执法人员').delete();
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it("a member the typings do not declare is the simulation's own defect", async () => {
    await expect(run('1.18', async (ctx) => {
      ctx.enqueue([{ cls: 'Range', name: 'noSuchThing', kind: 'call' }], {}, () => undefined);
      await ctx.sync();
    })).rejects.toThrow(/declares no Range.noSuchThing/);
  });
});

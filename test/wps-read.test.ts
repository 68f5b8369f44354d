import { CellValue, WorkbookGrid } from '../src/core';
import { capabilities } from '../src/office/mode';
import { readWorkbook } from '../src/office/read';
import { simulateExcel } from '../src/sim/excel';
import { SimWorkbookState } from '../src/sim/model';
import { demoUnits } from '../src/sample/demo';
import { checkDate, etApp } from '../src/sim-et/demo';
import { EtBookState } from '../src/sim-et/model';
import { wpsHost } from '../src/wps/host';

/**
 * What the core is given must not depend on the host: the WPS adapter reads the same WorkbookGrid as the Excel
 * adapter (src/office/read.ts) — offsets of a used range not at A1, merged blocks filled, dates as serial
 * numbers, booleans, error values, formatted-only cells left out.
 */
const sheets: { name: string; rows: CellValue[][]; merges?: string[] }[] = [
  {
    name: '人员',
    rows: [
      [],
      [null, null, '行政执法证件摸排统计表'],
      [null, null, '姓名', '出生日期', '在编', '备注'],
      [null, null, '张三', 45292, true, { error: '#N/A' }],
      [null, null, '李四', 45300.5, false, '合并'],
      [null, null, '王五', null, null, null],
    ],
    merges: ['C2:F2', 'F5:F6'],
  },
  { name: '空表', rows: [] },
];

async function excelGrid(): Promise<WorkbookGrid> {
  const wb = SimWorkbookState.from(sheets);
  wb.sheets[0].cell(9, 8).format.fill = '#FFFF00'; // a formatted cell with no value, far from the data
  const sim = simulateExcel(wb, { api: '1.18', payloadLimit: 5 * 1024 * 1024 });
  const caps = capabilities(sim.Office.context.requirements);
  return sim.Excel.run(async (ctx: unknown) => (await readWorkbook(ctx as Excel.RequestContext, caps, '当前工作簿')).grid);
}

async function wpsGrid(book = EtBookState.from(sheets)): Promise<WorkbookGrid> {
  book.sheets[0].cell(9, 8).fill = 0x00ffff;
  const r = await wpsHost(etApp(book), 'zh-CN').readGrid();
  if (!r.ok) throw new Error(r.message);
  return r.grid;
}

describe('WPS reads the grid Excel reads', () => {
  it('offsets, merged blocks, dates, booleans, errors, an empty sheet', async () => {
    const [excel, wps] = await Promise.all([excelGrid(), wpsGrid()]);
    expect(wps).toEqual(excel);
    // and the merged blocks were filled (so the equality above is about them too)
    expect(wps.sheets[0].rows[0]).toEqual(['行政执法证件摸排统计表', '行政执法证件摸排统计表', '行政执法证件摸排统计表', '行政执法证件摸排统计表']);
    expect(wps.sheets[0].rows[4][3]).toBe('合并');
    expect(wps.sheets[0]).toMatchObject({ top: 1, left: 2 });
  });

  it('the demo workbook: the same grid from both hosts', async () => {
    const book = demoUnits(checkDate)[1].book;
    const sim = simulateExcel(SimWorkbookState.from(book.sheets.map((s) => ({ name: s.name, rows: s.rows, merges: s.merges }))), { api: '1.18', payloadLimit: 5 * 1024 * 1024 });
    const caps = capabilities(sim.Office.context.requirements);
    const excel = await sim.Excel.run(async (ctx: unknown) => (await readWorkbook(ctx as Excel.RequestContext, caps, '当前工作簿')).grid);
    const r = await wpsHost(etApp(EtBookState.from(book.sheets.map((s) => ({ name: s.name, rows: s.rows, merges: s.merges })))), 'zh-CN').readGrid();
    expect(r.ok && r.grid).toEqual(excel);
  });
});

import { DEFAULT_PROFILE, freeSheetName, isOutputSheet } from '../src/core';
import { capabilities } from '../src/office/mode';
import { STATE_SHEET } from '../src/office/state';
import { clearMarks, Run, validate } from '../src/office/validate';
import { changes, checkDate, etApp, generatedAt, openDemoEt, snapshotEt } from '../src/sim-et/demo';
import { EtBookState } from '../src/sim-et/model';
import { simulateExcel } from '../src/sim/excel';
import { SimWorkbookState } from '../src/sim/model';
import { wpsHost } from '../src/wps/host';
import { decider } from '../src/wps/ribbon';
import { openDemo, opts, snapshot } from './office/book';

/**
 * A clerk's own sheet named as one of ours (汇总 is a common name in a unit's workbook): it keeps its name and
 * contents through 校验 and 清除标记, in Excel and WPS as in the checked copy (roundtrip.test.ts), and ours takes
 * 汇总（校验）. Before, Excel and WPS deleted the clerk's 汇总 and the checked copy had two sheets named 汇总.
 */
const CLERK = [
  { name: '汇总', rows: [['本单位自己的汇总', 20], ['其中持证', 19]] },
  { name: '校验结果', rows: [['科室自查记录'], ['已核对']] },
];

describe('our sheets\' names beside the clerk\'s', () => {
  it('a name in use is left to its sheet; ours are known by their names', () => {
    expect(freeSheetName('汇总', ['人员', '汇总'])).toBe('汇总（校验）');
    expect(freeSheetName('汇总', ['汇总', '汇总（校验）'])).toBe('汇总（校验2）');
    expect(freeSheetName('Sheet', ['SHEET'])).toBe('Sheet（校验）');
    expect(freeSheetName('明细', ['人员'])).toBe('明细');
    expect(['汇总（校验）', '校验结果（校验3）', '汇总'].map(isOutputSheet)).toEqual([true, true, true]);
    expect(['汇总表', '人员（校验）', '汇总（校验）附'].map(isOutputSheet)).toEqual([false, false, false]);
  });
});

describe.each(['1.1', '1.18'])('in Excel (ExcelApi %s, simulated)', (api) => {
  const withClerkSheets = () => {
    const wb = openDemo();
    for (const s of SimWorkbookState.from(CLERK).sheets) wb.sheets.push(s);
    return wb;
  };

  it('校验 twice then 清除标记: the clerk\'s 汇总 and 校验结果 as they were, ours beside them, the workbook back as it was', async () => {
    const wb = withClerkSheets();
    const before = snapshot(wb);
    const sim = simulateExcel(wb, { api, payloadLimit: 5 * 1024 * 1024 });
    const run = sim.Excel.run as unknown as Run;
    const caps = capabilities(sim.Office.context.requirements);
    const out = await validate(run, caps, opts);
    if (!out.ok) throw new Error(out.message);
    const names = () => wb.sheets.map((s) => s.name);
    expect(names()).toEqual(expect.arrayContaining(['汇总', '校验结果', '汇总（校验）', '校验结果（校验）', STATE_SHEET]));
    expect(wb.sheet('汇总')!.get(0, 0)!.value).toBe('本单位自己的汇总');
    expect(wb.sheet('校验结果')!.get(0, 0)!.value).toBe('科室自查记录');
    const once = snapshot(wb);
    await validate(run, caps, opts);
    expect(changes(once, snapshot(wb))).toEqual({ added: [], removed: [] });
    const cleared = await clearMarks(run, caps);
    expect(cleared.ok).toBe(true);
    expect(changes(before, snapshot(wb))).toEqual({ added: [], removed: [] });
  });

  it('a workbook checked by an older version (its record names no sheets): ours, with the plain names, are replaced', async () => {
    const wb = openDemo();
    const sim = simulateExcel(wb, { api, payloadLimit: 5 * 1024 * 1024 });
    const run = sim.Excel.run as unknown as Run;
    const caps = capabilities(sim.Office.context.requirements);
    await validate(run, caps, opts);
    // the record as an older version wrote it: no 'sheet' rows
    const state = wb.sheet(STATE_SHEET)!;
    for (const [k, c] of state.cells) if (c.value === 'sheet') for (const [k2] of state.cells) if (k2.split(',')[0] === k.split(',')[0]) state.cells.delete(k2);
    await validate(run, caps, opts);
    expect(wb.sheets.filter((s) => /汇总|校验结果/.test(s.name)).map((s) => s.name).sort()).toEqual(['校验结果', '汇总'].sort());
  });
});

const changesOf = (a: string[], b: string[]) => ({ added: b.filter((x) => !a.includes(x)), removed: a.filter((x) => !b.includes(x)) });

describe('in WPS (simulated)', () => {
  it('校验 twice then 清除标记: the clerk\'s 汇总 and 校验结果 as they were, ours beside them, the workbook back as it was', async () => {
    const wb = openDemoEt();
    for (const s of EtBookState.from(CLERK).sheets) wb.sheets.push(s);
    const before = snapshotEt(wb);
    const host = wpsHost(etApp(wb), 'zh-CN');
    const decide = decider(DEFAULT_PROFILE, checkDate, generatedAt);
    const out = await host.check(decide);
    if (!out.ok) throw new Error(out.message);
    expect(wb.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['汇总', '校验结果', '汇总（校验）', '校验结果（校验）']));
    expect(wb.sheet('汇总')!.get(0, 0)!.value).toBe('本单位自己的汇总');
    const once = snapshotEt(wb);
    await host.check(decide);
    expect(changesOf(once, snapshotEt(wb))).toEqual({ added: [], removed: [] });
    await host.clear();
    expect(changes(before, snapshotEt(wb))).toEqual({ added: [], removed: [] });
  });
});

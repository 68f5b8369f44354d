import { PALETTE } from '../../src/core/plan';
import { capabilities } from '../../src/office/mode';
import { STATE_SHEET } from '../../src/office/state';
import { clearMarks, goTo, Run, validate } from '../../src/office/validate';
import { ApiVersion, simulateExcel } from '../../src/sim/excel';
import { SimWorkbookState } from '../../src/sim/model';
import { openDemo, opts, snapshot } from './book';

describe.each<[ApiVersion, 'full' | 'basic']>([['1.1', 'basic'], ['1.9', 'full'], ['1.14', 'full'], ['1.18', 'full']])('校验 → 清除标记 on ExcelApi %s', (api, mode) => {
  const wb = openDemo();
  const before = snapshot(wb);
  const values = (w: SimWorkbookState) => JSON.stringify(w.sheets.filter((s) => !['校验结果', '汇总', STATE_SHEET].includes(s.name)).map((s) => [...s.cells.entries()].filter(([, c]) => c.value !== null).map(([k, c]) => [k, c.value])));
  const sim = simulateExcel(wb, { api, payloadLimit: 5 * 1024 * 1024 });
  const caps = capabilities(sim.Office.context.requirements);
  const run = sim.Excel.run as unknown as Run;

  it(`detects ${mode} mode`, () => {
    expect(caps.mode).toBe(mode);
  });

  it('marks every certificate and finding, writes the result columns and sheets, never a clerk value', async () => {
    const originalValues = values(wb);
    const out = await validate(run, caps, opts);
    if (!out.ok) throw new Error(`${out.message} ${out.detail}`);
    const r = out.result;
    expect(r.people).toHaveLength(16);
    const person = wb.sheet('人员')!;
    const red = r.people.find((p) => p.colour === 'red')!;
    if (mode === 'full') {
      const cf = person.conditionalFormats.find((c) => c.fill === `#${PALETTE.red.fill}` && c.ranges.some((x) => x.includes(`${String.fromCharCode(64 + red.col)}${red.row}`)));
      expect(cf).toBeDefined();
      expect(person.get(red.row - 1, red.col - 1)?.format.fill ?? null).toBeNull(); // the cell's own format is untouched
    } else {
      expect(person.get(red.row - 1, red.col - 1)!.format.fill).toBe(`#${PALETTE.red.fill}`);
    }
    // the clerk's own note on the D03 cell stays; other finding cells get ours where notes exist (1.18)
    const d03 = r.findings.find((f) => f.rule === 'D03')!;
    expect(person.notes.get(person.key(d03.row - 1, d03.col - 1))).toBe('本人口头说明：身份证已补录');
    const d05 = r.findings.find((f) => f.rule === 'D05')!;
    expect(person.notes.get(person.key(d05.row - 1, d05.col - 1))?.includes('[D05]') ?? false).toBe(api === '1.18');
    // on 1.10–1.17 a comment thread carries the message; the clerk's own thread stays
    expect(person.comments.get(person.key(d05.row - 1, d05.col - 1))?.content.includes('[D05]') ?? false).toBe(api === '1.14');
    expect(person.comments.get(person.key(6, 2))?.content).toBe('县局已电话核实');
    expect(wb.sheet('校验结果')!.get(1, 1)!.value).toBe(r.findings[0].rule);
    expect(wb.sheet('汇总')).toBeDefined();
    // Worksheet.visibility can be set from ExcelApi 1.2: on 1.1 the state sheet stays visible
    expect(wb.sheet(STATE_SHEET)!.visibility).toBe(api === '1.1' ? 'Visible' : 'VeryHidden');
    expect(wb.sheets[wb.sheets.length - 1].name).toBe(STATE_SHEET); // after the clerk's tabs and ours
    const header = r.personTable!.headerRows[r.personTable!.headerRows.length - 1];
    const verdictCol = [...person.cells.entries()].find(([, c]) => c.value === '清理结论')![0];
    expect(Number(verdictCol.split(',')[0])).toBe(header - 1);
    // every value the clerk had is still there, unchanged
    const now = new Set(JSON.parse(values(wb)).flat().map((x: unknown) => JSON.stringify(x)));
    for (const cell of JSON.parse(originalValues).flat()) expect(now.has(JSON.stringify(cell))).toBe(true);
  });

  it('a second 校验 replaces the marks instead of piling them up', async () => {
    const person = wb.sheet('人员')!;
    const cfs = person.conditionalFormats.length;
    const notes = person.notes.size;
    const comments = person.comments.size;
    const out = await validate(run, caps, opts);
    if (!out.ok) throw new Error(`${out.message} ${out.detail}`);
    expect(person.conditionalFormats.length).toBe(cfs);
    expect(person.notes.size).toBe(notes);
    expect(person.comments.size).toBe(comments);
  });

  it('clicking a finding activates its sheet and selects its cell', async () => {
    await goTo(run, '主体', 'H3');
    expect(wb.sheets[wb.active].name).toBe('主体');
    expect(wb.selection).toEqual({ sheet: '主体', address: '主体!H3' });
  });

  it('清除标记 leaves the workbook exactly as the clerk had it', async () => {
    const r = await clearMarks(run, caps);
    expect(r.ok).toBe(true);
    wb.active = 0;
    wb.selection = null;
    const after = snapshot(wb);
    expect(after.filter((x) => !before.includes(x))).toEqual([]);
    expect(before.filter((x) => !after.includes(x))).toEqual([]);
  });
});

describe('failures get a clear Chinese message', () => {
  it.each([
    ['the user is editing a cell', (wb: SimWorkbookState) => void (wb.editing = true), '编辑', undefined],
    ['the sheet is protected', (wb: SimWorkbookState) => void (wb.sheets[0].protected = true), '保护', undefined],
    ['a sheet is deleted while the check runs', () => undefined, '重命名或删除',
      (i: number, s: SimWorkbookState) => void (i === 3 && s.sheets.splice(0, 1))],
    ['a sheet is too large', (wb: SimWorkbookState) => void (wb.sheets[0].cell(200_005, 0).value = 'x'), '200,000', undefined],
  ])('%s', async (_name, setup, words, beforeSync) => {
    const wb = openDemo();
    setup(wb);
    const sim = simulateExcel(wb, { api: '1.18', beforeSync });
    const out = await validate(sim.Excel.run as unknown as Run, capabilities(sim.Office.context.requirements), opts);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toContain(words);
  });
});

describe('merged cells, as Office gives them (the value in the first cell only)', () => {
  const rows = () => [
    ['姓名', '身份证号码', '人员类别', '所属单位', '执法主体', '是否在执法岗位', '在岗状态', '证件状态'],
    ['张三', '611026198001011013', '行政编制', '营盘镇', '营盘镇人民政府', '是', '在岗', '未持证'],
    ['李四', '611026198001011021', '行政编制', null, null, '是', '在岗', '未持证'],
    ['王五', '611026198001011030', '行政编制', null, null, '是', '在岗', '未持证'],
  ];
  it.each<[ApiVersion, boolean]>([['1.18', true], ['1.9', false]])('on ExcelApi %s the merged 所属单位 is read for every row: %s', async (api, filled) => {
    const wb = SimWorkbookState.from([{ name: '人员', rows: rows(), merges: ['D2:D4', 'E2:E4'] }]);
    const sim = simulateExcel(wb, { api });
    const out = await validate(sim.Excel.run as unknown as Run, capabilities(sim.Office.context.requirements), opts);
    if (!out.ok) throw new Error(out.message);
    const d01 = out.result.findings.filter((f) => f.rule === 'D01').map((f) => f.cell);
    expect(d01.length === 0).toBe(filled);
    // without the merged-areas API (before 1.13) the blank merged cells read as empty: D01 says so
  });
});

describe('a run cut short', () => {
  // the clerk starts typing in a cell before one of the run's requests: the run fails there, and
  // 清除标记 afterwards still leaves the workbook exactly as it was, whichever request it was
  const syncsOfARun = (() => {
    const sim = simulateExcel(openDemo(), { api: '1.18' });
    return validate(sim.Excel.run as unknown as Run, capabilities(sim.Office.context.requirements), opts).then(() => sim.totals().syncs);
  })();

  it.each([1.18, 1.14, 1.9, 1.1].map(String))('on ExcelApi %s, before any of its requests', async (api) => {
    const n = await syncsOfARun;
    expect(n).toBeGreaterThan(3);
    for (let cut = 2; cut <= n; cut++) {
      const wb = openDemo();
      const before = snapshot(wb);
      const sim = simulateExcel(wb, { api, beforeSync: (i, s) => void (i === cut && (s.editing = true)) });
      const caps = capabilities(sim.Office.context.requirements);
      const out = await validate(sim.Excel.run as unknown as Run, caps, opts);
      wb.editing = false;
      const clear = simulateExcel(wb, { api });
      expect((await clearMarks(clear.Excel.run as unknown as Run, caps)).ok).toBe(true);
      wb.active = 0;
      const after = snapshot(wb);
      expect({ cut, ok: out.ok, added: after.filter((x) => !before.includes(x)), removed: before.filter((x) => !after.includes(x)) }).toEqual({ cut, ok: out.ok, added: [], removed: [] });
    }
  });
});

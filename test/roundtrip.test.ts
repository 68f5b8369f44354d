import path from 'path';
import { a1 } from '../src/core/a1';
import { dayFromIso } from '../src/core/dates';
import { DEFAULT_PROFILE } from '../src/core/profile';
import { PALETTE } from '../src/core/plan';
import { demoUnits } from '../src/sample/demo';
import { clearMarks, STATE_SHEET } from '../src/xlsx/apply';
import { checkFile } from '../src/xlsx/check-file';
import { writeBook } from '../src/xlsx/write-book';
import { cells, load, tmpDir } from './helpers/files';

const checkDate = dayFromIso('2024-06-05')!;

describe.each(demoUnits(checkDate).map((u) => [u.file, u] as const))('round trip of %s', (_name, unit) => {
  const dir = tmpDir();
  const input = path.join(dir, unit.file);
  const output = path.join(dir, 'out.xlsx');
  let outcome: Awaited<ReturnType<typeof checkFile>>;

  beforeAll(async () => {
    await writeBook(unit.book, input);
    outcome = await checkFile(input, { checkDate, profile: DEFAULT_PROFILE, generatedAt: '2024-06-05 09:30', out: output });
  });

  it('keeps every original cell value, and all formatting outside the marked cells', async () => {
    expect(outcome.status).toBe('ok');
    const before = await load(input);
    const after = await load(output);
    // The cells the check marks: each finding's cell, each certificate's cell, each body's name cell.
    const r = outcome.result!;
    const marked = new Set([
      ...r.findings.map((f) => `${f.sheet}!${f.cell}`),
      ...r.people.filter((p) => p.colour !== 'none').map((p) => `${p.sheet}!${a1(p.row, p.col)}`),
      ...r.agencies.map((ag) => `${ag.sheet}!${a1(ag.row, r.agencyTable!.fieldCol.agencyName)}`),
    ]);
    let compared = 0;
    for (const ws of before.worksheets) {
      const a = cells(ws);
      const b = cells(after.getWorksheet(ws.name)!);
      for (const [addr, cell] of a) {
        expect({ addr, value: b.get(addr)?.value }).toEqual({ addr, value: cell.value });
        if (!marked.has(`${ws.name}!${addr}`)) expect({ addr, style: b.get(addr)?.style }).toEqual({ addr, style: cell.style });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('colours each certificate and marks each finding, with its message as a note on that cell', async () => {
    const after = await load(output);
    for (const p of outcome.result!.people.filter((x) => x.colour !== 'none')) {
      const c = after.getWorksheet(p.sheet)!.getCell(p.row, p.col);
      expect((c.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe(`FF${PALETTE[p.colour as 'red'].fill}`);
    }
    for (const f of outcome.result!.findings) {
      const c = after.getWorksheet(f.sheet)!.getCell(f.cell);
      expect(String(c.note)).toContain(`[${f.rule}]`);
      expect(c.border?.top?.color?.argb).toBe(`FF${PALETTE.finding.border}`);
    }
  });

  it('writes 清理结论 / 问题说明 / 处理建议 beside the table, colour also as text', async () => {
    const after = await load(output);
    const t = outcome.result!.personTable!;
    const ws = after.getWorksheet(t.sheet)!;
    const header = t.headerRows[t.headerRows.length - 1];
    let col = 0;
    ws.getRow(header).eachCell((c, k) => {
      if (c.value === '清理结论') col = k;
    });
    expect(col).toBeGreaterThan(t.lastCol);
    expect(ws.getCell(header, col + 1).value).toBe('问题说明');
    for (const p of outcome.result!.people) {
      expect(ws.getCell(p.row, col).value).toBe({ red: '红', yellow: '黄', green: '绿', none: '无证' }[p.colour]);
      for (const id of p.rules) expect(String(ws.getCell(p.row, col + 1).value)).toContain(id);
    }
  });

  it('lists every finding on 校验结果 with a working link to its cell', async () => {
    const ws = (await load(output)).getWorksheet('校验结果')!;
    expect(ws.getRow(1).values).toEqual([undefined, '序号', '规则', '级别', '工作表', '单元格', '姓名', '说明', '处理建议']);
    expect(ws.rowCount).toBe(outcome.result!.findings.length + 1);
    outcome.result!.findings.forEach((f, i) => {
      const link = ws.getCell(i + 2, 5).value as { formula: string; result: string };
      expect(link).toEqual({ formula: `HYPERLINK("#'${f.sheet}'!${f.cell}","${f.cell}")`, result: f.cell });
      expect(ws.getCell(i + 2, 2).value).toBe(f.rule);
    });
  });

  it('removing the marks restores the clerk’s workbook exactly', async () => {
    const before = await load(input);
    const after = await load(output);
    clearMarks(after);
    expect(after.worksheets.map((w) => w.name)).toEqual(before.worksheets.map((w) => w.name));
    expect(after.getWorksheet(STATE_SHEET)).toBeUndefined();
    for (const ws of before.worksheets) {
      const a = cells(ws);
      const b = cells(after.getWorksheet(ws.name)!);
      for (const [addr, cell] of a) expect({ addr, ...b.get(addr) }).toEqual({ addr, ...cell });
      for (const [addr, cell] of b) if (!a.has(addr)) expect({ addr, value: cell.value }).toEqual({ addr, value: null });
    }
  });

  it('a second check replaces the first run’s marks instead of piling up', async () => {
    const again = path.join(dir, 'again.xlsx');
    const second = await checkFile(output, { checkDate, profile: DEFAULT_PROFILE, generatedAt: '2024-06-05 09:30', out: again });
    expect(second.result!.findings.map((f) => `${f.rule}${f.cell}`)).toEqual(outcome.result!.findings.map((f) => `${f.rule}${f.cell}`));
    const a = await load(output);
    const b = await load(again);
    for (const ws of a.worksheets) {
      const x = cells(ws);
      const y = cells(b.getWorksheet(ws.name)!);
      if (ws.name === '汇总') continue;
      for (const [addr, cell] of x) expect({ addr, value: y.get(addr)?.value, note: y.get(addr)?.note }).toEqual({ addr, value: cell.value, note: cell.note });
    }
  });
});

import ExcelJS from 'exceljs';
import path from 'path';
import { main } from '../src/cli/main';
import { DEFAULT_PROFILE, dayFromIso, ID_NUMBERS_ZH } from '../src/core';
import { demoUnits } from '../src/sample/demo';
import { mergeFiles } from '../src/xlsx/merge';
import { writeBook } from '../src/xlsx/write-book';
import { capture, load, tmpDir } from './helpers/files';

/** What a county clerk opens: the written workbook, read back (issue 10, full ID numbers by default). */
const checkDate = dayFromIso('2024-06-05')!;
const dir = tmpDir();
const WHOLE_ID = /\d{17}[\dXx]|\d{15}/;
const files: string[] = [];

beforeAll(async () => {
  for (const u of demoUnits(checkDate)) {
    const f = path.join(dir, u.file);
    await writeBook(u.book, f);
    files.push(f);
  }
});

/** every cell's text of a sheet */
function textsOf(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(String(c.text ?? c.value ?? ''))));
  return out;
}

async function merged(maskIds: boolean): Promise<ExcelJS.Workbook> {
  const out = path.join(dir, `county-${maskIds}.xlsx`);
  await mergeFiles(files, { checkDate, profile: DEFAULT_PROFILE, expected: [], maskIds, generatedAt: '2024-06-05 09:30', out });
  return load(out);
}

describe('the county workbook as written', () => {
  it('masked: no whole ID number in any sheet, and 汇总 says so', async () => {
    const wb = await merged(true);
    for (const ws of wb.worksheets) expect({ sheet: ws.name, whole: textsOf(ws).filter((t) => WHOLE_ID.test(t)) }).toEqual({ sheet: ws.name, whole: [] });
    const detail = wb.getWorksheet('明细')!;
    expect(detail.getCell(1, 7).value).toBe('身份证号码');
    expect(String(detail.getCell(2, 7).value)).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(textsOf(wb.getWorksheet('汇总')!)).toContain(ID_NUMBERS_ZH.masked);
    expect(textsOf(wb.getWorksheet('校验结果')!).filter((t) => /身份证号码「\d{6}\*+\d{3}[\dX]」/.test(t)).length).toBeGreaterThanOrEqual(2);
  });

  it('full, as the user asked: every person\'s ID whole in 明细, and 汇总 says so', async () => {
    const wb = await merged(false);
    const ids = textsOf(wb.getWorksheet('明细')!).filter((t) => /^\d{17}[\dX]$/.test(t));
    expect(ids.length).toBeGreaterThan(40);
    expect(textsOf(wb.getWorksheet('汇总')!)).toContain(ID_NUMBERS_ZH.full);
    expect(textsOf(wb.getWorksheet('汇总')!)).not.toContain(ID_NUMBERS_ZH.masked);
  });
});

describe('check --json, a findings export', () => {
  it('masks ID numbers in its messages and says so', async () => {
    const c = capture();
    await main(['check', ...files, '--out', path.join(dir, 'checked') + path.sep, '--json', '--date', '2024-06-05'], c.io);
    const out = c.out.join('\n');
    const j = JSON.parse(out);
    expect(j.idNumbers).toBe('masked');
    expect(out).not.toMatch(WHOLE_ID);
    expect(j.findings.some((f: { rule: string; message: string }) => f.rule === 'D02' && /「\d{6}\*+\d{3}[\dX]」/.test(f.message))).toBe(true);
  });
});

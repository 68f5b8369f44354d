import {
  checkWorkbook, consolidate, consolidatedSheets, DEFAULT_PROFILE, dayFromIso, FileCheck, FileEntry, ID_NUMBERS_ZH, jsonReport, maskIdsIn, OutSheet,
} from '../src/core';
import { demoUnits } from '../src/sample/demo';

/** ID numbers are masked by default in what the county passes on (issue 10; outputs.md "Personal data"). */
const checkDate = dayFromIso('2024-06-05')!;
const WHOLE_ID = /\d{17}[\dXx]|\d{15}/;
const MASKED_ID = /^\d{6}\*+\d{3}[\dXx]$/;

function demoMerge() {
  const files: FileCheck[] = demoUnits(checkDate).map((u) => {
    const grid = { file: u.file, sheets: u.book.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) })) };
    return { file: u.file, status: 'ok', message: '', result: checkWorkbook(grid, { checkDate }) } as FileCheck;
  });
  return consolidate(files, DEFAULT_PROFILE, []);
}

const meta = { unit: '柞水县司法局', checkDate, profile: DEFAULT_PROFILE, generatedAt: '2024-06-05 09:30' };
const texts = (s: OutSheet) => [...s.rows, ...(s.more ? Array.from(s.more(), (r) => r.map((c) => ({ ...c }))) : [])].map((r) => r.map((c) => String(c?.v ?? '')));
const sheet = (sheets: OutSheet[], name: string) => texts(sheets.find((s) => s.name === name)!);
/** 校验结果's 说明 column */
const messagesOf = (sheets: OutSheet[]) => {
  const rows = sheet(sheets, '校验结果');
  return rows.slice(1).map((r) => r[rows[0].indexOf('说明')]);
};

describe('the county workbook', () => {
  const m = demoMerge();

  it('masks every ID number by default: 明细, 校验结果 and every other sheet', () => {
    const sheets = consolidatedSheets(m, meta);
    for (const s of sheets) expect({ sheet: s.name, whole: texts(s).flat().filter((v) => WHOLE_ID.test(v)) }).toEqual({ sheet: s.name, whole: [] });
    const detail = sheet(sheets, '明细');
    const col = detail[0].indexOf('身份证号码');
    const ids = detail.slice(1).map((r) => r[col]).filter(Boolean);
    expect(ids.length).toBeGreaterThan(40);
    for (const id of ids) expect(id).toMatch(MASKED_ID);
    // the demo's D02 and D12 messages name an ID: masked, not dropped
    expect(messagesOf(sheets).filter((x) => /身份证号码「\d{6}\*+\d{3}[\dX]」/.test(x)).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps them whole only when asked (maskIds: false)', () => {
    const sheets = consolidatedSheets(m, { ...meta, maskIds: false });
    const detail = sheet(sheets, '明细');
    const col = detail[0].indexOf('身份证号码');
    expect(detail.slice(1).filter((r) => /^\d{17}[\dX]$/.test(r[col])).length).toBeGreaterThan(40);
    expect(messagesOf(sheets).filter((x) => WHOLE_ID.test(x)).length).toBeGreaterThanOrEqual(2);
    // maskIds: true is the default spelled out
    expect(consolidatedSheets(m, { ...meta, maskIds: true }).map(texts)).toEqual(consolidatedSheets(m, meta).map(texts));
  });

  it('says in 汇总, above the table, which it is', () => {
    const head = (sheets: OutSheet[]) => {
      const s = sheets.find((x) => x.name === '汇总')!;
      return s.rows.slice(0, s.headerRow - 1).map((r) => String(r[0]?.v));
    };
    expect(head(consolidatedSheets(m, meta))).toContain(ID_NUMBERS_ZH.masked);
    expect(head(consolidatedSheets(m, { ...meta, maskIds: false }))).toContain(ID_NUMBERS_ZH.full);
    expect(ID_NUMBERS_ZH.masked).toContain('已脱敏');
    expect(ID_NUMBERS_ZH.full).toContain('完整显示');
    const s = consolidatedSheets(m, meta).find((x) => x.name === '汇总')!;
    expect(s.rows[s.headerRow - 1][0].v).toBe('单位');
    // every line above the table is merged across it, as the others are
    expect(s.merges.filter((r) => /^A(\d+):[A-Z]+\1$/.test(r)).length).toBe(s.headerRow);
  });
});

describe('the JSON report', () => {
  const m = demoMerge();
  const results = m.files.map((f) => f.result!);
  const entries: FileEntry[] = m.files.map((f) => ({ file: f.file, unit: f.result!.unit, status: f.status, message: f.message }));
  const report = (maskIds?: boolean) => jsonReport(checkDate, DEFAULT_PROFILE, entries, results, m.summary, { byAgency: false, maskIds, extraFindings: m.cross });

  it('masks ID numbers in messages by default and says so', () => {
    const j = report();
    expect(j.idNumbers).toBe('masked');
    expect(JSON.stringify(j)).not.toMatch(WHOLE_ID);
    expect(j.findings.filter((f) => /身份证号码「\d{6}\*+\d{3}[\dX]」/.test(f.message)).length).toBeGreaterThanOrEqual(2);
    expect(report(true)).toEqual(j);
  });

  it('keeps them whole with maskIds: false, and says so', () => {
    const j = report(false);
    expect(j.idNumbers).toBe('full');
    expect(j.findings.filter((f) => WHOLE_ID.test(f.message)).length).toBeGreaterThanOrEqual(2);
  });

  it('follows checkDate and profile in the key order', () => {
    expect(Object.keys(report()).slice(0, 4)).toEqual(['checkDate', 'profile', 'idNumbers', 'files']);
  });
});

describe('maskIdsIn', () => {
  it.each([
    ['身份证号码「611026198504260210」校验位错误', '身份证号码「611026********0210」校验位错误'],
    ['身份证号码「611026890426022」为15位旧号码', '身份证号码「611026*****6022」为15位旧号码'],
    ['「61102619850426021x」', '「611026********021x」'],
    // numbers a rule rejects: a stray letter, spaces, an extra digit
    ['「6110261985O4260210」含非法字符', '「611026********0210」含非法字符'],
    ['「611026 19850426 0210」长度为20位', '「611026**********0210」长度为20位'],
    ['「6110261985042602101」长度为19位', '「611026*********2101」长度为19位'],
  ])('%s', (text, masked) => {
    expect(maskIdsIn(text)).toBe(masked);
  });

  it('leaves dates, certificate numbers, phone numbers and rows alone', () => {
    const text = '执法证号「61102600037」、有效期至 2024-06-05、电话 13912345678、第 1234 行，共 20240605 条';
    expect(maskIdsIn(text)).toBe(text);
  });
});

import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import {
  BOOK_MARK_SHEET, bookKindOf, CellValue, checkWorkbook, consolidate, consolidatedSheets, DEFAULT_PROFILE, feedbackForUnits, feedbackReply, skippedInMergeSays, WorkbookGrid,
} from '../src/core';
import { newBookBytes } from '../src/host/books';
import { checkFiles } from '../src/host/check-files';
import { capabilities } from '../src/office/mode';
import { Run, validate } from '../src/office/validate';
import { demoUnits } from '../src/sample/demo';
import { simulateExcel } from '../src/sim/excel';
import { SimWorkbookState } from '../src/sim/model';
import { checkDate, etApp, generatedAt } from '../src/sim-et/demo';
import { EtBookState } from '../src/sim-et/model';
import { wpsHost } from '../src/wps/host';
import { decider } from '../src/wps/ribbon';
import { readBytes } from '../src/xlsx/check-bytes';
import { checkFile } from '../src/xlsx/check-file';
import { checkUnitFile } from '../src/xlsx/unit-check';
import { writeBook } from '../src/xlsx/write-book';
import { tmpDir } from './helpers/files';

/**
 * The books we make new (the county's workbook, a unit's feedback) hold tables of people, but are not rosters. A unit
 * that opens its feedback in Excel or WPS and presses 校验, or runs `check` on it, is told what the file is and what
 * to check instead, not given a page of findings on the masked ID numbers; a merge skips them, saying which they are.
 */
const opts = { checkDate, profile: DEFAULT_PROFILE };
const FEEDBACK = '这是县里发给单位的反馈意见工作簿（本工具生成），不是摸排统计表，无需校验。请按其中的意见修改本单位的摸排统计表，再校验该表。';
const COUNTY = '这是本工具生成的县汇总工作簿，不是摸排统计表，无需校验。';

const EN = { '营盘镇_反馈意见.xlsx': /^This is the feedback workbook the county sent a unit/, '县汇总.xlsx': /^This is a county workbook made by this tool, not a roster/ };

let books: { name: string; bytes: Uint8Array; grid: WorkbookGrid; says: string }[];
beforeAll(async () => {
  const dir = tmpDir();
  const files = [];
  for (const u of demoUnits(checkDate)) {
    await writeBook(u.book, path.join(dir, u.file));
    const bytes = readFileSync(path.join(dir, u.file));
    files.push({ name: u.file, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer });
  }
  const { checks } = await checkFiles(files, opts);
  const m = consolidate(checks, DEFAULT_PROFILE, []);
  const [fb] = feedbackForUnits(m, [], { ...opts, generatedAt, profile: DEFAULT_PROFILE });
  const feedback = await newBookBytes(fb.sheets, [], 'feedback');
  const county = await newBookBytes(consolidatedSheets(m, { unit: '柞水县司法局', ...opts, generatedAt, maskIds: true }));
  books = [];
  for (const [name, bytes, says] of [['营盘镇_反馈意见.xlsx', feedback, FEEDBACK], ['县汇总.xlsx', county, COUNTY]] as const) {
    books.push({ name, bytes, grid: (await readBytes(bytes, name)).grid, says });
  }
});

describe('a workbook that is no roster, in an Excel that runs in English', () => {
  it('says why in English: empty, or the headers it looked for, named in both languages', async () => {
    for (const [rows, says] of [
      [[], /^The workbook is empty/],
      [[['名单'], ['张三', '男']], /^No table of enforcement staff was found\. .*所属单位 \(Unit\), 执法主体 \(Enforcement body\), 姓名 \(Name\)/],
    ] as const) {
      const wb = SimWorkbookState.from([{ name: 'Sheet1', rows: rows as unknown as CellValue[][] }]);
      const sim = simulateExcel(wb, { api: '1.18', payloadLimit: 5 * 1024 * 1024 });
      const out = await validate(sim.Excel.run as unknown as Run, capabilities(sim.Office.context.requirements), { ...opts, generatedAt });
      expect(!out.ok && out.en).toMatch(says);
      expect(!out.ok && out.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('the kind of book, by its mark', () => {
  it('knows a feedback workbook made before the mark said its kind (three rows) by its 反馈意见 table', () => {
    const fb = books[0].grid;
    const older = (g: WorkbookGrid, drop: string[] = []) => ({
      ...g, sheets: g.sheets.filter((s) => !drop.includes(s.name)).map((s) => (s.name === BOOK_MARK_SHEET ? { ...s, rows: s.rows.slice(0, 3) } : s)),
    });
    expect(bookKindOf(fb)).toBe('feedback');
    expect(bookKindOf(older(fb))).toBe('feedback');
    expect(checkWorkbook(older(fb), opts).message).toBe(FEEDBACK);
    expect(bookKindOf(older(books[1].grid))).toBe('county');
    expect(bookKindOf(older(fb, ['反馈意见']))).toBe('county');
  });

  it('says a returned feedback with nothing to put right as such, not as 0 items unanswered', async () => {
    const m = consolidate([], DEFAULT_PROFILE, ['下梁镇']);
    const [none] = feedbackForUnits(m, ['下梁镇'], { ...opts, generatedAt, profile: DEFAULT_PROFILE });
    const grid = (await readBytes(await newBookBytes(none.sheets, [], 'feedback'), '下梁镇_反馈意见.xlsx')).grid;
    expect(feedbackReply(grid)).toEqual({ unit: '下梁镇', items: 0, answered: 0 });
    expect(skippedInMergeSays('下梁镇.xlsx', 'feedback', feedbackReply(grid))).toBe(
      '「下梁镇.xlsx」是下梁镇退回的反馈意见工作簿，其中没有需要整改的事项；它不是摸排统计表，不计入汇总。更正后的摸排统计表须另行报送。');
  });
});

describe('a book of ours is not checked as a roster', () => {
  it('in Excel: 校验 says what the workbook is', async () => {
    for (const b of books) {
      const wb = SimWorkbookState.from(b.grid.sheets.map((s) => ({ name: s.name, rows: s.rows })));
      const before = wb.sheets.map((s) => s.name);
      const sim = simulateExcel(wb, { api: '1.18', payloadLimit: 5 * 1024 * 1024 });
      const out = await validate(sim.Excel.run as unknown as Run, capabilities(sim.Office.context.requirements), { ...opts, generatedAt });
      expect(out.ok).toBe(false);
      expect(!out.ok && out.message).toContain(b.says);
      // an Excel that runs in English says it in English
      expect(!out.ok && out.en).toMatch(EN[b.name as keyof typeof EN]);
      // and no columns to map by hand: there is no roster to find
      expect(!out.ok && out.sheets).toEqual([]);
      expect(wb.sheets.map((s) => s.name)).toEqual(before);
    }
  });

  it('in WPS: 校验 says what the workbook is', async () => {
    for (const b of books) {
      const wb = EtBookState.from(b.grid.sheets.map((s) => ({ name: s.name, rows: s.rows })));
      const out = await wpsHost(etApp(wb), 'zh-CN').check(decider(DEFAULT_PROFILE, checkDate, generatedAt));
      expect(out.ok).toBe(false);
      expect(!out.ok && out.message).toContain(b.says);
      expect(!out.ok && out.en).toMatch(EN[b.name as keyof typeof EN]);
    }
  });

  it('from the command line: check refuses it, writes no copy; merge skips it, saying which it is', async () => {
    const dir = tmpDir();
    for (const b of books) {
      const file = path.join(dir, b.name);
      writeFileSync(file, b.bytes);
      const r = await checkFile(file, { ...opts, generatedAt, out: path.join(dir, 'out.xlsx') });
      expect(r.status).toBe('not-a-roster');
      expect(r.message).toContain(`「${b.name}」：${b.says}`);
      expect(r.out).toBeUndefined();
      const u = await checkUnitFile(file, checkDate, DEFAULT_PROFILE);
      expect(u.message).toMatch(b.name.includes('反馈') ? `「${b.name}」是乾佑街道办事处退回的反馈意见工作簿，` : `「${b.name}」是本工具生成的县汇总工作簿，不是单位报送的摸排统计表，已跳过。`);
    }
  });
});

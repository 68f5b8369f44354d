import { readFileSync } from 'fs';
import path from 'path';
import { consolidate, consolidatedSheets, DEFAULT_PROFILE, dayFromIso, feedbackForUnits } from '../src/core';
import { newBookBytes } from '../src/host/books';
import { checkFiles, isSpreadsheetInFolder, PaneFile } from '../src/host/check-files';
import { decide } from '../src/host/decide';
import { demoUnits } from '../src/sample/demo';
import { checkBytes, checkedName, packInBrowser } from '../src/xlsx/check-bytes';
import { newBookParts } from '../src/xlsx/ooxml/new-book';
import { writeBook } from '../src/xlsx/write-book';
import { tmpDir } from './helpers/files';

/** 合并各单位 wherever the pane runs: the files the clerk picked, read in the browser as the command line's merge reads them. */
const checkDate = dayFromIso('2024-06-05')!;
const opts = { checkDate, profile: DEFAULT_PROFILE };
const file = (name: string, bytes: Uint8Array): PaneFile => ({ name, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer });

describe('checkFiles', () => {
  it('checks each unit\'s file; leaves out our own outputs met again, as `cert-sweep merge` does', async () => {
    const unit = demoUnits(checkDate)[0];
    const dir = tmpDir();
    await writeBook(unit.book, path.join(dir, unit.file));
    const bytes = new Uint8Array(readFileSync(path.join(dir, unit.file)));
    const checked = (await checkBytes(bytes, unit.file, (g) => decide(g, { ...opts, generatedAt: '' }))).bytes!;
    const first = await checkFiles([file(unit.file, bytes)], opts);
    const county = await packInBrowser(newBookParts(consolidatedSheets(consolidate(first.checks, DEFAULT_PROFILE, []), { unit: '柞水县司法局', ...opts, generatedAt: '', maskIds: true })) as never);

    const [fb] = feedbackForUnits(consolidate(first.checks, DEFAULT_PROFILE, []), [], { ...opts, generatedAt: '', profile: DEFAULT_PROFILE });
    const feedback = await newBookBytes(fb.sheets, [], 'feedback');

    const { checks, skipped } = await checkFiles([
      file(unit.file, bytes), file(checkedName(unit.file), checked), file('县汇总.xlsx', county), file('反馈.xlsx', feedback), file('说明.docx', new Uint8Array([1])),
    ], opts);
    expect(checks.map((c) => [c.file, c.status])).toEqual([[unit.file, 'ok'], ['说明.docx', 'unreadable']]);
    expect(skipped.map((c) => c.message)).toEqual([
      `「${checkedName(unit.file)}」是「${unit.file}」的校验副本，已按原文件汇总，副本跳过。`,
      '「县汇总.xlsx」是本工具生成的县汇总工作簿，不是单位报送的摸排统计表，已跳过。',
      `「反馈.xlsx」是${first.checks[0].result!.unit}退回的反馈意见工作簿，${fb.findings} 项的整改情况都未填写；它不是摸排统计表，不计入汇总。更正后的摸排统计表须另行报送。`,
    ]);
    // a checked copy alone is read as the clerk's workbook, its marks undone: the same verdicts
    const alone = await checkFiles([file(checkedName(unit.file), checked)], opts);
    expect(alone.checks[0].result!.people.map((p) => p.colour)).toEqual(checks[0].result!.people.map((p) => p.colour));
  });

  it('of a picked folder, looks at spreadsheets only, not Excel\'s ~$ lock files', () => {
    expect(['乾佑.xlsx', '营盘.XLSM', '旧表.xls', '~$乾佑.xlsx', 'sub/~$x.xlsx', '说明.docx', 'Thumbs.db'].filter(isSpreadsheetInFolder)).toEqual(['乾佑.xlsx', '营盘.XLSM', '旧表.xls']);
  });
});

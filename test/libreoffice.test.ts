import { execFileSync } from 'child_process';
import { copyFileSync, existsSync, readFileSync } from 'fs';
import path from 'path';
import { dayFromIso } from '../src/core/dates';
import { PALETTE } from '../src/core/plan';
import { DEFAULT_PROFILE } from '../src/core/profile';
import { demoUnits } from '../src/sample/demo';
import { checkFile, FileOutcome } from '../src/xlsx/check-file';
import { mergeFiles } from '../src/xlsx/merge';
import { writeBook } from '../src/xlsx/write-book';
import { tmpDir } from './helpers/files';

/**
 * Every output opens in LibreOffice (Debian's libreoffice-calc-nogui, which .ci/run installs): each is
 * converted headless to HTML with no error, and the rendering shows the values and fills we wrote. Skipped
 * where LibreOffice is missing, unless CERT_SWEEP_REQUIRE_LIBREOFFICE is set (CI sets it).
 */
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
if (!SOFFICE && process.env.CERT_SWEEP_REQUIRE_LIBREOFFICE) throw new Error('LibreOffice is needed: apt-get install -y libreoffice-calc-nogui fonts-noto-cjk');
const withLibreOffice = SOFFICE ? describe : describe.skip;
const checkDate = dayFromIso('2024-06-05')!;
const opts = { checkDate, profile: DEFAULT_PROFILE, generatedAt: '2024-06-05 09:30' };

/** The workbook as LibreOffice renders it: one table a visible sheet, each row's cells as text and fill. */
function render(file: string, dir: string): { text: string; fill: string | null; note: string }[][][] {
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  execFileSync(SOFFICE!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'html', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
  const html = readFileSync(path.join(dir, `${path.basename(file, '.xlsx')}.html`), 'utf8');
  return [...html.matchAll(/<table\b[\s\S]*?<\/table>/g)].map((t) =>
    [...t[0].matchAll(/<tr\b[\s\S]*?<\/tr>/g)].map((tr) =>
      [...tr[0].matchAll(/<td\b([^>]*)>([\s\S]*?)<\/td>/g)].map((td) => ({
        // a cell's note comes as <comment> inside it
        text: td[2].replace(/<comment>[\s\S]*?<\/comment>/g, '').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').trim(),
        fill: /bgcolor="#([0-9A-F]{6})"/i.exec(td[1])?.[1].toUpperCase() ?? null,
        note: /<comment>([\s\S]*?)<\/comment>/.exec(td[2])?.[1] ?? '',
      }))));
}

withLibreOffice('outputs in LibreOffice', () => {
  const dir = tmpDir();

  it.each(demoUnits(checkDate).map((u) => [u.file, u] as const))('the checked copy of %s renders with its colours and values', async (_n, unit) => {
    const input = path.join(dir, unit.file);
    await writeBook(unit.book, input);
    const out = path.join(dir, `checked-${unit.file}`);
    const outcome: FileOutcome = await checkFile(input, { ...opts, out });
    const tables = render(out, dir);
    const sheetTable = tables[0];
    for (const p of outcome.result!.people.filter((x) => x.colour !== 'none' && x.certNumber)) {
      // the certificate's cell, in the fill of its colour (a number registered twice is in both rows)
      // as the clerk typed it: full-width digits and stray spaces are the clerk's (the check reads through them)
      const same = (text: string) => text.normalize('NFKC').replace(/\s+/g, '') === p.certNumber;
      const fills = sheetTable.flatMap((r) => r.filter((c) => same(c.text)).map((c) => c.fill));
      expect({ cert: p.certNumber, fill: fills.includes(PALETTE[p.colour as 'red'].fill) }).toEqual({ cert: p.certNumber, fill: true });
    }
    // each finding's message is a note on its cell
    const notes = sheetTable.flat().map((c) => c.note).join('\n');
    for (const f of outcome.result!.findings.filter((x) => x.sheet === outcome.result!.personTable!.sheet)) expect(notes).toContain(`[${f.rule}]`);
    // and on the other sheets the clerk filled in (证件台账, 培训记录): their findings are notes on their cells too
    unit.book.sheets.forEach((s, i) => {
      const onSheet = outcome.result!.findings.filter((x) => x.sheet === s.name);
      const sheetNotes = tables[i].flat().map((c) => c.note).join('\n');
      for (const f of onSheet) expect(sheetNotes).toContain(`[${f.rule}]`);
    });
    // 校验结果 and 汇总 are there, in that order, after the clerk's sheets (two, or four with 证件台账 and 培训记录);
    // the state sheet is not shown
    const own = unit.book.sheets.length;
    expect(tables).toHaveLength(own + 2);
    expect(tables[own][0].map((c) => c.text).slice(0, 3)).toEqual(['序号', '规则', '级别']);
    expect(tables[own + 1].some((r) => r.some((c) => c.text.includes('行政执法证件专项清理工作摸排统计汇总表')))).toBe(true);
  }, 180_000);

  it('the checked copy of a workbook with a chart, an image and a pivot table renders', async () => {
    const input = path.join(dir, 'rich.xlsx');
    copyFileSync(path.join(__dirname, 'fixtures', 'rich-libreoffice.xlsx'), input);
    const out = path.join(dir, 'rich-checked.xlsx');
    const outcome = await checkFile(input, { ...opts, out });
    expect(outcome.status).toBe('ok');
    const tables = render(out, dir);
    expect(tables.length).toBe(5); // 执法人员, 执法主体, 透视, 校验结果, 汇总
    // the clerk's pivot table still counts the people by unit
    expect(tables[2].some((r) => r.some((c) => /^Count/.test(c.text)))).toBe(true);
  }, 180_000);

  it('the county workbook of a merge renders', async () => {
    const files: string[] = [];
    for (const u of demoUnits(checkDate)) {
      const f = path.join(dir, `u-${u.file}`);
      await writeBook(u.book, f);
      files.push(f);
    }
    const out = path.join(dir, 'county.xlsx');
    await mergeFiles(files, { ...opts, expected: [], maskIds: true, out });
    const tables = render(out, dir);
    expect(tables.length).toBe(4);
    expect(tables[2][0].map((c) => c.text)).toContain('身份证号码');
    // masked: no whole ID number anywhere in 明细
    expect(tables[2].slice(1).filter((r) => /^\d{17}[\dX]$/.test(r[6]?.text ?? ''))).toEqual([]);
  }, 180_000);
});

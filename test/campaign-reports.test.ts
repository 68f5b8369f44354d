import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readdirSync } from 'fs';
import path from 'path';
import { main } from '../src/cli/main';
import { dayFromIso } from '../src/core';
import { demoUnits } from '../src/sample/demo';
import { openPackage } from '../src/xlsx/package';
import { writeBook } from '../src/xlsx/write-book';
import { capture, load, tmpDir } from './helpers/files';
import { readFileSync } from 'fs';

/**
 * Report drafts (issue 12): `check --report` writes a unit's 自查自纠工作报告, `merge --report` the county's 专项清理工作总结.
 * Each opens in LibreOffice Writer (converted to PDF) and carries the same numbers as the workbook. Needs
 * LibreOffice with Writer (Debian: libreoffice-writer-nogui); skipped with a note where it is missing.
 */
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const WRITER = !!SOFFICE && ['/usr/lib/libreoffice/program/libswlo.so', '/usr/lib/libreoffice/program/libswlo.dylib'].some((p) => existsSync(p));
if (!WRITER && process.env.CERT_SWEEP_REQUIRE_LIBREOFFICE) throw new Error('LibreOffice Writer is needed: apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk');
if (!WRITER) console.warn('跳过报告草稿的 PDF 转换测试：没有 LibreOffice Writer（Debian：apt-get install -y libreoffice-writer-nogui）。');
const withWriter = WRITER ? it : it.skip;

const dir = tmpDir();
const inbox = path.join(dir, '收件');

async function cli(...args: string[]) {
  const c = capture();
  const code = await main(args, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

function pdfText(docx: string): string {
  const out = path.join(dir, 'pdf');
  mkdirSync(out, { recursive: true });
  execFileSync(SOFFICE!, [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, docx], { stdio: 'pipe', timeout: 180_000 });
  const pdf = path.join(out, path.basename(docx).replace(/\.docx$/, '.pdf'));
  // the text as one line: Writer breaks lines anywhere in Chinese
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

/** The 汇总 sheet's 合计 row: 执法人员, 持证, 红, 黄, 绿 as the workbook says them. */
async function totals(file: string): Promise<Record<string, number>> {
  const ws = (await load(file)).getWorksheet('汇总')!;
  let head: string[] = [];
  let total: unknown[] = [];
  ws.eachRow((row) => {
    const v = (row.values as unknown[]).slice(1);
    if (v.includes('执法人员数')) head = v.map(String);
    if (v[0] === '合计') total = v;
  });
  return Object.fromEntries(['执法人员数', '持证人数', '红', '黄', '绿'].map((k) => [k, Number(total[head.indexOf(k)])]));
}

beforeAll(async () => {
  mkdirSync(inbox, { recursive: true });
  for (const u of demoUnits(dayFromIso('2024-06-05')!)) await writeBook(u.book, path.join(inbox, u.file));
});

describe('a unit\'s 自查自纠工作报告 draft (check --report)', () => {
  const out = path.join(dir, '校验');
  let r: Awaited<ReturnType<typeof cli>>;
  let draft: string;
  beforeAll(async () => {
    r = await cli('check', path.join(inbox, '乾佑街道办事处_摸排统计表.xlsx'), '--out', `${out}/`, '--report', '--date', '2024-06-20');
    draft = path.join(out, '乾佑街道办事处_摸排统计表_自查自纠工作报告（草稿）.docx');
  });

  it('is written beside the checked copy, and said so', () => {
    expect(readdirSync(out).sort()).toEqual(['乾佑街道办事处_摸排统计表.checked.xlsx', '乾佑街道办事处_摸排统计表_自查自纠工作报告（草稿）.docx']);
    expect(r.out).toContain('自查自纠工作报告草稿');
  });

  it('follows the structure: title, 主送, 一 to 四, 落款 and date; the sentences to complete highlighted', () => {
    const xml = openPackage(readFileSync(draft), 'x').text('word/document.xml');
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    for (const s of ['乾佑街道办事处关于行政执法人员资格证件专项清理的自查自纠工作报告', '柞水县司法局：', '一、基本情况', '二、发现的问题', '（一）主体资格', '（二）人员身份', '（三）证件管理', '（四）学习培训', '三、整改措施及进展', '四、下一步工作', '2024年6月20日']) {
      expect(text).toContain(s);
    }
    // every 【…】 to complete sits in a highlighted run, and nothing else is highlighted
    const runs = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => ({ hi: /<w:highlight w:val="yellow"\/>/.test(m[1]), text: /<w:t[^>]*>([^<]*)</.exec(m[1])?.[1] ?? '' }));
    expect(runs.filter((x) => x.text.includes('【')).every((x) => x.hi)).toBe(true);
    expect(runs.filter((x) => x.hi).every((x) => x.text.startsWith('【'))).toBe(true);
    // GB/T 9704: A4, 天头 37 mm, 订口 28 mm; 仿宋_GB2312 for the body with a substitute named
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="2098"[^>]*w:right="1474"[^>]*w:bottom="1984"[^>]*w:left="1587"/);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(openPackage(readFileSync(draft), 'x').text('word/fontTable.xml')).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
  });

  withWriter('opens in LibreOffice and carries the checked workbook\'s numbers', async () => {
    const t = await totals(path.join(out, '乾佑街道办事处_摸排统计表.checked.xlsx'));
    const text = pdfText(draft);
    expect(text).toContain(`执法人员${t['执法人员数']}人，其中持有行政执法证件${t['持证人数']}人`);
    expect(text).toContain(`红色${t['红']}人，黄色${t['黄']}人，绿色${t['绿']}人`);
    expect(t['执法人员数']).toBe(20);
  });
});

describe('the county\'s 专项清理工作总结 draft (merge --report)', () => {
  const county = path.join(dir, '柞水县汇总.xlsx');
  let draft: string;
  beforeAll(async () => {
    await cli('merge', inbox, '--out', county, '--report', '--date', '2024-07-30');
    draft = path.join(dir, '柞水县汇总_专项清理工作总结（草稿）.docx');
  });

  withWriter('opens in LibreOffice and carries the county workbook\'s numbers, unit by unit', async () => {
    const t = await totals(county);
    const text = pdfText(draft);
    expect(text).toContain(`执法人员${t['执法人员数']}人，其中持证${t['持证人数']}人；红色${t['红']}人，黄色${t['黄']}人，绿色${t['绿']}人`);
    // the per-unit table: each unit's row as in 汇总
    const ws = (await load(county)).getWorksheet('汇总')!;
    const rows: string[] = [];
    let head: string[] = [];
    ws.eachRow((row) => {
      const v = (row.values as unknown[]).slice(1);
      if (v.includes('执法人员数')) head = v.map(String);
      else if (head.length && typeof v[1] === 'number' && v[0] !== '合计') rows.push(['单位', '执法人员数', '持证人数', '红', '黄', '绿'].map((k) => v[head.indexOf(k)]).join(''));
    });
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(text).toContain(row);
    expect(text).toContain('柞水县司法局2024年7月30日');
  });

  it('names the deliverables: who sent late or not at all', () => {
    const xml = openPackage(readFileSync(draft), 'x').text('word/document.xml');
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('三、报送情况');
    expect(text).toMatch(/学习培训计划按时报送 0 个单位，逾期 0 个，未报 3 个/);
  });
});

void ExcelJS;

describe('a unit\'s own rounds (check --previous)', () => {
  it('compares the corrected file with the earlier one, prints who still has a problem, and puts the counts in the draft', async () => {
    const before = path.join(inbox, '乾佑街道办事处_摸排统计表.xlsx');
    const after = path.join(dir, '更正', '乾佑街道办事处_摸排统计表.xlsx');
    // the corrected file: 李强 (劳务派遣, P01) made 行政编制, 刘洋 (retired, P03) taken off the roster
    const unit = demoUnits(dayFromIso('2024-06-05')!).find((u) => u.unit === '乾佑街道办事处')!;
    const sheet = unit.book.sheets[0];
    const col = (h: string) => sheet.rows[2].indexOf(h);
    const li = sheet.rows.find((r) => r[col('姓名')] === '李强')!;
    li[col('人员类别')] = '行政编制';
    li[col('职务')] = '科员';
    sheet.rows.splice(sheet.rows.findIndex((r) => r[col('姓名')] === '刘洋'), 1);
    mkdirSync(path.dirname(after), { recursive: true });
    await writeBook(unit.book, after);
    const r = await cli('check', after, '--previous', before, '--out', path.join(dir, '更正', '校验') + '/', '--report', '--date', '2024-06-20');
    expect(r.out).toMatch(/整改情况（对比 上次报送的「乾佑街道办事处_摸排统计表.xlsx」，按 2024-06-20 重新校验）：已整改 1 项、仍存在 \d+ 项、新增 0 项，整改率 [\d.]+%；离开名单 1 人。/);
    expect(r.out).toContain('刘洋：本次名单中没有此人（离开名单）');
    expect(r.out).not.toMatch(/李强：/);
    const xml = openPackage(readFileSync(path.join(dir, '更正', '校验', '乾佑街道办事处_摸排统计表_自查自纠工作报告（草稿）.docx')), 'x').text('word/document.xml');
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toMatch(/已整改 1 项，仍存在 \d+ 项，新增 0 项，整改率 [\d.]+%；离开名单 1 人/);
  });

  it('refuses --previous with several files, in Chinese, and checks them all the same', async () => {
    const r = await cli('check', path.join(inbox, '营盘镇_摸排统计表.xlsx'), path.join(inbox, '乾佑街道办事处_摸排统计表.xlsx'), '--previous', path.join(inbox, '营盘镇_摸排统计表.xlsx'), '--out', path.join(dir, '多个') + '/');
    expect(r.code).toBe(2);
    expect(r.out).toContain('--previous 只能与一个文件一起使用');
    expect(readdirSync(path.join(dir, '多个'))).toHaveLength(2);
  });
});

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import path from 'path';
import { pathToFileURL } from 'url';
import { Browser, chromium, Page } from 'playwright-core';
import webpack from 'webpack';
import { main } from '../src/cli/main';
import { dayFromIso } from '../src/core';
import { demoUnits } from '../src/sample/demo';
import { openPackage } from '../src/xlsx/package';
import { readGridBytes } from '../src/xlsx/read-bytes';
import { writeBook } from '../src/xlsx/write-book';
import { capture, tmpDir } from '../test/helpers/files';

/**
 * 网页版 as a clerk uses it: dist/cert-sweep.html opened by double-click (file://) in Debian's Chromium, with
 * no server and no network. Its checked copy and county workbook are compared with the command line's.
 */
const root = path.join(__dirname, '..');
const PAGE = path.join(root, 'dist', 'cert-sweep.html');
const shots = path.join(root, 'test-artifacts', 'e2e');
mkdirSync(shots, { recursive: true });
/** the command line's clock in these tests (helpers/files capture()); the page gets the same one */
const NOW = new Date('2024-06-05T09:30:00');
const DATE = '2024-06-05';

const dir = tmpDir();
const units = demoUnits(dayFromIso(DATE)!);
const unitFile = (i: number) => path.join(dir, units[i].file);

/** The page built as `npm run build` builds it, when dist/ has none (or one older than its sources). */
async function buildPage(): Promise<number> {
  const newest = (d: string): number => Math.max(...(readdirSync(d, { recursive: true }) as string[]).map((f) => statSync(path.join(d, f)).mtimeMs));
  if (existsSync(PAGE) && statSync(PAGE).mtimeMs > Math.max(newest(path.join(root, 'src')), statSync(path.join(root, 'webpack.config.js')).mtimeMs)) return 0;
  const started = Date.now();
  const configs = (require('../webpack.config.js')({}, { mode: 'production' }) as webpack.Configuration[]).filter((c) => c.name === 'web');
  const stats = await new Promise<webpack.MultiStats>((resolve, reject) => webpack(configs, (err, s) => (err || !s ? reject(err) : resolve(s))));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  return Date.now() - started;
}

let browser: Browser;
beforeAll(async () => {
  const built = await buildPage();
  if (built) console.log(`built dist/cert-sweep.html in ${(built / 1000).toFixed(1)} s`);
  for (let i = 0; i < 2; i++) await writeBook(units[i].book, unitFile(i));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 600_000);
afterAll(async () => browser?.close());

/** The page opened from its file, the clock at NOW; every request it makes is kept. */
async function open(): Promise<{ page: Page; requests: string[]; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.clock.setFixedTime(NOW);
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(pathToFileURL(PAGE).href);
  await page.getByRole('button', { name: '校验' }).waitFor();
  return { page, requests, problems };
}

/** Only the page itself, and what it makes in memory: nothing from any network. */
const offline = (requests: string[]) => requests.filter((u) => !/^(file|data|blob):/.test(u));

/** Drop files on the page as the clerk drags them from a folder. */
async function drop(page: Page, files: string[]): Promise<void> {
  const payload = files.map((f) => ({ name: path.basename(f), b64: readFileSync(f).toString('base64') }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, payload);
  await page.dispatchEvent('[data-testid="pane"]', 'drop', { dataTransfer: transfer });
}

/** Every part of a package as text, to compare two workbooks part by part (the zip's own dates aside). */
function partsOf(bytes: Uint8Array, name: string): Record<string, string> {
  const pkg = openPackage(bytes, name);
  return Object.fromEntries(pkg.names.map((n) => [n, pkg.text(n)]));
}

/** Each person's 清理结论 in a checked copy, read back with the project's reader. */
function verdicts(bytes: Uint8Array, name: string): string[] {
  const sheet = readGridBytes(bytes, name).sheets.find((s) => s.name === '执法人员')!;
  const header = sheet.rows.findIndex((r) => r.includes('清理结论'));
  const col = sheet.rows[header].indexOf('清理结论');
  return sheet.rows.slice(header + 1).map((r) => String(r[col] ?? '')).filter(Boolean);
}

async function cli(...args: string[]): Promise<number> {
  const c = capture();
  return main(args, c.io);
}

/**
 * Addresses that stay in the page as text, never loaded: XML namespaces the workbook writer writes, and
 * libraries' messages and licences (React's error decoder, core-js's source, JSON Schema's dialect names; the docx
 * writer's strict-OOXML namespaces and an error message's help link).
 */
const NAMED_NOT_LOADED = ['schemas.openxmlformats.org', 'schemas.microsoft.com', 'www.w3.org', 'purl.org', 'react.dev', 'github.com', 'json-schema.org', 'purl.oclc.org', 'answers.microsoft.com'];

describe('网页版: dist/cert-sweep.html from file://, offline, in Chromium', () => {
  it('is one file that loads nothing: no script, style, image or font from elsewhere, and its policy forbids any', () => {
    const html = readFileSync(PAGE, 'utf8');
    expect(html).toMatch(/<meta http-equiv="?Content-Security-Policy"? content="default-src 'none';[^"]*connect-src 'none'"/);
    expect(html).not.toMatch(/<script\b[^>]*\ssrc=|<link\b|<img\b[^>]*\ssrc=["']?https?:|url\(\s*["']?(https?:)?\/\/|@import/i);
    const hosts = [...new Set([...html.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)].map((m) => m[1].toLowerCase()))];
    expect(hosts.filter((h) => !NAMED_NOT_LOADED.includes(h))).toEqual([]);
  });

  it('校验 a dropped workbook: colours in the view, findings go to their cells, and the checked copy is the command line\'s', async () => {
    const started = Date.now();
    const { page, requests, problems } = await open();
    await page.screenshot({ path: path.join(shots, 'web-1-opened.png') });

    await drop(page, [unitFile(0)]);
    await page.getByRole('tab', { name: '执法人员' }).waitFor();
    await page.getByRole('button', { name: '校验' }).click();
    const red = page.getByText(/^红 \d+$/);
    await red.waitFor({ timeout: 60_000 });
    const redCount = Number((await red.textContent())!.replace(/\D/g, ''));
    expect(redCount).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'web-2-checked.png') });

    // 李强, labour dispatch: his certificate red in the view, his 人员类别 cell noted [P01]; the finding goes there
    const row = await page.$$eval('td[data-cell^="D"]', (tds) => tds.find((t) => t.textContent === '李强')!.getAttribute('data-cell')!.slice(1));
    expect(await page.getAttribute(`td[data-cell="L${row}"]`, 'data-fill')).toBe('#FFC7CE');
    expect(await page.getAttribute(`td[data-cell="G${row}"]`, 'title')).toContain('[P01]');
    await page.getByRole('tab', { name: '汇总' }).click();
    await page.getByRole('button', { name: /P01.*非在编/ }).click();
    await page.getByRole('button', { name: /执法人员 G\d+ 李强/ }).click();
    await page.waitForSelector(`td[data-cell="G${row}"][data-selected="true"]`);
    expect(await page.getAttribute('table[data-sheet]', 'data-sheet')).toBe('执法人员');
    await page.screenshot({ path: path.join(shots, 'web-3-finding.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^下载「.*\.checked\.xlsx」$/ }).click()]);
    expect(download.suggestedFilename()).toBe(units[0].file.replace(/\.xlsx$/, '.checked.xlsx'));
    const fromPage = readFileSync((await download.path())!);

    const out = path.join(dir, 'cli.checked.xlsx');
    expect(await cli('check', unitFile(0), '--date', DATE, '--out', out)).toBe(1);
    const fromCli = readFileSync(out);
    expect(verdicts(fromPage, 'page')).toEqual(verdicts(fromCli, 'cli'));
    expect(verdicts(fromPage, 'page').filter((v) => v === '红')).toHaveLength(redCount);
    // the same writer: every part the same text
    expect(partsOf(fromPage, 'page')).toEqual(partsOf(fromCli, 'cli'));

    // 到期提醒 reads the same workbook; 清除标记 shows it as it was, and offers no copy
    await page.getByRole('tab', { name: '到期提醒' }).click();
    await page.getByText(/天内（至 \d{4}-\d{2}-\d{2}）/).waitFor();
    await page.screenshot({ path: path.join(shots, 'web-4-upcoming.png') });
    await page.getByRole('tab', { name: '问题清单' }).click();
    await page.getByRole('button', { name: '清除标记' }).click();
    await page.getByText(/已清除标记：显示的是您的原工作簿/).waitFor();
    expect(await page.$$eval('td[data-fill^="#"]', (tds) => tds.length)).toBe(0);
    expect(await page.getByRole('button', { name: /^下载/ }).count()).toBe(0);

    expect(offline(requests)).toEqual([]);
    expect(problems).toEqual([]);
    console.log(`offline page, check: ${((Date.now() - started) / 1000).toFixed(1)} s; page ${(statSync(PAGE).size / 1024).toFixed(0)} KB`);
    await page.close();
  });

  it('合并各单位: a folder of two units\' files gives the county workbook the command line\'s merge writes', async () => {
    const started = Date.now();
    const { page, requests, problems } = await open();
    await page.getByRole('tab', { name: '合并各单位' }).click();
    // the units' folder as the bureau keeps it: their workbooks, an Excel lock file, a note
    const inbox = path.join(dir, '收件箱');
    mkdirSync(inbox);
    for (const i of [0, 1]) copyFileSync(unitFile(i), path.join(inbox, units[i].file));
    writeFileSync(path.join(inbox, `~$${units[0].file}`), 'lock');
    writeFileSync(path.join(inbox, '说明.txt'), '各单位报表');
    await page.setInputFiles('input[aria-label="选择存放各单位报表的文件夹"]', inbox);
    await page.getByText(/已选 2 个工作簿/).waitFor();
    await page.getByText(/另有 1 个其他文件/).waitFor();
    await page.getByRole('button', { name: '开始合并' }).click();
    const goOn = page.getByRole('button', { name: '继续合并' });
    const done = page.getByText(/已合并 2 个文件/);
    await goOn.or(done).first().waitFor({ timeout: 60_000 });
    const downloading = page.waitForEvent('download');
    if (await goOn.isVisible()) await goOn.click();
    const download = await downloading;
    await done.waitFor();
    expect(download.suggestedFilename()).toBe('县汇总.xlsx');
    await page.screenshot({ path: path.join(shots, 'web-5-merged.png') });
    const fromPage = readFileSync((await download.path())!);

    const out = path.join(dir, 'cli-county.xlsx');
    await cli('merge', inbox, '--date', DATE, '--out', out);
    // the verdicts: every value of 汇总, 明细 and 校验结果 (报送情况 is left out: the command line also reads when each
    // file arrived from the folder, which a browser is not told)
    const verdictSheets = (bytes: Uint8Array, name: string) => readGridBytes(bytes, name).sheets.filter((s) => ['汇总', '明细', '校验结果'].includes(s.name));
    const county = verdictSheets(fromPage, 'page');
    expect(county.map((s) => s.name)).toEqual(['汇总', '明细', '校验结果']);
    expect(county).toEqual(verdictSheets(readFileSync(out), 'cli'));
    // the county's sheets in the view
    for (const name of ['汇总', '报送情况', '明细', '校验结果']) expect(await page.getByRole('tab', { name }).count()).toBe(1);

    // the campaign's files, made in this browser: each unit's 反馈意见 and the county's 工作总结 draft (.docx)
    const feedback: string[] = [];
    page.on('download', (d) => feedback.push(d.suggestedFilename()));
    await page.getByRole('button', { name: '生成各单位反馈意见工作簿' }).click();
    await page.getByText(/已为 2 个单位生成反馈意见/).waitFor();
    expect(feedback.sort()).toEqual([`${units[0].unit}_反馈意见.xlsx`, `${units[1].unit}_反馈意见.xlsx`].sort());
    const drafting = page.waitForEvent('download');
    await page.getByRole('button', { name: /生成专项清理工作总结/ }).click();
    const draft = await drafting;
    expect(draft.suggestedFilename()).toBe('县汇总_专项清理工作总结（草稿）.docx');
    const { unzipSync, strFromU8 } = await import('fflate');
    const text = strFromU8(unzipSync(new Uint8Array(readFileSync((await draft.path())!)))['word/document.xml']).replace(/<[^>]+>/g, '');
    expect(text).toContain('关于行政执法人员资格证件专项清理工作的总结');
    await page.screenshot({ path: path.join(shots, 'web-6-campaign.png') });

    expect(offline(requests)).toEqual([]);
    expect(problems).toEqual([]);
    console.log(`offline page, merge: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await page.close();
  });

  it('a file that is not a workbook gets a Chinese message that says what to do', async () => {
    const { page, requests } = await open();
    const bad = path.join(dir, '名单.xlsx');
    writeFileSync(bad, '姓名,身份证号码\n张三,1\n');
    await drop(page, [bad]);
    await page.getByText(/文件「名单.xlsx」不是 Excel 工作簿/).waitFor();
    await page.screenshot({ path: path.join(shots, 'web-6-bad-file.png') });
    expect(offline(requests)).toEqual([]);
    await page.close();
  });
});

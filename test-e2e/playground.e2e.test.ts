import { mkdirSync } from 'fs';
import path from 'path';
import { Browser, chromium, Page } from 'playwright-core';
import { todayLocal } from '../src/core';
import { demoUnits } from '../src/sample/demo';

const BASE = 'https://localhost:3000/playground.html';
const shots = path.join(__dirname, '..', 'test-artifacts', 'e2e');
mkdirSync(shots, { recursive: true });

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => browser?.close());

async function open(query = ''): Promise<Page> {
  const page = await browser.newPage({ ignoreHTTPSErrors: true, viewport: { width: 1400, height: 860 } });
  await page.goto(`${BASE}${query}`);
  await page.getByRole('button', { name: '校验' }).waitFor();
  return page;
}

/** What the clerk sees of the grid: every cell's text, fill and note. */
async function gridLooks(page: Page): Promise<string[]> {
  return page.$$eval('td[data-cell]', (tds) =>
    tds.map((td) => `${td.getAttribute('data-cell')}|${td.textContent}|${td.getAttribute('data-fill')}|${td.getAttribute('title') ?? ''}`));
}

describe('the playground: the real task pane on the simulated Excel, in Chromium', () => {
  it('校验 colours the certificates, notes the findings, counts in the pane; a finding click goes to its cell; 清除标记 restores the grid', async () => {
    const page = await open();
    const before = await gridLooks(page);
    await page.screenshot({ path: path.join(shots, '1-opened.png') });

    await page.getByRole('button', { name: '校验' }).click();
    const red = page.getByText(/^红 \d+$/);
    await red.waitFor();
    expect(Number((await red.textContent())!.replace(/\D/g, ''))).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, '2-checked.png') });

    // 李强, labour dispatch: his certificate is red, and his 人员类别 cell carries the P01 note
    const row = await page.$$eval('td[data-cell^="D"]', (tds) => tds.find((t) => t.textContent === '李强')!.getAttribute('data-cell')!.slice(1));
    const certFill = await page.getAttribute(`td[data-cell="L${row}"]`, 'data-fill');
    expect(certFill).toBe('#FFC7CE');
    expect(await page.getAttribute(`td[data-cell="G${row}"]`, 'title')).toContain('[P01]');

    // switch the grid to another sheet, then click the finding: Excel activates its sheet and selects its cell
    await page.getByRole('tab', { name: '校验结果' }).click();
    await page.getByRole('button', { name: /P01.*非在编/ }).click();
    await page.getByRole('button', { name: /执法人员 G\d+ 李强/ }).click();
    await page.waitForSelector(`td[data-cell="G${row}"][data-selected="true"]`);
    expect(await page.getAttribute('table[data-sheet]', 'data-sheet')).toBe('执法人员');
    await page.screenshot({ path: path.join(shots, '3-finding-selected.png') });

    await page.getByRole('button', { name: '清除标记' }).click();
    await page.getByText('已清除标记，工作簿已恢复原样。').waitFor();
    await page.getByRole('tab', { name: '执法人员' }).click();
    expect(await gridLooks(page)).toEqual(before);
    expect(await page.getByRole('tab', { name: '校验结果' }).count()).toBe(0);
    await page.screenshot({ path: path.join(shots, '4-cleared.png') });
    await page.close();
  });

  it('到期提醒 lists what turns 黄 or 红 in the coming days, and writes nothing', async () => {
    const page = await open();
    const before = await gridLooks(page);
    await page.getByRole('tab', { name: '到期提醒' }).click();
    await page.getByText(/天内（至 \d{4}-\d{2}-\d{2}）/).waitFor();
    await page.screenshot({ path: path.join(shots, '6-upcoming.png') });
    expect(await gridLooks(page)).toEqual(before);
    await page.close();
  });

  it('插入模板 on an empty workbook adds the canonical sheets', async () => {
    const page = await open('?empty');
    await page.getByRole('button', { name: '插入模板' }).click();
    await page.getByText(/已插入“执法人员”“执法主体”“证件台账”“培训记录”四张表/).waitFor();
    for (const name of ['执法人员', '执法主体', '证件台账', '培训记录']) expect(await page.getByRole('tab', { name }).count()).toBe(1);
    expect(await page.textContent('td[data-cell="D3"]')).toBe('姓名');
    await page.screenshot({ path: path.join(shots, '5-template.png') });
    await page.close();
  });

  it('登记事项 adds one row below 证件台账\'s last, checked against the roster', async () => {
    // the market unit keeps a ledger; a holder of its roster, with the number the roster shows
    const market = demoUnits(todayLocal())[2];
    const rows = market.book.sheets[0].rows;
    const h = rows.findIndex((r) => r.includes('身份证号码'));
    const holder = rows.slice(h + 1).find((r) => r[rows[h].indexOf('执法证号')])!;
    const page = await open('?sample=2');
    await page.getByRole('tab', { name: '证件台账' }).click();
    const before = await gridLooks(page);
    await page.getByRole('tab', { name: '登记事项' }).click();
    await page.getByLabel('身份证号码').fill(String(holder[rows[h].indexOf('身份证号码')]));
    await page.getByLabel('执法证号').fill(String(holder[rows[h].indexOf('执法证号')]));
    await page.getByLabel('经办人').fill('王科员');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    const said = await page.getByText(/已在“证件台账”第 \d+ 行登记/).textContent();
    const row = Number(/第 (\d+) 行/.exec(said!)![1]);
    await page.screenshot({ path: path.join(shots, '7-event.png') });
    // the cells with text before are as they were; those with text now are theirs and that row's
    const filled = (cells: string[]) => cells.filter((c) => c.split('|')[1] !== '');
    const after = filled(await gridLooks(page));
    expect(filled(before).filter((c) => !after.includes(c))).toEqual([]);
    const added = after.filter((c) => !before.includes(c));
    expect(added.length).toBeGreaterThanOrEqual(5);
    expect(added.filter((c) => !c.match(new RegExp(`^[A-Z]+${row}\\|`)))).toEqual([]);
    expect(added.some((c) => c.includes('|发放|'))).toBe(true);
    await page.close();
  });
});

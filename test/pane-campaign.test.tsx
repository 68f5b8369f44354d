/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import path from 'path';
import { main } from '../src/cli/main';
import { CellValue } from '../src/core';
import type { PaneHost, SavedFile } from '../src/host/types';
import { memorySettings, officeHost } from '../src/office/host';
import { Run } from '../src/office/validate';
import { simulateEt } from '../src/sim-et/application';
import { EtBookState } from '../src/sim-et/model';
import { simulateExcel } from '../src/sim/excel';
import { SimWorkbookState } from '../src/sim/model';
import { App } from '../src/taskpane/App';
import { PageStore } from '../src/web/book';
import { webHost } from '../src/web/host';
import { wpsHost } from '../src/wps/host';
import { readBytes } from '../src/xlsx/check-bytes';
import { capture, tmpDir } from './helpers/files';
import { campaignRounds, EXPECTED_UNITS, writeRounds } from './helpers/rounds';

/**
 * The campaign in the pane (issue 12), on each host: the county picks round 2's inbox folder and round 1's county
 * workbook, and gets what `cert-sweep merge --previous --feedback --report` gives: 报送情况 with the deliverables,
 * 整改情况 with the same counts, this round's data very hidden, each unit's 反馈意见 and the 工作总结 draft as files.
 */
const dir = tmpDir();
const { round1, round2 } = campaignRounds(dir);
const county1 = path.join(dir, '县汇总-第一轮.xlsx');
const county2 = path.join(dir, '县汇总-第二轮.xlsx');

beforeAll(async () => {
  await writeRounds(dir);
  writeFileSync(path.join(dir, 'expected.txt'), EXPECTED_UNITS);
  const c = capture();
  await main(['merge', round1, '--out', county1, '--date', '2024-06-10'], c.io);
  await main(['merge', round2, '--out', county2, '--previous', county1, '--date', '2024-06-30', '--expected', path.join(dir, 'expected.txt')], c.io);
}, 60000);

function file(name: string, bytes: Buffer, o: { rel?: string; mtime?: number } = {}): File {
  const f = new File([new Uint8Array(bytes)], name, { lastModified: o.mtime });
  Object.defineProperty(f, 'arrayBuffer', { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  if (o.rel) Object.defineProperty(f, 'webkitRelativePath', { value: o.rel });
  return f;
}

/** A folder as the browser's folder picker gives it: every file, its path from the folder picked, its mtime. */
function folder(root: string): File[] {
  return (readdirSync(root, { recursive: true }) as string[]).filter((n) => statSync(path.join(root, n)).isFile()).map((n) => {
    const p = path.join(root, n);
    return file(path.basename(n), readFileSync(p), { rel: `${path.basename(root)}/${n}`, mtime: statSync(p).mtimeMs });
  });
}

async function mergeIn(host: PaneHost, previous = true): Promise<void> {
  render(<App host={host} />);
  await act(async () => void fireEvent.click(screen.getByRole('tab', { name: '规则设置' })));
  fireEvent.change(screen.getByLabelText('核查日期'), { target: { value: '2024-06-30' } });
  await act(async () => void fireEvent.click(screen.getByRole('tab', { name: '合并各单位' })));
  fireEvent.change(screen.getByLabelText('选择存放各单位报表的文件夹'), { target: { files: folder(round2) } });
  if (previous) fireEvent.change(screen.getByLabelText(/上一轮县汇总/), { target: { files: [file('县汇总-第一轮.xlsx', readFileSync(county1))] } });
  fireEvent.change(screen.getByRole('textbox'), { target: { value: EXPECTED_UNITS } });
  await act(async () => void fireEvent.click(screen.getByRole('button', { name: '开始合并' })));
  await waitFor(() => expect(screen.getByText(/已合并 2 个文件/)).toBeTruthy(), { timeout: 20000 });
}

const click = async (name: RegExp) => act(async () => void fireEvent.click(screen.getByRole('button', { name })));
/** a sheet's rows, without the line that says when it was made */
const rowsOf = (rows: CellValue[][]) => rows.filter((r) => !r.some((v) => typeof v === 'string' && /生成时间|\d{4}-\d\d-\d\d \d\d:\d\d/.test(v)));
async function sheetOf(bytes: Uint8Array, name: string) {
  return rowsOf((await readBytes(bytes, 'x.xlsx')).grid.sheets.find((s) => s.name === name)?.rows ?? []);
}
const docxText = async (bytes: Uint8Array) => {
  const { unzipSync, strFromU8 } = await import('fflate');
  return strFromU8(unzipSync(bytes)['word/document.xml']).replace(/<[^>]+>/g, '');
};

describe('the campaign from the offline page', () => {
  const downloads: SavedFile[] = [];
  // the page as the clerk leaves it after each test's merge (the testing library unmounts it after each)
  beforeEach(async () => {
    downloads.length = 0;
    await mergeIn(webHost(new PageStore(), { displayLanguage: 'zh-CN', settings: memorySettings(), download: (bytes, name) => void downloads.push({ name, bytes }) }));
  }, 60000);

  it('gives the command line\'s 整改情况 and 报送情况, cell for cell, and this round\'s data very hidden', async () => {
    const book = downloads.find((d) => d.name === '县汇总.xlsx')!.bytes;
    const cli = readFileSync(county2);
    expect(await sheetOf(book, '整改情况')).toEqual(await sheetOf(cli, '整改情况'));
    expect((await sheetOf(book, '整改情况')).find((r) => r[0] === '合计')!.slice(0, 11)).toEqual(['合计', 5, 2, 3, 2, 2, 3, 2, '40.0%', 1, 1]);
    expect(await sheetOf(book, '报送情况')).toEqual(await sheetOf(cli, '报送情况'));
    const wb = (await readBytes(book, '县汇总.xlsx')).parts.text('xl/workbook.xml')!;
    expect(wb).toMatch(/<sheet [^>]*name="_证件清理_轮次"[^>]*state="veryHidden"|<sheet [^>]*state="veryHidden"[^>]*name="_证件清理_轮次"/);
    expect(screen.getByText(/已整改 2 项、仍存在 3 项、新增 2 项，整改率 40.0%；离开名单 1 人/)).toBeTruthy();
    expect(screen.getByText(/自查自纠工作报告 按时 0、逾期 1、未报 4/)).toBeTruthy();
  });

  it('downloads each unit\'s 反馈意见 and the 工作总结 draft with the workbook\'s numbers', async () => {
    downloads.length = 0;
    await click(/生成各单位反馈意见工作簿/);
    await waitFor(() => expect(screen.getByText(/已为 5 个单位生成反馈意见/)).toBeTruthy(), { timeout: 20000 });
    // 营盘镇 sent nothing this round: named as the expected list names it
    expect(downloads.map((d) => d.name).sort()).toEqual(['下梁镇_反馈意见.xlsx', '城关镇人民政府_反馈意见.xlsx', '柞水县市场监督管理局_反馈意见.xlsx', '红岩寺镇_反馈意见.xlsx', '营盘镇_反馈意见.xlsx'].sort());
    for (const d of downloads) {
      const texts = (await sheetOf(d.bytes, '反馈意见')).flat().filter((v): v is string => typeof v === 'string');
      expect(texts.some((t) => /审核反馈意见/.test(t))).toBe(true);
      expect(texts.filter((t) => /\d{17}[\dX]/.test(t))).toEqual([]);
      // sent back to the county by mistake, it is known for feedback, not a roster or the county's workbook
      expect((await readBytes(d.bytes, d.name)).ours).toBe('feedback');
    }
    downloads.length = 0;
    await click(/生成专项清理工作总结/);
    await waitFor(() => expect(downloads.map((d) => d.name)).toEqual(['县汇总_专项清理工作总结（草稿）.docx']), { timeout: 20000 });
    const text = await docxText(downloads[0].bytes);
    expect(text).toContain('已整改 2 项，仍存在 3 项，新增 2 项，整改率 40.0%');
    expect(text).not.toMatch(/\d{17}[\dX]/);
  }, 60000);
});

describe('the campaign in Excel (simulated)', () => {
  const excel = (platform: string, downloads: SavedFile[]) => {
    const sim = simulateExcel(SimWorkbookState.from([{ name: 'Sheet1', rows: [] }]), { api: '1.18', payloadLimit: 5 * 1024 * 1024 });
    const host = officeHost({ run: sim.Excel.run as unknown as Run, requirements: sim.Office.context.requirements, displayLanguage: 'zh-CN', settings: memorySettings(), platform, download: (bytes, name) => void downloads.push({ name, bytes }) });
    return { sim, host };
  };

  it('writes 整改情况 and the very hidden round sheet into the workbook, again on a second merge; downloads on Windows', async () => {
    const downloads: SavedFile[] = [];
    const { sim, host } = excel('PC', downloads);
    await mergeIn(host);
    const sheets = () => sim.state.sheets.map((s) => `${s.name}:${s.visibility}`);
    expect(sheets()).toEqual(expect.arrayContaining(['整改情况:Visible', '_证件清理_轮次:VeryHidden', '报送情况:Visible']));
    // a second merge into the same workbook replaces them (a very hidden sheet is unhidden to be deleted)
    await click(/开始合并/);
    await waitFor(() => expect(screen.getAllByText(/已合并 2 个文件/).length).toBeGreaterThan(0), { timeout: 20000 });
    expect(sheets().filter((s) => /整改情况|_证件清理_轮次/.test(s))).toEqual(['整改情况:Visible', '_证件清理_轮次:VeryHidden']);
    await click(/生成专项清理工作总结/);
    await waitFor(() => expect(downloads.map((d) => d.name)).toEqual(['县汇总_专项清理工作总结（草稿）.docx']), { timeout: 20000 });
  }, 60000);

  it('on a Mac, whose web view does not download, says where to make the files instead', async () => {
    const downloads: SavedFile[] = [];
    await mergeIn(excel('Mac', downloads).host, false);
    await click(/生成各单位反馈意见工作簿/);
    await waitFor(() => expect(screen.getByText(/不允许加载项保存文件.*cert-sweep\.html/)).toBeTruthy(), { timeout: 20000 });
    expect(downloads).toEqual([]);
  }, 60000);
});

describe('the campaign in WPS (simulated)', () => {
  it('writes the sheets, the round very hidden, and saves the files into the download folder without replacing any', async () => {
    const app = simulateEt(EtBookState.from([{ name: 'Sheet1', rows: [] }]));
    await mergeIn(wpsHost(app as never, 'zh-CN'));
    expect(app.book!.sheets.map((s) => `${s.name}:${s.visible}`)).toEqual(expect.arrayContaining(['整改情况:-1', '_证件清理_轮次:2']));
    await click(/生成各单位反馈意见工作簿/);
    await waitFor(() => expect(screen.getByText(/已保存 5 个文件到「\/home\/clerk\/下载\/执法证件清理」/)).toBeTruthy(), { timeout: 20000 });
    await click(/生成各单位反馈意见工作簿/);
    await waitFor(() => expect(screen.getByText(/「下梁镇_反馈意见.xlsx」已存在，未覆盖，新文件为「下梁镇_反馈意见 \(2\).xlsx」/)).toBeTruthy(), { timeout: 20000 });
    const saved = app.disk.files.get('/home/clerk/下载/执法证件清理/城关镇人民政府_反馈意见 (2).xlsx')!;
    expect((await sheetOf(saved, '反馈意见')).length).toBeGreaterThan(5);
    // a full disk: said, and nothing half-written left behind
    app.disk.free = 1000;
    await click(/生成专项清理工作总结/);
    await waitFor(() => expect(screen.getByText(/未能写入.*磁盘可能已满/)).toBeTruthy(), { timeout: 20000 });
    expect([...app.disk.files.keys()].filter((k) => k.endsWith('.docx'))).toEqual([]);
  }, 60000);
});

describe('a unit\'s 自查自纠工作报告 from the pane', () => {
  it('compares with the file sent last time and makes the draft the command line makes, word for word', async () => {
    const now = path.join(round2, '城关镇', '摸排统计表（更正）.xlsx');
    const before = path.join(round1, '城关镇', '摸排统计表.xlsx');
    const c = capture();
    await main(['check', now, '--out', path.join(dir, '城关镇.checked.xlsx'), '--previous', before, '--report', '--date', '2024-06-30'], c.io);
    const cliDraft = readFileSync(path.join(dir, '城关镇_自查自纠工作报告（草稿）.docx'));

    const downloads: SavedFile[] = [];
    const store = new PageStore();
    store.set({ files: [{ name: '摸排统计表（更正）.xlsx', data: new Uint8Array(readFileSync(now)) }], current: 0 });
    render(<App host={webHost(store, { displayLanguage: 'zh-CN', settings: memorySettings(), download: (bytes, name) => void downloads.push({ name, bytes }) })} />);
    await act(async () => void fireEvent.click(screen.getByRole('tab', { name: '规则设置' })));
    fireEvent.change(screen.getByLabelText('核查日期'), { target: { value: '2024-06-30' } });
    await act(async () => void fireEvent.click(screen.getByRole('tab', { name: '问题清单' })));
    await click(/^校验$/);
    await waitFor(() => expect(screen.getByRole('button', { name: /生成自查自纠工作报告/ })).toBeTruthy(), { timeout: 20000 });
    await act(async () => void fireEvent.change(screen.getByLabelText(/对比本单位上次报送的文件/), { target: { files: [file('摸排统计表.xlsx', readFileSync(before))] } }));
    // the unit's own file: 甲一's P01 fixed, 乙二's P10 remains, 丙三 and 癸十 new (吴五's X01 is the county's to see)
    await waitFor(() => expect(screen.getByText(/已整改 1 项、仍存在 1 项、新增 2 项，整改率 50.0%；离开名单 1 人/)).toBeTruthy(), { timeout: 20000 });
    expect(screen.getByText(/丁四：本次名单中没有此人/)).toBeTruthy();
    downloads.length = 0;
    await click(/生成自查自纠工作报告/);
    await waitFor(() => expect(downloads.map((d) => d.name)).toEqual(['城关镇人民政府_自查自纠工作报告（草稿）.docx']), { timeout: 20000 });
    expect(await docxText(downloads[0].bytes)).toEqual(await docxText(cliDraft));
    expect(await docxText(downloads[0].bytes)).toContain('整改率 50.0%');
  }, 60000);
});

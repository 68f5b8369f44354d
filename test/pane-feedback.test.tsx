/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'fs';
import path from 'path';
import { dayFromIso } from '../src/core/dates';
import { memorySettings, officeHost } from '../src/office/host';
import { Run } from '../src/office/validate';
import { demoUnits } from '../src/sample/demo';
import { simulateExcel } from '../src/sim/excel';
import { SimWorkbookState } from '../src/sim/model';
import { App } from '../src/taskpane/App';
import { PageStore } from '../src/web/book';
import { webHost } from '../src/web/host';
import { readBytes } from '../src/xlsx/check-bytes';
import { writeBook } from '../src/xlsx/write-book';
import type { PaneHost } from '../src/host/types';
import { tmpDir } from './helpers/files';

/** 合并各单位 then 各单位反馈意见 (issue 12): downloaded on the offline page, pointed elsewhere in an add-in. */
function file(name: string, bytes: Buffer): File {
  const f = new File([new Uint8Array(bytes)], name);
  Object.defineProperty(f, 'arrayBuffer', { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  return f;
}

async function mergeIn(host: PaneHost): Promise<void> {
  const dir = tmpDir();
  const files: File[] = [];
  for (const u of demoUnits(dayFromIso('2024-06-05')!)) {
    await writeBook(u.book, path.join(dir, u.file));
    files.push(file(u.file, readFileSync(path.join(dir, u.file))));
  }
  render(<App host={host} />);
  await act(async () => void fireEvent.click(screen.getByRole('tab', { name: '规则设置' })));
  fireEvent.change(screen.getByLabelText('核查日期'), { target: { value: '2024-06-05' } });
  await act(async () => void fireEvent.click(screen.getByRole('tab', { name: '合并各单位' })));
  fireEvent.change(screen.getByLabelText(/选择各单位报送的摸排统计表/), { target: { files } });
  fireEvent.change(screen.getByRole('textbox'), { target: { value: '乾佑街道办事处\n营盘镇人民政府\n红岩寺镇人民政府' } });
  await act(async () => void fireEvent.click(screen.getByRole('button', { name: '开始合并' })));
  // the demo's 营盘镇 has drifted headers: the clerk goes on
  await waitFor(() => expect(screen.getByRole('button', { name: '继续合并' })).toBeTruthy(), { timeout: 20000 });
  await act(async () => void fireEvent.click(screen.getByRole('button', { name: '继续合并' })));
  await waitFor(() => expect(screen.getByText(/已合并 3 个文件/)).toBeTruthy(), { timeout: 20000 });
}

describe('各单位反馈意见 from the pane', () => {
  it('on the offline page: one workbook a unit, the expected one that sent nothing included, IDs masked', async () => {
    const downloads: { name: string; bytes: Uint8Array }[] = [];
    const host = webHost(new PageStore(), { displayLanguage: 'zh-CN', settings: memorySettings(), download: (bytes, name) => void downloads.push({ name, bytes }) });
    await mergeIn(host);
    downloads.length = 0; // the county's workbook
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '下载各单位反馈意见工作簿' })));
    await waitFor(() => expect(screen.getByText(/已为 \d+ 个单位生成反馈意见/)).toBeTruthy(), { timeout: 20000 });
    const names = downloads.map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['乾佑街道办事处_反馈意见.xlsx', '红岩寺镇人民政府_反馈意见.xlsx']));
    for (const d of downloads) {
      const read = await readBytes(d.bytes, d.name);
      const sheet = read.grid.sheets.find((s) => s.name === '反馈意见')!;
      const texts = sheet.rows.flat().filter((v): v is string => typeof v === 'string');
      expect(texts.some((t) => /审核反馈意见/.test(t))).toBe(true);
      expect(texts.filter((t) => /\d{17}[\dX]/.test(t))).toEqual([]);
    }
  }, 60000);

  it('in Excel: no file to save, so the pane says where to make them', async () => {
    const sim = simulateExcel(SimWorkbookState.from([{ name: 'Sheet1', rows: [] }]), { api: '1.18', payloadLimit: 5 * 1024 * 1024 });
    await mergeIn(officeHost({ run: sim.Excel.run as unknown as Run, requirements: sim.Office.context.requirements, displayLanguage: 'zh-CN', settings: memorySettings() }));
    expect(screen.queryByRole('button', { name: '下载各单位反馈意见工作簿' })).toBeNull();
    expect(screen.getByText(/cert-sweep.html/)).toBeTruthy();
  }, 60000);
});

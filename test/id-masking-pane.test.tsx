/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'fs';
import path from 'path';
import { ID_NUMBERS_ZH } from '../src/core';
import { dayFromIso } from '../src/core/dates';
import { Run } from '../src/office/validate';
import { demoUnits } from '../src/sample/demo';
import { simulateExcel } from '../src/sim/excel';
import { SimWorkbookState } from '../src/sim/model';
import { App } from '../src/taskpane/App';
import { memorySettings, OfficeEnv, officeHost } from '../src/office/host';
import { writeBook } from '../src/xlsx/write-book';
import { tmpDir } from './helpers/files';

/** The pane's 合并各单位: ID numbers masked unless the clerk ticks the full-ID box (the CLI's --full-ids). */
function file(name: string, bytes: Buffer): File {
  const f = new File([new Uint8Array(bytes)], name);
  Object.defineProperty(f, 'arrayBuffer', { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  return f;
}

const texts = (state: SimWorkbookState, sheet: string) => [...state.sheet(sheet)!.cells.values()].map((c) => String(c.value ?? ''));

async function merge(): Promise<void> {
  await act(async () => void fireEvent.click(screen.getByRole('button', { name: '开始合并' })));
  // the demo's header drift is shown first
  await waitFor(() => expect(screen.getByRole('button', { name: '继续合并' })).toBeTruthy(), { timeout: 20000 });
  await act(async () => void fireEvent.click(screen.getByRole('button', { name: '继续合并' })));
  await waitFor(() => expect(screen.getByText(/已合并 3 个文件/)).toBeTruthy(), { timeout: 20000 });
}

it('masks ID numbers by default; the full-ID box, off at first, keeps them whole; 汇总 says which', async () => {
  const dir = tmpDir();
  const files: File[] = [];
  for (const u of demoUnits(dayFromIso('2024-06-05')!)) {
    await writeBook(u.book, path.join(dir, u.file));
    files.push(file(u.file, readFileSync(path.join(dir, u.file))));
  }
  const state = SimWorkbookState.from([{ name: 'Sheet1', rows: [] }]);
  const sim = simulateExcel(state, { api: '1.18', payloadLimit: 5 * 1024 * 1024 });
  const host: OfficeEnv = { run: sim.Excel.run as unknown as Run, requirements: sim.Office.context.requirements, displayLanguage: 'zh-CN', settings: memorySettings() };
  render(<App host={officeHost(host)} />);
  await act(async () => void fireEvent.click(screen.getByRole('tab', { name: '合并各单位' })));
  fireEvent.change(screen.getByLabelText(/选择各单位报送的摸排统计表/), { target: { files } });
  const box = screen.getByRole('checkbox', { name: /显示完整身份证号码/ }) as HTMLInputElement;
  expect(box.checked).toBe(false);

  await merge();
  expect(texts(state, '明细').filter((v) => /\d{17}[\dX]|\d{15}/.test(v))).toEqual([]);
  expect(texts(state, '明细').filter((v) => /^\d{6}\*{8}\d{3}[\dX]$/.test(v)).length).toBeGreaterThan(40);
  expect(texts(state, '校验结果').join('\n')).not.toMatch(/\d{17}[\dX]|\d{15}/);
  expect(texts(state, '汇总')).toContain(ID_NUMBERS_ZH.masked);

  await act(async () => void fireEvent.click(box));
  expect(box.checked).toBe(true);
  await merge();
  expect(texts(state, '明细').filter((v) => /^\d{17}[\dX]$/.test(v)).length).toBeGreaterThan(40);
  expect(texts(state, '汇总')).toContain(ID_NUMBERS_ZH.full);
  expect(texts(state, '汇总')).not.toContain(ID_NUMBERS_ZH.masked);
}, 90000);

/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'fs';
import path from 'path';
import { dayFromIso } from '../../src/core/dates';
import { Run } from '../../src/office/validate';
import { demoUnits } from '../../src/sample/demo';
import { simulateExcel } from '../../src/sim/excel';
import { SimWorkbookState } from '../../src/sim/model';
import { App } from '../../src/taskpane/App';
import { memorySettings, OfficeEnv, officeHost } from '../../src/office/host';
import { writeBook } from '../../src/xlsx/write-book';
import { tmpDir } from '../helpers/files';

/** A File as the browser's file input gives it. */
function file(name: string, bytes: Buffer): File {
  const f = new File([new Uint8Array(bytes)], name);
  Object.defineProperty(f, 'arrayBuffer', { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  return f;
}

describe('合并各单位 in the task pane', () => {
  it('checks the chosen files, shows header drift first, and on 继续 writes the county sheets', async () => {
    const dir = tmpDir();
    const files: File[] = [];
    for (const u of demoUnits(dayFromIso('2024-06-05')!)) {
      await writeBook(u.book, path.join(dir, u.file));
      files.push(file(u.file, readFileSync(path.join(dir, u.file))));
    }
    files.push(file('坏文件.xlsx', Buffer.from('不是表格')));
    const state = SimWorkbookState.from([{ name: 'Sheet1', rows: [] }]);
    const sim = simulateExcel(state, { api: '1.18', payloadLimit: 5 * 1024 * 1024 });
    const settings = memorySettings();
    const host: OfficeEnv = { run: sim.Excel.run as unknown as Run, requirements: sim.Office.context.requirements, displayLanguage: 'zh-CN', settings };
    render(<App host={officeHost(host)} />);
    await act(async () => void fireEvent.click(screen.getByRole('tab', { name: '合并各单位' })));
    fireEvent.change(screen.getByLabelText(/选择各单位报送的摸排统计表/), { target: { files } });
    fireEvent.change(screen.getByRole('textbox'), { target: { value: '乾佑街道办事处\n营盘镇人民政府\n红岩寺镇人民政府' } });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '开始合并' })));
    await waitFor(() => expect(screen.getByText(/是否继续合并/)).toBeTruthy(), { timeout: 20000 });
    expect(state.sheet('汇总')).toBeUndefined();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '继续合并' })));
    await waitFor(() => expect(screen.getByText(/已合并 4 个文件/)).toBeTruthy(), { timeout: 20000 });
    expect(screen.getByText(/坏文件.xlsx/)).toBeTruthy();
    for (const name of ['汇总', '报送情况', '明细', '校验结果']) expect(state.sheet(name)).toBeDefined();
    const submissions = [...state.sheet('报送情况')!.cells.values()].map((c) => c.value);
    expect(submissions).toContain('未报送');
    expect(settings.get('certSweep.expectedUnits')).toBe('乾佑街道办事处\n营盘镇人民政府\n红岩寺镇人民政府');
  }, 60000);
});

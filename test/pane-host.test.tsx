/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { dayFromIso, isoFromDay, todayLocal, WorkbookGrid } from '../src/core';
import { memorySettings } from '../src/host/settings';
import type { Decision, PaneHost } from '../src/host/types';
import { demoUnits } from '../src/sample/demo';
import { App } from '../src/taskpane/App';

/**
 * The pane against a host that is neither Excel nor WPS: all it needs is PaneHost. The grid is the demo unit's;
 * what the pane decides (core's check and plan) is what the host is asked to apply.
 */
function fakeHost(kind: PaneHost['kind'] = 'web') {
  const unit = demoUnits(todayLocal())[0];
  const grid: WorkbookGrid = { file: unit.file, sheets: unit.book.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) })) };
  const calls: string[] = [];
  const decisions: Decision[] = [];
  const host: PaneHost = {
    kind,
    describe: { zh: '测试宿主', en: 'Test host' },
    displayLanguage: 'zh-CN',
    settings: memorySettings(),
    check: async (decide, onStage) => {
      onStage?.('read');
      const d = decide({ ...grid, sheets: grid.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) })) });
      decisions.push(d);
      onStage?.('done');
      return d.plan ? { ok: true, result: d.result, marked: d.plan.marks.length, notices: [] } : { ok: false, message: d.result.message, en: d.result.message };
    },
    clear: async () => (calls.push('clear'), { ok: true, message: '已清除', en: 'cleared', complete: true }),
    goTo: async (sheet, cell) => (calls.push(`goTo ${sheet}!${cell}`), { ok: true, message: '', en: '' }),
    readGrid: async () => ({ ok: true, grid }),
    insertSheets: async () => (calls.push('insert'), { ok: true, message: '', en: '' }),
    writeSheets: async () => (calls.push('write'), { ok: true, message: '', en: '' }),
    saveFiles: async (files) => (calls.push(`save ${files.map((f) => f.name).join(',')}`), { ok: true, message: '', en: '' }),
    appendRow: async (sheet, row) => (calls.push(`append ${sheet}!${row}`), { ok: true, message: '', en: '' }),
  };
  return { host, calls, decisions };
}

describe('the pane on any host', () => {
  it('shows the host\'s own line; on the offline page offers no template or sample to insert', () => {
    render(<App host={fakeHost('web').host} />);
    expect(screen.getByText(/测试宿主/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '插入模板' })).toBeNull();
    expect(screen.getByText(/本机浏览器中处理/)).toBeTruthy();
  });

  it('校验 decides with the core (the plan marks the red certificates) on the date the clerk set, and a finding goes to its cell', async () => {
    const { host, calls, decisions } = fakeHost('excel');
    render(<App host={host} />);
    expect(screen.getByRole('button', { name: '插入模板' })).toBeTruthy();
    await act(async () => void fireEvent.click(screen.getByRole('tab', { name: '规则设置' })));
    fireEvent.change(screen.getByLabelText('核查日期'), { target: { value: '2024-06-05' } });
    // a half-typed date keeps the last whole one
    fireEvent.change(screen.getByLabelText('核查日期'), { target: { value: '' } });
    expect((screen.getByLabelText('核查日期') as HTMLInputElement).value).toBe('2024-06-05');
    await act(async () => void fireEvent.click(screen.getByRole('tab', { name: '问题清单' })));
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '校验' })));
    await waitFor(() => expect(screen.getByText(/^红 \d+$/)).toBeTruthy());
    const [d] = decisions;
    expect(isoFromDay(d.result.checkDate)).toBe('2024-06-05');
    expect(d.plan!.marks.some((m) => m.verdict === 'red')).toBe(true);
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: /P01.*非在编/ })));
    await act(async () => void fireEvent.click(await screen.findByRole('button', { name: /执法人员 [A-Z]+\d+ 李强/ })));
    expect(calls.at(-1)).toMatch(/^goTo 执法人员![A-Z]+\d+$/);
    expect(dayFromIso('2024-06-05')).toBe(d.result.checkDate);
  });
});

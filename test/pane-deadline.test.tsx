/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { deadlineLine, dayFromIso, DEFAULT_PROFILE } from '../src/core';
import { memorySettings, officeHost } from '../src/office/host';
import { Run } from '../src/office/validate';
import { simulateExcel } from '../src/sim/excel';
import { SimWorkbookState } from '../src/sim/model';
import { App } from '../src/taskpane/App';

/** The pane says in one line when a unit's check runs close to or after the notice's deadlines (issue 12). */
async function paneOn(date: string) {
  const sim = simulateExcel(SimWorkbookState.from([{ name: 'Sheet1', rows: [] }]), { api: '1.18', payloadLimit: 5 * 1024 * 1024 });
  render(<App host={officeHost({ run: sim.Excel.run as unknown as Run, requirements: sim.Office.context.requirements, library: sim.library, displayLanguage: 'zh-CN', settings: memorySettings() })} />);
  await act(async () => void fireEvent.click(screen.getByRole('tab', { name: '规则设置' })));
  fireEvent.change(screen.getByLabelText('核查日期'), { target: { value: date } });
  await act(async () => void fireEvent.click(screen.getByRole('tab', { name: '问题清单' })));
}

describe('the deadline line in the pane', () => {
  it('two days before 6月5日: the line the core gives, on the main tab', async () => {
    await paneOn('2024-06-03');
    const line = deadlineLine(dayFromIso('2024-06-03')!, DEFAULT_PROFILE)!;
    expect(line.zh).toContain('2');
    expect(screen.getByLabelText('报送期限').textContent).toBe(line.zh);
  });

  it('after 6月5日: says it has passed, and what is due next', async () => {
    await paneOn('2024-06-10');
    expect(screen.getByLabelText('报送期限').textContent).toBe(deadlineLine(dayFromIso('2024-06-10')!, DEFAULT_PROFILE)!.zh);
    expect(screen.getByLabelText('报送期限').textContent).toMatch(/7月25日/);
  });

  it('far from any deadline: no line', async () => {
    await paneOn('2024-03-01');
    expect(screen.queryByLabelText('报送期限')).toBeNull();
  });
});

/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import path from 'path';
import { dayFromIso } from '../src/core/dates';
import { DEFAULT_PROFILE } from '../src/core/profile';
import { runUpcoming } from '../src/cli/upcoming';
import { Run } from '../src/office/validate';
import { demoUnits } from '../src/sample/demo';
import { simulateExcel } from '../src/sim/excel';
import { SimWorkbookState } from '../src/sim/model';
import { App } from '../src/taskpane/App';
import { memorySettings, officeHost } from '../src/office/host';
import { writeBook } from '../src/xlsx/write-book';
import { capture, tmpDir } from './helpers/files';

/** The pane's 到期提醒 and `cert-sweep upcoming` on the same workbooks (the demo's units, as upcoming-cli.test.ts). */
const DATE = '2024-06-05';
const units = demoUnits(dayFromIso(DATE)!);
const dir = tmpDir();

/** What `cert-sweep upcoming FILE --date 2024-06-05 [--days N]` prints under the file's heading. */
async function cliLines(which: number, days?: string): Promise<string[]> {
  const file = path.join(dir, units[which].file);
  await writeBook(units[which].book, file);
  const c = capture();
  await runUpcoming([file], { checkDate: dayFromIso(DATE)!, profile: DEFAULT_PROFILE, lang: 'zh', days }, c.io);
  return c.out.slice(1).map((l) => l.replace(/^ {2}/, ''));
}

/** The pane on the simulated Excel with the unit open, the check date set as a clerk sets it. */
async function pane(which: number, language = 'zh-CN') {
  const state = SimWorkbookState.from(units[which].book.sheets.map((s) => ({ name: s.name, rows: s.rows })));
  const sim = simulateExcel(state, { api: '1.18', payloadLimit: 5 * 1024 * 1024 });
  render(<App host={officeHost({ run: sim.Excel.run as unknown as Run, requirements: sim.Office.context.requirements, library: sim.library, displayLanguage: language, settings: memorySettings() })} />);
  await act(async () => void fireEvent.click(screen.getByRole('tab', { name: language === 'zh-CN' ? '规则设置' : 'Rule settings' })));
  fireEvent.change(screen.getByLabelText(language === 'zh-CN' ? '核查日期' : 'Check date'), { target: { value: DATE } });
  return state;
}

async function openUpcoming(name = '到期提醒'): Promise<void> {
  await act(async () => void fireEvent.click(screen.getByRole('tab', { name })));
  await waitFor(() => expect(screen.queryByText(/正在按今后各日核查|Checking the coming days/)).toBeNull(), { timeout: 20000 });
}

/** Each entry of the list as the clerk reads it. */
const paneLines = () => {
  const list = screen.queryByRole('list', { name: /将变色的人员和执法主体|change colour/ });
  return list ? within(list).getAllByRole('listitem').map((li) => li.textContent) : [];
};

describe('到期提醒 in the pane agrees with cert-sweep upcoming', () => {
  for (const which of [0, 1, 2]) {
    it(`lists exactly what the command line prints: ${units[which].unit}`, async () => {
      const expected = await cliLines(which);
      expect(expected.length).toBeGreaterThan(0);
      await pane(which);
      await openUpcoming();
      expect(paneLines()).toEqual(expected);
      expect(screen.getByText(/核查日期 2024-06-05 起 90 天内（至 2024-09-03）颜色将变差的有/)).toBeTruthy();
    });
  }

  it('the days selector is 90 at first; 30 and 365 give what --days 30 and --days 365 give', async () => {
    await pane(0);
    await openUpcoming();
    const days = screen.getByRole('combobox', { name: '提前天数' });
    expect(days.textContent).toBe('90 天');
    await act(async () => void fireEvent.click(days));
    await act(async () => void fireEvent.click(screen.getByRole('option', { name: '30 天' })));
    await waitFor(() => expect(screen.getByText('30 天内（至 2024-07-05）没有人员或执法主体的颜色会变差。')).toBeTruthy());
    expect(paneLines()).toEqual([]);
    expect(await cliLines(0, '30')).toEqual(['30 天内（至 2024-07-05）没有人员或执法主体的颜色会变差。']);
    await act(async () => void fireEvent.click(days));
    await act(async () => void fireEvent.click(screen.getByRole('option', { name: '365 天' })));
    await waitFor(() => expect(paneLines()).toEqual(['2024-07-06  黄涛  乾佑街道办事处  黄→红  P05 证件已于2024-07-05过期，不得继续执法。']));
    expect(paneLines()).toEqual(await cliLines(0, '365'));
  });

  it('after 校验 has marked the workbook the list is the same, and it writes nothing itself', async () => {
    const state = await pane(2);
    await act(async () => void fireEvent.click(screen.getByRole('tab', { name: '问题清单' })));
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '校验' })));
    await waitFor(() => expect(screen.getByText(/^红 \d+$/)).toBeTruthy(), { timeout: 20000 });
    const sheets = state.sheets.map((s) => s.name);
    await openUpcoming();
    expect(paneLines()).toEqual(await cliLines(2));
    expect(state.sheets.map((s) => s.name)).toEqual(sheets);
  });

  it('a click on an entry selects the cell that changes, the one `upcoming --json` names', async () => {
    const file = path.join(dir, units[0].file);
    await writeBook(units[0].book, file);
    const c = capture();
    await runUpcoming([file], { checkDate: dayFromIso(DATE)!, profile: DEFAULT_PROFILE, lang: 'zh', json: true }, c.io);
    const { sheet, cell } = JSON.parse(c.out[0]).items[0].changes[0].findings[0];
    const state = await pane(0);
    await openUpcoming();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: /黄涛/ })));
    await waitFor(() => expect(state.selection?.address).toBe(`${sheet}!${cell}`));
    expect(state.sheets[state.active].name).toBe('执法人员');
  });

  it('is "Upcoming" in English, with the English words', async () => {
    await pane(2, 'en-US');
    await openUpcoming('Upcoming');
    expect(paneLines()[1]).toBe('2024-07-21  秦岭  柞水县市场监督管理局/柞水县知识产权服务站  green→yellow  P15 The enforcement body "柞水县知识产权服务站" has problems (A06).');
  });
});

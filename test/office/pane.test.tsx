/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { memorySettings, OfficeEnv, officeHost } from '../../src/office/host';
import { Run } from '../../src/office/validate';
import { ApiVersion, simulateExcel } from '../../src/sim/excel';
import { SimWorkbookState } from '../../src/sim/model';

function setup(opts: { api?: ApiVersion; language?: string; sheets?: { name: string; rows: (string | number | null)[][] }[]; settings?: OfficeEnv['settings']; missing?: string[] } = {}) {
  const state = SimWorkbookState.from(opts.sheets ?? [{ name: 'Sheet1', rows: [] }]);
  const sim = simulateExcel(state, { api: opts.api ?? '1.18', payloadLimit: 5 * 1024 * 1024, missingClasses: opts.missing });
  const host: OfficeEnv = {
    run: sim.Excel.run as unknown as Run,
    requirements: sim.Office.context.requirements,
    library: sim.library,
    displayLanguage: opts.language ?? 'zh-CN',
    settings: opts.settings ?? memorySettings(),
  };
  render(<App host={officeHost(host)} />);
  return { state, host };
}

describe('the task pane', () => {
  it('opens in Chinese with what it does, the mode it runs in, and the template and sample', () => {
    setup();
    expect(screen.getByRole('heading', { name: '执法证件清理助手' })).toBeTruthy();
    expect(screen.getByText(/完整模式/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '插入模板' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '打开示例' })).toBeTruthy();
  });

  it('says it runs in compatibility mode on Excel 2016', () => {
    setup({ api: '1.1' });
    expect(screen.getByText(/兼容模式/)).toBeTruthy();
  });

  it('inserts the template sheets with their headers', async () => {
    const { state } = setup();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '插入模板' })));
    await waitFor(() => expect(screen.getByText(/已插入“执法人员”“执法主体”“证件台账”“培训记录”四张表/)).toBeTruthy());
    expect(state.sheet('执法人员')!.get(2, 3)!.value).toBe('姓名');
    expect(state.sheet('执法人员')!.validations.length).toBeGreaterThan(0);
  });

  it('校验 on the sample shows the counts and the findings; a finding click selects its cell', async () => {
    const { state } = setup();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '打开示例' })));
    await waitFor(() => expect(screen.getByText(/已插入示例数据/)).toBeTruthy());
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '校验' })));
    await waitFor(() => expect(screen.getByText(/^红 \d+$/)).toBeTruthy());
    const red = Number(/红 (\d+)/.exec(screen.getByText(/^红 \d+$/).textContent!)![1]);
    expect(red).toBeGreaterThan(0);
    const group = screen.getByRole('button', { name: /P01.*非在编人员持证/ });
    await act(async () => void fireEvent.click(group));
    const item = await screen.findByRole('button', { name: /执法人员 [A-Z]+\d+ 李强/ });
    await act(async () => void fireEvent.click(item));
    await waitFor(() => expect(state.selection?.address).toMatch(/^执法人员!/));
    expect(state.sheets[state.active].name).toBe('执法人员');
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '下一个问题' })));
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '清除标记' })));
    await waitFor(() => expect(screen.getByText('已清除标记，工作簿已恢复原样。')).toBeTruthy());
    expect(state.sheet('校验结果')).toBeUndefined();
  });

  it('asks which sheet and which header when it cannot tell', async () => {
    setup({ sheets: [{ name: '花名册', rows: [['名字', '身份证', '类别'], ['张三', '611026198001011234', '行政编制']] }] });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '校验' })));
    await waitFor(() => expect(screen.getByText(/请选择工作表/)).toBeTruthy());
    expect(screen.getByText('名字')).toBeTruthy();
    expect(screen.getByRole('button', { name: '按以上选择重新校验' })).toBeTruthy();
  });

  it('speaks English when Office runs in English', () => {
    setup({ language: 'en-US' });
    expect(screen.getByRole('heading', { name: 'Certificate Clean-up Assistant' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check' })).toBeTruthy();
  });

  it('says so when the settings cannot be saved in the workbook, and keeps them for this session', async () => {
    const settings = { ...memorySettings(), save: async () => Promise.reject(new Error('read-only')) };
    setup({ settings });
    await act(async () => void fireEvent.click(screen.getByRole('tab', { name: '规则设置' })));
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '保存到工作簿' })));
    await waitFor(() => expect(screen.getByText(/未能保存到工作簿/)).toBeTruthy());
  });

  it('with a stale office.js that has no notes, runs on Microsoft 365 with comments instead of failing', async () => {
    const { state } = setup({ missing: ['NoteCollection'] });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '打开示例' })));
    await waitFor(() => expect(screen.getByText(/已插入示例数据/)).toBeTruthy());
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '校验' })));
    await waitFor(() => expect(screen.getByText(/^红 \d+$/)).toBeTruthy());
    const sheet = state.sheet('执法人员')!;
    expect(sheet.notes.size).toBe(0);
    expect([...sheet.comments.values()].some((c) => c.content.startsWith('['))).toBe(true);
  });
});

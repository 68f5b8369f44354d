/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { planEvent } from '../src/core';
import { memorySettings, officeHost } from '../src/office/host';
import { Run } from '../src/office/validate';
import { demoUnits } from '../src/sample/demo';
import { checkDate, etApp, snapshotEt, changes } from '../src/sim-et/demo';
import { EtBookState } from '../src/sim-et/model';
import { simulateExcel } from '../src/sim/excel';
import { SimWorkbookState } from '../src/sim/model';
import { App } from '../src/taskpane/App';
import { wpsHost } from '../src/wps/host';
import { readFileSync } from 'fs';
import path from 'path';
import { WorkbookGrid } from '../src/core';
import { PageStore } from '../src/web/book';
import { webHost } from '../src/web/host';
import { readBytes } from '../src/xlsx/check-bytes';
import { writeBook } from '../src/xlsx/write-book';
import { tmpDir } from './helpers/files';

/**
 * 登记证件事项 in Excel (simulated, through the pane as a clerk uses it), in WPS (simulated) and on the offline
 * page: exactly one row is added below 证件台账's last, and nothing else in the workbook changes.
 */
const market = demoUnits(checkDate)[2];
const roster = market.book.sheets[0].rows;
const header = roster.findIndex((r) => r.includes('身份证号码'));
const col = (h: string) => roster[header].indexOf(h);
// a holder whose ID number is all digits: 18 digits typed into Excel keep only 15 unless written as text
const holder = roster.slice(header + 1).find((r) => /^\d{18}$/.test(String(r[col('身份证号码')])) && r[col('执法证号')])!;
const id = String(holder[col('身份证号码')]);
const cert = String(holder[col('执法证号')]);
const ledgerRows = market.book.sheets.find((s) => s.name === '证件台账')!.rows;
const nextRow = ledgerRows.reduce((m, row, i) => (row.some((v) => v !== null && v !== '') ? i + 1 : m), 0) + 1;

/** every cell of every sheet: sheet!row,col → value and number format */
const cellsOf = (wb: SimWorkbookState) => new Map(wb.sheets.flatMap((s) => [...s.cells].map(([k, c]) => [`${s.name}!${k}`, `${JSON.stringify(c.value)} ${c.format.numberFormat}`] as const)));

describe('登记证件事项 adds exactly one row', () => {
  it('in Excel, from the pane: the row below the last, the ID number whole as text, nothing else touched', async () => {
    const wb = SimWorkbookState.from(market.book.sheets.map((s) => ({ name: s.name, rows: s.rows })));
    const sim = simulateExcel(wb, { api: '1.18', payloadLimit: 5 * 1024 * 1024 });
    render(<App host={officeHost({ run: sim.Excel.run as unknown as Run, requirements: sim.Office.context.requirements, library: sim.library, displayLanguage: 'zh-CN', settings: memorySettings() })} />);
    await act(async () => void fireEvent.click(screen.getByRole('tab', { name: '规则设置' })));
    fireEvent.change(screen.getByLabelText('核查日期'), { target: { value: '2024-06-05' } });
    await act(async () => void fireEvent.click(screen.getByRole('tab', { name: '登记事项' })));
    const before = cellsOf(wb);
    fireEvent.change(screen.getByLabelText('日期'), { target: { value: '2024-06-03' } });
    fireEvent.change(screen.getByLabelText(/身份证号码/), { target: { value: id } });
    fireEvent.change(screen.getByLabelText('执法证号'), { target: { value: cert } });
    fireEvent.change(screen.getByLabelText('经办人'), { target: { value: '王科员' } });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '登记' })));
    await waitFor(() => expect(screen.getByText(/已在“证件台账”第 \d+ 行登记/)).toBeTruthy(), { timeout: 10000 });
    const after = cellsOf(wb);
    const changed = [...after].filter(([k, v]) => before.get(k) !== v).map(([k]) => k);
    expect(changed.length).toBeGreaterThanOrEqual(5);
    expect(new Set(changed.map((k) => k.replace(/,\d+$/, '')))).toEqual(new Set([`证件台账!${nextRow - 1}`]));
    const ledger = wb.sheets.find((s) => s.name === '证件台账')!;
    const values = [...ledger.cells].filter(([k]) => k.startsWith(`${nextRow - 1},`)).map(([, c]) => c.value);
    expect(values).toContain(id);
    expect(values).toContain('发放');
    // the form is ready for the next event; it goes on the next row, not over the first
    expect((screen.getByLabelText(/身份证号码/) as HTMLInputElement).value).toBe('');
    fireEvent.change(screen.getByLabelText(/身份证号码/), { target: { value: id } });
    fireEvent.change(screen.getByLabelText('执法证号'), { target: { value: cert } });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '登记' })));
    await waitFor(() => expect(screen.getByText(`已在“证件台账”第 ${nextRow + 1} 行登记`, { exact: false })).toBeTruthy(), { timeout: 10000 });
  }, 30000);

  it('in WPS: the same one row, and a row someone filled since the form read the workbook is left alone', async () => {
    const wb = EtBookState.from(market.book.sheets.map((s) => ({ name: s.name, rows: s.rows, merges: s.merges })));
    const host = wpsHost(etApp(wb), 'zh-CN');
    const read = await host.readGrid();
    if (!read.ok) throw new Error(read.message);
    const plan = planEvent(read.grid, { date: '2024-06-03', idNumber: id, certNumber: cert, event: '年审', handler: '王科员', reference: '' }, { checkDate });
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
    const before = snapshotEt(wb);
    expect((await host.appendRow(plan.sheet, plan.row, plan.cells)).ok).toBe(true);
    const { added, removed } = changes(before, snapshotEt(wb));
    expect(removed).toEqual([]);
    expect(added.length).toBe(plan.cells.length);
    expect(added.every((line) => line.startsWith(`证件台账!${plan.row - 1},`))).toBe(true);
    expect(added.some((line) => line.includes(JSON.stringify(id)))).toBe(true);
    // the same plan again: its row is no longer empty, so nothing is written
    const again = snapshotEt(wb);
    const r = await host.appendRow(plan.sheet, plan.row, plan.cells);
    expect(r.ok).toBe(false);
    expect(r.message).toContain('已有内容');
    expect(snapshotEt(wb)).toEqual(again);
  });

  it('on the offline page: the page\'s copy gains the one row, offered for download; the dropped bytes are not changed', async () => {
    const file = path.join(tmpDir(), '柞水县市场监督管理局.xlsx');
    await writeBook(market.book, file);
    const data = new Uint8Array(readFileSync(file));
    const original = Buffer.from(data);
    const store = new PageStore();
    store.set({ files: [{ name: path.basename(file), data }], current: 0 });
    const host = webHost(store, { displayLanguage: 'zh-CN', settings: memorySettings(), download: () => undefined });
    const read = await host.readGrid();
    if (!read.ok) throw new Error(read.message);
    const plan = planEvent(read.grid, { date: '2024-06-03', idNumber: id, certNumber: cert, event: '年审', handler: '王科员', reference: '' }, { checkDate });
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
    const r = await host.appendRow(plan.sheet, plan.row, plan.cells);
    expect(r.message).toContain('（已登记）.xlsx');
    expect(Buffer.from(data).equals(original)).toBe(true);
    const out = store.get().output!;
    expect(out.name).toBe('柞水县市场监督管理局（已登记）.xlsx');
    // every cell of the copy is the original's, but for the one new row
    const cells = (g: WorkbookGrid) => new Map(g.sheets.flatMap((s) => s.rows.flatMap((row, i) => row.map((v, k) => [`${s.name}!${i + 1 + (s.top ?? 0)},${k + 1 + (s.left ?? 0)}`, v] as const)).filter(([, v]) => v !== null && v !== '')));
    const before = cells((await readBytes(original, 'x.xlsx')).grid);
    const after = cells((await readBytes(out.bytes, out.name)).grid);
    expect([...before].filter(([k, v]) => after.get(k) !== v)).toEqual([]);
    const added = [...after].filter(([k]) => !before.has(k));
    expect(added.map(([k]) => k.replace(/,\d+$/, ''))).toEqual(plan.cells.map(() => `证件台账!${plan.row}`));
    expect(added.map(([, v]) => v)).toContain(id);
    // and the next check reads the new row (the page checks its copy from now on)
    const again = await host.readGrid();
    expect(again.ok && planEvent(again.grid, { date: '2024-06-04', idNumber: id, certNumber: cert, event: '年审', handler: '', reference: '' }, { checkDate })).toMatchObject({ ok: true, row: plan.row + 1 });
  });
});

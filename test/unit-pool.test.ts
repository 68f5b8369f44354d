import path from 'path';
import { dayFromIso, DEFAULT_PROFILE } from '../src/core';
import { checkUnits } from '../src/xlsx/unit-pool';

const checkDate = dayFromIso('2024-06-05')!;
const worker = path.join(__dirname, 'helpers', 'misbehaving-worker.js');

describe("the merge's workers: one file cannot end the run", () => {
  it('reports a file that hangs, runs out of memory, crashes its thread or throws, and checks the rest, in order', async () => {
    const files = ['a.xlsx', 'hang.xlsx', 'b.xlsx', 'oom.xlsx', 'c.xlsx', 'crash.xlsx', 'throw.xlsx', 'd.xlsx'].map((f) => `/in/${f}`);
    const told: string[] = [];
    const t0 = Date.now();
    const out = await checkUnits(files, { checkDate, profile: DEFAULT_PROFILE, limits: { worker, workers: 2, timeoutMs: 4000, heapMb: 64 } },
      (i, n, file) => told.push(`${i}/${n} ${path.basename(file)}`));
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(out.map((f) => path.basename(f.file))).toEqual(files.map((f) => path.basename(f)));
    expect(told).toEqual(files.map((f, i) => `${i + 1}/8 ${path.basename(f)}`));
    const by = Object.fromEntries(out.map((f) => [path.basename(f.file), f]));
    for (const ok of ['a', 'b', 'c', 'd']) expect(by[`${ok}.xlsx`].message).toBe(`fine: ${ok}.xlsx`);
    expect(by['hang.xlsx']).toMatchObject({ status: 'unreadable', message: expect.stringContaining('读取超过 4 秒仍未完成，已跳过') });
    expect(by['oom.xlsx']).toMatchObject({ status: 'unreadable', message: expect.stringContaining('占用内存超过上限（64 MB），已跳过') });
    expect(by['crash.xlsx']).toMatchObject({ status: 'unreadable', message: expect.stringContaining('读取时意外中止') });
    expect(by['throw.xlsx']).toMatchObject({ status: 'unreadable', message: expect.stringContaining('读取时意外中止') });
    for (const f of out) expect(f.message).not.toMatch(/Error|undefined|heap|ERR_/);
  });

  // Node delivers an uncaught error on the worker's internal port, which can overtake (4% of the time on an idle
  // machine, more under load) the result it posted just before: the file that was done must not take the blame
  it('does not blame the file a worker finished just before it failed', async () => {
    const files = Array.from({ length: 100 }, (_, i) => [`/in/ok${i}.xlsx`, `/in/throw${i}.xlsx`]).flat();
    const out = await checkUnits(files, { checkDate, profile: DEFAULT_PROFILE, limits: { worker, workers: 2 } });
    const blamed = out.filter((f) => /ok\d+/.test(f.file) && f.message !== `fine: ${path.basename(f.file)}`);
    expect(blamed.map((f) => path.basename(f.file))).toEqual([]);
    expect(out.filter((f) => f.status === 'unreadable')).toHaveLength(100);
  });

  it('gives no worker more than there are files, and none for no file', async () => {
    await expect(checkUnits([], { checkDate, profile: DEFAULT_PROFILE, limits: { worker } })).resolves.toEqual([]);
    const one = await checkUnits(['/in/only.xlsx'], { checkDate, profile: DEFAULT_PROFILE, limits: { worker, workers: 4 } });
    expect(one.map((f) => f.message)).toEqual(['fine: only.xlsx']);
  });
});

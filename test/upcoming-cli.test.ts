import { writeFileSync } from 'fs';
import path from 'path';
import { dayFromIso } from '../src/core/dates';
import { DEFAULT_PROFILE } from '../src/core/profile';
import { runUpcoming, UpcomingArgs } from '../src/cli/upcoming';
import { demoUnits } from '../src/sample/demo';
import { writeBook } from '../src/xlsx/write-book';
import { capture, tmpDir } from './helpers/files';

/** `cert-sweep upcoming` on the demo's three units, as `cert-sweep demo` writes them (dates relative to 2024-06-05). */
const checkDate = dayFromIso('2024-06-05')!;
const dir = tmpDir();
const units = demoUnits(checkDate);
const files = units.map((u) => path.join(dir, u.file));
beforeAll(async () => {
  for (const [i, u] of units.entries()) await writeBook(u.book, files[i]);
});

async function run(fs: string[], more: Partial<UpcomingArgs> = {}) {
  const c = capture();
  const code = await runUpcoming(fs, { checkDate, profile: DEFAULT_PROFILE, lang: 'zh', ...more }, c.io);
  return { code, out: c.out, err: c.err };
}

describe('cert-sweep upcoming', () => {
  it('lists, per file, each person and body whose colour gets worse within 90 days: date, name, where, colours, why', async () => {
    const r = await run(files);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      '【乾佑街道办事处_摸排统计表.xlsx】乾佑街道办事处：核查日期 2024-06-05 起 90 天内（至 2024-09-03）颜色将变差的有 1 人、执法主体 0 个：',
      '  2024-07-06  黄涛  乾佑街道办事处  黄→红  P05 证件已于2024-07-05过期，不得继续执法。',
      '【营盘镇_摸排统计表.xlsx】营盘镇人民政府：核查日期 2024-06-05 起 90 天内（至 2024-09-03）颜色将变差的有 1 人、执法主体 0 个：',
      '  2024-07-26  潘石  营盘镇人民政府  黄→红  P05 证件已于2024-07-25过期，不得继续执法。',
      '【柞水县市场监督管理局_摸排统计表.xlsx】柞水县市场监督管理局：核查日期 2024-06-05 起 90 天内（至 2024-09-03）颜色将变差的有 1 人、执法主体 1 个：',
      '  2024-07-21  柞水县知识产权服务站（执法主体）  柞水县市场监督管理局  黄→红  A06 委托期限已于2024-07-20届满，不得继续以受委托名义执法。',
      '  2024-07-21  秦岭  柞水县市场监督管理局/柞水县知识产权服务站  绿→黄  P15 所在执法主体「柞水县知识产权服务站」存在资格问题（A06），待核实。',
    ]);
    expect(r.err).toEqual([]);
  });

  it('--days bounds the window; nothing in it is exit 0 and says so', async () => {
    const r = await run([files[0]], { days: '30' });
    expect(r.code).toBe(0);
    expect(r.out[1]).toBe('  30 天内（至 2024-07-05）没有人员或执法主体的颜色会变差。');
    expect((await run([files[0]], { days: '31' })).out[1]).toMatch(/^ {2}2024-07-06 {2}黄涛/);
  });

  it('--lang en prints English', async () => {
    const r = await run([files[2]], { lang: 'en' });
    expect(r.out).toEqual([
      '[柞水县市场监督管理局_摸排统计表.xlsx] 柞水县市场监督管理局: within 90 days of 2024-06-05 (to 2024-09-03), 1 people and 1 bodies get a worse colour:',
      '  2024-07-21  柞水县知识产权服务站 (body)  柞水县市场监督管理局  yellow→red  A06 The entrustment ended on 2024-07-20.',
      '  2024-07-21  秦岭  柞水县市场监督管理局/柞水县知识产权服务站  green→yellow  P15 The enforcement body "柞水县知识产权服务站" has problems (A06).',
    ]);
  });

  it('--date moves the window, not the dates things happen on', async () => {
    const r = await run([files[2]], { checkDate: dayFromIso('2024-07-01')! });
    expect(r.out.slice(1).map((l) => l.split('  ').slice(1, 3).join(' '))).toEqual(['2024-07-21 柞水县知识产权服务站（执法主体）', '2024-07-21 秦岭']);
  });

  it('--json gives one object: the files, and each row with every change, its rules and messages', async () => {
    const r = await run(files, { json: true });
    expect(r.code).toBe(1);
    expect(r.out).toHaveLength(1);
    const j = JSON.parse(r.out[0]);
    expect(j).toMatchObject({ command: 'upcoming', checkDate: '2024-06-05', days: 90, until: '2024-09-03', status: 'upcoming' });
    expect(j.files.map((f: { status: string }) => f.status)).toEqual(['ok', 'ok', 'ok']);
    expect(j.items.map((i: { name: string; changes: { date: string; from: string; to: string; rules: string[] }[] }) =>
      `${i.name} ${i.changes.map((c) => `${c.date} ${c.from}→${c.to} ${c.rules}`)}`)).toEqual([
      '黄涛 2024-07-06 yellow→red P05', '潘石 2024-07-26 yellow→red P05', '柞水县知识产权服务站 2024-07-21 yellow→red A06', '秦岭 2024-07-21 green→yellow P15',
    ]);
    expect(j.items[0]).toMatchObject({ table: 'person', sheet: '执法人员', unit: '乾佑街道办事处', colour: 'yellow' });
    expect(j.items[0].changes[0].findings[0]).toMatchObject({ rule: 'P05', cell: expect.stringMatching(/^[A-Z]+\d+$/), message: expect.stringContaining('过期') });
  });

  it('a bad --days or no file is a usage error (exit 2), in words and in JSON', async () => {
    const r = await run(files, { days: '九十' });
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['--days 应为 1 到 3650 之间的整数天数，例如 --days 90；收到的是「九十」。']);
    const j = await run(files, { days: '0', json: true });
    expect(JSON.parse(j.out[0])).toMatchObject({ status: 'usage-error', items: [] });
    expect((await run([])).err[0]).toMatch(/请指定要查看到期提醒的 \.xlsx 文件/);
  });

  it('a file that cannot be read is said and is exit 2; the others are still listed', async () => {
    const bad = path.join(dir, '坏文件.xlsx');
    writeFileSync(bad, '这不是 xlsx');
    const r = await run([bad, files[0]]);
    expect(r.code).toBe(2);
    expect(r.out[1]).toMatch(/^ {2}无法校验：.*坏文件\.xlsx/);
    expect(r.out).toContain('  2024-07-06  黄涛  乾佑街道办事处  黄→红  P05 证件已于2024-07-05过期，不得继续执法。');
  });
});

describe('cert-sweep upcoming, from the command line', () => {
  it('is routed with its --days option, and listed in --help', async () => {
    const { main } = await import('../src/cli/main');
    const c = capture();
    const code = await main(['upcoming', files[0], '--days', '60', '--date', '2024-06-05'], c.io);
    expect(code).toBe(1);
    expect(c.out[0]).toContain('起 60 天内（至 2024-08-04）');
    const help = capture();
    await main(['--help'], help.io);
    expect(help.out.join('\n')).toContain('cert-sweep upcoming 文件.xlsx');
  });
});

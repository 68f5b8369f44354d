import { clearMarks, validate } from '../../src/office/validate';
import { changes, excel, openDemo, opts, snapshot } from './book';

/**
 * One workbook passed between clerks on different Excel versions: Microsoft 365 (1.18), Office 2021
 * (1.14), Office 2019-era full mode (1.9, 1.10) and Office 2016 (1.1). No step fails, and the last
 * 清除标记 leaves the workbook exactly as the clerk had it: values, formats, notes, comments, sheets,
 * widths, conditional formats.
 */
type Step = ['校验' | '清除', string];

async function walk(steps: Step[]) {
  const wb = openDemo();
  const before = snapshot(wb);
  const log: string[] = [];
  for (const [what, api] of steps) {
    const { run, caps } = excel(wb, api);
    if (what === '校验') {
      const out = await validate(run, caps, opts);
      log.push(`${what} ${api} ${out.ok ? 'ok' : `${out.message} ${out.detail}`}`);
    } else {
      const out = await clearMarks(run, caps);
      log.push(`${what} ${api} ${out.ok ? 'ok' : out.message}`);
    }
  }
  wb.active = 0;
  wb.selection = null;
  return { log, diff: changes(before, snapshot(wb)), wb };
}

describe('a workbook that moves between Excel versions', () => {
  it.each<[string, Step[]]>([
    ['365 → 2021 → 清除 on 1.9 → 1.10 → 365 → 清除', [['校验', '1.18'], ['校验', '1.14'], ['清除', '1.9'], ['校验', '1.10'], ['校验', '1.18'], ['清除', '1.18']]],
    ['2016 → 1.9 → 2016 → 清除 on 1.9', [['校验', '1.1'], ['校验', '1.9'], ['校验', '1.1'], ['清除', '1.9']]],
    ['1.9 → 2016 → 1.9 → 清除 on 2016 → 清除 on 1.9', [['校验', '1.9'], ['校验', '1.1'], ['校验', '1.9'], ['清除', '1.1'], ['清除', '1.9']]],
    ['2016 → 清除 on 1.9', [['校验', '1.1'], ['清除', '1.9']]],
    ['1.18 → 清除 on 1.17 → 清除 on 1.18', [['校验', '1.18'], ['清除', '1.17'], ['清除', '1.18']]],
    ['every version once, then 清除 on 1.18', [...['1.1', '1.2', '1.4', '1.6', '1.7', '1.8', '1.9', '1.10', '1.13', '1.14', '1.17', '1.18'].map((v): Step => ['校验', v]), ['清除', '1.18']]],
  ])('%s', async (_name, steps) => {
    const { log, diff } = await walk(steps);
    expect(log).toEqual(steps.map(([w, v]) => `${w} ${v} ok`));
    expect(diff).toEqual({ added: [], removed: [] });
  });

  it('清除标记 on Office 2016 after Microsoft 365 says what it could not remove, and keeps it recorded', async () => {
    const wb = openDemo();
    await validate(excel(wb, '1.18').run, excel(wb, '1.18').caps, opts);
    const old = excel(wb, '1.1');
    const out = await clearMarks(old.run, old.caps);
    expect(out.ok).toBe(true);
    expect(out.message).not.toContain('恢复原样');
    expect(out.message).toContain('条件格式标记');
    expect(out.message).toContain('注释');
    // Office 2016 cannot remove them; a later 清除标记 on Microsoft 365 does
    expect(wb.sheet('人员')!.conditionalFormats.length).toBeGreaterThan(1);
    const now = excel(wb, '1.18');
    expect((await clearMarks(now.run, now.caps)).message).toBe('已清除标记，工作簿已恢复原样。');
  });
});

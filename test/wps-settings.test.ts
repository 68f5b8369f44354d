import { DEFAULT_PROFILE, Profile } from '../src/core';
import { checkDate, etApp, openDemoEt } from '../src/sim-et/demo';
import { XL_SHEET_VERY_HIDDEN } from '../src/sim-et/model';
import { wpsHost } from '../src/wps/host';
import { SETTINGS_SHEET } from '../src/wps/read';
import { PROFILE_KEY, ribbonFor } from '../src/wps/ribbon';

/** 规则设置 kept in the workbook: saved, read back by a later session, used by the ribbon's 校验. */
describe('WPS: settings in the workbook', () => {
  const profile: Profile = { ...DEFAULT_PROFILE, name: '本县规则', rules: { ...DEFAULT_PROFILE.rules, D05: { ...(DEFAULT_PROFILE.rules.D05 ?? {}), enabled: false } } };

  it('round-trips through a very hidden sheet, and a new session (a new host) reads it back', async () => {
    const wb = openDemoEt();
    const first = wpsHost(etApp(wb), 'zh-CN');
    expect(first.settings.get(PROFILE_KEY)).toBeUndefined();
    first.settings.set(PROFILE_KEY, JSON.stringify(profile));
    first.settings.set('certSweep.other', { n: 3, text: '=1+1' });
    await first.settings.save();
    expect(wb.sheet(SETTINGS_SHEET)!.visible).toBe(XL_SHEET_VERY_HIDDEN);
    const later = wpsHost(etApp(wb), 'zh-CN');
    expect(later.settings.get(PROFILE_KEY)).toBe(JSON.stringify(profile));
    // a value that looks like a formula stays text
    expect(later.settings.get('certSweep.other')).toEqual({ n: 3, text: '=1+1' });
  });

  it('is not read as the clerk\'s data, survives 清除标记, and the ribbon\'s 校验 uses it', async () => {
    const wb = openDemoEt();
    const app = etApp(wb);
    const host = wpsHost(app, 'zh-CN');
    host.settings.set(PROFILE_KEY, JSON.stringify(profile));
    await host.settings.save();
    const grid = await host.readGrid();
    expect(grid.ok && grid.grid.sheets.map((s) => s.name)).not.toContain(SETTINGS_SHEET);
    const alerts: string[] = [];
    const ribbon = ribbonFor({ app, paneUrl: 'https://x/taskpane.html', alert: (t) => alerts.push(t), today: () => checkDate });
    await ribbon.OnAction({ Id: 'btnCheck' });
    expect(alerts[0]).toMatch(/^校验完成/);
    // D05 is off in the saved profile: no D05 note anywhere (the default profile gives one on this workbook)
    const notes = wb.sheets.flatMap((s) => [...s.comments.values()]);
    expect(notes.some((t) => t.startsWith('[D05]'))).toBe(false);
    await ribbon.OnAction({ Id: 'btnClear' });
    expect(wb.sheet(SETTINGS_SHEET)).toBeDefined();
    expect(wpsHost(etApp(wb), 'zh-CN').settings.get(PROFILE_KEY)).toBe(JSON.stringify(profile));
  });

  it('with the default profile the same workbook does get a D05 note (so the test above can fail)', async () => {
    const wb = openDemoEt();
    const app = etApp(wb);
    const ribbon = ribbonFor({ app, paneUrl: 'https://x/taskpane.html', alert: () => undefined, today: () => checkDate });
    await ribbon.OnAction({ Id: 'btnCheck' });
    expect(wb.sheets.flatMap((s) => [...s.comments.values()]).some((t) => t.startsWith('[D05]'))).toBe(true);
  });

  it('saving with no workbook open is refused, as the pane expects (it says the settings were not saved)', async () => {
    const host = wpsHost(etApp(null), 'zh-CN');
    host.settings.set(PROFILE_KEY, '{}');
    await expect(host.settings.save()).rejects.toThrow();
  });
});

import { Day, Profile, timestamp, todayLocal, WorkbookGrid } from '../core';
import { decide } from '../host/decide';
import { loadProfile, PROFILE_KEY } from '../host/settings';
import type { Decision, PaneHost } from '../host/types';
import { EtApp } from './et';
import { wpsHost } from './host';

/**
 * The ribbon's callbacks (ribbon.xml: onLoad, onAction, getImage, getEnabled), as the wpsjs ET template
 * names them: WPS calls `ribbon.OnAddinLoad(ribbonUI)` once, then `ribbon.OnAction(control)` with
 * `control.Id` for each click. 校验 runs with the settings saved in the workbook and today's date.
 */
export { PROFILE_KEY };
/** PluginStorage key of the task pane's id: one pane, shown or hidden, not a new one per click */
export const PANE_KEY = 'certSweep.taskpaneId';

export const BUTTONS = { check: 'btnCheck', clear: 'btnClear', pane: 'btnPane' } as const;

export interface RibbonDeps {
  app: EtApp;
  /** where the pane page is (beside index.html) */
  paneUrl: string;
  alert: (text: string) => void;
  today?: () => Day;
  now?: () => Date;
  host?: PaneHost;
}

/** The pane's decision, made here without the pane: the one every host makes (src/host/decide.ts). */
export function decider(profile: Profile, checkDate: Day, generatedAt: string): (grid: WorkbookGrid) => Decision {
  return (grid) => decide(grid, { checkDate, profile, generatedAt });
}

export function ribbonFor(deps: RibbonDeps) {
  const { app } = deps;
  const host = () => deps.host ?? wpsHost(app);
  let ui: unknown = null;
  const togglePane = () => {
    const id = Number(app.PluginStorage.getItem(PANE_KEY));
    const existing = id ? app.GetTaskPane(id) : undefined;
    if (existing) {
      existing.Visible = !existing.Visible;
      return;
    }
    // index.d.ts: CreateTaskPane — "创建完这个taskpane后，需要将Visible属性置为true"
    const pane = app.CreateTaskPane(deps.paneUrl, '执法证件清理助手');
    app.PluginStorage.setItem(PANE_KEY, pane.ID);
    pane.Visible = true;
  };
  const check = async () => {
    const h = host();
    const out = await h.check(decider(loadProfile(h.settings), (deps.today ?? todayLocal)(), timestamp((deps.now ?? (() => new Date()))())));
    if (!out.ok) return deps.alert(`校验未完成：${out.message}`);
    const n = (c: string) => out.result.people.filter((p) => p.colour === c).length;
    const notes = out.notices.map((x) => `\n${x.zh}`).join('');
    deps.alert(`校验完成：红 ${n('red')}、黄 ${n('yellow')}、绿 ${n('green')}，问题 ${out.result.findings.length} 条，详见“校验结果”表。${notes}`);
  };
  const clear = async () => {
    const r = await host().clear();
    deps.alert(r.ok ? r.message : `清除未完成：${r.message}`);
  };
  return {
    OnAddinLoad(ribbonUI: unknown): boolean {
      ui = ribbonUI;
      return true;
    },
    /** returns the work it started, for tests; WPS ignores it */
    OnAction(control: { Id: string }): Promise<void> | boolean {
      switch (control.Id) {
        case BUTTONS.check: return check();
        case BUTTONS.clear: return clear();
        case BUTTONS.pane: togglePane(); return true;
        default: return true;
      }
    },
    GetImage(control: { Id: string }): string {
      return { [BUTTONS.check]: 'images/check.svg', [BUTTONS.clear]: 'images/clear.svg', [BUTTONS.pane]: 'images/pane.svg' }[control.Id] ?? 'images/pane.svg';
    },
    OnGetEnabled(): boolean {
      return true;
    },
    get ribbonUI(): unknown {
      return ui;
    },
  };
}

/**
 * @jest-environment jsdom
 */
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { SaxesParser } from 'saxes';
import { checkDate, etApp, openDemoEt } from '../src/sim-et/demo';
import { SimApplication } from '../src/sim-et/application';
import { BUTTONS, PANE_KEY, ribbonFor } from '../src/wps/ribbon';

/** The ribbon: ribbon.xml as WPS reads it, and the callbacks it names, as a clerk clicks them. */
const xml = readFileSync(path.join(__dirname, '../src/wps/ribbon.xml'), 'utf8');

function parse(text: string): { tag: string; attributes: Record<string, string> }[] {
  const out: { tag: string; attributes: Record<string, string> }[] = [];
  const p = new SaxesParser({ xmlns: true });
  p.on('opentag', (t) => out.push({ tag: t.local, attributes: Object.fromEntries(Object.values(t.attributes).map((a) => [a.local, a.value])) }));
  p.write(text).close(); // throws on anything not well-formed
  return out;
}

describe('WPS ribbon', () => {
  const elements = parse(xml);
  const ribbon = ribbonFor({ app: etApp(openDemoEt()), paneUrl: 'x', alert: () => undefined });

  it('ribbon.xml is well-formed customUI with a 证件清理 group of 校验 / 清除标记 / 打开面板 on the Home tab', () => {
    expect(elements[0].tag).toBe('customUI');
    expect(elements.find((e) => e.tag === 'tab')?.attributes.idMso).toBe('TabHome');
    expect(elements.find((e) => e.tag === 'group')?.attributes.label).toBe('证件清理');
    const buttons = elements.filter((e) => e.tag === 'button');
    expect(buttons.map((b) => [b.attributes.id, b.attributes.label])).toEqual([[BUTTONS.check, '校验'], [BUTTONS.clear, '清除标记'], [BUTTONS.pane, '打开面板']]);
  });

  it('every callback ribbon.xml names is a function main.js defines on the global ribbon', () => {
    const named = elements.flatMap((e) => Object.entries(e.attributes).filter(([k]) => /^(onLoad|onAction|get[A-Z]\w*)$/.test(k)).map(([, v]) => v));
    expect(named.length).toBeGreaterThan(6);
    for (const n of new Set(named)) {
      const [obj, fn] = n.split('.');
      expect({ n, obj }).toEqual({ n, obj: 'ribbon' });
      expect({ n, type: typeof (ribbon as unknown as Record<string, unknown>)[fn] }).toEqual({ n, type: 'function' });
    }
  });

  it('each button\'s image is a file the build ships', () => {
    const images = readdirSync(path.join(__dirname, '../src/wps/images'));
    for (const id of Object.values(BUTTONS)) expect(images).toContain(path.basename(ribbon.GetImage({ Id: id })));
  });

  it('main.js puts the ribbon on window, with the pane page beside index.html', () => {
    const app = etApp(openDemoEt()) as unknown as SimApplication;
    (window as unknown as { Application: unknown }).Application = app;
    jest.isolateModules(() => require('../src/wps/main'));
    const r = (window as unknown as { ribbon: ReturnType<typeof ribbonFor> }).ribbon;
    expect(r.OnAddinLoad({ name: 'ribbonUI' })).toBe(true);
    expect(r.ribbonUI).toEqual({ name: 'ribbonUI' });
    r.OnAction({ Id: BUTTONS.pane });
    expect(app.panes[0].url).toBe(new URL('taskpane.html', window.location.href).href);
  });

  it('打开面板 creates one task pane, shown; clicking again hides and shows that same pane', () => {
    const app = etApp(openDemoEt()) as unknown as SimApplication;
    const r = ribbonFor({ app: app as never, paneUrl: 'https://server/certsweep/taskpane.html', alert: () => undefined });
    r.OnAction({ Id: BUTTONS.pane });
    expect(app.panes).toHaveLength(1);
    expect(app.panes[0]).toMatchObject({ url: 'https://server/certsweep/taskpane.html', Visible: true });
    expect(app.storage.get(PANE_KEY)).toBe(String(app.panes[0].ID));
    r.OnAction({ Id: BUTTONS.pane });
    expect(app.panes[0].Visible).toBe(false);
    r.OnAction({ Id: BUTTONS.pane });
    expect(app.panes).toHaveLength(1);
    expect(app.panes[0].Visible).toBe(true);
  });

  it('校验 and 清除标记 from the ribbon say what happened; with no workbook open, say so', async () => {
    const wb = openDemoEt();
    const alerts: string[] = [];
    const r = ribbonFor({ app: etApp(wb), paneUrl: 'x', alert: (t) => alerts.push(t), today: () => checkDate });
    await r.OnAction({ Id: BUTTONS.check });
    expect(alerts[0]).toMatch(/^校验完成：红 \d+、黄 \d+、绿 \d+，问题 \d+ 条/);
    expect(wb.sheet('校验结果')).toBeDefined();
    await r.OnAction({ Id: BUTTONS.clear });
    expect(alerts[1]).toBe('已清除标记，工作簿已恢复原样。');
    expect(wb.sheet('校验结果')).toBeUndefined();
    const none: string[] = [];
    await ribbonFor({ app: etApp(null), paneUrl: 'x', alert: (t) => none.push(t) }).OnAction({ Id: BUTTONS.check });
    expect(none[0]).toMatch(/^校验未完成：没有打开的工作簿/);
  });
});

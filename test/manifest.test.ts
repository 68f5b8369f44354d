/**
 * @jest-environment jsdom
 */
import { readFileSync } from 'fs';
import path from 'path';

const root = path.join(__dirname, '..');
const source = readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const ADDIN_URL = 'https://example.gov.cn/cert-sweep/';
const pkg = require('../package.json') as { version: string };
const { IDS } = require('../webpack.config.js') as { IDS: { production: string; development: string } };

/** What the build writes to dist/manifest.xml: the manifest.xml copy step of the real webpack config. */
function built(mode: 'production' | 'development', url?: string): string {
  const saved = process.env.ADDIN_URL;
  if (url) process.env.ADDIN_URL = url;
  else delete process.env.ADDIN_URL;
  try {
    const config = require('../webpack.config.js')({}, { mode })[1];
    const copy = config.plugins.find((p: object) => p.constructor.name === 'CopyPlugin');
    const step = copy.patterns.find((p: { to: string }) => p.to === 'manifest.xml');
    return step ? String(step.transform(Buffer.from(source))) : '';
  } finally {
    if (saved === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = saved;
  }
}

const manifests = { dev: built('development'), production: built('production', ADDIN_URL) };

function parse(xml: string) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));
  /** resources and texts themselves, not the elements that refer to them by resid */
  const defs = (tag: string) => all(tag).filter((e) => e.hasAttribute('DefaultValue'));
  const urls = () => Array.from(doc.querySelectorAll('[DefaultValue]')).map((e) => e.getAttribute('DefaultValue')!).filter((v) => /^\w+:\/\//.test(v));
  return { doc, all, defs, urls };
}

describe.each(Object.entries(manifests))('the %s manifest', (kind, xml) => {
  const { doc, all, defs, urls } = parse(xml);

  it('is well-formed XML for a Workbook task pane add-in', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.getAttribute('xsi:type')).toBe('TaskPaneApp');
    expect(all('Host').map((h) => h.getAttribute('Name') ?? h.getAttribute('xsi:type'))).toContain('Workbook');
    expect(all('DefaultLocale')[0].textContent).toBe('zh-CN');
  });

  it('asks only for ExcelApi 1.1, so that Office 2016 installs it and shows its message; newer sets are detected at run time', () => {
    const sets = all('Set');
    expect(sets.map((s) => `${s.getAttribute('Name')} ${s.getAttribute('MinVersion')}`)).toEqual(['ExcelApi 1.1']);
  });

  it('has package.json\'s version as X.Y.Z.0', () => {
    expect(all('Version')[0].textContent).toBe(`${pkg.version}.0`);
  });

  it('defines every resid it uses, and uses every one it defines', () => {
    const used = new Set(Array.from(doc.querySelectorAll('[resid]')).map((e) => e.getAttribute('resid')!));
    const defined = new Set(defs('bt:Image').concat(defs('bt:Url'), defs('bt:String')).map((e) => e.getAttribute('id')!));
    expect([...used].filter((id) => !defined.has(id))).toEqual([]);
    expect([...defined].filter((id) => !used.has(id))).toEqual([]);
  });

  it('serves everything over https', () => {
    expect(urls().length).toBeGreaterThan(5);
    for (const u of urls()) expect(u).toMatch(/^https:\/\//);
    for (const d of all('AppDomain')) expect(d.textContent).toMatch(/^https:\/\//);
  });

  it('has its icons in assets at the sizes it names', () => {
    for (const img of defs('bt:Image').concat(defs('IconUrl'), defs('HighResolutionIconUrl'))) {
      const url = img.getAttribute('DefaultValue')!;
      const file = path.join(root, 'assets', path.basename(url));
      const png = readFileSync(file);
      const size = Number(/icon-(\d+)\.png$/.exec(url)![1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    for (const size of [16, 32, 64, 80]) expect(() => readFileSync(path.join(root, 'assets', `icon-${size}.png`))).not.toThrow();
  });

  it('has an en-US text for every Chinese one', () => {
    const texts = defs('bt:String').concat(defs('DisplayName'), defs('Description'));
    expect(texts.length).toBeGreaterThan(8);
    for (const t of texts) {
      expect(t.getAttribute('DefaultValue')).toMatch(/[\u4e00-\u9fff]/);
      const en = Array.from(t.children).find((c) => c.getAttribute('Locale') === 'en-US');
      expect({ id: t.getAttribute('id') ?? t.tagName, en: en?.getAttribute('Value') ?? '' }).toEqual({ id: t.getAttribute('id') ?? t.tagName, en: expect.stringMatching(/[A-Za-z]/) });
    }
  });

  it('puts 校验 and 打开面板 in a 证件清理 group on the Home tab', () => {
    expect(doc.querySelector('OfficeTab')!.getAttribute('id')).toBe('TabHome');
    const label = (resid: string) => all('bt:String').find((s) => s.getAttribute('id') === resid)!.getAttribute('DefaultValue');
    const group = doc.querySelector('Group')!;
    expect(label(group.querySelector('Label')!.getAttribute('resid')!)).toBe('证件清理');
    const buttons = Array.from(group.querySelectorAll('Control')).map((c) => label(c.querySelector('Label')!.getAttribute('resid')!));
    expect(buttons).toEqual(['校验', '打开面板']);
    expect(group.querySelector('Action[*|type="ExecuteFunction"] FunctionName, FunctionName')!.textContent).toBe('validate');
  });

  it(kind === 'dev' ? 'is the dev add-in: localhost, its own Id, a name marked 开发' : 'is the deployed add-in: the production Id and the plain name', () => {
    const name = all('DisplayName')[0];
    if (kind === 'dev') {
      expect(all('Id')[0].textContent).toBe(IDS.development);
      expect(name.getAttribute('DefaultValue')).toBe('执法证件清理助手（开发）');
      for (const u of urls()) expect(u.startsWith('https://localhost:3000/')).toBe(true);
    } else {
      expect(all('Id')[0].textContent).toBe(IDS.production);
      expect(name.getAttribute('DefaultValue')).toBe('执法证件清理助手');
      expect(name.children[0].getAttribute('Value')).toBe('Certificate Clean-up Assistant');
    }
  });
});

describe('the production manifest (ADDIN_URL=https://example.gov.cn/cert-sweep/ npm run build)', () => {
  const xml = manifests.production;
  const { all, urls } = parse(xml);

  it('keeps no localhost anywhere, and has no AppDomains (the pages, the dialog and office.js\'s copy share its origin)', () => {
    expect(xml).not.toMatch(/localhost|:3000/i);
    expect(all('AppDomains')).toHaveLength(0);
  });

  it('has an Id of its own, so the dev add-in can be sideloaded next to it', () => {
    expect(all('Id')[0].textContent).not.toBe(parse(manifests.dev).all('Id')[0].textContent);
    for (const id of Object.values(IDS)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('puts every URL under ADDIN_URL, path included', () => {
    expect(urls().length).toBeGreaterThan(5);
    for (const u of urls()) expect(u.startsWith(ADDIN_URL)).toBe(true);
    expect(urls()).toContain(`${ADDIN_URL}taskpane.html`);
    expect(urls()).toContain(`${ADDIN_URL}commands.html`);
  });

  it('is not written without ADDIN_URL (a production manifest pointing at localhost is never made), and ADDIN_URL must be https', () => {
    expect(built('production')).toBe('');
    expect(() => built('production', 'http://example.gov.cn/cert-sweep/')).toThrow(/https/);
    expect(parse(built('production', 'https://example.gov.cn/cert-sweep')).urls()).toContain(`${ADDIN_URL}taskpane.html`);
  });
});

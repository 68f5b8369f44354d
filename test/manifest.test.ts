/**
 * @jest-environment jsdom
 */
import { readFileSync } from 'fs';
import path from 'path';

const root = path.join(__dirname, '..');
const xml = readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const doc = new DOMParser().parseFromString(xml, 'application/xml');
const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));
/** resources and texts themselves, not the elements that refer to them by resid */
const defs = (tag: string) => all(tag).filter((e) => e.hasAttribute('DefaultValue'));

describe('manifest.xml', () => {
  it('is well-formed XML for a Workbook task pane add-in', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.getAttribute('xsi:type')).toBe('TaskPaneApp');
    expect(all('Host').map((h) => h.getAttribute('Name') ?? h.getAttribute('xsi:type'))).toContain('Workbook');
    expect(all('DefaultLocale')[0].textContent).toBe('zh-CN');
  });

  it('asks only for ExcelApi 1.1; everything newer is detected at run time', () => {
    const sets = all('Set');
    expect(sets.map((s) => `${s.getAttribute('Name')} ${s.getAttribute('MinVersion')}`)).toEqual(['ExcelApi 1.1']);
  });

  it('defines every resid it uses, and uses every one it defines', () => {
    const used = new Set(Array.from(doc.querySelectorAll('[resid]')).map((e) => e.getAttribute('resid')!));
    const defined = new Set(defs('bt:Image').concat(defs('bt:Url'), defs('bt:String')).map((e) => e.getAttribute('id')!));
    expect([...used].filter((id) => !defined.has(id))).toEqual([]);
    expect([...defined].filter((id) => !used.has(id))).toEqual([]);
  });

  it('serves everything over https', () => {
    const urls = Array.from(doc.querySelectorAll('[DefaultValue]')).map((e) => e.getAttribute('DefaultValue')!).filter((v) => /^\w+:\/\//.test(v));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
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
});

import { readFileSync } from 'fs';
import path from 'path';
import { main } from '../../src/cli/main';
import { unesc } from '../../src/xlsx/ooxml/xml';
import { openPackage } from '../../src/xlsx/package';
import { tmpDir } from '../helpers/files';
import { badRefs } from './run';

/**
 * Issue 10's legal workbooks that were refused: a value in XFD, sheets named with " [ ] ', no styles.xml.
 * Each is checked, and the copy's XML quotes the sheet's name as Excel does wherever it names it.
 */
const fixtures = path.join(__dirname, '..', 'fixtures', 'hostile');
const dir = tmpDir();

async function checked(name: string): Promise<{ code: number; texts: string[]; workbook: string }> {
  const out = path.join(dir, `${name}.checked.xlsx`);
  const said: string[] = [];
  const code = await main(['check', path.join(fixtures, `${name}.xlsx`), '--out', out, '--date', '2024-06-05'], { out: (s) => said.push(s), err: (s) => said.push(s) });
  const copy = readFileSync(out);
  expect(badRefs(copy)).toEqual([]);
  const pkg = openPackage(copy, name);
  const texts = pkg.names.filter((n) => n.startsWith('xl/worksheets/')).map((n) => pkg.text(n));
  return { code, texts, workbook: pkg.text('xl/workbook.xml') };
}

const links = (texts: string[]) => texts.flatMap((t) => [...t.matchAll(/<f>(HYPERLINK[^<]*)<\/f>/g)].map((m) => unesc(m[1])));

describe('legal workbooks are checked, and their sheet names quoted in the XML we write', () => {
  it.each([
    ['legal-sheet-quote', `HYPERLINK("#'人员""名单'!`, `<definedName name="名单">'人员&quot;名单'!$A$1:$C$3</definedName>`],
    ['legal-sheet-brackets', `HYPERLINK("#'[人员] 名单'!`, `<definedName name="_xlnm.Print_Area" localSheetId="0">'[人员] 名单'!$A$1:$C$3</definedName>`],
    ['legal-sheet-apostrophe', `HYPERLINK("#'O''Neil 的表'!`, '<definedName name="_xlnm.Print_Titles" localSheetId="2">\'校验结果\'!$1:$1</definedName>'],
  ])('%s', async (name, link, definedName) => {
    const r = await checked(name);
    expect(r.code).toBe(1);
    expect(links(r.texts).some((f) => f.startsWith(link))).toBe(true);
    expect(r.workbook).toContain(definedName);
  });

  it('a value in column XFD: kept, and nothing written beyond XFD', async () => {
    const r = await checked('legal-value-in-xfd');
    expect(r.texts.join('')).toContain('<c r="XFD2" t="inlineStr"><is><t>备注</t></is></c>');
    const cols = r.texts.flatMap((t) => [...t.matchAll(/<c r="([A-Z]+)\d+"/g)].map((m) => m[1]));
    expect(cols.filter((c) => c.length > 3 || (c.length === 3 && c > 'XFD'))).toEqual([]);
  });

  it('a workbook without styles.xml', async () => {
    expect((await checked('legal-no-styles')).code).toBe(1);
  });
});

describe('check and merge read a file through one path', () => {
  /** The modules an entry reaches through its relative imports, and their text. */
  function reach(file: string, seen = new Map<string, string>()): Map<string, string> {
    if (seen.has(file)) return seen;
    const text = readFileSync(file, 'utf8');
    seen.set(file, text);
    for (const m of text.matchAll(/^(?!import type)(?:import|export)\b[^;]*?from '(\.[^']+)'/gm)) {
      const next = `${path.resolve(path.dirname(file), m[1])}.ts`;
      if (require('fs').existsSync(next)) reach(next, seen);
    }
    return seen;
  }

  it.each(['check-file.ts', 'unit-worker.ts'])('%s calls guard.ts guardedPackage and read-bytes.ts gridFromPackage', (entry) => {
    const modules = reach(path.join(__dirname, '../../src/xlsx', entry));
    const calls = (fn: string) => [...modules].filter(([f, t]) => !/(guard|read-bytes)\.ts$/.test(f) && new RegExp(`\\b${fn}\\(`).test(t)).map(([f]) => path.basename(f));
    expect(calls('guardedPackage').length).toBeGreaterThan(0);
    expect(calls('gridFromPackage').length).toBeGreaterThan(0);
  });
});

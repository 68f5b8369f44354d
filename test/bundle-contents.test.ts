import { readdirSync, readFileSync } from 'fs';
import path from 'path';

const root = path.join(__dirname, '..');
const config = (mode: string) => require('../webpack.config.js')({}, { mode })[1];

describe('what goes into the production add-in', () => {
  it('the playground is an entry of the dev server only', () => {
    expect(Object.keys(config('production').entry)).toEqual(['taskpane', 'commands']);
    expect(Object.keys(config('development').entry)).toContain('playground');
  });

  it('production is built for Edge Legacy (ES2017, through babel); the dev server stays modern unless asked', () => {
    const uses = (c: { module: { rules: { use?: { loader: string }[]; loader?: string }[] } }) =>
      c.module.rules.flatMap((r) => (r.use ?? [r]).map((u) => u.loader));
    expect(config('production').target).toEqual(['web', 'es2017']);
    expect(uses(config('production'))).toContain('babel-loader');
    expect(config('development').target).toBe('web');
    expect(uses(config('development'))).not.toContain('babel-loader');
    const legacyDev = require('../webpack.config.js')({ legacy: true }, { mode: 'development' })[1];
    expect(legacyDev.target).toEqual(['web', 'es2017']);
  });

  it('OFFICE_JS_URL replaces the shipped copy of office.js; it must be an https (or same-site) URL ending in /office.js', () => {
    // the address the page's fallback script writes, after the CDN's
    const pages = (c: { plugins: { userOptions?: { filename?: string; templateParameters?: { officeJs?: string } } }[] }) =>
      c.plugins.filter((p) => p.userOptions?.filename === 'taskpane.html').map((p) => /document\.write\('<script src="([^"]+)"/.exec(p.userOptions!.templateParameters!.officeJs!)?.[1]);
    const copied = (c: { plugins: { patterns?: { to: string }[] }[] }) =>
      c.plugins.flatMap((p) => p.patterns ?? []).some((p) => p.to.startsWith('office-js/'));
    const saved = process.env.OFFICE_JS_URL;
    try {
      delete process.env.OFFICE_JS_URL;
      expect(pages(config('production'))).toEqual(['office-js/office.js']);
      expect(copied(config('production'))).toBe(true);
      process.env.OFFICE_JS_URL = 'https://intranet.example.gov.cn/office-js/office.js';
      expect(pages(config('production'))).toEqual(['https://intranet.example.gov.cn/office-js/office.js']);
      expect(copied(config('production'))).toBe(false);
      for (const bad of ['http://intranet/office-js/office.js', 'https://intranet/office-js/', 'https://intranet/x.js"><script>']) {
        process.env.OFFICE_JS_URL = bad;
        expect(() => config('production')).toThrow(/OFFICE_JS_URL/);
      }
    } finally {
      if (saved === undefined) delete process.env.OFFICE_JS_URL;
      else process.env.OFFICE_JS_URL = saved;
    }
  });

  it('the add-in code never imports the simulation or the playground', () => {
    for (const dir of ['src/taskpane', 'src/commands', 'src/office', 'src/core']) {
      for (const f of readdirSync(path.join(root, dir), { recursive: true }) as string[]) {
        if (!/\.tsx?$/.test(f)) continue;
        const src = readFileSync(path.join(root, dir, f), 'utf8');
        expect({ file: `${dir}/${f}`, sim: /from '\.\.?\/(\.\.\/)*(sim|playground)\//.test(src) }).toEqual({ file: `${dir}/${f}`, sim: false });
      }
    }
  });
});

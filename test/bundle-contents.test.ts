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

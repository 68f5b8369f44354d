import { readFileSync } from 'fs';
import path from 'path';
import vm from 'vm';
import webpack from 'webpack';
import { tmpDir } from './helpers/files';
import { workbook, holder } from './helpers/grid';

/** The core, bundled for the browser, runs where there is no require, process, fs or DOM. */
describe('the core bundle', () => {
  it('builds with webpack and checks a workbook in a bare JavaScript context', async () => {
    const out = tmpDir();
    const config = require('../webpack.config.js')({}, { mode: 'production' })[0];
    config.output.path = out;
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))));
    expect(stats.hasErrors()).toBe(false);
    const code = readFileSync(path.join(out, 'cert-sweep-core.js'), 'utf8');
    const sandbox: Record<string, unknown> = {};
    sandbox.globalThis = sandbox;
    vm.runInNewContext(code, sandbox);
    const core = sandbox.CertSweepCore as typeof import('../src/core');
    const r = core.checkWorkbook(workbook([holder(), holder({ staffCategory: '劳务派遣' })]), { checkDate: core.dayFromIso('2024-06-05')! });
    expect(r.people.map((p) => p.colour)).toEqual(['green', 'red']);
    expect(core.parseProfile('{"params":{"annualTrainingHours":-1}}')).toHaveProperty('errors');
  });
});

import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import path from 'path';

/**
 * src/wps is type-checked against WPS's typings (et-jsapi-declare), without Office's: a member the typings
 * lack, or an Office type creeping in, fails CI here rather than in a clerk's WPS.
 */
const root = path.join(__dirname, '..');
const tsc = (project: string) => spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', project], { cwd: root, encoding: 'utf8' });

describe('tsconfig.wps.json', () => {
  it('src/wps type-checks against et-jsapi-declare', () => {
    const r = tsc('tsconfig.wps.json');
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);

  it('refuses Office.js types and ET members that do not exist (so the check above can fail)', () => {
    // inside node_modules, so that the typings resolve as they do for the project
    const dir = mkdtempSync(path.join(root, 'node_modules', '.cache-wps-typecheck-'));
    writeFileSync(path.join(dir, 'bad.ts'), [
      '/// <reference types="et-jsapi-declare" />',
      'export const a = (ws: Et.Worksheet) => ws.UsedRange.Valeu2;',
      'export const b = () => Excel.run(async () => undefined);',
    ].join('\n'));
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ extends: path.join(root, 'tsconfig.wps.json'), include: ['bad.ts'] }));
    const r = tsc(path.join(dir, 'tsconfig.json'));
    rmSync(dir, { recursive: true, force: true });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toContain("Property 'Valeu2' does not exist");
    expect(r.stdout).toContain("Cannot find name 'Excel'");
  }, 120_000);
});

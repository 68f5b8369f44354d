import { existsSync, mkdirSync, readFileSync } from 'fs';
import path from 'path';
import { tmpDir } from '../helpers/files';
import { HOSTILE } from './hostile';
import { CaseReport, mergeBatch, runCase } from './run';

/**
 * Each hostile file (test/fixtures/hostile/, written by `npm run fuzz -- --fixtures`) through check, clear
 * and merge: the invariants of run.ts hold, the verdict is the one expected, and check and merge agree.
 */
const fixtures = path.join(__dirname, '..', 'fixtures', 'hostile');
const dir = path.join(tmpDir(), 'cases');
mkdirSync(dir);
mkdirSync(`${dir}-out`);
const reports: CaseReport[] = [];

describe('hostile files: refused in Chinese or read, never a crash, a hang or English', () => {
  it.each(HOSTILE.map((h) => [h.name, h] as const))('%s', async (name, h) => {
    const fixture = path.join(fixtures, `${name}.xlsx`);
    if (!h.big) expect(existsSync(fixture)).toBe(true);
    const bytes = h.big ? h.make() : readFileSync(fixture);
    const r = await runCase(dir, name, bytes);
    reports.push(r);
    expect(r.failures).toEqual([]);
    if (h.verdict === 'read') expect(r.status).toBe('ok');
    else {
      expect(r.status).not.toBe('ok');
      expect(r.message).toMatch(h.says ?? /请/);
      expect(r.message).toContain(`「${name}.xlsx」`);
      expect(r.message).toMatch(/请/);
    }
    if (name.startsWith('bomb')) expect(r.ms).toBeLessThan(2000);
  });

  it('merge gives every file the verdict check gave', async () => {
    expect(reports.length).toBe(HOSTILE.length);
    await mergeBatch(dir, reports);
    expect(reports.flatMap((r) => r.failures.map((f) => `${r.name}: ${f}`))).toEqual([]);
  });
});

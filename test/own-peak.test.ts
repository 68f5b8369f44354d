import { spawnSync } from 'child_process';
import path from 'path';
import ts from 'typescript';
import { readFileSync, writeFileSync } from 'fs';
import { tmpDir } from './helpers/files';

// A parent that has held 400 MB runs a child that holds little: the child's figure must be its own. Run in
// a plain Node parent, not the jest worker, so the parent's peak is known whatever jest has grown to.
const dir = tmpDir();
const lib = path.join(dir, 'own-peak.js');
beforeAll(() => {
  const src = readFileSync(path.join(__dirname, '..', 'bench', 'own-peak.ts'), 'utf8');
  writeFileSync(lib, ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText);
});

const CHILD = `const { ownPeakMb } = require(process.argv[1]);
console.log(JSON.stringify({ own: ownPeakMb(), maxRSS: process.resourceUsage().maxRSS / 1024 }));`;

function fromBigParent(how: 'freshNode' | 'spawnSync'): { own: number; maxRSS: number } {
  const parent = `const { freshNode } = require(process.argv[1]);
const big = Buffer.alloc(400 * 1024 * 1024, 1);
const args = ['-e', ${JSON.stringify(CHILD)}, process.argv[1]];
const r = '${how}' === 'freshNode' ? freshNode(args) : require('child_process').spawnSync(process.execPath, args, { encoding: 'utf8' });
process.stdout.write(r.stdout + String(big[7]).slice(1));`;
  const r = spawnSync(process.execPath, ['-e', parent, lib], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe('memory figures are the measured process\'s own (bench, fuzz and the bomb tests use them)', () => {
  it('a child run by freshNode from a parent holding 400 MB reports well under it, by either of Linux\'s figures', () => {
    const r = fromBigParent('freshNode');
    expect(r.own).toBeLessThan(150);
    expect(r.maxRSS).toBeLessThan(150);
  });

  it('spawned directly, its maxRSS starts at the parent\'s: the flaw freshNode avoids', () => {
    expect(fromBigParent('spawnSync').maxRSS).toBeGreaterThan(400);
  });
});

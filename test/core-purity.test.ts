import { execFileSync } from 'child_process';
import { readdirSync, readFileSync, statSync } from 'fs';
import path from 'path';

const root = path.join(__dirname, '..');
const coreDir = path.join(root, 'src', 'core');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every module a file names: import … from, export … from, import(), require(). */
function specifiers(src: string): string[] {
  return [...src.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]|\brequire\s*\(\s*['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

describe('the core is pure', () => {
  const core = files(coreDir);
  it.each(core.map((f) => [path.relative(root, f), f]))('%s imports only the core and zod, and no host', (_n, file) => {
    const src = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const s of specifiers(src)) {
      if (s.startsWith('.')) {
        // a relative import must resolve inside src/core (../office/errors does not)
        const target = path.resolve(path.dirname(file), s);
        expect([s, path.relative(coreDir, target).startsWith('..')]).toEqual([s, false]);
      } else {
        expect(s).toMatch(/^zod(\/v4\/locales)?$/);
      }
    }
    expect(src).not.toMatch(/\brequire\(|\bprocess\.|\bdocument\.|\bwindow\.|\bOffice\.|\bExcel\./);
  });
});

describe('the core boundary in ESLint (eslint.config.mjs)', () => {
  /** Lint each text as if it were the file named, in one ESLint process; returns each one's rule ids. */
  function lint(cases: { file: string; code: string }[]): string[][] {
    const script = `
      const { ESLint } = require('eslint');
      (async () => {
        const eslint = new ESLint({ cwd: process.cwd() });
        const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
        const out = [];
        for (const c of cases) out.push((await eslint.lintText(c.code, { filePath: c.file }))[0].messages.map((m) => m.ruleId || m.message));
        process.stdout.write(JSON.stringify(out));
      })();`;
    return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, input: JSON.stringify(cases), encoding: 'utf8' }));
  }
  const source = (file: string) => readFileSync(path.join(root, file), 'utf8');

  it('passes on src/core as it is', () => {
    expect(() => execFileSync(process.execPath, [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), 'src/core'], { cwd: root, encoding: 'utf8' })).not.toThrow();
  });

  it('fails on a host import, a Node built-in, exceljs or React anywhere in src/core, and allows the core and zod', () => {
    const forbidden = [
      ['src/core/engine.ts', "import { describeError } from '../office/errors';"],
      ['src/core/engine.ts', "import { readFileSync } from 'fs';"],
      ['src/core/engine.ts', "import { readFileSync } from 'node:fs';"],
      ['src/core/engine.ts', "import ExcelJS from 'exceljs';"],
      ['src/core/engine.ts', "import React from 'react';"],
      ['src/core/rules/P11.ts', "import { Model } from '../../sim/model';"],
      ['src/core/rules/P11.ts', "import { main } from '../../cli/main';"],
      ['src/core/cross/X01.ts', "export { writeBook } from '../../xlsx/write-book';"],
    ];
    const allowed = "import { z } from 'zod';\nimport { zhCN } from 'zod/v4/locales';\nimport { a1 } from '../a1';\nvoid z; void zhCN; void a1;";
    const got = lint([
      ...forbidden.map(([file, line]) => ({ file, code: `${line}\n${source(file)}` })),
      { file: 'src/core/rules/P11.ts', code: `${allowed}\n${source('src/core/rules/P11.ts')}` },
    ]);
    expect(got.slice(0, forbidden.length)).toEqual(forbidden.map(() => ['no-restricted-imports']));
    expect(got[forbidden.length]).toEqual([]);
  });

  it('keeps Node out of what the browser runs too (the offline page, the pane): the package reader, src/host, src/report', () => {
    const forbidden = [
      ['src/xlsx/ooxml/outsheet.ts', 'export const sink = Buffer.allocUnsafe(16);'],
      ['src/xlsx/check-bytes.ts', "import { deflateSync } from 'zlib';"],
      ['src/xlsx/read-bytes.ts', "import { readFileSync } from 'node:fs';"],
      ['src/host/books.ts', 'export const cwd = process.cwd();'],
      ['src/report/docx.ts', "import path from 'path';\nvoid path;"],
    ];
    const got = lint(forbidden.map(([file, line]) => ({ file, code: `${line}\n${source(file)}` })));
    expect(got).toEqual(forbidden.map(([, line]) => [/import/.test(line) ? 'no-restricted-imports' : 'no-restricted-globals']));
    // the command line's own modules may use Node
    expect(lint([{ file: 'src/xlsx/check-file.ts', code: `export const b = Buffer.alloc(1);\n${source('src/xlsx/check-file.ts')}` }])).toEqual([[]]);
  });

  it('has the hosts-through-the-index rule ready (off until the hosts are rewritten)', () => {
    const script = `
      const { ESLint } = require('eslint');
      new ESLint({ cwd: process.cwd() }).lintText("import { a1 } from '../core/a1';\\nimport { checkWorkbook } from '../core';\\nvoid a1; void checkWorkbook;\\n", { filePath: 'src/office/x.ts' })
        .then((r) => process.stdout.write(JSON.stringify(r[0].messages.map((m) => [m.line, m.ruleId]))));`;
    const run = (env: NodeJS.ProcessEnv) => JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' }));
    expect(run({ HOST_IMPORTS: 'error' })).toEqual([[1, 'no-restricted-imports']]);
  });
});

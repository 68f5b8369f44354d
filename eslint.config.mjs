// ESLint 9 over the code that talks to Office, and the core's boundary. eslint-plugin-office-addins' shared configs
// do not set the TypeScript parser (and bring prettier's formatting rules), so its Office.js rules are wired here.
import officeAddins from 'eslint-plugin-office-addins';
import tsParser from '@typescript-eslint/parser';

const officeRules = Object.fromEntries(Object.keys(officeAddins.rules).map((r) => [`office-addins/${r}`, 'error']));

const typescript = {
  parser: tsParser,
  parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
};

/**
 * The core (src/core) is pure TypeScript that every host runs: it imports only itself and zod (with zod's
 * locales). Nothing from a host (../office, ../xlsx, ../sim, ../taskpane, ../cli…), no Node built-in, no exceljs,
 * no React. A relative import may not climb out of src/core: a file n folders below src/core may use at most n
 * "../", so each depth has its own block.
 */
const NOT_A_PACKAGE = {
  // anything that is neither relative nor zod: node:fs, fs, path, exceljs, react, @fluentui/…
  regex: '^(?!\\.{1,2}/)(?!zod(/|$)).*',
  message: 'The core imports only its own modules and zod: no Node built-ins, exceljs, React or host code (src/core is run by every host).',
};
const coreImports = (depth) => ({
  patterns: [
    NOT_A_PACKAGE,
    {
      regex: `^(\\.\\./){${depth + 1},}`,
      message: 'An import that leaves src/core: the core may not depend on a host (office, xlsx, sim, taskpane, cli…). Move the code into src/core or pass it in.',
    },
  ],
});
const coreFiles = (depth) => [`src/core/${'*/'.repeat(depth)}*.ts`];
const coreBlocks = [0, 1, 2, 3].map((depth) => ({
  files: coreFiles(depth),
  languageOptions: typescript,
  rules: {
    'no-restricted-imports': ['error', coreImports(depth)],
    // require(), import() and host globals are the boundary's other doors
    'no-restricted-syntax': ['error',
      { selector: "CallExpression[callee.name='require']", message: 'The core uses import, not require().' },
      { selector: 'ImportExpression', message: 'The core loads no module at run time.' },
    ],
    'no-restricted-globals': ['error',
      ...['process', 'require', 'module', '__dirname', '__filename', 'Buffer', 'window', 'document', 'Office', 'Excel']
        .map((name) => ({ name, message: `The core runs in every host: no ${name}.` })),
    ],
  },
}));

/** Hosts import the core through its index (src/core/index.ts), never a module inside it. */
const hostImports = 'error';
const CORE_INDEX = {
  regex: '^(\\.{1,2}/)+(src/)?core/(?!index(\\.ts)?$).+',
  message: "Import the core through its index ('../core'), not a module inside it: src/core/index.ts is the core's public face.",
};
const hostBlock = {
  files: ['src/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.ts'],
  ignores: ['src/core/**'],
  languageOptions: typescript,
  rules: {
    'no-restricted-imports': [hostImports, { patterns: [CORE_INDEX] }],
  },
};

/**
 * The pane (src/taskpane) runs in Excel, in WPS and on the offline page: it knows the host only through
 * PaneHost (src/host/types.ts). No import of a host's code, no Office.js global. index.tsx is the Excel
 * entry, the one file that builds the Office host around the real Office. The offline page (src/web) is held
 * to the same: it runs where there is no Office at all.
 */
const paneBlock = {
  files: ['src/taskpane/**/*.{ts,tsx}', 'src/web/**/*.{ts,tsx}'],
  ignores: ['src/taskpane/index.tsx'],
  languageOptions: typescript,
  rules: {
    // this block's list replaces hostBlock's for these files, so it carries the core's rule too
    'no-restricted-imports': ['error', {
      patterns: [CORE_INDEX, {
        regex: '^(\\.{1,2}/)+(src/)?(office|sim|wps|sim-et|web|playground|commands)(/|$)',
        message: 'The pane knows its host only through PaneHost (src/host/types.ts): no import of a host (office, wps, web, sim…).',
      }],
      paths: [{ name: 'office-js', message: 'The pane uses no Office.js: it runs in WPS and on the offline page too.' }],
    }],
    'no-restricted-globals': ['error',
      ...['Office', 'Excel', 'OfficeExtension', 'wps', 'Application']
        .map((name) => ({ name, message: `The pane runs in Excel, WPS and on the offline page: no ${name}; ask the host (PaneHost).` })),
    ],
    // the globals' types too (Excel.RequestContext): no-restricted-globals sees values only
    'no-restricted-syntax': ['error', {
      selector: 'TSQualifiedName > Identifier.left[name=/^(Office|Excel|OfficeExtension)$/]',
      message: 'The pane uses no Office.js types: it runs in WPS and on the offline page too; use PaneHost\'s types (src/host/types.ts).',
    }],
  },
};

/**
 * What the offline page and the pane run in the browser besides the core: the package reader and patcher
 * (src/xlsx/ooxml and the byte-level readers check-bytes.ts uses), the hosts' shared code (src/host) and the
 * .docx drafts (src/report). No Node built-in, no Buffer or process: the command line brings those from outside
 * (check-file.ts, pack-node.ts, round-read.ts…). A Buffer here once broke the offline page's 校验.
 */
const BROWSER_FILES = [
  'src/xlsx/ooxml/**/*.ts', 'src/xlsx/check-bytes.ts', 'src/xlsx/read-bytes.ts', 'src/xlsx/package.ts', 'src/xlsx/input-error.ts',
  'src/xlsx/append-row.ts', 'src/xlsx/round-bytes.ts', 'src/xlsx/docx-title.ts', 'src/host/**/*.ts', 'src/report/**/*.ts',
];
const browserBlock = {
  files: BROWSER_FILES,
  languageOptions: typescript,
  rules: {
    // this block's list replaces hostBlock's for these files, so it carries the core's rule too
    'no-restricted-imports': ['error', {
      patterns: [CORE_INDEX, {
        regex: '^(node:)?(fs|path|zlib|crypto|os|child_process|worker_threads|stream|util|url|buffer)(/|$)',
        message: 'This module runs in the browser too (the offline page, the pane): no Node built-in. Take what Node gives from the caller.',
      }],
    }],
    'no-restricted-globals': ['error',
      ...['Buffer', 'process', 'require', '__dirname', '__filename']
        .map((name) => ({ name, message: `This module runs in the browser too (the offline page, the pane): no ${name}; use Uint8Array, TextEncoder.` })),
    ],
  },
};

export default [
  {
    files: ['src/office/**/*.ts', 'src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.ts', 'src/webview/**/*.ts'],
    languageOptions: typescript,
    plugins: { 'office-addins': officeAddins },
    rules: {
      ...officeRules,
      'no-debugger': 'error',
      'no-eval': 'error',
    },
  },
  ...coreBlocks,
  hostBlock,
  paneBlock,
  browserBlock,
];

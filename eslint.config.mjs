// ESLint 9 over the code that talks to Office. eslint-plugin-office-addins' shared configs do not set
// the TypeScript parser (and bring prettier's formatting rules), so its Office.js rules are wired here.
import officeAddins from 'eslint-plugin-office-addins';
import tsParser from '@typescript-eslint/parser';

const officeRules = Object.fromEntries(Object.keys(officeAddins.rules).map((r) => [`office-addins/${r}`, 'error']));

export default [
  {
    files: ['src/office/**/*.ts', 'src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.ts', 'src/webview/**/*.ts'],
    languageOptions: {
      parser: tsParser,
      parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
    },
    plugins: { 'office-addins': officeAddins },
    rules: {
      ...officeRules,
      'no-debugger': 'error',
      'no-eval': 'error',
    },
  },
];

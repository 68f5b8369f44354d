/** Real-browser tests: Debian's Chromium, driven by playwright-core, against `npm start`'s dev server. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test-e2e'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  globalSetup: '<rootDir>/test-e2e/server.js',
  globalTeardown: '<rootDir>/test-e2e/server-stop.js',
  testTimeout: 120000,
  maxWorkers: 1,
};

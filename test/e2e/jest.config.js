// Browser tests: playwright-core driving a system Chromium, else the npm @sparticuz/chromium
// (test/support/chromium.ts), against the real server (npm start's code path: embedded database,
// demo data, built console), one worker.
module.exports = {
  rootDir: '../..',
  displayName: 'e2e',
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
  transform: { '^.+\\.tsx?$': require('../support/swc') },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/support/server-setup.ts',
  globalTeardown: '<rootDir>/test/support/server-teardown.ts',
  maxWorkers: 1,
  testTimeout: 180000,
};

// API tests: jest + supertest against the real embedded database (or MONGODB_URI when set).
module.exports = {
  rootDir: '../..',
  displayName: 'api',
  testMatch: ['<rootDir>/test/api/**/*.test.ts'],
  transform: { '^.+\\.tsx?$': require('../support/swc') },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/support/database-setup.ts',
  globalTeardown: '<rootDir>/test/support/database-teardown.ts',
  setupFiles: ['<rootDir>/test/support/test-env.ts'],
  maxWorkers: 2,
  testTimeout: 30000,
};

// Settings for every API test worker, before any product module reads the configuration.
process.env.NODE_ENV = 'test';
process.env.LOGIN_FAILURE_DELAY_MS = '0';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';

// Settings for every API test worker, before any product module reads the configuration.
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.NODE_ENV = 'test';
process.env.LOGIN_FAILURE_DELAY_MS = '0';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
// Uploads (officer photos, imported workbooks) go to a temporary directory of each test file, never into
// the repository. The file store creates it on the first upload; TestApp.close() removes it.
export const TEST_UPLOADS_PREFIX = join(tmpdir(), 'enforcement-test-uploads-');
process.env.UPLOADS_DIR ??= `${TEST_UPLOADS_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`;

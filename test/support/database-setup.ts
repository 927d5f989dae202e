// Starts one embedded database for the whole run on a temporary directory and a free port
// (each test file then uses a database of its own). With MONGODB_URI set, uses that server instead.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../api/src/platform/database/embedded';

declare global {
  // eslint-disable-next-line no-var
  var __embeddedDatabase: EmbeddedDatabase | undefined;
}

export default async function setup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'enforcement-test-db-'));
  globalThis.__embeddedDatabase = await startEmbeddedDatabase({ dataDir });
  process.env.TEST_MONGODB_URI = globalThis.__embeddedDatabase.uri;
}

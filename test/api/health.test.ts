import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import supertest from 'supertest';
import { buildApp } from '../../api/src/app';
import { startEmbeddedDatabase } from '../../api/src/platform/database/embedded';

describe('health', () => {
  test('when the database answers a ping, health reports ok; once the database server stops, health answers 503 with db down', async () => {
    // A database server of this test's own, so that stopping it disturbs no other test.
    const db = await startEmbeddedDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'health-db-')) });
    try {
      await mongoose.connect(db.uri, { dbName: 'health', serverSelectionTimeoutMS: 1000 });
      const api = supertest(buildApp());

      const up = await api.get('/api/health');
      expect(up.status).toBe(200);
      expect(up.body).toEqual({ status: 'ok', db: 'up' });
      expect(up.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

      await db.stop();
      const down = await api.get('/api/health');
      expect(down.status).toBe(503);
      expect(down.body).toEqual({ status: 'degraded', db: 'down' });
    } finally {
      await mongoose.disconnect();
      await db.stop();
    }
  });
});

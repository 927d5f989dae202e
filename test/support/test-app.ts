// A test file's own app: a fresh database (unique name) on the shared server, demo data loaded,
// the real Express app behind supertest, every response checked against the OpenAPI document.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import mongoose from 'mongoose';
import supertest from 'supertest';
import { buildApp } from '../../api/src/app';
import { config } from '../../api/src/config';
import { seedDemoData } from '../../api/src/demo/demo-data';
import { withResponseContract } from './response-contract';
import { TEST_UPLOADS_PREFIX } from './test-env';

export const DEMO_PASSWORD = config().demoPassword;

export interface TestApp {
  app: ReturnType<typeof buildApp>;
  api: ReturnType<typeof supertest>;
  dbName: string;
  /** Signs in and returns the bearer token. */
  tokenFor(username: string, password?: string): Promise<string>;
  /** Authorization header for a demo user. */
  as(username: string): Promise<{ Authorization: string }>;
  close(): Promise<void>;
}

export async function startTestApp(options: { seed?: boolean; demoCases?: boolean } = {}): Promise<TestApp> {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is not set: run the tests through jest with test/api/jest.config.js');
  const dbName = `test_${randomBytes(6).toString('hex')}`;
  await mongoose.connect(uri, { dbName });
  await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
  if (options.seed !== false) await seedDemoData(DEMO_PASSWORD, { cases: options.demoCases ?? false });
  const app = buildApp();
  // Every response is checked against the OpenAPI document (response-contract.ts): a drift fails the test.
  const api = withResponseContract(supertest(app));
  const tokens = new Map<string, string>();
  async function tokenFor(username: string, password = DEMO_PASSWORD): Promise<string> {
    const res = await api.post('/api/auth/login').send({ username, password });
    if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token as string;
  }
  return {
    app,
    api,
    dbName,
    tokenFor,
    async as(username: string) {
      if (!tokens.has(username)) tokens.set(username, await tokenFor(username));
      return { Authorization: `Bearer ${tokens.get(username)}` };
    },
    async close() {
      await mongoose.connection.dropDatabase().catch(() => undefined);
      await mongoose.disconnect();
      // The temporary uploads directory of this test file (see test-env.ts), never one set from outside.
      if (config().uploadsDir.startsWith(TEST_UPLOADS_PREFIX)) rmSync(config().uploadsDir, { recursive: true, force: true });
    },
  };
}

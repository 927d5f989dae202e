// The embedded database comes back by itself: when its process is killed while officers write, the
// API answers 503 with Retry-After (fast, never 500, never a hang) during the gap, the supervisor
// restarts the database, the connection resumes without restarting the API, every acknowledged write
// is there afterwards and `npm run audit:verify` finds the chain intact.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildApp } from '../../api/src/app';
import { config } from '../../api/src/config';
import { seedDemoData } from '../../api/src/demo/demo-data';
import { verifyAuditChain } from '../../api/src/platform/audit/audit.service';
import { connectDatabase, DATABASE_WAIT_MS, type DatabaseHandle } from '../../api/src/platform/database/connection';
import { PowerItemModel } from '../../api/src/powers/power-item.model';
import { DEMO_PASSWORD } from '../support/test-app';

// The process of the database is ours to kill only when it is the embedded one.
const embeddedOnly = process.env.MONGODB_URI ? describe.skip : describe;

interface Outcome {
  kind: 'write' | 'public' | 'health';
  code?: string;
  status: number;
  ms: number;
  at: number;
  retryAfter: string | null;
  message?: string;
}

embeddedOnly('when the embedded database process is killed under load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'db-recovery-'));
  let db: DatabaseHandle;
  let server: Server;
  let base: string;
  let token: string;
  const outcomes: Outcome[] = [];
  let killedAt = 0;
  let stop = false;

  async function timed(kind: Outcome['kind'], path: string, init: RequestInit = {}, code?: string): Promise<void> {
    const started = Date.now();
    // A request that hangs is a failure of its own: the abort shows as status 0.
    const res = await fetch(`${base}${path}`, { ...init, headers: { 'Accept-Language': 'zh-CN', ...init.headers }, signal: AbortSignal.timeout(9000) }).catch(() => undefined);
    const body = res ? ((await res.json().catch(() => ({}))) as { message?: string }) : {};
    outcomes.push({ kind, code, status: res?.status ?? 0, ms: Date.now() - started, at: started, retryAfter: res?.headers.get('retry-after') ?? null, message: body.message });
  }

  async function writer(id: number): Promise<void> {
    for (let n = 0; !stop; n++) {
      const code = `REC-${id}-${n}`;
      await timed('write', '/api/powers', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ code, name: `恢复测试事项 ${code}`, category: 'inspection', legalBasis: [{ law: '中华人民共和国行政处罚法' }] }),
      }, code);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async function reader(kind: 'public' | 'health', path: string): Promise<void> {
    while (!stop) {
      await timed(kind, path);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  beforeAll(async () => {
    // The server's own start-up path: the embedded database under DATA_DIR/db, supervised.
    db = await connectDatabase({ ...config(), mongodbUri: undefined, dataDir: dir });
    await seedDemoData(DEMO_PASSWORD, { cases: false });
    const app = buildApp();
    server = await new Promise<Server>((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'agency_admin', password: DEMO_PASSWORD }) });
    token = ((await login.json()) as { token: string }).token;

    const loops = [writer(1), writer(2), writer(3), reader('public', '/api/public/agencies'), reader('health', '/api/health')];
    await new Promise((r) => setTimeout(r, 1500));
    const pid = db.embedded!.pid!;
    killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    // Keep writing until writes have succeeded again for a while (at most 20 s).
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const recovered = outcomes.filter((o) => o.kind === 'write' && o.status === 201 && o.at > killedAt && db.embedded!.restarts > 0);
      if (recovered.length >= 10) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    stop = true;
    await Promise.all(loops);
  }, 60_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('then the supervisor restarts it, on the same address, without restarting the API', () => {
    expect(db.embedded!.restarts).toBe(1);
    expect(db.embedded!.pid).toBeDefined();
  });

  test('then no request answers 500 or hangs: each is 2xx or 503 with a translated message and Retry-After', () => {
    const refused = outcomes.filter((o) => o.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    for (const o of outcomes) expect([200, 201, 503]).toContain(o.status);
    for (const o of refused) {
      expect(o.retryAfter).toMatch(/^\d+$/);
      if (o.kind !== 'health') expect(o.message).toBe('数据库暂时不可用，请稍后重试');
    }
    // Public portal pages answer the same way while the database is away.
    expect(refused.some((o) => o.kind === 'public') || outcomes.filter((o) => o.kind === 'public' && o.at > killedAt).every((o) => o.status === 200)).toBe(true);
  });

  test('then requests during the gap fail fast (the wait for the database is bounded at DATABASE_WAIT_MS, the issue asks for 2 s)', () => {
    expect(DATABASE_WAIT_MS).toBeLessThanOrEqual(2000);
    const refused = outcomes.filter((o) => o.status === 503).map((o) => o.ms);
    expect(refused.length).toBeGreaterThan(0);
    // Bounded wait plus the request's own work on a loaded two-core machine.
    expect(Math.max(...refused)).toBeLessThan(DATABASE_WAIT_MS + 1500);
  });

  test('then writes succeed again within 10 s of the kill', () => {
    const firstAfter = outcomes.filter((o) => o.kind === 'write' && o.status === 201 && o.at > killedAt).sort((a, b) => a.at - b.at)[0];
    expect(firstAfter).toBeDefined();
    expect(firstAfter.at + firstAfter.ms - killedAt).toBeLessThan(10_000);
  });

  test('then every write acknowledged with 201 is stored', async () => {
    const acknowledged = outcomes.filter((o) => o.kind === 'write' && o.status === 201).map((o) => o.code!);
    expect(acknowledged.length).toBeGreaterThan(10);
    const stored = new Set((await PowerItemModel.find({ code: { $in: acknowledged } }, { code: 1 }).lean()).map((p) => p.code));
    expect(acknowledged.filter((c) => !stored.has(c))).toEqual([]);
  });

  test('then the audit chain verifies, in the service and through npm run audit:verify', async () => {
    const { problem, checked } = await verifyAuditChain();
    expect(problem).toBeUndefined();
    expect(checked).toBeGreaterThan(10);
    // The tool opens the same data directory with a database server of its own: ours must stop first.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.close();
    const run = await promisify(execFile)('npx', ['tsx', 'tools/audit-verify.ts'], {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env, DATA_DIR: dir, MONGODB_URI: '', LOG_LEVEL: 'silent' },
    });
    expect(run.stdout).toMatch(/Audit chain intact: \d+ entries verified/);
  }, 60_000);
});

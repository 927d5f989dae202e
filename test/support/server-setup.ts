// Starts the real server (tsx api/src/server.ts) on a free port with its own data and uploads
// directories, and waits until /api/health answers.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

declare global {
  // eslint-disable-next-line no-var
  var __e2eServer: ChildProcess | undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export default async function setup(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'enforcement-e2e-'));
  const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['api/src/server.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), UPLOADS_DIR: join(dir, 'uploads'), LOG_LEVEL: 'warn', LOGIN_FAILURE_DELAY_MS: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  globalThis.__e2eServer = child;
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error('the server did not become healthy within 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  process.env.E2E_BASE_URL = base;
}

// Supervises the embedded MongoDB-compatible server (FerretDB v1 on SQLite, built from
// tools/embedded-db by tools/build-embedded-db.mjs, with our query pushdown patch: see
// tools/embedded-db/README.md). Used when MONGODB_URI is not set.
//
// The server is a child process. When it exits without being asked to, it is started again on the
// same address with a growing pause between attempts, so the API's connection resumes by itself
// (the driver reconnects to the same host and port) and no person has to restart anything.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import mongoose from 'mongoose';
import { projectRoot } from '../../config';

export const embeddedBinary = join(projectRoot, '.cache', 'embedded-db');

/** Pause before restart attempt n (0-based): 0.25 s doubling, at most 5 s. */
export const restartDelayMs = (attempt: number) => Math.min(250 * 2 ** attempt, 5000);
/** A process that stayed up this long resets the pause to its shortest. */
const STABLE_AFTER_MS = 30_000;

export type SupervisorEvent =
  | { type: 'exited'; code: number | null; signal: NodeJS.Signals | null; restartInMs: number }
  | { type: 'restarted'; pid: number; attempt: number; downForMs: number }
  | { type: 'restart_failed'; attempt: number; error: string; restartInMs: number };

export interface EmbeddedDatabase {
  uri: string;
  /** The running server process, undefined while it is down. */
  readonly pid: number | undefined;
  /** Restarts after an unexpected exit so far. */
  readonly restarts: number;
  stop(): Promise<void>;
}

interface EmbeddedOptions {
  dataDir: string;
  listen?: string;
  /** The server's own output lines. */
  log?: (line: string) => void;
  /** Exits and restarts (the caller logs them). */
  onEvent?: (event: SupervisorEvent) => void;
  /** Without the SQL pushdown of the patch: every query evaluated by FerretDB itself (the reference of the pushdown tests). */
  disablePushdown?: boolean;
}

/** A real `ping`, retried until it answers or the deadline passes. */
export async function waitForPing(uri: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: 1000, directConnection: true });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      await client.close().catch(() => undefined);
    }
  }
  throw new Error(`The embedded database did not answer ping within ${timeoutMs} ms: ${String(lastError)}`);
}

interface Running {
  child: ChildProcess;
  uri: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts one server process and waits for its READY line and a ping. */
async function launch(options: EmbeddedOptions, listen: string): Promise<Running> {
  const child = spawn(
    embeddedBinary,
    ['-listen', listen, '-data', options.dataDir, '-watch-stdin', ...(options.disablePushdown ? ['-disable-pushdown'] : [])],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const log = options.log ?? (() => undefined);
  createInterface({ input: child.stderr! }).on('line', log);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  try {
    const uri = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('The embedded database did not start within 30 s')), 30_000);
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const m = /^READY (\S+)/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        } else log(line);
      });
      child.once('error', (err) => { clearTimeout(timer); reject(err); });
      void exited.then(({ code }) => { clearTimeout(timer); reject(new Error(`The embedded database exited with code ${code} during start-up`)); });
    });
    await waitForPing(uri);
    return { child, uri, exited };
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
}

/** "mongodb://127.0.0.1:40123/" → "127.0.0.1:40123": a restart listens where the clients already connect. */
function addressOf(uri: string): string {
  return /^mongodb:\/\/([^/?]+)/.exec(uri)![1];
}

export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  if (!existsSync(embeddedBinary)) {
    throw new Error(`The embedded database is not built (${embeddedBinary}); run "node tools/build-embedded-db.mjs" (needs Go) or set MONGODB_URI`);
  }
  let current: Running | undefined = await launch(options, options.listen ?? '127.0.0.1:0');
  const uri = current.uri;
  const address = addressOf(uri);
  const notify = options.onEvent ?? (() => undefined);
  let stopping: Promise<void> | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  let restarts = 0;

  const supervise = (running: Running) => {
    const startedAt = Date.now();
    void running.exited.then(({ code, signal }) => {
      if (stopping || current !== running) return;
      current = undefined;
      const downSince = Date.now();
      let attempt = Date.now() - startedAt >= STABLE_AFTER_MS ? 0 : Math.min(restarts, 5);
      const retry = () => {
        restartTimer = setTimeout(() => {
          restartTimer = undefined;
          if (stopping) return;
          launch(options, address).then(
            (next) => {
              if (stopping) { next.child.kill('SIGTERM'); return; }
              current = next;
              restarts += 1;
              notify({ type: 'restarted', pid: next.child.pid!, attempt, downForMs: Date.now() - downSince });
              supervise(next);
            },
            (err: unknown) => {
              attempt += 1;
              notify({ type: 'restart_failed', attempt, error: String(err), restartInMs: restartDelayMs(attempt) });
              retry();
            },
          );
        }, restartDelayMs(attempt));
      };
      notify({ type: 'exited', code, signal, restartInMs: restartDelayMs(attempt) });
      retry();
    });
  };
  supervise(current);

  return {
    uri,
    get pid() { return current?.child.pid; },
    get restarts() { return restarts; },
    stop() {
      stopping ??= (async () => {
        clearTimeout(restartTimer);
        const running = current;
        if (!running || running.child.exitCode !== null || running.child.signalCode !== null) return;
        running.child.kill('SIGTERM');
        const timer = setTimeout(() => running.child.kill('SIGKILL'), 10_000);
        await running.exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

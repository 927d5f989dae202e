// Supervises the embedded MongoDB-compatible server (FerretDB v1 on SQLite, built from
// tools/embedded-db by tools/build-embedded-db.mjs, with our query pushdown patch: see
// tools/embedded-db/README.md). Used when MONGODB_URI is not set.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import mongoose from 'mongoose';
import { projectRoot } from '../../config';

export const embeddedBinary = join(projectRoot, '.cache', 'embedded-db');

export interface EmbeddedDatabase {
  uri: string;
  stop(): Promise<void>;
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

export async function startEmbeddedDatabase(options: {
  dataDir: string;
  listen?: string;
  log?: (line: string) => void;
  /** Without the SQL pushdown of the patch: every query evaluated by FerretDB itself (the reference of the pushdown tests). */
  disablePushdown?: boolean;
}): Promise<EmbeddedDatabase> {
  if (!existsSync(embeddedBinary)) {
    throw new Error(`The embedded database is not built (${embeddedBinary}); run "node tools/build-embedded-db.mjs" (needs Go) or set MONGODB_URI`);
  }
  const child: ChildProcess = spawn(
    embeddedBinary,
    ['-listen', options.listen ?? '127.0.0.1:0', '-data', options.dataDir, '-watch-stdin', ...(options.disablePushdown ? ['-disable-pushdown'] : [])],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const log = options.log ?? (() => undefined);
  createInterface({ input: child.stderr! }).on('line', log);

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
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
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`The embedded database exited with code ${code} during start-up`)); });
  });
  await waitForPing(uri);

  let stopping: Promise<void> | undefined;
  return {
    uri,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

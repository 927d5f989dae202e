import { join } from 'node:path';
import mongoose from 'mongoose';
import type { Config } from '../../config';
import { logger } from '../logger';
import { startEmbeddedDatabase, type EmbeddedDatabase, type SupervisorEvent } from './embedded';

export interface DatabaseHandle {
  uri: string;
  /** The supervised embedded server, when MONGODB_URI is not set. */
  embedded?: EmbeddedDatabase;
  close(): Promise<void>;
}

/**
 * How long a request waits for a database that does not answer before it is refused with 503: the
 * driver's server selection and mongoose's command buffer both give up after this, so a request never
 * hangs while the database restarts (embedded) or a replica set elects a primary (MongoDB).
 */
export const DATABASE_WAIT_MS = 1500;

/** The options of every mongoose connection of the product (server, tests, tools). */
export function connectionOptions(dbName: string): mongoose.ConnectOptions {
  return {
    dbName,
    serverSelectionTimeoutMS: DATABASE_WAIT_MS,
    // Check a lost server every second, so the connection resumes soon after it is back.
    heartbeatFrequencyMS: 1000,
  };
}

/** Connects, retrying for up to `patienceMs` while the server is not reachable yet (a database that starts beside the API). */
export async function connectMongoose(uri: string, dbName: string, patienceMs = 30_000): Promise<void> {
  mongoose.set('bufferTimeoutMS', DATABASE_WAIT_MS);
  const deadline = Date.now() + patienceMs;
  for (;;) {
    try {
      await mongoose.connect(uri, connectionOptions(dbName));
      return;
    } catch (err) {
      if (!isDatabaseUnavailable(err) || Date.now() > deadline) throw err;
      logger.warn({ err: String(err) }, 'database not reachable yet; retrying');
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

function logSupervisorEvent(event: SupervisorEvent): void {
  const log = logger.child({ component: 'embedded-db' });
  if (event.type === 'exited') log.error(event, `the embedded database exited unexpectedly; restarting in ${event.restartInMs} ms`);
  else if (event.type === 'restart_failed') log.error(event, `restarting the embedded database failed; next try in ${event.restartInMs} ms`);
  else log.warn(event, `the embedded database was restarted after ${event.downForMs} ms`);
}

/**
 * Connects mongoose to MONGODB_URI, or starts the embedded server with its files under DATA_DIR/db
 * (supervised: restarted when it exits unexpectedly). Mongoose's autoIndex creates the indexes declared
 * on the models.
 */
export async function connectDatabase(cfg: Config, dbNameOverride?: string): Promise<DatabaseHandle> {
  let embedded: EmbeddedDatabase | undefined;
  let uri = cfg.mongodbUri;
  if (!uri) {
    const dataDir = join(cfg.dataDir, 'db');
    logger.info({ dataDir }, 'starting the embedded database (FerretDB, SQLite)');
    embedded = await startEmbeddedDatabase({ dataDir, log: (line) => logger.debug({ component: 'embedded-db' }, line), onEvent: logSupervisorEvent });
    uri = embedded.uri;
  }
  try {
    await connectMongoose(uri, dbNameOverride ?? databaseNameOf(uri));
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
  logger.info({ embedded: Boolean(embedded) }, 'database connected');
  return {
    uri,
    embedded,
    async close() {
      await mongoose.disconnect();
      await embedded?.stop();
    },
  };
}

/** The database named in the URI's path, or "enforcement". */
export function databaseNameOf(uri: string): string {
  const m = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri);
  return m ? decodeURIComponent(m[1]) : 'enforcement';
}

/** False while mongoose knows the server is gone (requests are then refused at once, not queued). */
export function databaseConnected(): boolean {
  return mongoose.connection.readyState === mongoose.ConnectionStates.connected;
}

const UNAVAILABLE_ERRORS = [
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoServerClosedError',
];

/** An error that says the database cannot be reached (as opposed to one about the request or the data). */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as { name?: string; message?: string; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.name === 'string' && UNAVAILABLE_ERRORS.includes(e.name)) return true;
    // mongoose's command buffer: "Operation `cases.find()` buffering timed out after 1500ms".
    if (e.name === 'MongooseError' && /buffering timed out/.test(e.message ?? '')) return true;
  }
  return false;
}

/** A real round trip to the server, bounded in time. */
export async function pingDatabase(timeoutMs = 2000): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!databaseConnected() || !db) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.admin().ping(),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('ping timeout')), timeoutMs); }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

import { join } from 'node:path';
import mongoose from 'mongoose';
import type { Config } from '../../config';
import { logger } from '../logger';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded';

export interface DatabaseHandle {
  uri: string;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * Connects mongoose to MONGODB_URI, or starts the embedded server with its files under DATA_DIR/db.
 * Mongoose's autoIndex creates the indexes declared on the models.
 */
export async function connectDatabase(cfg: Config, dbNameOverride?: string): Promise<DatabaseHandle> {
  let embedded: EmbeddedDatabase | undefined;
  let uri = cfg.mongodbUri;
  if (!uri) {
    const dataDir = join(cfg.dataDir, 'db');
    logger.info({ dataDir }, 'starting the embedded database (FerretDB, SQLite)');
    embedded = await startEmbeddedDatabase({ dataDir, log: (line) => logger.debug({ component: 'embedded-db' }, line) });
    uri = embedded.uri;
  }
  try {
    await mongoose.connect(uri, { dbName: dbNameOverride ?? databaseNameOf(uri), serverSelectionTimeoutMS: 10_000 });
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
  logger.info({ embedded: Boolean(embedded) }, 'database connected');
  return {
    uri,
    embedded: Boolean(embedded),
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

/** A real round trip to the server, bounded in time. */
export async function pingDatabase(timeoutMs = 2000): Promise<boolean> {
  const db = mongoose.connection.db;
  if (mongoose.connection.readyState !== 1 || !db) return false;
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

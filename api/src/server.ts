// Starts the database (embedded unless MONGODB_URI is set), loads demo data on first start, and
// serves the API and the console. Stops cleanly on SIGINT/SIGTERM, and on fatal errors.
import type { Server } from 'node:http';
import { buildApp } from './app';
import { config, ConfigError, type Config } from './config';
import { connectDatabase, type DatabaseHandle } from './platform/database/connection';
import { logger } from './platform/logger';
import { databaseIsEmpty, seedDemoData } from './demo/demo-data';
import { sendReviewReminders } from './reviews/review.service';

let server: Server | undefined;
let database: DatabaseHandle | undefined;
let reminders: NodeJS.Timeout | undefined;

/** Review reminders (due soon, overdue): at start, then every 15 minutes. */
function scheduleReminders() {
  const run = () => sendReviewReminders().catch((err: unknown) => logger.error({ err }, 'review reminders failed'));
  void run();
  reminders = setInterval(run, 15 * 60 * 1000);
  reminders.unref();
}

export async function startWebServer(cfg: Config = config()): Promise<{ port: number }> {
  database = await connectDatabase(cfg);
  if (cfg.seedDemoData && (await databaseIsEmpty())) await seedDemoData(cfg.demoPassword);
  const app = buildApp();
  scheduleReminders();
  server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(cfg.port, cfg.host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : cfg.port;
  logger.info({ port }, `console at http://localhost:${port}/  ·  API at http://localhost:${port}/api  ·  docs at http://localhost:${port}/api/docs`);
  return { port };
}

export async function stopWebServer(): Promise<void> {
  const s = server;
  server = undefined;
  clearInterval(reminders);
  if (s) {
    await new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeIdleConnections();
      setTimeout(() => s.closeAllConnections(), 5000).unref();
    });
  }
  await database?.close();
  database = undefined;
}

async function shutdown(reason: string, exitCode: number): Promise<void> {
  logger.info({ reason }, 'shutting down');
  const timer = setTimeout(() => process.exit(exitCode || 1), 15_000).unref();
  try {
    await stopWebServer();
  } catch (err) {
    logger.error({ err }, 'error during shutdown');
    exitCode = 1;
  }
  clearTimeout(timer);
  process.exit(exitCode);
}

if (require.main === module) {
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception');
    void shutdown('uncaughtException', 1);
  });
  process.on('unhandledRejection', (err) => {
    logger.fatal({ err }, 'unhandled rejection');
    void shutdown('unhandledRejection', 1);
  });
  let cfg: Config;
  try {
    cfg = config();
  } catch (err) {
    console.error(`Configuration error: ${(err as Error).message}`);
    process.exit(1);
  }
  startWebServer(cfg).catch((err: unknown) => {
    if (err instanceof ConfigError) console.error(`Configuration error: ${err.message}`);
    else logger.fatal({ err }, 'could not start');
    void shutdown('start-up failure', 1);
  });
}

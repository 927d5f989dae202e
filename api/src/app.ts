// Builds the Express app; server.ts listens. Exported separately so tests run it on port 0.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { config } from './config';
import { routeTable } from './routes';
import { publicRateLimit } from './public-portal/public.routes';
import { apiDocsRouter } from './platform/http/api-docs';
import { errorHandler, requireDatabase, unknownRoute } from './platform/http/error-handler';
import { buildRouter } from './platform/http/route';
import { logger } from './platform/logger';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function buildApp(): Express {
  const cfg = config();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', cfg.trustProxy);
  app.set('query parser', 'simple');

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug'),
      autoLogging: { ignore: (req) => req.url === '/api/health' },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // MUI (emotion) injects style elements at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          // The console previews PDFs it fetched with the user's token (legal review opinions) from blob: URLs.
          frameSrc: ["'self'", 'blob:'],
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use('/api', cors({ origin: cfg.corsOrigins, exposedHeaders: ['Content-Range', 'X-Request-Id', 'Content-Disposition'] }));
  app.use('/api', express.json({ limit: cfg.bodyLimit }));

  app.use('/api/public', publicRateLimit());
  app.use('/api', apiDocsRouter());
  app.use('/api', requireDatabase);
  app.use('/api', buildRouter(routeTable));
  app.use('/api', unknownRoute);

  // The built console (admin-ui/dist) with a single-page-app fallback.
  const indexHtml = join(cfg.uiDist, 'index.html');
  if (existsSync(indexHtml)) {
    app.use(express.static(cfg.uiDist, { index: false, maxAge: '1h', setHeaders: (res, path) => {
      if (path.includes(`${join(cfg.uiDist, 'assets')}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    } }));
    // Relative to a root: `send` refuses an absolute path with a dot-segment (an install under ~/.local/…).
    app.get(/^(?!\/api\/).*/, (_req, res, next) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile('index.html', { root: cfg.uiDist }, (err) => { if (err) next(err); });
    });
  }
  app.use(unknownRoute);
  app.use(errorHandler);
  return app;
}

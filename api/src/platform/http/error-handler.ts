import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import mongoose from 'mongoose';
import { databaseConnected, isDatabaseUnavailable } from '../database/connection';
import { AppError, type FieldError } from '../errors';
import { logger } from '../logger';
import { translate, type Lang } from '../messages';
import { requestLanguage } from './language';

/** What a 503 tells the client: the embedded database restarts within a few seconds. */
const RETRY_AFTER_SECONDS = 5;

export interface ErrorBody {
  message: string;
  errors: Record<string, string>;
}

function fieldMessage(error: FieldError, lang: Lang): string {
  return 'key' in error ? translate(error.key, lang, error.params) : error[lang];
}

/** Turns errors thrown by libraries into AppErrors; anything else stays unexpected. */
function normalise(err: unknown, req: Request): AppError | undefined {
  if (err instanceof AppError) return err;
  if (isDatabaseUnavailable(err)) return new AppError(503, 'database.unavailable');
  const e = err as { type?: string; status?: number; limit?: number; code?: number; keyValue?: Record<string, unknown> };
  if (e?.type === 'entity.parse.failed') return new AppError(400, 'request.malformed_json');
  if (e?.type === 'entity.too.large') return new AppError(413, 'request.too_large', { limit: `${Math.round((e.limit ?? 0) / 1024)} KB` });
  // A path parameter with broken percent-encoding (the router fails to decode it before any handler runs).
  if (err instanceof URIError && e.status === 400) {
    const id = /'(.*)'/.exec(err.message)?.[1] ?? '';
    return new AppError(400, 'record.invalid_id', { entity: 'record', id });
  }
  if (err instanceof mongoose.Error.CastError) {
    return new AppError(400, 'record.invalid_id', { entity: 'record', id: String(err.value) }, {
      [err.path]: { key: 'record.invalid_id', params: { entity: 'record', id: String(err.value) } },
    });
  }
  if (err instanceof mongoose.Error.ValidationError) {
    const fields: Record<string, FieldError> = {};
    for (const [path, detail] of Object.entries(err.errors)) fields[path] = { en: detail.message, zh: detail.message };
    return new AppError(400, 'request.invalid', { details: Object.keys(fields).join(', ') }, fields);
  }
  if (e?.code === 11000) {
    // Lookup keys (usernameKey) stand for the field the user typed (username).
    const field = (Object.keys(e.keyValue ?? {})[0] ?? 'id').replace(/Key$/, '');
    return new AppError(409, 'record.duplicate', { entity: 'record', field }, { [field]: { key: 'record.duplicate', params: { entity: 'record', field } } });
  }
  // Other library errors that carry a client-error status (http-errors: body-parser, send, serve-static).
  const status = typeof e?.status === 'number' ? e.status : (err as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 404) return new AppError(404, 'route.not_found', { method: req.method, path: req.originalUrl.split('?')[0] });
    const expose = (err as { expose?: boolean }).expose === true && err instanceof Error;
    return new AppError(status, 'request.refused', { details: e.type ?? (expose ? (err as Error).message : STATUS_CODES[status] ?? String(status)) });
  }
  return undefined;
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const lang = requestLanguage(req);
  const known = normalise(err, req);
  const log = req.log ?? logger;
  if (!known || known.isCatastrophic) {
    log.error({ err }, 'unexpected error');
    if (res.headersSent) return;
    const body: ErrorBody = { message: translate('server.error', lang, { requestId: String(req.id ?? '-') }), errors: {} };
    res.status(500).json(body);
    return;
  }
  if (known.status >= 500) log.error({ err }, known.key);
  else log.info({ status: known.status, key: known.key }, 'request refused');
  if (res.headersSent) return;
  // A handler may have prepared a file response (type, disposition, digest) before the error: the error is JSON.
  for (const name of ['Content-Type', 'Content-Disposition', 'Content-Length', 'X-Content-SHA256', 'Repr-Digest', 'Accept-Ranges']) res.removeHeader(name);
  const errors: Record<string, string> = {};
  for (const [field, fe] of Object.entries(known.fields)) errors[field] = fieldMessage(fe, lang);
  const body: ErrorBody = { message: translate(known.key, lang, known.params), errors };
  // Every 503 of this API is a passing condition (the database restarting): say when to try again.
  if (known.status === 503) res.set('Retry-After', String(RETRY_AFTER_SECONDS));
  // Headers a library error asks for (send's 416 names the size: Content-Range: bytes */N).
  const headers = (err as { headers?: Record<string, string> })?.headers;
  if (headers && typeof headers === 'object' && !(err instanceof AppError)) res.set(headers);
  res.status(known.status).json({ ...known.extra, ...body });
};

/** Refuses at once, while the database is known to be gone, every API request except health and the documentation. */
export const requireDatabase: RequestHandler = (req, _res, next) => {
  if (databaseConnected() || req.path === '/health' || req.path.startsWith('/docs') || req.path === '/openapi.json') return next();
  next(new AppError(503, 'database.unavailable'));
};

export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(new AppError(404, 'route.not_found', { method: req.method, path: req.originalUrl.split('?')[0] }));
};

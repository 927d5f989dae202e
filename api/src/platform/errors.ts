import type { MessageKey } from './messages';

/**
 * The one error type of the API. `key` names a message in messages.ts, translated when the response
 * is written; `fields` maps a field path to a message key (react-admin shows them next to inputs).
 */
export class AppError extends Error {
  /** More of the body beside message and errors, e.g. the current record on a 409 conflict. */
  extra?: Record<string, unknown>;

  constructor(
    readonly status: number,
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly fields: Record<string, FieldError> = {},
    readonly isCatastrophic = false,
  ) {
    super(key);
    this.name = 'AppError';
  }
}

/** A field error is either a message key with parameters or an already-translated pair. */
export type FieldError = { key: MessageKey; params?: Record<string, string | number> } | { en: string; zh: string };

export function withBody(err: AppError, extra: Record<string, unknown>): AppError {
  err.extra = extra;
  return err;
}

export const notFound = (entity: string) => new AppError(404, 'record.not_found', { entity });
export const forbidden = (key: MessageKey = 'auth.forbidden', params?: Record<string, string | number>) => new AppError(403, key, params);
export const conflict = (key: MessageKey, params?: Record<string, string | number>, fields?: Record<string, FieldError>) =>
  new AppError(409, key, params, fields);

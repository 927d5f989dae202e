// A route reads like a sentence: authenticate → require permission → validate → handler.
// The same table builds the Express router and the OpenAPI document (openapi.ts), so the two
// cannot drift apart.
import { Router, type Request, type Response } from 'express';
import type { RequestContext } from '../auth/actor';
import { authenticate, requirePermission } from '../auth/authenticate';
import type { Permission } from '../auth/permissions';
import { uploadOne, type UploadOptions } from '../storage/file-store';
import { schemas, validate, type RequestSchemas } from '../validation';

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path below /api, e.g. "/agencies/:id". */
  path: string;
  summary: string;
  tag: string;
  /** `public`: no sign-in; `signedIn`: any signed-in user; otherwise a permission. */
  access: 'public' | 'signedIn' | Permission;
  schemas?: RequestSchemas;
  /** Response documentation: a schema id, or a list of it. */
  response?: {
    schema?: string; list?: boolean; status?: number; description?: string; contentType?: string;
    /** Other statuses whose body is the same schema (health answers 503 with its own body). */
    alsoStatuses?: number[];
  };
  /**
   * Extra response statuses worth documenting (besides those implied: 400, 401, 403, 404, 413, 500, and 304 for
   * GET). A number answers the plain `error` body; `{ status, schema }` a body of its own (a list: one of them).
   */
  errors?: Array<number | ErrorResponseSpec>;
  /** A multipart upload of one file; fields beside it are validated by `schemas.body`. */
  upload?: UploadOptions;
  handler: (req: Request, res: Response) => Promise<void> | void;
}

/** An error status whose body says more than `error` (e.g. the preconditions that failed, or the current record). */
export interface ErrorResponseSpec {
  status: number;
  /** Schema id(s) of the body; several: the body is exactly one of them. */
  schema: string | string[];
  description?: string;
}

export function requestContext(req: Request): RequestContext {
  return { actor: req.actor, requestId: String(req.id), ip: req.ip ?? '', userAgent: req.get('user-agent') };
}

export function buildRouter(routes: RouteSpec[]): Router {
  const router = Router();
  for (const r of routes) {
    const chain = [];
    if (r.access !== 'public') chain.push(authenticate);
    if (r.access !== 'public' && r.access !== 'signedIn') chain.push(requirePermission(r.access));
    // Files are accepted only after the caller is known to be allowed.
    if (r.upload) {
      const textFields = Object.keys((r.schemas?.body ? schemas.get(r.schemas.body)?.properties : undefined) ?? {});
      chain.push(uploadOne({ ...r.upload, textFields }));
    }
    if (r.schemas) chain.push(validate(r.schemas));
    router[r.method](r.path, ...chain, r.handler);
  }
  return router;
}

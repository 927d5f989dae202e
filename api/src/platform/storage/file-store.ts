// Files outside the database (document scans, officer photos, and later recorder footage) under
// UPLOADS_DIR. Uploads land in UPLOADS_DIR/.incoming first; only a request that succeeds moves its
// file into place, and the upload middleware removes whatever a failed request left behind, so no
// orphan file survives a refused request.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Writable } from 'node:stream';
import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { config } from '../../config';
import { AppError, type FieldError } from '../errors';
import { hashingStorage, type HashedFile } from './hashing-storage';
import type { MessageKey } from '../messages';

export interface StoredFile {
  key: string;
  sha256: string;
  size: number;
  contentType: string;
  originalName: string;
}

const root = () => config().uploadsDir;
const incoming = () => join(root(), '.incoming');

/** Absolute path of a stored key, refusing anything that would leave UPLOADS_DIR. */
export function pathOf(key: string): string {
  const base = resolve(root());
  const path = resolve(base, key);
  if (!path.startsWith(base + sep)) throw new Error(`invalid storage key ${key}`);
  return path;
}

export function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolvePromise(hash.digest('hex')));
  });
}

/** Moves an accepted upload into place (UPLOADS_DIR/<area>/<yyyy>/<mm>/<uuid>) and hashes it. */
/** A new storage key UPLOADS_DIR/<area>/<yyyy>/<mm>/<uuid>, its directory created. */
function newKey(area: string): string {
  const now = new Date();
  const dir = join(area, String(now.getUTCFullYear()), String(now.getUTCMonth() + 1).padStart(2, '0'));
  mkdirSync(pathOf(dir), { recursive: true });
  return join(dir, randomUUID());
}

export async function commitUpload(file: Express.Multer.File & Partial<HashedFile>, area: string): Promise<StoredFile> {
  const key = newKey(area);
  const sha256 = file.sha256 ?? (await sha256OfFile(file.path));
  await rename(file.path, pathOf(key));
  return { key, sha256, size: file.size, contentType: file.mimetype, originalName: Buffer.from(file.originalname, 'latin1').toString('utf8') };
}

/** Stores a file the server produced (e.g. a rendered opinion PDF) in the same layout as uploads. */
export async function storeBuffer(data: Buffer, area: string, contentType: string): Promise<Omit<StoredFile, 'originalName'>> {
  const key = newKey(area);
  await writeFile(pathOf(key), data, { flag: 'wx' });
  return { key, sha256: createHash('sha256').update(data).digest('hex'), size: data.length, contentType };
}

export async function removeStoredFile(key: string): Promise<void> {
  await rm(pathOf(key), { force: true });
}

export function openStoredFile(key: string) {
  return createReadStream(pathOf(key));
}

/**
 * Streams a stored file as the response. The file is opened before anything is sent, so a file missing
 * on disk answers 404 through the error handler; a read error later aborts the response. (A bare
 * `openStoredFile(key).pipe(res)` leaves the stream's error event unhandled, which stops the server.)
 */
export async function sendStoredFile(res: Response, key: string, contentType: string, cacheControl: string): Promise<void> {
  const stream = openStoredFile(key);
  try {
    await new Promise<void>((resolvePromise, reject) => {
      stream.once('open', () => resolvePromise());
      stream.once('error', reject);
    });
  } catch (err) {
    stream.destroy();
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError(404, 'record.not_found', { entity: 'file' });
    throw err;
  }
  stream.on('error', (err) => res.destroy(err));
  res.type(contentType).set('Cache-Control', cacheControl);
  stream.pipe(res);
}

export interface UploadOptions {
  field: string;
  maxBytes: number;
  /** Accepted MIME types. */
  types: readonly string[];
  /** Checks the file's first bytes: the declared MIME type alone is the client's word. */
  signature?: (head: Buffer) => boolean;
}

/** First bytes of the image formats accepted for photos. */
export const imageSignature = (head: Buffer) =>
  head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) ||
  head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) ||
  (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP');


/** multer ≥ 2.5 options; `streamHandler` (feeds the request to busboy) is newer than @types/multer. */
type MulterOptions = multer.Options & { streamHandler?: (req: Request, busboy: Writable) => void };

/** The multipart parser's (busboy's) own complaints about a body that is not well-formed multipart. */
function malformedMultipartKey(err: Error): MessageKey {
  if (/boundary not found/i.test(err.message)) return 'upload.no_boundary';
  if (/unexpected end of form|request (aborted|closed)/i.test(err.message)) return 'upload.truncated';
  return 'upload.malformed';
}

/**
 * multer for one file field, with size and type limits answered as 4xx naming the field, and the
 * temporary file removed when the request does not commit it. Only the file field and the declared
 * text fields are accepted; a malformed body is the client's fault (400), never a server error.
 */
export function uploadOne(options: UploadOptions & { textFields?: readonly string[] }): RequestHandler {
  const accepted = new Set([options.field, ...(options.textFields ?? [])]);
  const refuse = (status: number, key: MessageKey, params: Record<string, string>, field = options.field) =>
    new AppError(status, key, params, { [field]: { key, params } });
  return (req, res, next) => {
    // The first part whose name is not accepted, as it arrived (before multer parses "a[b]" paths).
    let unknownField: string | undefined;
    const upload = multer(<MulterOptions>{
      // Streamed to .incoming and hashed on the way: never a whole file in memory, never read twice.
      storage: hashingStorage(incoming),
      limits: { fileSize: options.maxBytes, files: 1, fields: 20, fieldNameSize: 100 },
      fileFilter: (_req, file, cb) => {
        const types = options.types.join(', ');
        if (options.types.includes(file.mimetype)) cb(null, true);
        else cb(refuse(415, 'upload.bad_type', { types }));
      },
      streamHandler: (request: Request, busboy: Writable) => {
        const note = (name: unknown) => { if (unknownField === undefined && typeof name === 'string' && !accepted.has(name)) unknownField = name; };
        busboy.prependListener('field', note);
        busboy.prependListener('file', note);
        request.pipe(busboy);
      },
    }).single(options.field);
    // Whatever happens next, a temporary file still in .incoming when the response ends is removed.
    res.once('close', () => { if (req.file?.path) void rm(req.file.path, { force: true }); });
    upload(req, res, (err: unknown) => {
      if (!(err instanceof AppError) && (unknownField !== undefined || (!err && !req.file))) {
        const fields: Record<string, FieldError> = {};
        const unknown = { field: unknownField ?? '', accepted: [...accepted].join(', ') };
        if (unknownField !== undefined) fields[unknownField] = { key: 'upload.unknown_field', params: unknown };
        if (!req.file) fields[options.field] = { key: 'upload.missing' };
        return next(req.file ? new AppError(400, 'upload.unknown_field', unknown, fields) : new AppError(400, 'upload.missing', {}, fields));
      }
      if (!err && req.file) {
        if (!options.signature) return next();
        const types = options.types.join(', ');
        return next(options.signature((req.file as Express.Multer.File & HashedFile).head) ? undefined : refuse(415, 'upload.bad_type', { types }));
      }
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE') return next(refuse(413, 'upload.too_large', { limit: `${Math.round(options.maxBytes / 1024 / 1024)} MB` }));
        return next(refuse(400, 'upload.invalid', { details: `${err.code}: ${err.message}` }, err.field ?? options.field));
      }
      // busboy's parse errors carry no errno code; a file-system error (ENOSPC, EACCES …) stays a server error.
      if (err instanceof Error && !(err instanceof AppError) && !(err as NodeJS.ErrnoException).code) {
        return next(refuse(400, malformedMultipartKey(err), { details: err.message }));
      }
      next(err);
    });
  };
}

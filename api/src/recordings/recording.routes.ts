import { config } from '../config';
import { requestContext, type RouteSpec } from '../platform/http/route';
import { sendList } from '../platform/http/listing';
import type { HashedFile } from '../platform/storage/hashing-storage';
import { createRecording, custodyOf, getRecording, listRecordings, recordingForAccess, recordingListSpec, updateRecording, type CustodyPurpose } from './recording.service';

const tag = 'recordings';
/** Declared types the upload accepts at all; the content decides (content-type.ts). */
const DECLARED_TYPES = ['video/mp4', 'video/quicktime', 'video/x-msvideo', 'video/x-matroska', 'video/webm', 'video/mp2t', 'video/3gpp', 'video/x-flv', 'video/mpeg',
  'audio/mpeg', 'audio/wav', 'audio/x-wav', 'audio/mp4', 'audio/aac', 'audio/amr', 'audio/ogg', 'audio/flac',
  'image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf', 'application/octet-stream'];

export const recordingRoutes: RouteSpec[] = [
  {
    method: 'get', path: '/recordings', tag, access: 'cases:read', summary: 'Recorder footage of cases (执法记录仪视音频); filter by caseId',
    schemas: { query: 'list-query' }, response: { schema: 'recording', list: true },
    handler: async (req, res) => sendList(res, recordingListSpec.resource, await listRecordings(requestContext(req), res.locals.query)),
  },
  {
    method: 'get', path: '/recordings/:id', tag, access: 'cases:read', summary: 'One recording with its metadata versions',
    schemas: { params: 'id-params' }, response: { schema: 'recording' },
    handler: async (req, res) => { res.json(await getRecording(requestContext(req), req.params.id as string)); },
  },
  {
    method: 'post', path: '/recordings', tag, access: 'cases:write',
    summary: 'Upload one recorder file (multipart field "file", metadata as fields beside it): streamed to disk, SHA-256 computed at ingest, type detected from the content, marked late after the agency\'s limit',
    schemas: { body: 'recording-create' }, response: { schema: 'recording' }, errors: [409, 413, 415],
    upload: { field: 'file', types: DECLARED_TYPES, maxBytes: config().recordings.maxBytes },
    handler: async (req, res) => {
      res.status(201).json(await createRecording(requestContext(req), req.body, req.file as Express.Multer.File & HashedFile));
    },
  },
  {
    method: 'put', path: '/recordings/:id', tag, access: 'cases:write', summary: 'Correct the metadata (never the file): a new metadata version with the reason',
    schemas: { params: 'id-params', body: 'recording-update' }, response: { schema: 'recording' }, errors: [409],
    handler: async (req, res) => { res.json(await updateRecording(requestContext(req), req.params.id as string, req.body)); },
  },
  {
    method: 'get', path: '/recordings/:id/content', tag, access: 'cases:read',
    summary: 'Stream or download the original with HTTP Range (206), its SHA-256 in Repr-Digest and X-Content-SHA256; every access is a custody entry',
    schemas: { params: 'id-params', query: 'recording-content-query' },
    response: { description: 'The original file, or the requested byte range (206)', contentType: 'application/octet-stream', alsoStatuses: [206] }, errors: [416],
    handler: async (req, res) => {
      const { purpose = 'view', reason } = res.locals.query as { purpose?: CustodyPurpose; reason?: string };
      const rec = await recordingForAccess(requestContext(req), req.params.id as string, purpose, reason);
      const name = encodeURIComponent(rec.file.originalName ?? `recording-${rec.id}`);
      res.type(rec.file.contentType)
        .set('Content-Disposition', `${purpose === 'download' ? 'attachment' : 'inline'}; filename*=UTF-8''${name}`)
        .set('X-Content-SHA256', rec.file.sha256)
        .set('Repr-Digest', `sha-256=:${Buffer.from(rec.file.sha256, 'hex').toString('base64')}:`);
      // `send` answers Range requests (206 with Content-Range, 416 beyond the end) relative to the uploads root.
      await new Promise<void>((resolve, reject) => {
        res.sendFile(rec.file.key, { root: config().uploadsDir, acceptRanges: true, cacheControl: false, lastModified: false, headers: { 'Cache-Control': 'private, no-store' } }, (err) => (err ? reject(err) : resolve()));
      });
    },
  },
  {
    method: 'get', path: '/recordings/:id/custody', tag, access: 'cases:read', summary: 'Custody history (监管链): every upload, correction, view and download of the recording',
    schemas: { params: 'id-params' }, response: { schema: 'audit-entry', list: true },
    handler: async (req, res) => { res.json(await custodyOf(requestContext(req), req.params.id as string)); },
  },
];

// Recorder footage and other audio-video evidence of a case (执法全过程记录, DOMAIN.md §5): ingest with
// the hash computed while the bytes are written, the type taken from the content, a late upload marked
// against the agency's limit, metadata corrected only as new versions with a reason, and every access to
// the original written into the audit chain as a custody entry.
import mongoose from 'mongoose';
import { OfficerModel } from '../officers/officer.model';
import { CaseModel } from '../cases/case.model';
import { CLOSED } from '../cases/case-lifecycle';
import { assertActsOnCase } from '../cases/case.service';
import { settingsOf } from '../agencies/agency-settings.service';
import type { RequestContext } from '../platform/auth/actor';
import { agencyScope, findInScope, isInScope } from '../platform/auth/agency-scope';
import { AuditEntryModel } from '../platform/audit/audit.model';
import { recordAudit } from '../platform/audit/audit.service';
import { withKeyLock } from '../platform/database/keyed-lock';
import { AppError, type FieldError } from '../platform/errors';
import type { MessageKey } from '../platform/messages';
import { listRecords, type ListQuery, type ListSpec } from '../platform/http/listing';
import { commitUpload, pathOf, removeStoredFile, sha256OfFile } from '../platform/storage/file-store';
import type { HashedFile } from '../platform/storage/hashing-storage';
import { EDITABLE_FIELDS, RecordingModel, type RecordingDocument } from './recording.model';
import { contentKind, kindOfName } from './content-type';

export const recordingListSpec: ListSpec = {
  resource: 'recordings',
  filters: { caseId: 'objectId', officerId: 'objectId', important: 'boolean', late: 'boolean', recordedFrom: 'date' },
  search: ['deviceSerial', 'location', 'notes', 'file.originalName'],
  sortable: ['recordedFrom', 'uploadedAt', 'size', 'deviceSerial'],
  defaultSort: ['recordedFrom', 'ASC'],
};

/** The text fields beside the file (multipart fields arrive as strings). */
export interface RecordingFields {
  caseId: string;
  actionId?: string;
  deviceSerial: string;
  officerId: string;
  recordedFrom: string;
  recordedTo: string;
  location?: string;
  important?: 'true' | 'false';
  notes?: string;
  sha256?: string;
}

export interface RecordingUpdate {
  reason: string;
  actionId?: string | null;
  deviceSerial?: string;
  officerId?: string;
  recordedFrom?: string;
  recordedTo?: string;
  location?: string | null;
  important?: boolean;
  notes?: string | null;
}

/** A recorder's clock may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

const refuse = (status: number, field: string, key: MessageKey, params: Record<string, string | number> = {}) =>
  new AppError(status, key, params, { [field]: { key, params } as FieldError });

export function listRecordings(ctx: RequestContext, query: ListQuery) {
  return listRecords(RecordingModel, recordingListSpec, query, agencyScope(ctx.actor!));
}

export function getRecording(ctx: RequestContext, id: string): Promise<RecordingDocument> {
  return findInScope(RecordingModel, ctx.actor!, id, 'recording');
}

/** Minutes from the end of the recording to the upload, and whether that exceeds the limit. */
export function lateness(recordedTo: Date, uploadedAt: Date, limitHours: number): { late: boolean; lateByMinutes?: number } {
  const minutes = Math.floor((uploadedAt.getTime() - recordedTo.getTime()) / 60_000);
  return minutes > limitHours * 60 ? { late: true, lateByMinutes: minutes } : { late: false };
}

async function caseForRecording(ctx: RequestContext, caseId: string) {
  const c = mongoose.isValidObjectId(caseId) ? await CaseModel.findOne({ _id: caseId }) : null;
  if (!c || !isInScope(ctx.actor!, String(c.agencyId))) throw refuse(400, 'caseId', 'record.not_found', { entity: 'case' });
  await assertActsOnCase(ctx, c);
  if (CLOSED.includes(c.status as never)) throw new AppError(409, 'recordings.case_closed');
  return c;
}

async function assertOfficerOfAgency(agencyId: string, officerId: string) {
  if (!(await OfficerModel.exists({ _id: officerId, agencyId }))) throw refuse(400, 'officerId', 'cases.officer_not_found', { id: officerId });
}

function assertPeriod(from: Date, to: Date, now: Date) {
  if (to.getTime() < from.getTime()) throw refuse(400, 'recordedTo', 'recordings.period_order');
  if (to.getTime() > now.getTime() + CLOCK_SKEW_MS) throw refuse(400, 'recordedTo', 'recordings.in_future');
}

/** Checks everything about an upload that stands in the temporary file, before anything is stored. */
async function checkFile(file: Express.Multer.File & HashedFile, fields: RecordingFields): Promise<string> {
  if (fields.sha256 && fields.sha256.toLowerCase() !== file.sha256) {
    throw refuse(400, 'sha256', 'recordings.hash_mismatch', { expected: fields.sha256.toLowerCase(), actual: file.sha256 });
  }
  const detected = await contentKind(file.head);
  if (!detected) throw refuse(415, 'file', 'recordings.type_unknown');
  const named = kindOfName(file.originalname);
  if (named && named !== detected.kind) throw refuse(415, 'file', 'recordings.type_mismatch', { named, detected: detected.mime });
  return detected.mime;
}

/**
 * Registers an uploaded file. Nothing is stored unless every check passes; the file is moved into place
 * only then, and removed again if the record cannot be written, so no orphan file survives a failure.
 */
export async function createRecording(ctx: RequestContext, fields: RecordingFields, file: Express.Multer.File & HashedFile) {
  const now = new Date();
  const c = await caseForRecording(ctx, fields.caseId);
  const agencyId = String(c.agencyId);
  await assertOfficerOfAgency(agencyId, fields.officerId);
  const recordedFrom = new Date(fields.recordedFrom);
  const recordedTo = new Date(fields.recordedTo);
  assertPeriod(recordedFrom, recordedTo, now);
  const contentType = await checkFile(file, fields);
  const settings = await settingsOf(agencyId);
  const limitHours = settings.recordingUploadLimitHours ?? 24;
  const stored = await commitUpload({ ...file, mimetype: contentType }, 'recordings');
  try {
    const rec = await RecordingModel.create({
      caseId: c._id, agencyId: c.agencyId, actionId: fields.actionId, deviceSerial: fields.deviceSerial, officerId: fields.officerId,
      recordedFrom, recordedTo, location: fields.location, important: fields.important === 'true', notes: fields.notes,
      file: { key: stored.key, sha256: stored.sha256, size: stored.size, contentType, originalName: stored.originalName },
      uploadedAt: now, uploadedBy: ctx.actor!.userId, uploadedByName: ctx.actor!.displayName,
      ...lateness(recordedTo, now, limitHours), lateLimitHours: limitHours, settingsVersion: settings.version,
    });
    await recordAudit(ctx, {
      action: 'recording.upload', entity: 'recording', entityId: rec.id, agencyId, caseId: c.id,
      note: `${stored.originalName} · ${stored.size} bytes · sha256 ${stored.sha256}`,
    });
    return rec;
  } catch (err) {
    await removeStoredFile(stored.key);
    throw err;
  }
}

const comparable = (v: unknown) => (v instanceof Date ? v.toISOString() : v === undefined ? null : String(v));

/** Corrects metadata: a new metadata version with the reason, the earlier values kept. The file never changes. */
export async function updateRecording(ctx: RequestContext, id: string, input: RecordingUpdate) {
  const rec = await getRecording(ctx, id);
  const c = await caseForRecording(ctx, String(rec.caseId)).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 400) throw new AppError(404, 'record.not_found', { entity: 'case' });
    throw err;
  });
  const next: Record<string, unknown> = {};
  const before: Record<string, unknown> = {};
  for (const field of EDITABLE_FIELDS) {
    if (!(field in input)) continue;
    const raw = input[field];
    const value = (field === 'recordedFrom' || field === 'recordedTo') && typeof raw === 'string' ? new Date(raw) : raw;
    if (comparable(value) === comparable(rec.get(field))) continue;
    before[field] = rec.get(field) ?? null;
    next[field] = value;
  }
  if (!Object.keys(next).length) throw new AppError(400, 'recordings.nothing_changed');
  if (next.officerId) await assertOfficerOfAgency(String(c.agencyId), String(next.officerId));
  assertPeriod((next.recordedFrom as Date | undefined) ?? rec.recordedFrom, (next.recordedTo as Date | undefined) ?? rec.recordedTo, new Date());
  const version = rec.metadataVersion + 1;
  const entry = { version: rec.metadataVersion, at: new Date(), byUserId: ctx.actor!.userId, byName: ctx.actor!.displayName, reason: input.reason, before };
  const set: Record<string, unknown> = { metadataVersion: version };
  const unset: Record<string, 1> = {};
  for (const [field, value] of Object.entries(next)) {
    if (value === null) unset[field] = 1;
    else set[field] = value;
  }
  // Conditional on the version read: of two corrections at once, the second is refused, never merged.
  const updated = await withKeyLock(`recording:${rec.id}`, () => RecordingModel.findOneAndUpdate(
    { _id: rec._id, metadataVersion: rec.metadataVersion },
    { $set: set, ...(Object.keys(unset).length ? { $unset: unset } : {}), $push: { metadataHistory: entry } },
    { new: true },
  ));
  if (!updated) throw new AppError(409, 'recordings.changed_meanwhile');
  await recordAudit(ctx, {
    action: 'recording.correct', entity: 'recording', entityId: rec.id, agencyId: String(rec.agencyId), caseId: String(rec.caseId),
    changes: Object.keys(next).map((field) => ({ field, before: before[field], after: next[field] })), note: input.reason,
  });
  return updated;
}

export type CustodyPurpose = 'view' | 'download';

/** Within this time, more range requests of the same viewer for the same file are one custody entry (a player seeks). */
const CUSTODY_WINDOW_MS = 10 * 60 * 1000;

/**
 * The file of a recording for streaming or download, after writing the custody entry (who, when, from
 * where, why). A player's many range requests of one viewing are one entry.
 */
export async function recordingForAccess(ctx: RequestContext, id: string, purpose: CustodyPurpose, reason?: string) {
  const rec = await getRecording(ctx, id);
  const action = `recording.${purpose}`;
  const recent = purpose === 'view'
    ? await AuditEntryModel.findOne({ entityId: rec.id, action, actorId: ctx.actor!.userId, at: { $gte: new Date(Date.now() - CUSTODY_WINDOW_MS) } }, { _id: 1 }).lean()
    : null;
  if (!recent) {
    await recordAudit(ctx, { action, entity: 'recording', entityId: rec.id, agencyId: String(rec.agencyId), caseId: String(rec.caseId), note: reason });
  }
  return rec;
}

/** The custody history of a recording: every entry of the audit chain about it, oldest first. */
export async function custodyOf(ctx: RequestContext, id: string) {
  const rec = await getRecording(ctx, id);
  return AuditEntryModel.find({ entity: 'recording', entityId: rec.id }).sort({ seq: 1 }).limit(5000);
}

export interface IntegrityProblem {
  id: string;
  caseId: string;
  problem: 'missing' | 'altered';
  expected: string;
  actual?: string;
}

/**
 * Re-hashes every stored original and names those that are missing or no longer match the SHA-256
 * taken at ingest (`npm run recordings:verify`). Reads one file at a time, streamed.
 */
export async function verifyRecordingFiles(): Promise<{ checked: number; problems: IntegrityProblem[] }> {
  const problems: IntegrityProblem[] = [];
  let checked = 0;
  for await (const rec of RecordingModel.find({}, { file: 1, caseId: 1 }).sort({ _id: 1 }).lean().cursor()) {
    checked += 1;
    const base = { id: String(rec._id), caseId: String(rec.caseId), expected: rec.file.sha256 };
    try {
      const actual = await sha256OfFile(pathOf(rec.file.key));
      if (actual !== rec.file.sha256) problems.push({ ...base, problem: 'altered', actual });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      problems.push({ ...base, problem: 'missing' });
    }
  }
  return { checked, problems };
}

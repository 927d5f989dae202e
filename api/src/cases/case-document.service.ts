// Written records of a case. Immutable once written: a scan is attached once; any change is a
// correction (a new version naming the one it supersedes, with a reason). Once the case is closed,
// only corrections are possible. Every file access is audited.
import { addWorkdaysNow } from '../calendar/calendar.service';
import { OfficerModel } from '../officers/officer.model';
import type { CaseDocumentCreate } from '../generated/schema-types';
import type { RequestContext } from '../platform/auth/actor';
import { agencyScope, findInScope } from '../platform/auth/agency-scope';
import { diff, recordAudit } from '../platform/audit/audit.service';
import { withKeyLock } from '../platform/database/keyed-lock';
import { AppError } from '../platform/errors';
import { listRecords, type ListQuery, type ListSpec } from '../platform/http/listing';
import { commitUpload, removeStoredFile } from '../platform/storage/file-store';
import { CaseDocumentModel, type CaseDocumentDocument } from './case-document.model';
import { CLOSED } from './case-lifecycle';
import { assertActsOnCase, findCase } from './case.service';

export const documentListSpec: ListSpec = {
  resource: 'case-documents',
  filters: { caseId: 'objectId', type: 'string', current: 'boolean', date: 'day' },
  search: ['number', 'title', 'summary'],
  sortable: ['date', 'type', 'createdAt', 'version'],
  defaultSort: ['date', 'ASC'],
};

export type DocumentInput = CaseDocumentCreate;

export function listDocuments(ctx: RequestContext, query: ListQuery) {
  return listRecords(CaseDocumentModel, documentListSpec, query, agencyScope(ctx.actor!));
}

export function getDocument(ctx: RequestContext, id: string): Promise<CaseDocumentDocument> {
  return findInScope(CaseDocumentModel, ctx.actor!, id, 'document');
}

async function assertOfficersOfAgency(agencyId: string, officerIds: string[] = []) {
  const found = await OfficerModel.countDocuments({ _id: { $in: officerIds }, agencyId });
  if (found !== new Set(officerIds).size) throw new AppError(400, 'cases.officer_not_found', { id: officerIds.join(', ') }, { officerIds: { key: 'cases.officer_not_found', params: { id: officerIds.join(', ') } } });
}

/** 行政处罚法 art. 64 (art. 85: working days): the hearing notice is served at least 7 working days before the hearing. */
export const HEARING_NOTICE_WORKDAYS = 7;

/** A hearing record (its date is the hearing's) needs a hearing notice served early enough. */
async function assertHearingNoticed(caseId: CaseDocumentDocument['caseId'], type: string, date: string) {
  if (type !== 'hearing_record') return;
  const notice = await CaseDocumentModel.findOne({ caseId, type: 'hearing_notice', current: true }).sort({ date: -1 });
  if (!notice) throw new AppError(409, 'documents.hearing_without_notice', {}, { type: { key: 'documents.hearing_without_notice' } });
  const earliest = (await addWorkdaysNow(notice.date, HEARING_NOTICE_WORKDAYS)).date;
  if (date < earliest) {
    throw new AppError(400, 'documents.hearing_notice_short', { noticeOn: notice.date, earliest }, { date: { key: 'documents.hearing_notice_short', params: { noticeOn: notice.date, earliest } } });
  }
}

export async function createDocument(ctx: RequestContext, input: DocumentInput) {
  const c = await findCase(ctx, input.caseId).catch(() => {
    throw new AppError(400, 'record.not_found', { entity: 'case' }, { caseId: { key: 'record.not_found', params: { entity: 'case' } } });
  });
  await assertActsOnCase(ctx, c);
  if (CLOSED.includes(c.status as never)) throw new AppError(409, 'documents.case_closed');
  await assertOfficersOfAgency(String(c.agencyId), input.officerIds);
  await assertHearingNoticed(c._id, input.type, input.date);
  const doc = await CaseDocumentModel.create({
    ...input, caseId: c._id, agencyId: c.agencyId, version: 1, current: true, createdBy: ctx.actor!.userId, createdByName: ctx.actor!.displayName,
  });
  await recordAudit(ctx, { action: 'case_document.create', entity: 'case_document', entityId: doc.id, agencyId: String(c.agencyId), caseId: c.id, changes: diff(undefined, doc.toJSON()), note: `${doc.type} ${doc.number ?? ''}`.trim() });
  return doc;
}

export async function correctDocument(ctx: RequestContext, id: string, input: Partial<Omit<DocumentInput, 'caseId' | 'type'>> & { reason: string }) {
  const old = await getDocument(ctx, id);
  await assertActsOnCase(ctx, await findCase(ctx, String(old.caseId)));
  if (!old.current) throw new AppError(409, 'documents.superseded');
  if (input.officerIds) await assertOfficersOfAgency(String(old.agencyId), input.officerIds);
  await assertHearingNoticed(old.caseId, old.type, input.date ?? old.date);
  const { reason, ...changes } = input;
  const next = await CaseDocumentModel.create({
    caseId: old.caseId, agencyId: old.agencyId, type: old.type,
    title: changes.title ?? old.title, number: changes.number ?? old.number, date: changes.date ?? old.date,
    officerIds: changes.officerIds ?? old.officerIds, summary: changes.summary ?? old.summary,
    version: old.version + 1, supersedesId: old._id, correctionReason: reason, current: true,
    createdBy: ctx.actor!.userId, createdByName: ctx.actor!.displayName,
  });
  // Conditional on "still current": of two corrections at once, one wins and the other is undone.
  const superseded = await withKeyLock(`case-document:${old.id}`, () => CaseDocumentModel.findOneAndUpdate({ _id: old._id, current: true }, { $set: { current: false } }));
  if (!superseded) {
    await CaseDocumentModel.deleteOne({ _id: next._id });
    throw new AppError(409, 'documents.superseded');
  }
  await recordAudit(ctx, {
    action: 'case_document.correct', entity: 'case_document', entityId: next.id, agencyId: String(old.agencyId), caseId: String(old.caseId),
    changes: diff(old.toJSON(), next.toJSON(), ['version', 'supersedesId', 'correctionReason', 'createdBy', 'createdByName', 'file']), note: `v${next.version} supersedes v${old.version}: ${reason}`,
  });
  return next;
}

export async function attachDocumentFile(ctx: RequestContext, id: string, file: Express.Multer.File) {
  const doc = await getDocument(ctx, id);
  if (doc.file) throw new AppError(409, 'documents.file_attached');
  if (!doc.current) throw new AppError(409, 'documents.superseded');
  const c = await findCase(ctx, String(doc.caseId));
  await assertActsOnCase(ctx, c);
  if (CLOSED.includes(c.status as never) && !doc.supersedesId) throw new AppError(409, 'documents.case_closed');
  const stored = await commitUpload(file, 'case-documents');
  const updated = await withKeyLock(`case-document:${doc.id}`, () => CaseDocumentModel.findOneAndUpdate(
    { _id: doc._id, file: { $exists: false } },
    { $set: { file: { ...stored, uploadedAt: new Date() } } },
    { returnDocument: 'after' },
  ));
  if (!updated) {
    await removeStoredFile(stored.key);
    throw new AppError(409, 'documents.file_attached');
  }
  await recordAudit(ctx, { action: 'case_document.attach_file', entity: 'case_document', entityId: doc.id, agencyId: String(doc.agencyId), caseId: String(doc.caseId), note: `${stored.originalName} sha256 ${stored.sha256} (${stored.size} bytes)` });
  return updated;
}

/** Every read of a scan is logged (DOMAIN.md §5: every copy or view is logged). */
export async function documentFileForDownload(ctx: RequestContext, id: string) {
  const doc = await getDocument(ctx, id);
  if (!doc.file) throw new AppError(404, 'record.not_found', { entity: 'record' });
  await recordAudit(ctx, { action: 'case_document.file_access', entity: 'case_document', entityId: doc.id, agencyId: String(doc.agencyId), caseId: String(doc.caseId), note: doc.file.sha256 ?? undefined });
  return doc.file as { key: string; contentType: string; originalName: string; sha256: string };
}


// Enforcement officers (执法人员): records, photo, linked user account, transfer between agencies (换证).
import { AgencyModel } from '../agencies/agency.model';
import { CertificateModel } from '../certificates/certificate.model';
import type { RequestContext } from '../platform/auth/actor';
import { agencyScope, findInScope, isInScope } from '../platform/auth/agency-scope';
import { diff, recordAudit } from '../platform/audit/audit.service';
import { AppError } from '../platform/errors';
import type { MessageKey } from '../platform/messages';
import { listRecords, type ListQuery, type ListSpec } from '../platform/http/listing';
import { commitUpload, removeStoredFile } from '../platform/storage/file-store';
import { UserModel } from '../users/user.model';
import { OfficerModel, type OfficerDocument } from './officer.model';

export const officerListSpec: ListSpec = {
  resource: 'officers',
  filters: { agencyId: 'objectId', status: 'string', legalQualification: 'boolean', userId: 'objectId', area: 'string', createdAt: 'date' },
  paths: { area: 'areas' },
  search: ['name', 'post', 'areas'],
  sortable: ['name', 'post', 'status', 'agencyId', 'createdAt', 'updatedAt'],
  defaultSort: ['name', 'ASC'],
};

export interface OfficerInput {
  name?: string;
  agencyId?: string;
  post?: string | null;
  userId?: string | null;
  areas?: string[];
  legalQualification?: boolean;
  legalQualificationNumber?: string | null;
  status?: 'active' | 'suspended' | 'left';
}

const fieldError = (field: string, key: MessageKey, params: Record<string, string | number> = {}, status = 400) =>
  new AppError(status, key, params, { [field]: { key, params } });

export function listOfficers(ctx: RequestContext, query: ListQuery) {
  return listRecords(OfficerModel, officerListSpec, query, agencyScope(ctx.actor!));
}

export function getOfficer(ctx: RequestContext, id: string) {
  return findInScope(OfficerModel, ctx.actor!, id, 'officer');
}

/** `field` is the request field that named the agency (agencyId, or toAgencyId for a transfer). */
async function assertAgency(ctx: RequestContext, agencyId: string, field = 'agencyId') {
  if (!isInScope(ctx.actor!, agencyId)) throw fieldError(field, 'users.other_agency', {}, 403);
  const agency = await AgencyModel.findById(agencyId);
  if (!agency) throw fieldError(field, 'record.not_found', { entity: 'agency' });
  if (agency.kind !== 'enforcement') throw fieldError(field, 'agencies.not_enforcement_subject', { name: agency.name });
  return agency;
}

/** A linked account must be of the same agency and not linked to another active officer record. */
async function assertUserLink(userId: string | null | undefined, agencyId: string, exceptOfficerId?: string) {
  if (!userId) return;
  const user = await UserModel.findById(userId);
  if (!user || String(user.agencyId) !== agencyId) throw fieldError('userId', 'officers.user_other_agency');
  const other = await OfficerModel.findOne({ userId, status: { $ne: 'transferred' } }, { _id: 1 });
  if (other && String(other._id) !== exceptOfficerId) throw fieldError('userId', 'officers.user_already_linked', {}, 409);
}

export async function createOfficer(ctx: RequestContext, input: OfficerInput) {
  const agencyId = input.agencyId ?? ctx.actor!.agencyId;
  await assertAgency(ctx, agencyId);
  await assertUserLink(input.userId, agencyId);
  const officer = await OfficerModel.create({ ...input, agencyId, userId: input.userId || undefined });
  await recordAudit(ctx, { action: 'officer.create', entity: 'officer', entityId: officer.id, agencyId, changes: diff(undefined, officer.toJSON()) });
  return officer;
}

export async function updateOfficer(ctx: RequestContext, id: string, input: OfficerInput) {
  const officer = await getOfficer(ctx, id);
  if (officer.status === 'transferred') throw new AppError(409, 'officers.transferred_readonly');
  if (input.agencyId && input.agencyId !== String(officer.agencyId)) throw fieldError('agencyId', 'officers.use_transfer', {}, 409);
  if (input.userId !== undefined) await assertUserLink(input.userId, String(officer.agencyId), officer.id);
  const before = officer.toJSON();
  // Only editable fields: the read-only ones a client echoes back (id, transfer, transferredFromOfficerId,
  // hasPhoto, timestamps) are accepted by the schema but must not be written.
  const changes: Record<string, unknown> = {};
  for (const k of ['name', 'post', 'areas', 'legalQualification', 'legalQualificationNumber', 'status'] as const) if (input[k] !== undefined) changes[k] = input[k];
  for (const k of ['post', 'legalQualificationNumber'] as const) if (changes[k] === null) changes[k] = undefined;
  officer.set({ ...changes, userId: input.userId === null || input.userId === '' ? undefined : (input.userId ?? officer.userId) });
  await officer.save();
  const fieldChanges = diff(before, officer.toJSON());
  if (fieldChanges.length) await recordAudit(ctx, { action: 'officer.update', entity: 'officer', entityId: officer.id, agencyId: String(officer.agencyId), changes: fieldChanges });
  return officer;
}

/**
 * Moves an officer to another agency (调动): the record in the old agency is closed as
 * "transferred" and keeps its history; its certificates become "replaced"; a new record is opened in
 * the new agency, which must issue a new certificate before the officer may act for it (换证).
 * A linked user account moves with the officer.
 */
export async function transferOfficer(ctx: RequestContext, id: string, input: { toAgencyId: string; basis: string }) {
  const officer = await getOfficer(ctx, id);
  if (officer.status === 'transferred') throw new AppError(409, 'officers.transferred_readonly');
  if (officer.status === 'left') throw new AppError(409, 'officers.left_cannot_transfer');
  if (input.toAgencyId === String(officer.agencyId)) throw fieldError('toAgencyId', 'officers.same_agency');
  const target = await assertAgency(ctx, input.toAgencyId, 'toAgencyId');
  const now = new Date();

  const successor = await OfficerModel.create({
    name: officer.name,
    agencyId: target._id,
    post: undefined,
    userId: officer.userId,
    areas: officer.areas,
    legalQualification: officer.legalQualification,
    legalQualificationNumber: officer.legalQualificationNumber,
    // A suspended officer stays suspended in the new agency.
    status: officer.status,
    photo: officer.photo,
    transferredFromOfficerId: officer._id,
  });
  // Conditional on the status read: a concurrent transfer of the same record fails here.
  const closed = await OfficerModel.findOneAndUpdate(
    { _id: officer._id, status: officer.status },
    {
      $set: {
        status: 'transferred',
        transfer: { fromAgencyId: officer.agencyId, toAgencyId: target._id, newOfficerId: successor._id, basis: input.basis, at: now, byName: ctx.actor!.displayName },
      },
      $unset: { userId: 1 },
    },
    { returnDocument: 'after' },
  );
  if (!closed) {
    await OfficerModel.deleteOne({ _id: successor._id });
    throw new AppError(409, 'concurrency.stale');
  }
  const replaced = await CertificateModel.updateMany(
    { officerId: officer._id, status: 'valid' },
    { $set: { status: 'replaced', statusReason: `调动至${target.name}：${input.basis}`, statusChangedAt: now } },
  );
  if (officer.userId) await UserModel.updateOne({ _id: officer.userId }, { $set: { agencyId: target._id } });
  await recordAudit(ctx, {
    action: 'officer.transfer', entity: 'officer', entityId: officer.id, agencyId: String(officer.agencyId),
    changes: [{ field: 'agencyId', before: String(officer.agencyId), after: String(target._id) }, { field: 'status', before: officer.status, after: 'transferred' }],
    note: `${input.basis}; new officer record ${successor.id}; ${replaced.modifiedCount} certificate(s) replaced`,
  });
  await recordAudit(ctx, { action: 'officer.create', entity: 'officer', entityId: successor.id, agencyId: String(target._id), note: `transferred from officer record ${officer.id}` });
  return { previous: closed, officer: successor };
}

export async function setOfficerPhoto(ctx: RequestContext, id: string, file: Express.Multer.File) {
  const officer = await getOfficer(ctx, id);
  const stored = await commitUpload(file, 'officer-photos');
  const old = officer.photo?.key;
  try {
    officer.photo = stored as OfficerDocument['photo'];
    await officer.save();
  } catch (err) {
    await removeStoredFile(stored.key);
    throw err;
  }
  // Another officer record (before a transfer) may share the old photo; keep the file then.
  if (old && !(await OfficerModel.exists({ 'photo.key': old }))) await removeStoredFile(old);
  await recordAudit(ctx, { action: 'officer.photo', entity: 'officer', entityId: officer.id, agencyId: String(officer.agencyId), note: `sha256 ${stored.sha256}` });
  return officer;
}

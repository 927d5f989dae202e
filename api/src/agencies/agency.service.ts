import type { RequestContext } from '../platform/auth/actor';
import { agencyScope, findInScope } from '../platform/auth/agency-scope';
import { diff, recordAudit } from '../platform/audit/audit.service';
import { AppError, conflict } from '../platform/errors';
import { listRecords, type ListQuery, type ListSpec } from '../platform/http/listing';
import { UserModel } from '../users/user.model';
import type { AgencyCreate, AgencyUpdate } from '../generated/schema-types';
import { creditCodeProblem } from '../platform/identifiers/credit-code';
import { AgencyModel, type QualificationStatus } from './agency.model';
import { mayEnforce, qualificationTransitions, type QualificationAction } from './qualification';

export const agencyListSpec: ListSpec = {
  resource: 'agencies',
  filters: { kind: 'string', active: 'boolean', county: 'string', code: 'string', createdAt: 'date', status: 'string', mayEnforce: 'boolean' },
  paths: { status: 'qualification.status' },
  custom: {
    // Confirmed, announced and active: the one rule of qualification.ts as a query.
    mayEnforce: (value) => (value === true
      ? { kind: 'enforcement', active: true, 'qualification.status': 'announced' }
      : { $or: [{ kind: { $ne: 'enforcement' } }, { active: false }, { 'qualification.status': { $ne: 'announced' } }] }),
  },
  search: ['name', 'shortName', 'code'],
  sortable: ['name', 'shortName', 'code', 'kind', 'county', 'createdAt', 'updatedAt'],
  defaultSort: ['name', 'ASC'],
};

/** A create or update body, as validated by schemas/agency-create.json and agency-update.json. */
type AgencyInput = Omit<AgencyUpdate, 'id' | 'createdAt' | 'updatedAt'>;
const editable = ['name', 'shortName', 'code', 'kind', 'county', 'address', 'phone', 'contactPerson', 'active', 'subjectType', 'entrustingOrgan', 'creditCode', 'legalBasis', 'categories'] as const;

function pickEditable(input: AgencyCreate | AgencyUpdate): AgencyInput {
  const out: Record<string, unknown> = {};
  // null clears an optional field (stored as absent).
  for (const k of editable) if (input[k] !== undefined) out[k] = input[k] ?? undefined;
  return out as AgencyInput;
}

async function assertCodeFree(code: string | undefined, exceptId?: string): Promise<void> {
  if (!code) return;
  const existing = await AgencyModel.findOne({ code }, { _id: 1 });
  if (existing && String(existing._id) !== exceptId) {
    throw conflict('record.duplicate', { entity: 'agency', field: 'code' }, { code: { key: 'record.duplicate', params: { entity: 'agency', field: 'code' } } });
  }
}

/** Rules across fields that JSON Schema cannot express well: check character, entrusting organ. */
function assertSubjectRules(agency: { subjectType?: string | null; entrustingOrgan?: string | null; creditCode?: string | null }) {
  if (agency.creditCode) {
    const problem = creditCodeProblem(agency.creditCode);
    if (problem) throw new AppError(400, problem === 'check' ? 'agencies.credit_code_check' : 'agencies.credit_code_format', {}, {
      creditCode: { key: problem === 'check' ? 'agencies.credit_code_check' : 'agencies.credit_code_format' },
    });
  }
  if (agency.subjectType === 'entrusted_organization' && !agency.entrustingOrgan) {
    throw new AppError(400, 'agencies.entrusting_organ_required', {}, { entrustingOrgan: { key: 'agencies.entrusting_organ_required' } });
  }
}

export function listAgencies(ctx: RequestContext, query: ListQuery) {
  // An agency's own record is agency-owned data keyed by its _id.
  return listRecords(AgencyModel, agencyListSpec, query, agencyScope(ctx.actor!, '_id'));
}

export function getAgency(ctx: RequestContext, id: string) {
  return findInScope(AgencyModel, ctx.actor!, id, 'agency', '_id');
}

export async function createAgency(ctx: RequestContext, input: AgencyCreate) {
  const data = pickEditable(input);
  if (data.kind === 'enforcement') data.subjectType ??= 'administrative_organ';
  assertSubjectRules(data);
  await assertCodeFree(data.code);
  const agency = await AgencyModel.create(data);
  await recordAudit(ctx, { action: 'agency.create', entity: 'agency', entityId: agency.id, agencyId: agency.id, changes: diff(undefined, agency.toJSON(), ['qualification', 'mayEnforce']) });
  return agency;
}

export async function updateAgency(ctx: RequestContext, id: string, input: AgencyUpdate) {
  const agency = await getAgency(ctx, id);
  const data = pickEditable(input);
  await assertCodeFree(data.code, agency.id);
  if (data.active === false && agency.id === ctx.actor!.agencyId) {
    throw new AppError(409, 'agencies.inactive', { name: agency.name }, { active: { key: 'agencies.inactive', params: { name: agency.name } } });
  }
  const before = agency.toJSON();
  agency.set(data);
  assertSubjectRules(agency);
  await agency.save();
  const changes = diff(before, agency.toJSON(), ['qualification', 'mayEnforce']);
  if (changes.length) await recordAudit(ctx, { action: 'agency.update', entity: 'agency', entityId: agency.id, agencyId: agency.id, changes });
  return agency;
}

export async function deleteAgency(ctx: RequestContext, id: string) {
  const agency = await getAgency(ctx, id);
  const users = await UserModel.countDocuments({ agencyId: agency._id });
  if (users > 0) throw conflict('agencies.in_use', { count: users });
  await AgencyModel.deleteOne({ _id: agency._id });
  await recordAudit(ctx, { action: 'agency.delete', entity: 'agency', entityId: agency.id, agencyId: agency.id, changes: diff(agency.toJSON(), undefined, ['qualification', 'mayEnforce']) });
  return agency;
}

export interface QualificationInput {
  basis?: string;
  reason?: string;
  publicationDate?: string;
  announcementRef?: string;
}

/**
 * Moves an agency through the qualification workflow. The update is conditional on the status read,
 * so two supervisors acting at once cannot both succeed (the second gets 409 with the current state).
 */
export async function changeQualification(ctx: RequestContext, id: string, action: QualificationAction, input: QualificationInput) {
  const agency = await getAgency(ctx, id);
  if (agency.kind !== 'enforcement') throw new AppError(409, 'agencies.not_enforcement_subject', { name: agency.name });
  const from = agency.qualification!.status as QualificationStatus;
  const rule = qualificationTransitions[action];
  if (!rule.from.includes(from)) throw new AppError(409, 'agencies.qualification_transition', { action, status: from });
  const to = (rule.to === 'previous' ? agency.qualification!.statusBeforeSuspension ?? 'confirmed' : rule.to) as QualificationStatus;
  const now = new Date();
  const set: Record<string, unknown> = { 'qualification.status': to };
  // A field that no longer applies is removed, never stored as null: the record says what is, and null is no
  // status (the reason belongs to the latest step only; the status before a suspension only while suspended).
  const unset: Record<string, 1> = {};
  if (action === 'confirm') Object.assign(set, { 'qualification.confirmationBasis': input.basis, 'qualification.confirmedAt': now });
  if (action === 'announce') Object.assign(set, { 'qualification.publicationDate': input.publicationDate, 'qualification.announcementRef': input.announcementRef });
  if (action === 'suspend') set['qualification.statusBeforeSuspension'] = from;
  else unset['qualification.statusBeforeSuspension'] = 1;
  if (input.reason !== undefined) set['qualification.reason'] = input.reason;
  else unset['qualification.reason'] = 1;
  const event = {
    action, from, to, at: now,
    byUserId: ctx.actor!.userId, byName: ctx.actor!.displayName,
    basis: input.basis, reason: input.reason, publicationDate: input.publicationDate, announcementRef: input.announcementRef,
  };
  const updated = await AgencyModel.findOneAndUpdate(
    { _id: agency._id, 'qualification.status': from },
    { $set: set, ...(Object.keys(unset).length ? { $unset: unset } : {}), $push: { 'qualification.history': event } },
    { returnDocument: 'after' },
  );
  if (!updated) throw new AppError(409, 'concurrency.stale');
  await recordAudit(ctx, {
    action: `agency.${action}`, entity: 'agency', entityId: agency.id, agencyId: agency.id,
    changes: [{ field: 'qualification.status', before: from, after: to }],
    note: input.basis ?? input.reason ?? input.publicationDate,
  });
  return updated;
}

/** Throws unless the agency may enforce (cases call this before opening a case). */
export async function assertAgencyMayEnforce(agencyId: string): Promise<void> {
  const agency = await AgencyModel.findById(agencyId);
  if (!agency || !mayEnforce(agency)) throw new AppError(409, 'agencies.may_not_enforce', { name: agency?.name ?? agencyId });
}

// Power list items (权责清单): maintained by the agency_admin (the supervisor for any agency).
import type { RequestContext } from '../platform/auth/actor';
import { agencyScope, findInScope, isInScope } from '../platform/auth/agency-scope';
import { diff, recordAudit } from '../platform/audit/audit.service';
import { AppError } from '../platform/errors';
import { listRecords, type ListQuery, type ListSpec } from '../platform/http/listing';
import { AgencyModel } from '../agencies/agency.model';
import type { LegalBasis } from './legal-basis-text';
import { PowerItemModel } from './power-item.model';

export const powerListSpec: ListSpec = {
  resource: 'powers',
  filters: { agencyId: 'objectId', category: 'string', active: 'boolean', code: 'string', createdAt: 'date' },
  search: ['name', 'code', 'legalBasis.law'],
  sortable: ['name', 'code', 'category', 'createdAt', 'updatedAt'],
  defaultSort: ['code', 'ASC'],
};

export interface PowerInput {
  agencyId?: string;
  code?: string | null;
  name?: string;
  category?: string;
  legalBasis?: LegalBasis[];
  procedure?: string | null;
  timeLimit?: string | null;
  discretionStandard?: string | null;
  remedy?: string | null;
  active?: boolean;
}

const editable = ['code', 'name', 'category', 'legalBasis', 'procedure', 'timeLimit', 'discretionStandard', 'remedy', 'active'] as const;

export function listPowers(ctx: RequestContext, query: ListQuery) {
  return listRecords(PowerItemModel, powerListSpec, query, agencyScope(ctx.actor!));
}

export function getPower(ctx: RequestContext, id: string) {
  return findInScope(PowerItemModel, ctx.actor!, id, 'power');
}

/** The agency a power list belongs to: the caller's own, or any enforcement agency for a supervisor. */
export async function powerListAgency(ctx: RequestContext, agencyId: string | undefined) {
  const id = agencyId || ctx.actor!.agencyId;
  if (!isInScope(ctx.actor!, id)) throw new AppError(403, 'users.other_agency', {}, { agencyId: { key: 'users.other_agency' } });
  const agency = await AgencyModel.findById(id);
  if (!agency) throw new AppError(400, 'record.not_found', { entity: 'agency' }, { agencyId: { key: 'record.not_found', params: { entity: 'agency' } } });
  if (agency.kind !== 'enforcement') throw new AppError(400, 'agencies.not_enforcement_subject', { name: agency.name }, { agencyId: { key: 'agencies.not_enforcement_subject', params: { name: agency.name } } });
  return agency;
}

export async function assertPowerCodeFree(agencyId: string, code: string | undefined, exceptId?: string) {
  if (!code) return;
  const existing = await PowerItemModel.findOne({ agencyId, code }, { _id: 1 });
  if (existing && String(existing._id) !== exceptId) {
    throw new AppError(409, 'record.duplicate', { entity: 'power', field: 'code' }, { code: { key: 'record.duplicate', params: { entity: 'power', field: 'code' } } });
  }
}

export async function createPower(ctx: RequestContext, input: PowerInput) {
  const agency = await powerListAgency(ctx, input.agencyId);
  await assertPowerCodeFree(agency.id, input.code ?? undefined);
  const data: Record<string, unknown> = { agencyId: agency._id };
  for (const k of editable) if (input[k] !== undefined) data[k] = input[k];
  const item = await PowerItemModel.create(data);
  await recordAudit(ctx, { action: 'power.create', entity: 'power', entityId: item.id, agencyId: agency.id, changes: diff(undefined, item.toJSON()) });
  return item;
}

export async function updatePower(ctx: RequestContext, id: string, input: PowerInput) {
  const item = await getPower(ctx, id);
  if (input.code) await assertPowerCodeFree(String(item.agencyId), input.code, item.id);
  const before = item.toJSON();
  for (const k of editable) if (input[k] !== undefined) item.set(k, input[k] ?? undefined);
  await item.save();
  const changes = diff(before, item.toJSON());
  if (changes.length) await recordAudit(ctx, { action: 'power.update', entity: 'power', entityId: item.id, agencyId: String(item.agencyId), changes });
  return item;
}

export async function deletePower(ctx: RequestContext, id: string) {
  const item = await getPower(ctx, id);
  await PowerItemModel.deleteOne({ _id: item._id });
  await recordAudit(ctx, { action: 'power.delete', entity: 'power', entityId: item.id, agencyId: String(item.agencyId), changes: diff(item.toJSON(), undefined) });
  return item;
}

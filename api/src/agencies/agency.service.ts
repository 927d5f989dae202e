import type { RequestContext } from '../platform/auth/actor';
import { agencyScope, findInScope } from '../platform/auth/agency-scope';
import { diff, recordAudit } from '../platform/audit/audit.service';
import { AppError, conflict } from '../platform/errors';
import { listRecords, type ListQuery, type ListSpec } from '../platform/http/listing';
import { UserModel } from '../users/user.model';
import { AgencyModel, type Agency } from './agency.model';

export const agencyListSpec: ListSpec = {
  resource: 'agencies',
  filters: { kind: 'string', active: 'boolean', county: 'string', code: 'string', createdAt: 'date' },
  search: ['name', 'shortName', 'code'],
  sortable: ['name', 'shortName', 'code', 'kind', 'county', 'createdAt', 'updatedAt'],
  defaultSort: ['name', 'ASC'],
};

type AgencyInput = Partial<Pick<Agency, 'name' | 'shortName' | 'code' | 'kind' | 'county' | 'address' | 'phone' | 'active'>>;
const editable = ['name', 'shortName', 'code', 'kind', 'county', 'address', 'phone', 'active'] as const;

function pickEditable(input: Record<string, unknown>): AgencyInput {
  const out: Record<string, unknown> = {};
  for (const k of editable) if (input[k] !== undefined) out[k] = input[k];
  return out as AgencyInput;
}

async function assertCodeFree(code: string | undefined, exceptId?: string): Promise<void> {
  if (!code) return;
  const existing = await AgencyModel.findOne({ code }, { _id: 1 });
  if (existing && String(existing._id) !== exceptId) {
    throw conflict('record.duplicate', { entity: 'agency', field: 'code' }, { code: { key: 'record.duplicate', params: { entity: 'agency', field: 'code' } } });
  }
}

export function listAgencies(ctx: RequestContext, query: ListQuery) {
  // An agency's own record is agency-owned data keyed by its _id.
  return listRecords(AgencyModel, agencyListSpec, query, agencyScope(ctx.actor!, '_id'));
}

export function getAgency(ctx: RequestContext, id: string) {
  return findInScope(AgencyModel, ctx.actor!, id, 'agency', '_id');
}

export async function createAgency(ctx: RequestContext, input: Record<string, unknown>) {
  const data = pickEditable(input);
  await assertCodeFree(data.code);
  const agency = await AgencyModel.create(data);
  await recordAudit(ctx, { action: 'agency.create', entity: 'agency', entityId: agency.id, agencyId: agency.id, changes: diff(undefined, agency.toJSON()) });
  return agency;
}

export async function updateAgency(ctx: RequestContext, id: string, input: Record<string, unknown>) {
  const agency = await getAgency(ctx, id);
  const data = pickEditable(input);
  await assertCodeFree(data.code, agency.id);
  if (data.active === false && agency.id === ctx.actor!.agencyId) {
    throw new AppError(409, 'agencies.inactive', { name: agency.name }, { active: { key: 'agencies.inactive', params: { name: agency.name } } });
  }
  const before = agency.toJSON();
  agency.set(data);
  await agency.save();
  const changes = diff(before, agency.toJSON());
  if (changes.length) await recordAudit(ctx, { action: 'agency.update', entity: 'agency', entityId: agency.id, agencyId: agency.id, changes });
  return agency;
}

export async function deleteAgency(ctx: RequestContext, id: string) {
  const agency = await getAgency(ctx, id);
  const users = await UserModel.countDocuments({ agencyId: agency._id });
  if (users > 0) throw conflict('agencies.in_use', { count: users });
  await AgencyModel.deleteOne({ _id: agency._id });
  await recordAudit(ctx, { action: 'agency.delete', entity: 'agency', entityId: agency.id, agencyId: agency.id, changes: diff(agency.toJSON(), undefined) });
  return agency;
}

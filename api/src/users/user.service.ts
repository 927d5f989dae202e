// User accounts. agency_admin manages its own agency's users, supervisor all; nobody can grant a
// role above their own, and roles must fit the kind of agency (DOMAIN.md §1).
import mongoose from 'mongoose';
import { AgencyModel } from '../agencies/agency.model';
import type { Actor, RequestContext } from '../platform/auth/actor';
import { agencyScope, findInScope, isInScope } from '../platform/auth/agency-scope';
import { assertPasswordRules, hashPassword } from '../platform/auth/passwords';
import { enforcementAgencyRoles, highestRank, legalOfficeRoles, roleRank, type Role } from '../platform/auth/permissions';
import { diff, recordAudit } from '../platform/audit/audit.service';
import { AppError, conflict, forbidden } from '../platform/errors';
import { listRecords, type ListQuery, type ListSpec } from '../platform/http/listing';
import type { UserUpdate } from '../generated/schema-types';
import { UserModel, type UserDocument } from './user.model';

export const userListSpec: ListSpec = {
  resource: 'users',
  filters: { agencyId: 'objectId', role: 'string', active: 'boolean', username: 'string', createdAt: 'date', lastLoginAt: 'date' },
  paths: { role: 'roles' },
  search: ['username', 'displayName'],
  sortable: ['username', 'displayName', 'createdAt', 'updatedAt', 'lastLoginAt', 'agencyId', 'active'],
  defaultSort: ['username', 'ASC'],
};

/** A create or update body, as validated by schemas/user-create.json and user-update.json. */
type UserInput = Omit<UserUpdate, 'id' | 'createdAt' | 'updatedAt' | 'lastLoginAt'>;

export function listUsers(ctx: RequestContext, query: ListQuery) {
  return listRecords(UserModel, userListSpec, query, agencyScope(ctx.actor!));
}

export function getUser(ctx: RequestContext, id: string) {
  return findInScope(UserModel, ctx.actor!, id, 'user');
}

async function assertAgencyAllowed(actor: Actor, agencyId: string) {
  if (!isInScope(actor, agencyId)) throw new AppError(403, 'users.other_agency', {}, { agencyId: { key: 'users.other_agency' } });
  const agency = await AgencyModel.findById(agencyId);
  if (!agency) throw new AppError(400, 'record.not_found', { entity: 'agency' }, { agencyId: { key: 'record.not_found', params: { entity: 'agency' } } });
  return agency;
}

function assertRolesAllowed(actor: Actor, roles: Role[], agencyKind: string) {
  const ceiling = highestRank(actor.roles);
  for (const role of roles) {
    if (roleRank[role] > ceiling) throw new AppError(403, 'users.role_above_own', { role }, { roles: { key: 'users.role_above_own', params: { role } } });
    if (agencyKind !== 'legal_office' && legalOfficeRoles.includes(role)) {
      throw new AppError(400, 'users.role_needs_legal_office', { role }, { roles: { key: 'users.role_needs_legal_office', params: { role } } });
    }
    if (agencyKind === 'legal_office' && enforcementAgencyRoles.includes(role)) {
      throw new AppError(400, 'users.role_needs_enforcement_agency', { role }, { roles: { key: 'users.role_needs_enforcement_agency', params: { role } } });
    }
  }
}

/** Nobody manages an account that ranks above their own. */
function assertCanManage(actor: Actor, target: UserDocument) {
  if (highestRank(target.roles as Role[]) > highestRank(actor.roles)) throw forbidden();
}

async function assertUsernameFree(username: string, exceptId?: string) {
  const existing = await UserModel.findOne({ usernameKey: username.toLowerCase() }, { _id: 1 });
  if (existing && String(existing._id) !== exceptId) {
    throw conflict('record.duplicate', { entity: 'user', field: 'username' }, { username: { key: 'record.duplicate', params: { entity: 'user', field: 'username' } } });
  }
}

export async function createUser(ctx: RequestContext, input: UserInput) {
  const actor = ctx.actor!;
  const agency = await assertAgencyAllowed(actor, input.agencyId!);
  assertRolesAllowed(actor, input.roles!, agency.kind);
  assertPasswordRules(input.password!);
  await assertUsernameFree(input.username!);
  const user = await UserModel.create({
    username: input.username,
    usernameKey: input.username!.toLowerCase(),
    displayName: input.displayName,
    roles: input.roles,
    agencyId: new mongoose.Types.ObjectId(input.agencyId),
    phone: input.phone,
    active: input.active ?? true,
    passwordHash: await hashPassword(input.password!),
  });
  await recordAudit(ctx, { action: 'user.create', entity: 'user', entityId: user.id, agencyId: String(user.agencyId), changes: diff(undefined, user.toJSON()) });
  return user;
}

export async function updateUser(ctx: RequestContext, id: string, input: UserInput) {
  const actor = ctx.actor!;
  const user = await getUser(ctx, id);
  assertCanManage(actor, user);
  const agencyId = input.agencyId ?? String(user.agencyId);
  const agency = await assertAgencyAllowed(actor, agencyId);
  const roles = input.roles ?? (user.roles as Role[]);
  if (input.roles || input.agencyId) assertRolesAllowed(actor, roles, agency.kind);
  if (user.id === actor.userId) {
    const keepsAdmin = roles.some((r) => r === 'agency_admin' || r === 'supervisor') || !actor.roles.some((r) => r === 'agency_admin' || r === 'supervisor');
    if (!keepsAdmin || input.active === false || agencyId !== actor.agencyId) throw new AppError(409, 'users.cannot_demote_self');
  }
  if (input.username) await assertUsernameFree(input.username, user.id);
  const before = user.toJSON();
  const changes: Record<string, unknown> = {};
  if (input.username !== undefined) Object.assign(changes, { username: input.username, usernameKey: input.username.toLowerCase() });
  for (const k of ['displayName', 'phone', 'active'] as const) if (input[k] !== undefined) changes[k] = input[k] ?? undefined;
  if (input.roles) changes.roles = input.roles;
  if (input.agencyId) changes.agencyId = new mongoose.Types.ObjectId(input.agencyId);
  let passwordChanged = false;
  if (input.password) {
    assertPasswordRules(input.password);
    changes.passwordHash = await hashPassword(input.password);
    passwordChanged = true;
  }
  // A new password or a deactivation ends the user's existing sessions.
  if (passwordChanged || (input.active === false && user.active)) changes.tokenVersion = user.tokenVersion + 1;
  user.set(changes);
  await user.save();
  const fieldChanges = diff(before, user.toJSON());
  if (passwordChanged) fieldChanges.push({ field: 'password', before: '***', after: '***' });
  if (fieldChanges.length) await recordAudit(ctx, { action: 'user.update', entity: 'user', entityId: user.id, agencyId: String(user.agencyId), changes: fieldChanges });
  return user;
}

export async function deleteUser(ctx: RequestContext, id: string) {
  const actor = ctx.actor!;
  const user = await getUser(ctx, id);
  if (user.id === actor.userId) throw new AppError(409, 'users.cannot_delete_self');
  assertCanManage(actor, user);
  await UserModel.deleteOne({ _id: user._id });
  await recordAudit(ctx, { action: 'user.delete', entity: 'user', entityId: user.id, agencyId: String(user.agencyId), changes: diff(user.toJSON(), undefined) });
  return user;
}

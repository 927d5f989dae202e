// The one place where agency-owned data is filtered by the caller's agency (DOMAIN.md §1: data of
// one agency is never visible to another agency's users). Every list and every single-record read
// of agency-owned data goes through these functions; a record outside the scope reads as 404.
import type { Model } from 'mongoose';
import mongoose from 'mongoose';
import { notFound } from '../errors';
import type { Actor } from './actor';
import { seesAllAgencies } from './permissions';

/** A MongoDB filter limiting `field` to the actor's agency (empty for supervisors). */
export function agencyScope(actor: Actor, field = 'agencyId'): Record<string, unknown> {
  return seesAllAgencies(actor.roles) ? {} : { [field]: new mongoose.Types.ObjectId(actor.agencyId) };
}

export function isInScope(actor: Actor, agencyId: string | { toString(): string }): boolean {
  return seesAllAgencies(actor.roles) || String(agencyId) === actor.agencyId;
}

/** Loads one record by id within the actor's scope, or throws 404. */
export async function findInScope<T>(model: Model<T>, actor: Actor, id: string, entity: string, field = 'agencyId') {
  if (!mongoose.isValidObjectId(id) || !/^[0-9a-f]{24}$/i.test(id)) throw notFound(entity);
  // $and, not a spread: when the scope field is `_id` itself (an agency's own record), a spread would
  // replace the requested id with the actor's agency id and answer with the actor's own record.
  const scope = agencyScope(actor, field);
  const doc = await model.findOne(Object.keys(scope).length ? { $and: [{ _id: id }, scope] } : { _id: id });
  if (!doc) throw notFound(entity);
  return doc;
}

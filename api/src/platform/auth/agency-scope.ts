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
  // Looked up by `_id` alone, the scope checked on the record: the embedded database (FerretDB v1 on
  // SQLite) hands a filter of `_id` alone to SQLite, but decodes every document of the collection for
  // any other filter, `{ $and: [{ _id }, scope] }` included — 20-30 times slower (docs/performance.md).
  // Same result on both servers.
  const doc = await model.findOne({ _id: id });
  if (!doc || !isInScope(actor, String(doc.get(field) ?? ''))) throw notFound(entity);
  return doc;
}

// The one audit mechanism: services call `recordAudit` after each change they make.
import type { RequestContext } from '../auth/actor';
import { GENESIS_HASH, entryHash, verifyChain } from './audit-chain';
import { AuditEntryModel } from './audit.model';

export interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string;
  agencyId?: string;
  caseId?: string;
  changes?: Change[];
  note?: string;
  /** For events without a signed-in actor (failed sign-in): who it was about. */
  actorName?: string;
}

const comparable = (v: unknown) => JSON.stringify(v instanceof Date ? v.toISOString() : v ?? null);

/** Field-by-field differences between two plain snapshots; `omit` keeps secrets out of the log. */
export function diff(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined, omit: string[] = []): Change[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Change[] = [];
  for (const field of fields) {
    if (['id', '_id', 'createdAt', 'updatedAt', '__v', ...omit].includes(field)) continue;
    const b = before?.[field];
    const a = after?.[field];
    if (comparable(b) !== comparable(a)) changes.push({ field, before: b ?? null, after: a ?? null });
  }
  return changes;
}

/** Plain JSON (ids and dates as strings) so what is hashed is exactly what is read back. */
const plain = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

/**
 * Appends an entry to the hash chain. The unique `seq` index serialises concurrent writers: the one
 * that loses the race for a position reads the new last entry and tries the next position.
 */
export async function recordAudit(ctx: RequestContext, input: AuditInput): Promise<void> {
  const content = {
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    agencyId: input.agencyId,
    caseId: input.caseId,
    changes: input.changes?.map((c) => ({ field: c.field, before: plain(c.before) ?? null, after: plain(c.after) ?? null })),
    note: input.note,
    actorId: ctx.actor?.userId,
    actorName: ctx.actor ? `${ctx.actor.displayName} (${ctx.actor.username})` : input.actorName,
    actorRoles: ctx.actor?.roles,
    actorAgencyId: ctx.actor?.agencyId,
    requestId: ctx.requestId,
    ip: ctx.ip,
    userAgent: ctx.userAgent?.slice(0, 300),
    at: new Date(),
  };
  for (let attempt = 0; attempt < 50; attempt++) {
    const last = await AuditEntryModel.findOne({}, { seq: 1, hash: 1 }).sort({ seq: -1 });
    const entry = { ...content, seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? GENESIS_HASH };
    try {
      await AuditEntryModel.create({ ...entry, hash: entryHash(entry) });
      return;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)));
    }
  }
  throw new Error('could not append to the audit chain: too much contention');
}

/** Verifies the whole chain in seq order (npm run audit:verify). */
export function verifyAuditChain() {
  return verifyChain(AuditEntryModel.find({}).sort({ seq: 1 }).lean().cursor() as AsyncIterable<Record<string, unknown>>);
}

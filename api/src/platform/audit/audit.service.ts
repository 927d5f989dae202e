// The one audit mechanism: services call `recordAudit` after each change they make.
import type { RequestContext } from '../auth/actor';
import { GENESIS_HASH, entryHash, verifyChain } from './audit-chain';
import { withKeyLock } from '../database/keyed-lock';
import { AuditEntryModel, AuditHeadModel } from './audit.model';

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

/** The hashed content of an entry (everything but seq, prevHash and hash): one definition for both writers. */
function auditContent(ctx: RequestContext, input: AuditInput, at: Date) {
  return {
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
    at,
  };
}

const HEAD_ID = 'head';

/** The chain's last entry: from the head document, or from the chain itself (no head yet, or it lags). */
async function chainHead(fromChain: boolean): Promise<{ seq: number; hash: string }> {
  if (!fromChain) {
    const head = await AuditHeadModel.findById(HEAD_ID).lean();
    if (head) return { seq: head.seq, hash: head.hash };
  }
  const last = await AuditEntryModel.findOne({}, { seq: 1, hash: 1 }).sort({ seq: -1 }).lean();
  const found = { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
  if (last) await advanceHead(found.seq, found.hash);
  return found;
}

/** Moves the head forward (never back) to an entry just written. */
async function advanceHead(seq: number, hash: string): Promise<void> {
  try {
    await AuditHeadModel.updateOne({ _id: HEAD_ID, seq: { $lt: seq } }, { $set: { seq, hash } }, { upsert: true });
  } catch (err) {
    // The head is already at or beyond `seq` (the upsert then collides with it): nothing to do.
    if ((err as { code?: number }).code !== 11000) throw err;
  }
}

/**
 * Appends an entry to the hash chain. Writers of this process take their turn (no retry storm when
 * many requests write at once); the unique `seq` index serialises them with other processes: the one
 * that loses the race for a position reads the head again and tries the next position. A head that
 * stays behind (a writer stopped between its entry and the head) is repaired from the chain.
 */
export async function recordAudit(ctx: RequestContext, input: AuditInput): Promise<void> {
  const content = auditContent(ctx, input, new Date());
  return withKeyLock('audit-chain', async () => {
    let lastTried = -1;
    let unchanged = 0;
    for (let attempt = 0; attempt < 50; attempt++) {
      const head = await chainHead(unchanged >= 2);
      const entry = { ...content, seq: head.seq + 1, prevHash: head.hash };
      const hash = entryHash(entry);
      try {
        await AuditEntryModel.create({ ...entry, hash });
        await advanceHead(entry.seq, hash);
        return;
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
        unchanged = head.seq === lastTried ? unchanged + 1 : 0;
        lastTried = head.seq;
        await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)));
      }
    }
    throw new Error('could not append to the audit chain: too much contention');
  });
}

/** One entry of a batch: its own context (actor) and time when they differ from the batch's. */
export interface AuditBatchEntry extends AuditInput {
  ctx?: RequestContext;
  at?: Date;
}

/**
 * Appends many entries at once, in the given order: the chain is computed in memory from the
 * current last entry and written with insertMany (one round trip per 1,000 entries instead of two
 * per entry). Hashing is exactly recordAudit's.
 *
 * FOR SEEDING AND IMPORTS ONLY, when nothing else writes to the audit log (demo data on first
 * start, `npm run seed`, migration tools): unlike recordAudit it does not retry. The unique `seq`
 * index still guarantees that the chain never forks: if another writer took a position meanwhile,
 * the insert fails with a duplicate key and this function throws (the entries written before the
 * collision stay, correctly chained; the rest are not written).
 */
export async function recordAuditBatch(ctx: RequestContext, entries: AuditBatchEntry[]): Promise<number> {
  if (!entries.length) return 0;
  const last = await AuditEntryModel.findOne({}, { seq: 1, hash: 1 }).sort({ seq: -1 });
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const now = new Date();
  const docs = entries.map(({ ctx: own, at, ...input }) => {
    const entry = { ...auditContent(own ?? ctx, input, at ?? now), seq: ++seq, prevHash };
    prevHash = entryHash(entry);
    return { ...entry, hash: prevHash };
  });
  for (let i = 0; i < docs.length; i += 1000) {
    try {
      const chunk = docs.slice(i, i + 1000);
      await AuditEntryModel.insertMany(chunk, { ordered: true });
      await advanceHead(chunk[chunk.length - 1].seq, chunk[chunk.length - 1].hash);
    } catch (err) {
      if ((err as { code?: number }).code === 11000 || /E11000|duplicate key/.test(String((err as Error).message))) {
        throw new Error(`audit batch: another writer appended to the audit chain during the batch (a position from ${docs[i].seq} on was taken): the ${docs.length} entries were written only up to that position. The chain is intact (no fork); re-run the import when nothing else writes.`);
      }
      throw err;
    }
  }
  return docs.length;
}

/** Verifies the whole chain in seq order (npm run audit:verify). */
export function verifyAuditChain() {
  return verifyChain(AuditEntryModel.find({}).sort({ seq: 1 }).lean().cursor() as AsyncIterable<Record<string, unknown>>);
}

// The one audit mechanism: services call `recordAudit` after each change they make.
import type { RequestContext } from '../auth/actor';
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

export async function recordAudit(ctx: RequestContext, input: AuditInput): Promise<void> {
  await AuditEntryModel.create({
    ...input,
    actorId: ctx.actor?.userId,
    actorName: ctx.actor ? `${ctx.actor.displayName} (${ctx.actor.username})` : input.actorName,
    actorRoles: ctx.actor?.roles,
    actorAgencyId: ctx.actor?.agencyId,
    requestId: ctx.requestId,
    ip: ctx.ip,
    userAgent: ctx.userAgent?.slice(0, 300),
  });
}

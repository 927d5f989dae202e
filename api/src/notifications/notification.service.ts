// In-app notifications: other components call notify() when something needs a person's attention
// (a review assigned, due soon, overdue; an opinion issued); each user reads and clears only their own.
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import type { RequestContext } from '../platform/auth/actor';
import { notFound } from '../platform/errors';
import { badFilter, listRecords, type ListQuery, type ListSpec } from '../platform/http/listing';
import { NotificationModel, type NotificationDocument } from './notification.model';

export interface NotificationRecipient {
  userId: string;
  agencyId: string;
}

export interface NotificationInput {
  /** What happened, e.g. 'review_assigned', 'review_due_soon', 'review_overdue', 'review_opinion_issued'. */
  kind: string;
  /** Chinese text, e.g. 「法制审核任务已分配给您：青市监罚〔2026〕12号」. */
  title: string;
  body?: string | null;
  /** The record the console opens: /#/<resource>/<id>/show. */
  link?: { resource: string; id: string } | null;
  /**
   * The event, e.g. `review_due_soon:<reviewId>:<dueOn>`: each recipient is notified of it once, however
   * often notify() is called with it. Without a key every call notifies.
   */
  dedupeKey?: string | null;
}

const RESOURCE = /^[a-z][a-z0-9-]{0,59}$/;

const isDuplicateKey = (err: unknown) =>
  (err as { code?: number }).code === 11000 || /E11000|duplicate key/.test(String((err as Error)?.message));

/**
 * Notifies each recipient once (duplicates in the list count once). Returns how many notifications were
 * created: recipients who already had this `dedupeKey` get nothing new.
 */
export async function notify(recipients: readonly NotificationRecipient[], n: NotificationInput): Promise<number> {
  const kind = n.kind?.trim();
  const title = n.title?.trim();
  if (!kind || !title) throw new Error('notify: kind and title are required');
  if (n.link && (!RESOURCE.test(n.link.resource) || !n.link.id)) throw new Error(`notify: bad link ${JSON.stringify(n.link)}`);
  const unique = new Map(recipients.map((r) => [String(r.userId), r]));
  let created = 0;
  for (const [userId, recipient] of unique) {
    if (!mongoose.isValidObjectId(userId) || !mongoose.isValidObjectId(String(recipient.agencyId))) {
      throw new Error(`notify: bad recipient ${JSON.stringify(recipient)}`);
    }
    try {
      await NotificationModel.create({
        userId,
        agencyId: recipient.agencyId,
        kind,
        title,
        body: n.body?.trim() || undefined,
        link: n.link ? { resource: n.link.resource, id: String(n.link.id) } : undefined,
        // Per recipient: the same event reaches each of them once.
        dedupeKey: n.dedupeKey ? `${userId}:${n.dedupeKey}` : `${userId}:once:${randomUUID()}`,
      });
      created++;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  return created;
}

export const notificationListSpec: ListSpec = {
  resource: 'notifications',
  filters: { kind: 'string', createdAt: 'date' },
  search: ['title', 'body'],
  sortable: ['createdAt', 'kind', 'readAt'],
  defaultSort: ['createdAt', 'DESC'],
  custom: {
    unread: (value) => {
      if (typeof value !== 'boolean') throw badFilter('unread');
      return value ? { readAt: null } : { readAt: { $ne: null } };
    },
  },
};

const own = (ctx: RequestContext) => ({ userId: new mongoose.Types.ObjectId(ctx.actor!.userId) });

/** The caller's own notifications (also for supervisors: nobody reads another person's). */
export function listMyNotifications(ctx: RequestContext, query: ListQuery) {
  return listRecords(NotificationModel, notificationListSpec, query, own(ctx));
}

async function findMine(ctx: RequestContext, id: string): Promise<NotificationDocument> {
  // By _id alone (served by the index on the embedded database), the owner checked on the record.
  const doc = mongoose.isValidObjectId(id) ? await NotificationModel.findOne({ _id: id }) : null;
  if (!doc || String(doc.userId) !== ctx.actor!.userId) throw notFound('notification');
  return doc;
}

export async function getMyNotification(ctx: RequestContext, id: string) {
  return (await findMine(ctx, id)).toJSON();
}

/** Marks one of the caller's notifications read; reading it again keeps the first time. */
export async function markRead(ctx: RequestContext, id: string) {
  const doc = await findMine(ctx, id);
  if (doc.readAt) return doc.toJSON();
  const updated = await NotificationModel.findOneAndUpdate({ _id: doc._id, readAt: null }, { $set: { readAt: new Date() } }, { returnDocument: 'after' });
  return (updated ?? (await findMine(ctx, id))).toJSON();
}

export async function markAllRead(ctx: RequestContext): Promise<{ updated: number }> {
  const result = await NotificationModel.updateMany({ ...own(ctx), readAt: null }, { $set: { readAt: new Date() } });
  return { updated: result.modifiedCount };
}

export async function unreadCount(ctx: RequestContext): Promise<{ count: number }> {
  return { count: await NotificationModel.countDocuments({ ...own(ctx), readAt: null }) };
}

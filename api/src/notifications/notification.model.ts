import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { jsonPlugin } from '../platform/database/json-plugin';

// In-app notifications (站内通知): one record per recipient, e.g. "a review was assigned to you",
// "the review is due tomorrow", "the opinion on your case was issued".
const notificationSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    agencyId: { type: Schema.Types.ObjectId, ref: 'Agency', required: true },
    /** What happened, e.g. review_assigned, review_due_soon, review_overdue, review_opinion_issued. */
    kind: { type: String, required: true, trim: true, maxlength: 60 },
    /** Chinese text, shown as it is. */
    title: { type: String, required: true, trim: true, maxlength: 200 },
    body: { type: String, trim: true, maxlength: 2000 },
    /** The record the console opens (react-admin resource and id), e.g. { resource: 'reviews', id }. */
    link: {
      type: new Schema({ resource: { type: String, required: true }, id: { type: String, required: true } }, { _id: false }),
      default: undefined,
    },
    /** null while unread (stored, not missing, so that "unread" is a plain equality filter). */
    readAt: { type: Date, default: null },
    /**
     * Makes notify() idempotent: a periodic sweep may announce the same event again and again, the
     * recipient gets it once. Always set (a random value when the caller gives no key): the embedded
     * database has no partial indexes, so a unique index must not see two records without a key.
     */
    dedupeKey: { type: String, required: true, unique: true, private: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'notifications' },
);
notificationSchema.index({ userId: 1, createdAt: -1 });
notificationSchema.index({ userId: 1, readAt: 1 });
notificationSchema.plugin(jsonPlugin);

export type Notification = InferSchemaType<typeof notificationSchema>;
export type NotificationDocument = HydratedDocument<Notification>;
export const NotificationModel = mongoose.model('Notification', notificationSchema);

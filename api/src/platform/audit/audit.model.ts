import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { jsonPlugin } from '../database/json-plugin';

// 审计日志: append-only through the API (there is no route that changes or removes an entry), and
// tamper-evident: entries form a hash chain (seq, prevHash, hash), checked by `npm run audit:verify`.
const changeSchema = new Schema(
  { field: { type: String, required: true }, before: Schema.Types.Mixed, after: Schema.Types.Mixed },
  { _id: false },
);

const auditEntrySchema = new Schema(
  {
    /** Position in the chain: 1, 2, 3 … without gaps (unique, so concurrent writers serialise). */
    seq: { type: Number, required: true, unique: true },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
    at: { type: Date, required: true, default: () => new Date() },
    action: { type: String, required: true }, // e.g. "agency.create", "auth.login_failed"
    entity: { type: String, required: true }, // "agency", "user", "session"
    entityId: { type: String },
    /** The agency that owns the affected record: decides who may read the entry. */
    agencyId: { type: Schema.Types.ObjectId, ref: 'Agency' },
    /** The case an entry belongs to (case, its documents, recordings, reviews): the case timeline. */
    caseId: { type: Schema.Types.ObjectId, ref: 'Case' },
    actorId: { type: Schema.Types.ObjectId, ref: 'User' },
    actorName: { type: String },
    actorRoles: { type: [String], default: undefined },
    actorAgencyId: { type: Schema.Types.ObjectId, ref: 'Agency' },
    changes: { type: [changeSchema], default: undefined },
    note: { type: String },
    requestId: { type: String },
    ip: { type: String },
    userAgent: { type: String },
  },
  { collection: 'audit_log', minimize: false },
);
auditEntrySchema.index({ at: -1 });
auditEntrySchema.index({ caseId: 1, seq: 1 });
auditEntrySchema.index({ agencyId: 1, at: -1 });
auditEntrySchema.index({ entity: 1, entityId: 1, at: -1 });
auditEntrySchema.index({ action: 1, at: -1 });
auditEntrySchema.plugin(jsonPlugin);

export type AuditEntry = InferSchemaType<typeof auditEntrySchema>;
export const AuditEntryModel = mongoose.model('AuditEntry', auditEntrySchema);

// The position and hash of the chain's last entry, kept beside the chain: appending reads it by _id.
// (The embedded database answers `find().sort({ seq: -1 })` by reading and sorting the whole audit log,
// about a second per write at a few thousand entries; an _id look-up is immediate on both servers.)
// A hint only: the unique `seq` index decides, and a head found lagging is repaired from the chain.
const auditHeadSchema = new Schema(
  { _id: { type: String, required: true }, seq: { type: Number, required: true }, hash: { type: String, required: true } },
  { collection: 'audit_head', versionKey: false },
);
export const AuditHeadModel = mongoose.model('AuditHead', auditHeadSchema);

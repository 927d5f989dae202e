import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { jsonPlugin } from '../platform/database/json-plugin';

// 执法人员 (enforcement officer). DOMAIN.md §2: a penalty needs two officers with valid enforcement
// qualification; a first-time legal reviewer needs the legal professional qualification (法律职业资格).
export const OFFICER_STATUSES = ['active', 'suspended', 'transferred', 'left'] as const;

const storedFileSchema = new Schema(
  { key: { type: String, required: true }, sha256: String, size: Number, contentType: String, originalName: String },
  { _id: false },
);

const transferSchema = new Schema(
  {
    fromAgencyId: { type: Schema.Types.ObjectId, ref: 'Agency', required: true },
    toAgencyId: { type: Schema.Types.ObjectId, ref: 'Agency', required: true },
    newOfficerId: { type: Schema.Types.ObjectId, ref: 'Officer' },
    basis: { type: String, required: true },
    at: { type: Date, required: true },
    byName: { type: String },
  },
  { _id: false },
);

const officerSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    agencyId: { type: Schema.Types.ObjectId, ref: 'Agency', required: true },
    /** 职务/岗位 */
    post: { type: String, trim: true },
    /** The officer's user account, if any (one officer record per account). */
    userId: { type: Schema.Types.ObjectId, ref: 'User' },
    /** 执法领域/区域 */
    areas: { type: [String], default: [] },
    /** 法律职业资格 */
    legalQualification: { type: Boolean, required: true, default: false },
    legalQualificationNumber: { type: String, trim: true },
    status: { type: String, enum: OFFICER_STATUSES, required: true, default: 'active' },
    photo: { type: storedFileSchema },
    /** Set on the record left behind in the old agency when the officer moved (换证). */
    transfer: { type: transferSchema },
    /** Set on the new record: the officer record in the previous agency. */
    transferredFromOfficerId: { type: Schema.Types.ObjectId, ref: 'Officer' },
  },
  { timestamps: true, collection: 'officers' },
);
officerSchema.index({ agencyId: 1, name: 1 });
officerSchema.index({ agencyId: 1, status: 1 });
officerSchema.index({ userId: 1 });
officerSchema.index({ name: 1 });
officerSchema.index({ createdAt: -1 });
officerSchema.plugin(jsonPlugin, {
  extend(ret: Record<string, unknown>) {
    const photo = ret.photo as { sha256?: string } | undefined;
    ret.hasPhoto = Boolean(photo);
    delete ret.photo;
  },
});

export type Officer = InferSchemaType<typeof officerSchema>;
export type OfficerDocument = HydratedDocument<Officer>;
export const OfficerModel = mongoose.model('Officer', officerSchema);

import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { jsonPlugin } from '../platform/database/json-plugin';
import { allowedQualificationActions, mayEnforce } from './qualification';

// 执法机关 (enforcement agency, an enforcement subject 执法主体) or 司法局 (the county legal office,
// the supervision body). DOMAIN.md §2: an agency may enforce only after the legal office confirms and
// announces it (主体资格确认和公告).
export const SUBJECT_TYPES = ['administrative_organ', 'authorized_organization', 'entrusted_organization'] as const;
export const ENFORCEMENT_CATEGORIES = ['license', 'penalty', 'coercion', 'levy', 'requisition', 'inspection', 'confirmation', 'other'] as const;
export const QUALIFICATION_STATUSES = ['pending', 'confirmed', 'announced', 'suspended', 'revoked'] as const;
export type QualificationStatus = (typeof QUALIFICATION_STATUSES)[number];

const qualificationEventSchema = new Schema(
  {
    action: { type: String, required: true }, // confirm, announce, suspend, reinstate, revoke
    from: { type: String, required: true },
    to: { type: String, required: true },
    at: { type: Date, required: true },
    byUserId: { type: Schema.Types.ObjectId, ref: 'User' },
    byName: { type: String },
    basis: { type: String },
    reason: { type: String },
    publicationDate: { type: String },
    announcementRef: { type: String },
  },
  { _id: false },
);

const qualificationSchema = new Schema(
  {
    status: { type: String, enum: QUALIFICATION_STATUSES, required: true, default: 'pending' },
    /** Basis of the confirmation (确认依据), e.g. the legal office's decision and its number. */
    confirmationBasis: { type: String },
    confirmedAt: { type: Date },
    /** Date of the public announcement (公告日期), YYYY-MM-DD. */
    publicationDate: { type: String },
    announcementRef: { type: String },
    /** Status before a suspension, restored by "reinstate". */
    statusBeforeSuspension: { type: String },
    reason: { type: String },
    history: { type: [qualificationEventSchema], default: [] },
  },
  { _id: false },
);

const agencySchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    shortName: { type: String, required: true, trim: true },
    code: { type: String, required: true, unique: true },
    kind: { type: String, required: true, enum: ['legal_office', 'enforcement'] },
    county: { type: String, required: true, trim: true },
    address: { type: String, trim: true },
    phone: { type: String, trim: true },
    contactPerson: { type: String, trim: true },
    active: { type: Boolean, required: true, default: true },
    /** 主体类型: administrative organ / organisation authorised by law / entrusted organisation. */
    subjectType: { type: String, enum: SUBJECT_TYPES },
    /** 委托机关: required for an entrusted organisation. */
    entrustingOrgan: { type: String, trim: true },
    /** 统一社会信用代码 (GB 32100-2015). */
    creditCode: { type: String },
    /** 执法依据: the laws that give the agency its authority. */
    legalBasis: { type: String, trim: true },
    /** Enforcement categories the agency may exercise. */
    categories: { type: [{ type: String, enum: ENFORCEMENT_CATEGORIES }], default: [] },
    qualification: { type: qualificationSchema, default: () => ({ status: 'pending', history: [] }) },
  },
  { timestamps: true, collection: 'agencies' },
);
agencySchema.index({ name: 1 });
agencySchema.index({ kind: 1, name: 1 });
agencySchema.index({ 'qualification.status': 1, name: 1 });
agencySchema.index({ createdAt: -1 });
agencySchema.plugin(jsonPlugin, {
  extend(ret: Record<string, unknown>) {
    const q = ret.qualification as { status: QualificationStatus } | undefined;
    ret.mayEnforce = mayEnforce(ret as Parameters<typeof mayEnforce>[0]);
    if (q) {
      // Records written before the workflow removed fields that no longer apply may hold them as null: absent.
      const present = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== null)) as typeof q;
      ret.qualification = { ...present, allowedActions: ret.kind === 'enforcement' ? allowedQualificationActions(q.status) : [] };
    }
  },
});

export type Agency = InferSchemaType<typeof agencySchema>;
export type AgencyDocument = HydratedDocument<Agency>;
export const AgencyModel = mongoose.model('Agency', agencySchema);

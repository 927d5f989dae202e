import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { ENFORCEMENT_CATEGORIES } from '../agencies/agency.model';
import { jsonPlugin } from '../platform/database/json-plugin';
import { CASE_STATUSES } from './case-lifecycle';

// 案件: the enforcement case (DOMAIN.md §3). Everything that changes together lives in this one
// document (status, history, dates, deadline, review gate), so each change is a single atomic update
// guarded by `version` (no multi-document transactions on the embedded database).
export const PENALTY_TYPES = [
  'warning', 'fine', 'confiscation', 'suspend_license', 'revoke_license', 'lower_qualification',
  'restrict_activities', 'order_closure', 'restrict_employment', 'detention', 'other',
] as const;
export const CASE_SOURCES = ['inspection', 'complaint', 'referral', 'transfer', 'other'] as const;

const partySchema = new Schema({
  kind: { type: String, enum: ['person', 'organization'], required: true },
  name: { type: String, required: true, trim: true },
  // Natural persons: personal data sealed with AES-256-GCM (platform/crypto/personal-data.ts);
  // the clear values never reach the database, the masks are what responses show.
  idNumberSealed: { type: String },
  idNumberHash: { type: String },
  idNumberMasked: { type: String },
  phoneSealed: { type: String },
  phoneMasked: { type: String },
  addressSealed: { type: String },
  addressMasked: { type: String },
  minor: { type: Boolean, default: false },
  // Organisations.
  creditCode: { type: String },
  legalRepresentative: { type: String, trim: true },
});

const majorMatchSchema = new Schema({ ruleId: Schema.Types.ObjectId, name: String, detail: String }, { _id: false });
const legalBasisSchema = new Schema({ law: { type: String, required: true }, article: String }, { _id: false });

const transitionSchema = new Schema(
  {
    action: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    at: { type: Date, required: true },
    date: { type: String }, // the legal date of the step (YYYY-MM-DD), may differ from when it was recorded
    byUserId: { type: Schema.Types.ObjectId, ref: 'User' },
    byName: { type: String },
    reason: { type: String },
  },
  { _id: false },
);

const caseSchema = new Schema(
  {
    agencyId: { type: Schema.Types.ObjectId, ref: 'Agency', required: true },
    /** 案号, e.g. 青市监罚〔2026〕12号 */
    number: { type: String, required: true, unique: true },
    year: { type: Number, required: true },
    seq: { type: Number, required: true },
    category: { type: String, enum: ENFORCEMENT_CATEGORIES, required: true },
    /** 简易 simple / 普通 ordinary */
    procedure: { type: String, enum: ['simple', 'ordinary'], required: true },
    source: { type: String, enum: CASE_SOURCES, required: true },
    /** 案由 */
    cause: { type: String, required: true, trim: true },
    facts: { type: String, trim: true },
    legalBasis: { type: [legalBasisSchema], default: [] },
    discretion: {
      level: { type: String }, // 不予处罚 / 减轻 / 从轻 / 一般 / 从重
      standardRef: { type: String },
      reasoning: { type: String },
    },
    fineAmount: { type: Number }, // yuan
    confiscationAmount: { type: Number }, // yuan
    penaltyTypes: { type: [{ type: String, enum: PENALTY_TYPES }], default: [] },
    parties: { type: [partySchema], default: [] },
    /** Assigned officers (officer records): at least two with valid certificates unless simple. */
    officerIds: { type: [{ type: Schema.Types.ObjectId, ref: 'Officer' }], default: [] },
    status: { type: String, enum: CASE_STATUSES, required: true, default: 'filed' },
    /** Legal dates of the steps (YYYY-MM-DD). */
    filedOn: { type: String, required: true },
    notifiedOn: { type: String },
    decidedOn: { type: String },
    servedOn: { type: String },
    executedOn: { type: String },
    closedOn: { type: String },
    archivedOn: { type: String },
    /** 听证: the party's request (within the window after the notice) and the hearing held. */
    hearing: {
      requestedOn: { type: String },
      heldOn: { type: String },
      waived: { type: Boolean },
      /** Last day to request a hearing, computed when the notice is given, and how (settings, calendar version). */
      windowEndOn: { type: String },
      windowWorkdays: { type: Number },
      windowCalendarVersion: { type: String },
      windowBasis: { type: String },
    },
    /** 拟作出的决定 and the facts of the draft that the major-decision catalog looks at. */
    draftDecision: { type: String },
    beyondDiscretion: { type: Boolean, default: false },
    complex: { type: Boolean, default: false },
    /** 机关负责人交办: set by the head of department only. */
    headReferral: { type: Boolean, default: false },
    /**
     * Major decision (重大执法决定): determined from the agency's catalog whenever the draft changes
     * (reviews/major-catalog.service.ts); the rules that matched are kept, so a later catalog edit
     * does not alter this determination. Needs an approved legal review before the decision (art. 58).
     */
    major: { type: Boolean, required: true, default: false },
    majorReasons: { type: [String], default: [] },
    majorMatches: { type: [majorMatchSchema], default: [] },
    /** The gate kept by the legal review component: approved, or a collective discussion to proceed. */
    legalReview: {
      // review_required: the package's fields changed after an approval; a new round must review them.
      status: { type: String, enum: ['none', 'pending', 'returned', 'approved', 'not_approved', 'transferred', 'proceed_by_discussion', 'review_required'], default: 'none' },
      reviewId: { type: Schema.Types.ObjectId },
      round: { type: Number },
      outcome: { type: String },
      opinionNumber: { type: String },
      decidedAt: { type: Date },
      /** Why an approval no longer holds: the package fields changed after it, when and by whom. */
      changedFields: { type: [String], default: undefined },
      resetReason: { type: String },
      resetAt: { type: Date },
    },
    /** Decision deadline (art. 60) with the setting it was computed from. */
    decisionDeadline: {
      dueOn: { type: String },
      days: { type: Number },
      basis: { type: String },
    },
    endReason: { type: String },
    history: { type: [transitionSchema], default: [] },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
    version: { type: Number, required: true, default: 0 },
  },
  { timestamps: true, collection: 'cases' },
);
// Every list filter and sort of the console has an index (agency first: most lists are scoped).
caseSchema.index({ agencyId: 1, filedOn: -1 });
caseSchema.index({ agencyId: 1, status: 1, filedOn: -1 });
caseSchema.index({ agencyId: 1, category: 1, filedOn: -1 });
caseSchema.index({ agencyId: 1, major: 1, filedOn: -1 });
// 超期 and 临期 (status among the undecided ones and a decision deadline range) read from one index.
caseSchema.index({ agencyId: 1, status: 1, 'decisionDeadline.dueOn': 1 });
caseSchema.index({ agencyId: 1, procedure: 1, filedOn: -1 });
caseSchema.index({ agencyId: 1, source: 1, filedOn: -1 });
caseSchema.index({ agencyId: 1, decidedOn: -1 });
caseSchema.index({ officerIds: 1, filedOn: -1 });
caseSchema.index({ status: 1, filedOn: -1 });
caseSchema.index({ category: 1, filedOn: -1 });
caseSchema.index({ major: 1, filedOn: -1 });
caseSchema.index({ filedOn: -1 });
caseSchema.index({ status: 1, 'decisionDeadline.dueOn': 1 });
caseSchema.index({ procedure: 1, filedOn: -1 });
caseSchema.index({ source: 1, filedOn: -1 });
caseSchema.index({ decidedOn: -1 });
caseSchema.index({ createdAt: -1 });
caseSchema.index({ 'parties.idNumberHash': 1 });
caseSchema.index({ 'parties.name': 1 });
caseSchema.index({ cause: 1 });
caseSchema.index({ updatedAt: -1 });
caseSchema.plugin(jsonPlugin, {
  extend(ret: Record<string, unknown>) {
    // Only masks leave the server; the reveal endpoint (audited) is the one way to the clear values.
    ret.parties = ((ret.parties as Array<Record<string, unknown>>) ?? []).map((p) => ({
      id: String(p._id),
      kind: p.kind,
      name: p.name,
      ...(p.kind === 'person'
        ? { idNumber: p.idNumberMasked, phone: p.phoneMasked, address: p.addressMasked, minor: Boolean(p.minor) }
        : { creditCode: p.creditCode, legalRepresentative: p.legalRepresentative }),
    }));
  },
});

export type Case = InferSchemaType<typeof caseSchema>;
export type CaseDocument = HydratedDocument<Case>;
export const CaseModel = mongoose.model('Case', caseSchema);

// 案号 counters: one document per agency and year, incremented atomically.
const caseCounterSchema = new Schema({ _id: { type: String, required: true }, seq: { type: Number, required: true, default: 0 } }, { collection: 'case_counters' });
export const CaseCounterModel = mongoose.model('CaseCounter', caseCounterSchema);

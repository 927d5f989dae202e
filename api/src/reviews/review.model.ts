import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { jsonPlugin } from '../platform/database/json-plugin';

// 重大执法决定法制审核 (DOMAIN.md §6, 行政处罚法 art. 58). One document per review of a case: the
// submitted package (a snapshot: later edits of the case do not change what was reviewed), the clock in
// working days, the reviewer, the checklist, and every opinion issued (immutable; a correction is a new
// numbered opinion). Everything that changes together lives in this one document (no transactions).

/** The review points of DOMAIN.md §6, in the order of the opinion. */
export const REVIEW_POINTS = [
  'subject_qualified', // 执法主体是否合法，执法人员是否具备执法资格
  'procedure_lawful', // 执法程序是否合法
  'facts_evidence', // 案件事实是否清楚，证据是否合法充分
  'law_discretion', // 适用法律是否准确，裁量基准运用是否适当
  'within_authority', // 是否超越法定职权
  'documents_complete', // 执法文书是否完备、规范
  'crime_transfer', // 违法行为是否涉嫌犯罪、需要移送司法机关
] as const;
export type ReviewPoint = (typeof REVIEW_POINTS)[number];

export const POINT_CONCLUSIONS = ['ok', 'problem', 'not_applicable'] as const;

/** 同意, 变更, 纠正, 退回补充, 移送, 不予下发. */
export const REVIEW_OUTCOMES = ['approve', 'change', 'correct', 'return', 'transfer', 'not_issue'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/**
 * submitted: complete package received, waiting for a reviewer; in_review: assigned; returned: sent back
 * for supplement (clock stopped); completed: a final opinion was issued.
 */
export const REVIEW_STATUSES = ['submitted', 'in_review', 'returned', 'completed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

const checklistItemSchema = new Schema(
  {
    point: { type: String, enum: REVIEW_POINTS, required: true },
    conclusion: { type: String, enum: POINT_CONCLUSIONS },
    note: { type: String },
  },
  { _id: false },
);

const opinionSchema = new Schema(
  {
    number: { type: String, required: true },
    year: { type: Number, required: true },
    seq: { type: Number, required: true },
    /** 1 for the first opinion of the review; a correction or a later round gets the next. */
    version: { type: Number, required: true },
    supersedes: { type: String },
    correctionReason: { type: String },
    outcome: { type: String, enum: REVIEW_OUTCOMES, required: true },
    text: { type: String, required: true },
    checklist: { type: [checklistItemSchema], default: [] },
    reviewerId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    reviewerName: { type: String, required: true },
    issuedOn: { type: String, required: true },
    issuedAt: { type: Date, required: true },
    /** The rendered PDF, stored once (UPLOADS_DIR) with its SHA-256. */
    file: { key: String, sha256: String, size: Number },
  },
  { _id: false },
);

const packageSchema = new Schema(
  {
    draftDecision: { type: String, required: true },
    facts: { type: String, required: true },
    legalBasis: { type: [new Schema({ law: String, article: String }, { _id: false })], default: [] },
    discretionReasoning: { type: String, required: true },
    fineAmount: { type: Number },
    confiscationAmount: { type: Number },
    penaltyTypes: { type: [String], default: [] },
    officers: {
      type: [new Schema({ officerId: Schema.Types.ObjectId, name: String, certificateNumber: String, certificateValidUntil: String }, { _id: false })],
      default: [],
    },
    evidence: {
      type: [new Schema({ documentId: Schema.Types.ObjectId, type: { type: String }, title: String, number: String, date: String }, { _id: false })],
      default: [],
    },
    hearingRecordId: { type: Schema.Types.ObjectId },
    majorReasons: { type: [String], default: [] },
    applicationNote: { type: String },
  },
  { _id: false },
);

const rulesSchema = new Schema(
  {
    limitWorkdays: { type: Number, required: true },
    extensionWorkdays: { type: Number, required: true },
    clockAfterReturn: { type: String, enum: ['restart', 'resume'], required: true },
    settingsVersion: { type: Number, required: true },
  },
  { _id: false },
);

const clockSchema = new Schema(
  {
    receivedOn: { type: String, required: true },
    /** Start of the current running period (receipt, or the resubmission after a return). */
    periodStartOn: { type: String, required: true },
    /** Working days used in earlier periods (counted when the clock resumes after a return). */
    usedWorkdays: { type: Number, required: true, default: 0 },
    dueOn: { type: String, required: true },
    calendarVersion: { type: String, required: true },
    warnings: { type: [String], default: [] },
    pausedOn: { type: String },
    completedOn: { type: String },
  },
  { _id: false },
);

const reviewSchema = new Schema(
  {
    agencyId: { type: Schema.Types.ObjectId, ref: 'Agency', required: true },
    caseId: { type: Schema.Types.ObjectId, ref: 'Case', required: true },
    caseNumber: { type: String, required: true },
    caseCause: { type: String, required: true },
    /** The n-th review of this case. */
    round: { type: Number, required: true },
    status: { type: String, enum: REVIEW_STATUSES, required: true, default: 'submitted' },
    package: { type: packageSchema, required: true },
    /** The submitting user (absent only for records imported without an account). */
    submittedBy: { type: Schema.Types.ObjectId, ref: 'User' },
    submittedByName: { type: String, required: true },
    submissions: { type: [new Schema({ on: String, at: Date, byName: String, note: String }, { _id: false })], default: [] },
    /** Settings in force at submission (a later change of the agency's settings does not move this clock). */
    rules: { type: rulesSchema, required: true },
    /** The clock in working days (DOMAIN.md §8): starts when the complete package is received. */
    clock: { type: clockSchema, required: true },
    extension: {
      status: { type: String, enum: ['requested', 'approved', 'rejected'] },
      workdays: { type: Number },
      reason: { type: String },
      requestedBy: { type: String },
      requestedAt: { type: Date },
      decidedBy: { type: String },
      decidedAt: { type: Date },
      decisionNote: { type: String },
    },
    reviewerId: { type: Schema.Types.ObjectId, ref: 'User' },
    reviewerName: { type: String },
    assignedAt: { type: Date },
    /** The reviewer's working draft (saved as they go; issued into an opinion). */
    draft: {
      checklist: { type: [checklistItemSchema], default: [] },
      outcome: { type: String, enum: REVIEW_OUTCOMES },
      text: { type: String },
    },
    opinions: { type: [opinionSchema], default: [] },
    /** Final outcome (the latest opinion other than a return). */
    outcome: { type: String, enum: REVIEW_OUTCOMES },
    /** The handling unit disagrees with the opinion (异议). */
    contest: { reason: String, byName: String, at: Date },
    /** 集体讨论 convened by the head of department after a contest. */
    discussion: {
      date: String,
      participants: { type: [String], default: undefined },
      minutes: String,
      conclusion: { type: String, enum: ['follow', 'proceed'] },
      reasons: String,
      recordedByName: String,
      at: Date,
    },
    /** Reminders already sent (so the periodic sweep sends each once). */
    reminded: { type: [String], default: [] },
    version: { type: Number, required: true, default: 0 },
  },
  { timestamps: true, collection: 'legal_reviews' },
);
reviewSchema.index({ agencyId: 1, status: 1, 'clock.dueOn': 1 });
reviewSchema.index({ agencyId: 1, createdAt: -1 });
reviewSchema.index({ reviewerId: 1, status: 1 });
reviewSchema.index({ caseId: 1, round: 1 }, { unique: true });
reviewSchema.index({ status: 1, 'clock.dueOn': 1 });
reviewSchema.plugin(jsonPlugin, {
  extend(ret) {
    // Opinions leave without their storage key; the PDF is fetched through the audited download.
    ret.opinions = ((ret.opinions as Array<Record<string, unknown>>) ?? []).map(({ file, ...o }) => ({ ...o, hasPdf: Boolean((file as { key?: string } | undefined)?.key) }));
    delete ret.reminded;
  },
});

export type Review = InferSchemaType<typeof reviewSchema>;
export type ReviewDocument = HydratedDocument<Review>;
export const ReviewModel = mongoose.model('Review', reviewSchema);

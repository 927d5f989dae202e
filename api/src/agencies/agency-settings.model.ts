import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { jsonPlugin } from '../platform/database/json-plugin';

// Per-agency settings (DOMAIN.md: numbers marked [local] or [choice] are settings with defaults,
// never constants). One document per agency; every deadline computed from a setting records which
// value it used.
export const DEFAULT_REQUIRED_DOCUMENTS = {
  // 简易程序: the on-the-spot decision and its service.
  simple: ['decision', 'service_receipt'],
  // 普通程序: alternatives separated by "|" (one inspection or inquiry record suffices).
  ordinary: ['filing_approval', 'inspection_record|inquiry_record', 'notice', 'decision', 'service_receipt', 'execution_record', 'closing_report'],
};

/** [law] 行政处罚法 art. 64 (art. 85: working days): the party has at least 5 working days to request a hearing. */
export const HEARING_REQUEST_MIN_WORKDAYS = 5;

export const DEFAULT_CASE_NUMBER_PATTERN = '{abbr}{cat}〔{year}〕{seq}号';
export const DEFAULT_OPINION_NUMBER_PATTERN = '{abbr}法审〔{year}〕{seq}号';

const agencySettingsSchema = new Schema(
  {
    agencyId: { type: Schema.Types.ObjectId, ref: 'Agency', required: true, unique: true },
    /** Abbreviation in case numbers, e.g. 青市监 (bounds of `common#/$defs/caseAbbreviation`). */
    caseAbbreviation: { type: String, trim: true, minlength: 1, maxlength: 10 },
    /** {abbr} abbreviation, {cat} category character (罚, 许, 强 …), {year}, {seq} (optionally {seq:4} zero-padded). */
    caseNumberPattern: { type: String, required: true, default: DEFAULT_CASE_NUMBER_PATTERN },
    /** 行政处罚法 art. 60: decide within 90 days of filing unless a rule says otherwise (calendar days). */
    decisionDeadlineDays: { type: Number, required: true, default: 90 },
    /** Warn this many days before the decision deadline. */
    decisionWarningDays: { type: Number, required: true, default: 15 },
    /** 行政处罚法 art. 64: a hearing may be requested within 5 working days of the notice; a setting may only lengthen it. */
    hearingRequestWorkdays: { type: Number, required: true, default: HEARING_REQUEST_MIN_WORKDAYS, min: HEARING_REQUEST_MIN_WORKDAYS },
    /** 法制审核: time limit in working days from receipt of the complete package [local]. */
    reviewTimeLimitWorkdays: { type: Number, required: true, default: 5 },
    /** Extension the head of department may approve, in working days [local]. */
    reviewExtensionWorkdays: { type: Number, required: true, default: 3 },
    /** After a return for supplement the clock restarts from the resubmission, or resumes where it stopped [local]. */
    reviewClockAfterReturn: { type: String, enum: ['restart', 'resume'], required: true, default: 'restart' },
    /** Users who may review (empty: every user with the reviewer role in the agency). */
    reviewerUserIds: { type: [{ type: Schema.Types.ObjectId, ref: 'User' }], default: [] },
    /** Lead reviewers: may assign and reassign reviews, like the agency administrator. */
    leadReviewerUserIds: { type: [{ type: Schema.Types.ObjectId, ref: 'User' }], default: [] },
    /**
     * Reviewers whose prior legal-review experience (elsewhere, or before this system) the agency has recorded:
     * art. 58's first-time rule (legal professional qualification) does not apply to them.
     */
    experiencedReviewerUserIds: { type: [{ type: Schema.Types.ObjectId, ref: 'User' }], default: [] },
    /** 法制审核意见书 number: {abbr}, {year}, {seq} (or {seq:4}). */
    opinionNumberPattern: { type: String, required: true, default: DEFAULT_OPINION_NUMBER_PATTERN },
    /** Footage is uploaded within this many hours of the end of the recording, else it is marked late [local]. */
    recordingUploadLimitHours: { type: Number, required: true, default: 24 },
    requiredDocuments: {
      simple: { type: [String], default: DEFAULT_REQUIRED_DOCUMENTS.simple },
      ordinary: { type: [String], default: DEFAULT_REQUIRED_DOCUMENTS.ordinary },
    },
    version: { type: Number, required: true, default: 0 },
  },
  { timestamps: true, collection: 'agency_settings' },
);
agencySettingsSchema.plugin(jsonPlugin);

export type AgencySettings = InferSchemaType<typeof agencySettingsSchema>;
export type AgencySettingsDocument = HydratedDocument<AgencySettings>;
export const AgencySettingsModel = mongoose.model('AgencySettings', agencySettingsSchema);

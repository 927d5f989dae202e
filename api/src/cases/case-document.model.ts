import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { jsonPlugin } from '../platform/database/json-plugin';

// 文书: the written records of a case (DOMAIN.md §3, §5). A document is never changed in place:
// a correction is a new version that names the one it supersedes and says why.
export const DOCUMENT_TYPES = [
  'filing_approval', 'inspection_record', 'inquiry_record', 'evidence_list', 'notice', 'hearing_notice', 'hearing_record',
  'review_application', 'discussion_minutes', 'decision', 'service_receipt', 'execution_record', 'closing_report', 'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

const storedFileSchema = new Schema(
  { key: { type: String, required: true }, sha256: String, size: Number, contentType: String, originalName: String, uploadedAt: Date },
  { _id: false },
);

const caseDocumentSchema = new Schema(
  {
    caseId: { type: Schema.Types.ObjectId, ref: 'Case', required: true },
    agencyId: { type: Schema.Types.ObjectId, ref: 'Agency', required: true },
    type: { type: String, enum: DOCUMENT_TYPES, required: true },
    title: { type: String, trim: true },
    /** 文书编号 */
    number: { type: String, trim: true },
    /** Date of the document (YYYY-MM-DD). */
    date: { type: String, required: true },
    /** Officers present / who signed. */
    officerIds: { type: [{ type: Schema.Types.ObjectId, ref: 'Officer' }], default: [] },
    summary: { type: String, trim: true },
    /** Signed scan (PDF or image) with its SHA-256. */
    file: { type: storedFileSchema },
    version: { type: Number, required: true, default: 1 },
    /** The version this one corrects, and why. */
    supersedesId: { type: Schema.Types.ObjectId, ref: 'CaseDocument' },
    correctionReason: { type: String },
    /** False once a correction supersedes it. */
    current: { type: Boolean, required: true, default: true },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
    createdByName: { type: String },
  },
  { timestamps: true, collection: 'case_documents' },
);
caseDocumentSchema.index({ caseId: 1, current: 1, type: 1 });
caseDocumentSchema.index({ agencyId: 1, createdAt: -1 });
caseDocumentSchema.index({ supersedesId: 1 });
caseDocumentSchema.plugin(jsonPlugin, {
  extend(ret: Record<string, unknown>) {
    const file = ret.file as Record<string, unknown> | undefined;
    if (file) ret.file = { sha256: file.sha256, size: file.size, contentType: file.contentType, originalName: file.originalName, uploadedAt: file.uploadedAt };
  },
});

export type CaseDocumentRecord = InferSchemaType<typeof caseDocumentSchema>;
export type CaseDocumentDocument = HydratedDocument<CaseDocumentRecord>;
export const CaseDocumentModel = mongoose.model('CaseDocument', caseDocumentSchema);

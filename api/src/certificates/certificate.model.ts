import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { jsonPlugin } from '../platform/database/json-plugin';

// 行政执法证 (enforcement certificate). The stored status records decisions (revoked, replaced);
// whether a certificate is valid *now* is computed by certificate-validity.ts, never stored.
export const CERTIFICATE_STATUSES = ['valid', 'expired', 'revoked', 'replaced'] as const;

const certificateSchema = new Schema(
  {
    officerId: { type: Schema.Types.ObjectId, ref: 'Officer', required: true },
    /** The agency of the officer when issued: a certificate is valid only for that agency. */
    agencyId: { type: Schema.Types.ObjectId, ref: 'Agency', required: true },
    number: { type: String, required: true, unique: true, trim: true },
    issuer: { type: String, required: true, trim: true },
    issueDate: { type: String, required: true }, // YYYY-MM-DD
    expiryDate: { type: String, required: true }, // YYYY-MM-DD, last valid day
    status: { type: String, enum: CERTIFICATE_STATUSES, required: true, default: 'valid' },
    statusReason: { type: String },
    statusChangedAt: { type: Date },
    /** Unguessable token in the public QR-code URL (扫码亮证); rotating it kills printed codes. */
    qrToken: { type: String, required: true, unique: true },
    qrTokenRotatedAt: { type: Date },
  },
  { timestamps: true, collection: 'certificates' },
);
certificateSchema.index({ officerId: 1, status: 1 });
certificateSchema.index({ agencyId: 1, expiryDate: 1 });
certificateSchema.index({ agencyId: 1, status: 1 });
certificateSchema.index({ createdAt: -1 });
certificateSchema.plugin(jsonPlugin);

export type Certificate = InferSchemaType<typeof certificateSchema>;
export type CertificateDocument = HydratedDocument<Certificate>;
export const CertificateModel = mongoose.model('Certificate', certificateSchema);

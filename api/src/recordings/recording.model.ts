import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { jsonPlugin } from '../platform/database/json-plugin';

// 执法记录仪视频 and other audio-video records of a case (DOMAIN.md §5). The file is the original as
// uploaded, hashed at ingest and never changed; the metadata around it may be corrected, each change
// a new version with its reason, the earlier values kept in `metadataHistory`.

/** The metadata an officer may correct after the upload (never the file, the case or the uploader). */
export const EDITABLE_FIELDS = ['actionId', 'deviceSerial', 'officerId', 'recordedFrom', 'recordedTo', 'location', 'important', 'notes'] as const;

const metadataVersionSchema = new Schema(
  {
    version: { type: Number, required: true },
    at: { type: Date, required: true },
    byUserId: { type: Schema.Types.ObjectId, ref: 'User' },
    byName: String,
    reason: { type: String, required: true },
    /** The values before this change (only the fields it changed). */
    before: { type: Schema.Types.Mixed, required: true },
  },
  { _id: false },
);

/** The original as uploaded: where it is stored and its SHA-256, taken while it was written. */
const originalFileSchema = new Schema(
  {
    key: { type: String, required: true },
    sha256: { type: String, required: true },
    size: { type: Number, required: true },
    /** Detected from the content, not taken from the client. */
    contentType: { type: String, required: true },
    originalName: { type: String },
  },
  { _id: false },
);

const recordingSchema = new Schema(
  {
    caseId: { type: Schema.Types.ObjectId, ref: 'Case', required: true },
    agencyId: { type: Schema.Types.ObjectId, ref: 'Agency', required: true },
    /** The on-site action (执法活动) it documents, when known. */
    actionId: { type: Schema.Types.ObjectId },
    /** 设备编号 of the body-worn recorder. */
    deviceSerial: { type: String, required: true, trim: true },
    /** The officer who wore the recorder. */
    officerId: { type: Schema.Types.ObjectId, ref: 'Officer', required: true },
    recordedFrom: { type: Date, required: true },
    recordedTo: { type: Date, required: true },
    location: { type: String, trim: true },
    /** 重点文件 */
    important: { type: Boolean, required: true, default: false },
    notes: { type: String, trim: true },
    file: { type: originalFileSchema, required: true },
    uploadedAt: { type: Date, required: true },
    uploadedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    uploadedByName: String,
    /** Uploaded later than the agency's limit after `recordedTo` ([local] 24 hours). */
    late: { type: Boolean, required: true, default: false },
    /** Minutes between the end of the recording and the upload, when late. */
    lateByMinutes: { type: Number },
    /** The limit used, in hours, with the settings version (a later change of the setting never rewrites this). */
    lateLimitHours: { type: Number, required: true },
    settingsVersion: { type: Number, required: true },
    metadataVersion: { type: Number, required: true, default: 1 },
    metadataHistory: { type: [metadataVersionSchema], default: [] },
  },
  { timestamps: true, collection: 'recordings' },
);
recordingSchema.index({ caseId: 1, recordedFrom: 1 });
recordingSchema.index({ agencyId: 1, uploadedAt: -1 });
recordingSchema.index({ 'file.sha256': 1 });
recordingSchema.plugin(jsonPlugin, {
  extend(ret: Record<string, unknown>) {
    const file = ret.file as Record<string, unknown>;
    delete ret.file;
    ret.sha256 = file.sha256;
    ret.size = file.size;
    ret.contentType = file.contentType;
    ret.originalName = file.originalName;
  },
});

export type RecordingRecord = InferSchemaType<typeof recordingSchema>;
export type RecordingDocument = HydratedDocument<RecordingRecord>;
export const RecordingModel = mongoose.model('Recording', recordingSchema);

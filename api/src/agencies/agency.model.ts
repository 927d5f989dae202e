import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { jsonPlugin } from '../platform/database/json-plugin';

// 执法机关 (enforcement agency) or 司法局 (the county legal office, the supervision body).
// Issue "enforcement subjects" extends this with subject type, credit code and qualification workflow.
const agencySchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    shortName: { type: String, required: true, trim: true },
    code: { type: String, required: true, unique: true },
    kind: { type: String, required: true, enum: ['legal_office', 'enforcement'] },
    county: { type: String, required: true, trim: true },
    address: { type: String, trim: true },
    phone: { type: String, trim: true },
    active: { type: Boolean, required: true, default: true },
  },
  { timestamps: true, collection: 'agencies' },
);
agencySchema.index({ name: 1 });
agencySchema.index({ kind: 1, name: 1 });
agencySchema.index({ createdAt: -1 });
agencySchema.plugin(jsonPlugin);

export type Agency = InferSchemaType<typeof agencySchema>;
export type AgencyDocument = HydratedDocument<Agency>;
export const AgencyModel = mongoose.model('Agency', agencySchema);

import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { ENFORCEMENT_CATEGORIES } from '../agencies/agency.model';
import { jsonPlugin } from '../platform/database/json-plugin';

// 权责清单 / 执法事项清单: one enforcement power of an agency (DOMAIN.md §2, published before
// enforcement, §4). Public once the agency is announced.
const legalBasisSchema = new Schema(
  { law: { type: String, required: true, trim: true }, article: { type: String, trim: true } },
  { _id: false },
);

const powerItemSchema = new Schema(
  {
    agencyId: { type: Schema.Types.ObjectId, ref: 'Agency', required: true },
    /** 事项编码, unique within the agency when given. */
    code: { type: String, trim: true },
    name: { type: String, required: true, trim: true },
    category: { type: String, enum: ENFORCEMENT_CATEGORIES, required: true },
    legalBasis: { type: [legalBasisSchema], required: true },
    /** 办理程序 */
    procedure: { type: String, trim: true },
    /** 法定时限, as the law states it (e.g. "立案之日起九十日内"). */
    timeLimit: { type: String, trim: true },
    /** 裁量基准: reference to the discretion standard. */
    discretionStandard: { type: String, trim: true },
    /** 救济途径 */
    remedy: { type: String, trim: true },
    active: { type: Boolean, required: true, default: true },
    /** Set on items created by one Excel import, so a failed import can be undone completely. */
    importBatch: { type: String, private: true },
  },
  { timestamps: true, collection: 'power_items' },
);
powerItemSchema.index({ agencyId: 1, category: 1, name: 1 });
powerItemSchema.index({ agencyId: 1, code: 1 });
powerItemSchema.index({ name: 1 });
powerItemSchema.index({ importBatch: 1 });
powerItemSchema.plugin(jsonPlugin);

export type PowerItem = InferSchemaType<typeof powerItemSchema>;
export type PowerItemDocument = HydratedDocument<PowerItem>;
export const PowerItemModel = mongoose.model('PowerItem', powerItemSchema);

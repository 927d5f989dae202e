import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { PENALTY_TYPES } from '../cases/case.model';
import { jsonPlugin } from '../platform/database/json-plugin';

// 重大执法决定目录清单 (DOMAIN.md §6): each agency's list of what makes a decision major — data, not
// code, since thresholds differ between places. A determination records the rules that matched when
// it was made, so editing the catalog never alters past determinations.
export const MAJOR_RULE_KINDS = [
  'fine_at_least', // 罚款金额达到标准 (by party kind)
  'confiscation_at_least', // 没收金额达到标准 (by party kind)
  'penalty_type', // 吊销许可证、责令停产停业 …
  'hearing_held', // 经过听证
  'beyond_discretion', // 超出裁量基准从轻/减轻或从重
  'complex', // 案情复杂、涉及多个法律关系
  'head_referral', // 机关负责人交办
] as const;
export type MajorRuleKind = (typeof MAJOR_RULE_KINDS)[number];

const majorRuleSchema = new Schema(
  {
    agencyId: { type: Schema.Types.ObjectId, ref: 'Agency', required: true },
    name: { type: String, required: true, trim: true },
    kind: { type: String, enum: MAJOR_RULE_KINDS, required: true },
    /** For amount rules: which parties the threshold applies to. */
    partyKind: { type: String, enum: ['person', 'organization', 'any'], default: 'any' },
    /** Yuan, for amount rules. */
    threshold: { type: Number },
    penaltyTypes: { type: [{ type: String, enum: PENALTY_TYPES }], default: undefined },
    legalBasis: { type: String, trim: true },
    active: { type: Boolean, required: true, default: true },
  },
  { timestamps: true, collection: 'major_catalog' },
);
majorRuleSchema.index({ agencyId: 1, kind: 1 });
majorRuleSchema.plugin(jsonPlugin);

export type MajorRule = InferSchemaType<typeof majorRuleSchema>;
export type MajorRuleDocument = HydratedDocument<MajorRule>;
export const MajorRuleModel = mongoose.model('MajorRule', majorRuleSchema);

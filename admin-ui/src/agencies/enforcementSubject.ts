// Vocabulary of enforcement subjects (执法主体), DOMAIN.md §2, same values as schemas/common.json.
// Labels are translation keys (app.subject_types.*, app.categories.*, app.qualification_status.*).
// No react-admin import: the public portal uses these too.
import type { ChipTone } from '../fields/StatusChip';

export const SUBJECT_TYPES = [
    'administrative_organ', // 行政机关
    'authorized_organization', // 法律法规授权组织
    'entrusted_organization', // 受委托组织: acts in the name of its entrusting organ
] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export const ENFORCEMENT_CATEGORIES = [
    'license', // 行政许可
    'penalty', // 行政处罚
    'coercion', // 行政强制
    'levy', // 行政征收
    'requisition', // 行政征用
    'inspection', // 行政检查
    'confirmation', // 行政确认
    'other', // 其他
] as const;
export type EnforcementCategory = (typeof ENFORCEMENT_CATEGORIES)[number];

// pending → confirmed (basis) → announced (publication date); suspended or revoked with a reason.
export const QUALIFICATION_STATUSES = ['pending', 'confirmed', 'announced', 'suspended', 'revoked'] as const;
export type QualificationStatus = (typeof QUALIFICATION_STATUSES)[number];

export const QUALIFICATION_TONES: Record<QualificationStatus, ChipTone> = {
    pending: 'grey',
    confirmed: 'blue',
    announced: 'green',
    suspended: 'orange',
    revoked: 'red',
};

export const QUALIFICATION_ACTIONS = ['confirm', 'announce', 'suspend', 'reinstate', 'revoke'] as const;
export type QualificationAction = (typeof QUALIFICATION_ACTIONS)[number];

export const subjectTypeChoices = SUBJECT_TYPES.map(id => ({ id, name: `app.subject_types.${id}` }));
export const categoryChoices = ENFORCEMENT_CATEGORIES.map(id => ({ id, name: `app.categories.${id}` }));
export const qualificationStatusChoices = QUALIFICATION_STATUSES.map(id => ({
    id,
    name: `app.qualification_status.${id}`,
}));

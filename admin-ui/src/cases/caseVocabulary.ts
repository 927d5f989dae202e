// Vocabulary of cases (DOMAIN.md §3), the same values as schemas/common.json and case-create.json.
// Labels are translation keys (app.case_status.*, app.case_actions.*, app.document_types.* …).
import type { ChipTone } from '../fields/StatusChip';

// 立案 → 调查取证 → 告知 → (听证) → (法制审核) → 决定 → 送达 → 执行 → 结案 → 归档; or 撤销立案 / 终止.
export const CASE_STATUSES = [
    'filed',
    'investigating',
    'notified',
    'hearing',
    'legal_review',
    'decided',
    'served',
    'executed',
    'closed',
    'archived',
    'withdrawn',
    'terminated',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Before the decision (the art. 60 deadline runs): the case data may still be edited. */
export const UNDECIDED_STATUSES: readonly CaseStatus[] = [
    'filed',
    'investigating',
    'notified',
    'hearing',
    'legal_review',
];
/** Still being handled (not closed, archived, withdrawn or terminated). */
export const OPEN_STATUSES: readonly CaseStatus[] = [...UNDECIDED_STATUSES, 'decided', 'served', 'executed'];
/** After these only document corrections are possible. */
export const CLOSED_STATUSES: readonly CaseStatus[] = ['closed', 'archived', 'withdrawn', 'terminated'];

export const CASE_STATUS_TONES: Record<CaseStatus, ChipTone> = {
    filed: 'blue',
    investigating: 'blue',
    notified: 'blue',
    hearing: 'orange',
    legal_review: 'orange',
    decided: 'green',
    served: 'green',
    executed: 'green',
    closed: 'grey',
    archived: 'grey',
    withdrawn: 'red',
    terminated: 'red',
};

export const CASE_ACTIONS = [
    'start_investigation',
    'notify',
    'waive_hearing',
    'request_hearing',
    'submit_review',
    'decide',
    'decide_on_spot',
    'serve',
    'execute',
    'close',
    'archive',
    'withdraw',
    'terminate',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Steps that end the case early: the API requires a reason. */
export const ACTIONS_WITH_REASON: readonly CaseAction[] = ['withdraw', 'terminate'];

export const DEADLINE_STATES = ['on_time', 'due_soon', 'overdue', 'done', 'done_late', 'not_applicable'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

export const DEADLINE_STATE_TONES: Record<DeadlineState, ChipTone> = {
    on_time: 'green',
    due_soon: 'orange',
    overdue: 'red',
    done: 'grey',
    done_late: 'red',
    not_applicable: 'grey',
};

export const PROCEDURES = ['simple', 'ordinary'] as const;
export const CASE_SOURCES = ['inspection', 'complaint', 'referral', 'transfer', 'other'] as const;
export const DISCRETION_LEVELS = ['no_penalty', 'mitigated', 'lighter', 'normal', 'heavier'] as const;
export const PENALTY_TYPES = [
    'warning',
    'fine',
    'confiscation',
    'suspend_license',
    'revoke_license',
    'lower_qualification',
    'restrict_activities',
    'order_closure',
    'restrict_employment',
    'detention',
    'other',
] as const;
export const PARTY_KINDS = ['person', 'organization'] as const;

// 文书 types, in the order they usually appear in a case file.
export const DOCUMENT_TYPES = [
    'filing_approval',
    'inspection_record',
    'inquiry_record',
    'evidence_list',
    'notice',
    'hearing_notice',
    'hearing_record',
    'review_application',
    'discussion_minutes',
    'decision',
    'service_receipt',
    'execution_record',
    'closing_report',
    'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

// Same limits as the API (case-document.model.ts SCAN_TYPES, case.routes.ts: 20 MB).
export const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
export const SCAN_MAX_BYTES = 20 * 1024 * 1024;

const choices = (values: readonly string[], prefix: string) => values.map(id => ({ id, name: `${prefix}.${id}` }));

export const caseStatusChoices = choices(CASE_STATUSES, 'app.case_status');
export const procedureChoices = choices(PROCEDURES, 'app.procedures');
export const caseSourceChoices = choices(CASE_SOURCES, 'app.case_sources');
export const discretionLevelChoices = choices(DISCRETION_LEVELS, 'app.discretion_levels');
export const penaltyTypeChoices = choices(PENALTY_TYPES, 'app.penalty_types');
export const partyKindChoices = choices(PARTY_KINDS, 'app.party_kinds');
export const documentTypeChoices = choices(DOCUMENT_TYPES, 'app.document_types');

/**
 * A required-document entry of the agency settings: "a|b" means either a or b
 * ("inspection_record|inquiry_record" → 现场检查（勘验）笔录或询问笔录).
 */
export const requiredDocumentLabel = (entry: string, translate: (key: string, options?: object) => string): string =>
    entry
        .split('|')
        .map(type => translate(`app.document_types.${type}`, { _: type }))
        .join(translate('app.cases.either_separator'));

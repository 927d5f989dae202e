// Vocabulary of the legal review (重大执法决定法制审核, DOMAIN.md §6): the same values as schemas/review*.json.
// Labels are translation keys (app.review_status.*, app.review_outcomes.* …).
import type { RaRecord } from 'react-admin';
import type { ChipTone } from '../fields/StatusChip';

/** submitted 待分配, in_review 审核中, returned 退回补充, completed 已办结. */
export const REVIEW_STATUSES = ['submitted', 'in_review', 'returned', 'completed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_STATUS_TONES: Record<ReviewStatus, ChipTone> = {
    submitted: 'orange',
    in_review: 'blue',
    returned: 'grey',
    completed: 'green',
};

/** The clock's state as the queue shows it. */
export const DUE_STATES = ['on_time', 'due_soon', 'overdue', 'paused', 'done', 'done_late'] as const;
export type DueState = (typeof DUE_STATES)[number];

export const DUE_STATE_TONES: Record<DueState, ChipTone> = {
    on_time: 'green',
    due_soon: 'orange',
    overdue: 'red',
    paused: 'grey',
    done: 'blue',
    done_late: 'red',
};

/** The review points of DOMAIN.md §6, in the order of the opinion (the API sends their Chinese labels). */
export const REVIEW_POINTS = [
    'subject_qualified',
    'procedure_lawful',
    'facts_evidence',
    'law_discretion',
    'within_authority',
    'documents_complete',
    'crime_transfer',
] as const;
export type ReviewPoint = (typeof REVIEW_POINTS)[number];

export const POINT_CONCLUSIONS = ['ok', 'problem', 'not_applicable'] as const;
export type PointConclusion = (typeof POINT_CONCLUSIONS)[number];

/** 同意 变更 纠正 退回补充 移送 不予下发. */
export const REVIEW_OUTCOMES = ['approve', 'change', 'correct', 'return', 'transfer', 'not_issue'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const OUTCOME_TONES: Record<ReviewOutcome, ChipTone> = {
    approve: 'green',
    change: 'orange',
    correct: 'orange',
    return: 'grey',
    transfer: 'red',
    not_issue: 'red',
};

/** The actions the API lists for the caller (`actions` of GET /api/reviews/:id). */
export type ReviewAction =
    | 'claim'
    | 'assign'
    | 'save_draft'
    | 'issue'
    | 'request_extension'
    | 'decide_extension'
    | 'resubmit'
    | 'contest'
    | 'discuss'
    | 'correct';

/** Kinds of catalog rules (重大执法决定目录清单). */
export const MAJOR_RULE_KINDS = [
    'fine_at_least',
    'confiscation_at_least',
    'penalty_type',
    'hearing_held',
    'beyond_discretion',
    'complex',
    'head_referral',
] as const;
export type MajorRuleKind = (typeof MAJOR_RULE_KINDS)[number];
export const AMOUNT_RULE_KINDS: readonly string[] = ['fine_at_least', 'confiscation_at_least'];
export const RULE_PARTY_KINDS = ['any', 'person', 'organization'] as const;

const choices = (values: readonly string[], prefix: string) => values.map(id => ({ id, name: `${prefix}.${id}` }));

export const reviewStatusChoices = choices(REVIEW_STATUSES, 'app.review_status');
export const outcomeChoices = choices(REVIEW_OUTCOMES, 'app.review_outcomes');
export const majorRuleKindChoices = choices(MAJOR_RULE_KINDS, 'app.major_rule_kinds');
export const rulePartyKindChoices = choices(RULE_PARTY_KINDS, 'app.major_rule_party_kinds');

export interface ChecklistItem {
    point: ReviewPoint;
    conclusion?: PointConclusion;
    note?: string | null;
}

export interface Opinion {
    number: string;
    version: number;
    supersedes?: string;
    correctionReason?: string;
    outcome: ReviewOutcome;
    text: string;
    checklist: ChecklistItem[];
    reviewerName: string;
    issuedOn: string;
    hasPdf: boolean;
}

export interface ReviewClock {
    receivedOn: string;
    periodStartOn: string;
    usedWorkdays: number;
    dueOn: string;
    calendarVersion: string;
    warnings: string[];
    pausedOn?: string | null;
    completedOn?: string | null;
}

export interface ReviewPackage {
    draftDecision: string;
    facts: string;
    legalBasis: Array<{ law?: string; article?: string }>;
    discretionReasoning: string;
    fineAmount?: number;
    confiscationAmount?: number;
    penaltyTypes: string[];
    officers: Array<{ officerId: string; name: string; certificateNumber: string; certificateValidUntil: string }>;
    evidence: Array<{ documentId: string; type: string; title?: string; number?: string; date?: string }>;
    hearingRecordId?: string;
    majorReasons: string[];
    applicationNote?: string;
}

/** A review as GET /api/reviews/:id returns it. */
export interface Review extends RaRecord {
    caseId: string;
    caseNumber: string;
    caseCause: string;
    round: number;
    status: ReviewStatus;
    package: ReviewPackage;
    submittedByName: string;
    submissions: Array<{ on: string; at: string; byName: string; note?: string }>;
    rules: { limitWorkdays: number; extensionWorkdays: number; clockAfterReturn: 'restart' | 'resume'; settingsVersion: number };
    clock: ReviewClock;
    state: DueState;
    remainingWorkdays: number | null;
    extension?: {
        status?: 'requested' | 'approved' | 'rejected';
        workdays?: number;
        reason?: string;
        requestedBy?: string;
        requestedAt?: string;
        decidedBy?: string;
        decidedAt?: string;
        decisionNote?: string;
    };
    reviewerId?: string;
    reviewerName?: string;
    draft?: { checklist?: ChecklistItem[]; outcome?: ReviewOutcome; text?: string };
    opinions: Opinion[];
    outcome?: ReviewOutcome;
    contest?: { reason?: string; byName?: string; at?: string };
    discussion?: {
        date?: string;
        participants?: string[];
        minutes?: string;
        conclusion?: 'follow' | 'proceed';
        reasons?: string;
        recordedByName?: string;
        at?: string;
    };
    pointLabels: Record<string, string>;
    actions: ReviewAction[];
    version: number;
}

/**
 * The label of a review point: in Chinese the API's wording (the one printed in the opinion), in
 * another language our translation of it.
 */
export const pointLabel = (
    point: string,
    review: Pick<Review, 'pointLabels'>,
    locale: string,
    translate: (key: string, options?: object) => string
): string =>
    locale === 'zh' && review.pointLabels?.[point]
        ? review.pointLabels[point]
        : translate(`app.review_points.${point}`, { _: review.pointLabels?.[point] ?? point });

/** "calendar_year_missing:2027" → the year, for the warning text. */
export const missingCalendarYears = (warnings: readonly string[] | undefined): string[] =>
    (warnings ?? []).map(w => /^calendar_year_missing:(\d{4})$/.exec(w)?.[1]).filter((y): y is string => !!y);

// The case state machine (DOMAIN.md §3), in one place. Each transition names the roles allowed and
// its preconditions; a refused transition says which precondition failed. Pure functions: the
// service gathers the facts (documents, hearing window, actor's officer record) and applies the result.
import type { Role } from '../platform/auth/permissions';
import type { MessageKey } from '../platform/messages';
import { officerQuorumFailures, type OfficerQualification } from './officer-quorum';

export const CASE_STATUSES = [
  'filed', 'investigating', 'notified', 'hearing', 'legal_review', 'decided', 'served', 'executed', 'closed', 'archived', 'withdrawn', 'terminated',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which the decision is still to be made (the art. 60 deadline runs). */
export const UNDECIDED: readonly CaseStatus[] = ['filed', 'investigating', 'notified', 'hearing', 'legal_review'];
/** Statuses after which the case data is frozen (changes only through documents and corrections). */
export const CLOSED: readonly CaseStatus[] = ['closed', 'archived', 'withdrawn', 'terminated'];

export const CASE_ACTIONS = [
  'start_investigation', 'notify', 'waive_hearing', 'request_hearing', 'submit_review', 'decide', 'decide_on_spot',
  'serve', 'execute', 'close', 'archive', 'withdraw', 'terminate',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export interface LifecycleFacts {
  case: {
    status: CaseStatus;
    procedure: 'simple' | 'ordinary';
    category: string;
    major: boolean;
    legalReviewStatus: string;
    /** The package fields changed after the approval (when the gate was reset to review_required). */
    legalReviewChangedFields?: readonly string[];
    hearingRequestedOn?: string;
    hearingWaived?: boolean;
    notifiedOn?: string;
    lastStepOn: string;
  };
  /** Types of the current (latest-version) documents of the case. */
  documentTypes: ReadonlySet<string>;
  /** Required documents for the procedure; "a|b" means either. */
  requiredDocuments: readonly string[];
  actor: { roles: readonly Role[]; assigned: boolean };
  /** The case's officers with their certificates' state on the step's date (`input.date`). */
  officers: readonly OfficerQualification[];
  today: string;
  /** Last day on which the party may request a hearing (notice date + N working days). */
  hearingWindowEnd?: string;
  input: { date: string; reason?: string };
}

export interface Failure {
  key: MessageKey;
  params?: Record<string, string | number>;
}

interface Rule {
  from: readonly CaseStatus[];
  to: CaseStatus | 'same';
  roles: readonly Role[];
  needsReason?: boolean;
  check?: (f: LifecycleFacts) => Failure[];
}

const INVESTIGATION_RECORDS = ['inspection_record', 'inquiry_record'];
const need = (f: LifecycleFacts, type: string): Failure[] => (f.documentTypes.has(type) ? [] : [{ key: 'cases.pre.document', params: { type } }]);
/** Hearing rights (陈述、申辩、听证) apply to penalties decided in the ordinary procedure. */
const hearingRights = (f: LifecycleFacts) => f.case.category === 'penalty' && f.case.procedure === 'ordinary';

export function missingDocuments(required: readonly string[], present: ReadonlySet<string>): string[] {
  return required.filter((r) => !r.split('|').some((t) => present.has(t)));
}

/** Before the decision: the notice has been given and the party's hearing rights are respected. */
function hearingSettled(f: LifecycleFacts): Failure[] {
  if (!hearingRights(f)) return [];
  if (f.case.hearingRequestedOn) return need(f, 'hearing_record').map(() => ({ key: 'cases.pre.hearing_not_held' }) as Failure);
  if (f.case.hearingWaived) return [];
  if (f.hearingWindowEnd && f.input.date <= f.hearingWindowEnd) return [{ key: 'cases.pre.hearing_window_open', params: { until: f.hearingWindowEnd } }];
  return [];
}

/** Art. 58: a major case is decided on a passed review of the draft as it is. */
function legalReviewPassed(f: LifecycleFacts): Failure[] {
  if (!f.case.major) return [];
  if (f.case.legalReviewStatus === 'review_required') return [{ key: 'cases.pre.review_outdated', params: { fields: (f.case.legalReviewChangedFields ?? []).join(', ') } }];
  return ['approved', 'proceed_by_discussion'].includes(f.case.legalReviewStatus) ? [] : [{ key: 'cases.pre.legal_review' }];
}

export const rules: Record<CaseAction, Rule> = {
  start_investigation: {
    from: ['filed'], to: 'investigating', roles: ['officer', 'dept_head'],
    check: (f) => (f.case.procedure === 'simple' ? [{ key: 'cases.pre.simple_procedure' }] : []),
  },
  // 告知: facts, reasons, basis and the rights to state, defend and request a hearing.
  notify: {
    from: ['investigating'], to: 'notified', roles: ['officer'],
    check: (f) => [
      ...(INVESTIGATION_RECORDS.some((t) => f.documentTypes.has(t)) ? [] : [{ key: 'cases.pre.investigation_record' } as Failure]),
      ...need(f, 'notice'),
    ],
  },
  // The party declares in writing that it gives up statement, defence and hearing.
  waive_hearing: {
    from: ['notified'], to: 'same', roles: ['officer'],
    check: (f) => [
      ...(hearingRights(f) ? [] : [{ key: 'cases.pre.no_hearing_rights' } as Failure]),
      ...(f.case.hearingWaived ? [{ key: 'cases.pre.hearing_already_waived' } as Failure] : []),
    ],
  },
  // 行政处罚法 art. 64: the request must come within N working days of the notice.
  request_hearing: {
    from: ['notified'], to: 'hearing', roles: ['officer'],
    check: (f) => [
      ...(hearingRights(f) ? [] : [{ key: 'cases.pre.no_hearing_rights' } as Failure]),
      ...(f.case.hearingWaived ? [{ key: 'cases.pre.hearing_already_waived' } as Failure] : []),
      ...(f.hearingWindowEnd && f.input.date > f.hearingWindowEnd ? [{ key: 'cases.pre.hearing_request_late', params: { until: f.hearingWindowEnd } } as Failure] : []),
    ],
  },
  // Submitted with its package through the legal review (reviews/review.service.ts); again after an
  // opinion that did not approve (变更, 纠正, 不予下发) once the draft has been revised.
  submit_review: {
    from: ['notified', 'hearing', 'legal_review'], to: 'legal_review', roles: ['officer'],
    check: (f) => [
      ...(f.case.major ? [] : [{ key: 'cases.pre.not_major' } as Failure]),
      ...(f.case.status === 'legal_review' && !['not_approved', 'review_required'].includes(f.case.legalReviewStatus) ? [{ key: 'cases.pre.review_in_progress', params: { state: `review_${f.case.legalReviewStatus}` } } as Failure] : []),
      ...(f.case.status === 'hearing' ? need(f, 'hearing_record').map(() => ({ key: 'cases.pre.hearing_not_held' }) as Failure) : []),
    ],
  },
  // 行政处罚法 art. 58: no decision on a major case without a passed legal review (and not on an approval
  // the draft has since moved away from). Art. 42: the officers hold valid certificates on the decision date.
  decide: {
    from: ['notified', 'hearing', 'legal_review'], to: 'decided', roles: ['dept_head'],
    check: (f) => [
      ...need(f, 'decision'),
      ...hearingSettled(f),
      ...officerQuorumFailures(f.officers, f.case.procedure, f.input.date),
      ...legalReviewPassed(f),
    ],
  },
  // 简易程序 (art. 51): decided on the spot by the officer, who holds a valid certificate that day.
  decide_on_spot: {
    from: ['filed'], to: 'decided', roles: ['officer'],
    check: (f) => [
      ...(f.case.procedure === 'simple' ? [] : [{ key: 'cases.pre.ordinary_procedure' } as Failure]),
      ...need(f, 'decision'),
      ...officerQuorumFailures(f.officers, f.case.procedure, f.input.date),
    ],
  },
  serve: { from: ['decided'], to: 'served', roles: ['officer'], check: (f) => need(f, 'service_receipt') },
  execute: { from: ['served'], to: 'executed', roles: ['officer'], check: (f) => need(f, 'execution_record') },
  close: {
    from: ['executed'], to: 'closed', roles: ['dept_head'],
    check: (f) => missingDocuments(f.requiredDocuments, f.documentTypes).map((type) => ({ key: 'cases.pre.document', params: { type } })),
  },
  archive: {
    from: ['closed'], to: 'archived', roles: ['officer', 'agency_admin'],
    check: (f) => missingDocuments(f.requiredDocuments, f.documentTypes).map((type) => ({ key: 'cases.pre.document', params: { type } })),
  },
  withdraw: { from: ['filed', 'investigating'], to: 'withdrawn', roles: ['dept_head'], needsReason: true },
  terminate: { from: ['investigating', 'notified', 'hearing', 'legal_review'], to: 'terminated', roles: ['dept_head'], needsReason: true },
};

export interface Evaluation {
  action: CaseAction;
  to: CaseStatus;
  allowed: boolean;
  failures: Failure[];
}

/**
 * Whether `action` may happen now, and if not, every reason why. When listing what the console may
 * offer, the reason the user has yet to type is not held against the action.
 */
export function evaluate(action: CaseAction, f: LifecycleFacts, listing = false): Evaluation {
  const rule = rules[action];
  const to = rule.to === 'same' ? f.case.status : rule.to;
  if (!rule.from.includes(f.case.status)) {
    return { action, to, allowed: false, failures: [{ key: 'cases.pre.status', params: { status: f.case.status } }] };
  }
  const failures: Failure[] = [];
  const hasRole = f.actor.roles.some((r) => rule.roles.includes(r));
  if (!hasRole) failures.push({ key: 'cases.pre.role', params: { roles: rule.roles.join(', ') } });
  // An officer acts only on cases assigned to them; the head and the administrator on any of their agency.
  else if (!f.actor.roles.some((r) => r !== 'officer' && rule.roles.includes(r)) && !f.actor.assigned) failures.push({ key: 'cases.pre.not_assigned' });
  if (rule.needsReason && !listing && !f.input.reason?.trim()) failures.push({ key: 'cases.pre.reason' });
  if (f.input.date > f.today) failures.push({ key: 'cases.pre.future_date' });
  if (f.input.date < f.case.lastStepOn) failures.push({ key: 'cases.pre.date_before_last', params: { date: f.case.lastStepOn } });
  failures.push(...(rule.check?.(f) ?? []));
  return { action, to, allowed: failures.length === 0, failures };
}

/** The actions whose status precondition holds now (what the console offers, with reasons if refused). */
export function availableActions(f: LifecycleFacts): Array<Evaluation & { needsReason: boolean }> {
  return CASE_ACTIONS.filter((a) => rules[a].from.includes(f.case.status)).map((a) => ({ ...evaluate(a, f, true), needsReason: Boolean(rules[a].needsReason) }));
}

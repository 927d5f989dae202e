// What the console shows beside the stored case: completeness of the required documents, the
// decision deadline's state, and (on one case) the actions the caller may take now.
import { settingsOf } from '../agencies/agency-settings.service';
import { OfficerModel } from '../officers/officer.model';
import type { Actor } from '../platform/auth/actor';
import { addCalendarDays, chinaDate } from '../platform/calendar/dates';
import { addWorkdaysNow } from '../calendar/calendar.service';
import { translate, type Lang } from '../platform/messages';
import { CaseDocumentModel } from './case-document.model';
import { availableActions, missingDocuments, UNDECIDED, type CaseStatus, type LifecycleFacts } from './case-lifecycle';
import type { CaseDocument } from './case.model';
import { officerQualifications } from './case-officers';

export type DeadlineState = 'on_time' | 'due_soon' | 'overdue' | 'done' | 'done_late' | 'not_applicable';

export function deadlineState(c: { status: string; decisionDeadline?: { dueOn?: string | null } | null; decidedOn?: string | null }, warningDays: number, today = chinaDate()): DeadlineState {
  const due = c.decisionDeadline?.dueOn;
  if (!due) return 'not_applicable';
  if (UNDECIDED.includes(c.status as CaseStatus)) {
    if (today > due) return 'overdue';
    return addCalendarDays(today, warningDays) >= due ? 'due_soon' : 'on_time';
  }
  if (!c.decidedOn) return 'not_applicable';
  return c.decidedOn > due ? 'done_late' : 'done';
}

export async function currentDocumentTypes(caseIds: string[]): Promise<Map<string, Set<string>>> {
  const docs = await CaseDocumentModel.find({ caseId: { $in: caseIds }, current: true }, { caseId: 1, type: 1 });
  const map = new Map<string, Set<string>>(caseIds.map((id) => [id, new Set()]));
  for (const d of docs) map.get(String(d.caseId))?.add(d.type);
  return map;
}

/** The date of the last recorded step, so a new step cannot be dated before it. */
export function lastStepOn(c: CaseDocument): string {
  return [c.filedOn, c.notifiedOn, c.decidedOn, c.servedOn, c.executedOn, c.closedOn, c.archivedOn, ...c.history.map((h) => h.date ?? '')]
    .filter((d): d is string => Boolean(d))
    .sort()
    .pop()!;
}

export async function lifecycleFacts(c: CaseDocument, actor: Actor, input: { date?: string; reason?: string }): Promise<LifecycleFacts> {
  const settings = await settingsOf(String(c.agencyId));
  const types = (await currentDocumentTypes([c.id]))!.get(c.id)!;
  const officer = await OfficerModel.findOne({ userId: actor.userId, agencyId: c.agencyId, status: 'active' }, { _id: 1 });
  const today = chinaDate();
  const date = input.date ?? today;
  return {
    case: {
      status: c.status as CaseStatus,
      procedure: c.procedure as 'simple' | 'ordinary',
      category: c.category,
      major: c.major,
      legalReviewStatus: c.legalReview?.status ?? 'none',
      legalReviewChangedFields: c.legalReview?.changedFields ?? [],
      hearingRequestedOn: c.hearing?.requestedOn ?? undefined,
      hearingWaived: c.hearing?.waived ?? undefined,
      notifiedOn: c.notifiedOn ?? undefined,
      lastStepOn: lastStepOn(c),
    },
    documentTypes: types,
    requiredDocuments: c.procedure === 'simple' ? settings.requiredDocuments!.simple : settings.requiredDocuments!.ordinary,
    actor: { roles: actor.roles, assigned: Boolean(officer && c.officerIds.some((id) => String(id) === String(officer._id))) },
    // Art. 42 on the step's own date: a certificate that lapsed or was revoked since the filing counts.
    officers: await officerQualifications(String(c.agencyId), c.officerIds, date),
    today,
    // Stored at the notice with its calendar version; computed only for records notified before that was kept.
    hearingWindowEnd: c.hearing?.windowEndOn ?? (c.notifiedOn ? (await addWorkdaysNow(c.notifiedOn, settings.hearingRequestWorkdays)).date : undefined),
    input: { date, reason: input.reason },
  };
}

export async function caseView(c: CaseDocument, actor: Actor, lang: Lang) {
  const settings = await settingsOf(String(c.agencyId));
  const facts = await lifecycleFacts(c, actor, {});
  const missing = missingDocuments(facts.requiredDocuments, facts.documentTypes);
  return {
    ...c.toJSON(),
    completeness: { required: facts.requiredDocuments.length, present: facts.requiredDocuments.length - missing.length, missing },
    deadlineState: deadlineState(c, settings.decisionWarningDays),
    hearingWindowEnd: facts.hearingWindowEnd,
    actions: availableActions(facts).map((e) => ({
      action: e.action,
      allowed: e.allowed,
      needsReason: e.needsReason,
      reasons: e.failures.map((f) => translate(f.key, lang, f.params)),
      failures: e.failures.map((f) => ({ key: f.key, params: f.params ?? {} })),
    })),
  };
}

/** The list's computed columns for a page of cases, in two queries. */
export async function listViews(cases: Array<Record<string, unknown>>) {
  const types = await currentDocumentTypes(cases.map((c) => String(c.id)));
  const settingsByAgency = new Map<string, Awaited<ReturnType<typeof settingsOf>>>();
  for (const agencyId of new Set(cases.map((c) => String(c.agencyId)))) settingsByAgency.set(agencyId, await settingsOf(agencyId));
  return cases.map((c) => {
    const settings = settingsByAgency.get(String(c.agencyId))!;
    const required = c.procedure === 'simple' ? settings.requiredDocuments!.simple : settings.requiredDocuments!.ordinary;
    const missing = missingDocuments(required, types.get(String(c.id)) ?? new Set());
    return {
      ...c,
      completeness: { required: required.length, present: required.length - missing.length, missing },
      deadlineState: deadlineState(c as never, settings.decisionWarningDays),
    };
  });
}

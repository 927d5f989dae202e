// 重大执法决定法制审核 (DOMAIN.md §6, 行政处罚法 art. 58): submission with a complete package, the
// working-day clock, assignment and claim, the checklist, numbered opinions (PDF, immutable), extension
// approval, contest and collective discussion, and the gate the case's decision waits for.
// The review document is the authority; the case keeps a mirror of its state (`legalReview`) for the
// decision gate and lists, written right after the review in the same request.
import mongoose from 'mongoose';
import { AgencyModel } from '../agencies/agency.model';
import { settingsOf } from '../agencies/agency-settings.service';
import { currentCalendar } from '../calendar/calendar.service';
import { CaseDocumentModel } from '../cases/case-document.model';
import { UNDECIDED } from '../cases/case-lifecycle';
import { formatCaseNumber, nextCounter } from '../cases/case-numbering';
import { applyTransition } from '../cases/case-transition.service';
import { CaseModel, type CaseDocument } from '../cases/case.model';
import { assertActsOnCase, findCase } from '../cases/case.service';
import { officerQualifications } from '../cases/case-officers';
import { officerQuorumFailures } from '../cases/officer-quorum';
import { notify } from '../notifications/notification.service';
import { OfficerModel } from '../officers/officer.model';
import type { Actor, RequestContext } from '../platform/auth/actor';
import { agencyScope, findInScope } from '../platform/auth/agency-scope';
import { recordAudit } from '../platform/audit/audit.service';
import { chinaDate } from '../platform/calendar/dates';
import { workdaysBetween, type WorkdayCalendar } from '../platform/calendar/workdays';
import { withKeyLock } from '../platform/database/keyed-lock';
import { AppError, forbidden, withBody, type FieldError } from '../platform/errors';
import { badFilter, listRecords, type ListQuery, type ListSpec } from '../platform/http/listing';
import { term, translate, type Lang } from '../platform/messages';
import { removeStoredFile, storeBuffer } from '../platform/storage/file-store';
import { UserModel } from '../users/user.model';
import { renderOpinionPdf } from './opinion-pdf';
import { dueState, extendClock, pauseClock, recomputeClock, resumeClock, startClock, type ClockState } from './review-clock';
import { REVIEW_POINTS, ReviewModel, type ReviewDocument, type ReviewOutcome } from './review.model';

const POINT_LABELS: Record<string, string> = {
  subject_qualified: '执法主体是否合法，执法人员是否具备执法资格',
  procedure_lawful: '执法程序是否合法',
  facts_evidence: '案件事实是否清楚，证据是否合法充分',
  law_discretion: '适用法律依据是否准确，行政裁量权基准适用是否适当',
  within_authority: '是否超越法定权限',
  documents_complete: '执法文书是否完备、规范',
  crime_transfer: '违法行为是否涉嫌犯罪、需要移送司法机关',
};
const OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  approve: '同意', change: '变更', correct: '纠正', return: '退回补充', transfer: '移送', not_issue: '不予下发',
};
/** The case's legal-review gate after an opinion with this outcome. */
const GATE: Record<ReviewOutcome, string> = {
  approve: 'approved', change: 'not_approved', correct: 'not_approved', return: 'returned', transfer: 'transferred', not_issue: 'not_approved',
};
const CONTESTABLE: readonly ReviewOutcome[] = ['change', 'correct', 'transfer', 'not_issue'];

// ---------------------------------------------------------------------------------------------
// Reading

function reviewListSpec(actor: Actor): ListSpec {
  return {
    resource: 'reviews',
    filters: { agencyId: 'objectId', caseId: 'objectId', status: 'string', outcome: 'string', reviewerId: 'objectId', caseNumber: 'string' },
    search: ['caseNumber', 'caseCause', 'reviewerName', 'submittedByName'],
    sortable: ['clock.dueOn', 'createdAt', 'updatedAt', 'caseNumber', 'status'],
    defaultSort: ['clock.dueOn', 'ASC'],
    custom: {
      // The queue tabs: mine (assigned to me and not completed), unassigned (waiting for a reviewer), open (not completed).
      queue: (value) => {
        switch (value) {
          case 'mine': return { reviewerId: new mongoose.Types.ObjectId(actor.userId), status: { $in: ['in_review', 'returned'] } };
          case 'unassigned': return { status: 'submitted' };
          case 'open': return { status: { $ne: 'completed' } };
          default: throw badFilter('queue');
        }
      },
    },
  };
}

export async function listReviews(ctx: RequestContext, query: ListQuery) {
  const actor = ctx.actor!;
  const result = await listRecords(ReviewModel, reviewListSpec(actor), query, agencyScope(actor));
  const cal = await currentCalendar();
  const today = chinaDate();
  return { ...result, records: (result.records as Array<Record<string, unknown>>).map((r) => ({ ...r, ...dueState(r.clock as ClockState, today, cal) })) };
}

export function findReview(ctx: RequestContext, id: string) {
  return findInScope(ReviewModel, ctx.actor!, id, 'review');
}

/** The actions the caller may take on the review now (the console offers these and only these). */
async function allowedActions(r: ReviewDocument, actor: Actor): Promise<string[]> {
  const actions: string[] = [];
  const mine = String(r.reviewerId ?? '') === actor.userId;
  const has = (p: string) => actor.permissions.includes(p as never);
  const sameAgency = String(r.agencyId) === actor.agencyId;
  if (!sameAgency) return actions;
  if (r.status === 'submitted' && has('reviews:review')) actions.push('claim');
  if (r.status !== 'completed' && has('reviews:assign') && (await mayAssign(actor, String(r.agencyId)))) actions.push('assign');
  if (r.status === 'in_review' && mine) actions.push('save_draft', 'issue');
  if (r.status === 'in_review' && mine && !r.extension?.status) actions.push('request_extension');
  if (r.extension?.status === 'requested' && has('reviews:decide')) actions.push('decide_extension');
  if (r.status === 'returned' && has('reviews:submit')) actions.push('resubmit');
  // Only the case's current round may move its gate: an earlier round is read-only history.
  if (r.status !== 'completed' && !r.contest?.at) return actions;
  if (await roundProblem(r)) return actions.filter((a) => a !== 'resubmit');
  if (r.status === 'completed' && r.outcome && CONTESTABLE.includes(r.outcome as ReviewOutcome) && !r.contest?.at && has('reviews:submit')) actions.push('contest');
  if (r.contest?.at && !r.discussion?.at && has('reviews:decide')) actions.push('discuss');
  if (r.status === 'completed' && mine) actions.push('correct');
  return actions;
}

export async function reviewView(r: ReviewDocument, actor: Actor, cal?: WorkdayCalendar) {
  const calendar = cal ?? (await currentCalendar());
  return {
    ...r.toJSON(),
    ...dueState(clockOf(r), chinaDate(), calendar),
    pointLabels: POINT_LABELS,
    actions: await allowedActions(r, actor),
  };
}

export async function getReview(ctx: RequestContext, id: string) {
  return reviewView(await findReview(ctx, id), ctx.actor!);
}

// ---------------------------------------------------------------------------------------------
// Submission

/** The package a review examines, built from the case as it is now; what is missing, by field. */
export async function buildPackage(c: CaseDocument, applicationNote?: string) {
  const missing: Record<string, FieldError> = {};
  const required = (field: string, ok: boolean) => { if (!ok) missing[field] = { key: 'reviews.missing_field' }; };
  required('draftDecision', Boolean(c.draftDecision?.trim()));
  required('facts', Boolean(c.facts?.trim()));
  required('legalBasis', c.legalBasis.length > 0);
  required('discretion.reasoning', Boolean(c.discretion?.reasoning?.trim()));

  const documents = await CaseDocumentModel.find({ caseId: c._id, current: true }).sort({ date: 1, createdAt: 1 });
  if (!documents.some((d) => d.type === 'inspection_record' || d.type === 'inquiry_record')) missing.evidence = { key: 'reviews.missing_evidence' };
  const hearingRecord = documents.find((d) => d.type === 'hearing_record');
  if (c.hearing?.requestedOn && !hearingRecord) missing.hearingRecord = { key: 'reviews.missing_hearing_record' };

  // Art. 42, the same rule as at the decision (officer-quorum.ts): the officers and their certificates on
  // the day of submission, kept as a snapshot for the opinion.
  const today = chinaDate();
  const qualifications = await officerQualifications(String(c.agencyId), c.officerIds, today);
  for (const f of officerQuorumFailures(qualifications, c.procedure as 'simple' | 'ordinary', today)) {
    if (f.key === 'cases.pre.officer_certificate') {
      const q = qualifications.find((x) => x.name === f.params.name && x.state === f.params.state)!;
      missing[`officers.${q.officerId}`] = { key: 'reviews.officer_certificate', params: { name: q.name, state: q.state } };
    } else if (f.key === 'cases.pre.officer_not_found') missing[`officers.${String(f.params.id)}`] = { key: f.key, params: f.params };
    else missing.officerIds = { key: f.key, params: f.params };
  }
  const officerSnapshot = qualifications.map((q) => ({
    officerId: new mongoose.Types.ObjectId(q.officerId), name: q.name,
    certificateNumber: q.state === 'valid' ? q.certificate?.number ?? '' : '', certificateValidUntil: q.state === 'valid' ? q.certificate?.expiryDate ?? '' : '',
  }));

  return {
    missing,
    package: {
      draftDecision: c.draftDecision ?? '',
      facts: c.facts ?? '',
      legalBasis: c.legalBasis.map((b) => ({ law: b.law, article: b.article })),
      discretionReasoning: c.discretion?.reasoning ?? '',
      fineAmount: c.fineAmount ?? undefined,
      confiscationAmount: c.confiscationAmount ?? undefined,
      penaltyTypes: c.penaltyTypes,
      officers: officerSnapshot,
      evidence: documents.map((d) => ({ documentId: d._id, type: d.type, title: d.title, number: d.number, date: d.date })),
      hearingRecordId: hearingRecord?._id,
      majorReasons: c.majorReasons,
      applicationNote,
    },
  };
}

function refuseIncomplete(missing: Record<string, FieldError>, lang: Lang) {
  const names = Object.keys(missing);
  if (!names.length) return;
  const describe = (f: string) => {
    const e = missing[f];
    return 'key' in e ? `${f}: ${translate(e.key, lang, e.params)}` : f;
  };
  throw new AppError(400, 'reviews.package_incomplete', { missing: names.map(describe).join(lang === 'zh' ? '；' : '; ') }, missing);
}

/** The handling officer submits the case's draft decision with its package (the clock starts today). */
export async function submitReview(ctx: RequestContext, input: { caseId: string; caseVersion: number; applicationNote?: string }, lang: Lang) {
  const actor = ctx.actor!;
  const c = await findCase(ctx, input.caseId);
  await assertActsOnCase(ctx, c);
  const built = await buildPackage(c, input.applicationNote);
  refuseIncomplete(built.missing, lang);
  const settings = await settingsOf(String(c.agencyId));
  const rules = {
    limitWorkdays: settings.reviewTimeLimitWorkdays, extensionWorkdays: settings.reviewExtensionWorkdays,
    clockAfterReturn: settings.reviewClockAfterReturn as 'restart' | 'resume', settingsVersion: settings.version,
  };
  const today = chinaDate();
  const round = (await ReviewModel.countDocuments({ caseId: c._id })) + 1;
  // The review first (its unique case+round refuses a double submission), then the case's step; a
  // refused step removes the review again, so nothing is left half-written.
  let review: ReviewDocument;
  try {
    review = await ReviewModel.create({
      agencyId: c.agencyId, caseId: c._id, caseNumber: c.number, caseCause: c.cause, round, status: 'submitted',
      package: built.package, submittedBy: actor.userId, submittedByName: actor.displayName,
      submissions: [{ on: today, at: new Date(), byName: actor.displayName, note: input.applicationNote }],
      rules, clock: startClock(today, rules, await currentCalendar()),
    });
  } catch (err) {
    if ((err as { code?: number }).code === 11000) throw new AppError(409, 'concurrency.stale');
    throw err;
  }
  try {
    await applyTransition(ctx, c, { action: 'submit_review', version: input.caseVersion }, lang, {
      'legalReview.status': 'pending', 'legalReview.reviewId': review._id, 'legalReview.round': round,
      'legalReview.outcome': null, 'legalReview.opinionNumber': null, 'legalReview.decidedAt': null,
    });
  } catch (err) {
    await review.deleteOne();
    throw err;
  }
  await recordAudit(ctx, { action: 'review.submit', entity: 'review', entityId: review.id, agencyId: String(c.agencyId), caseId: c.id, note: `${c.number} · round ${round} · due ${review.clock.dueOn}` });
  // Whoever assigns is told a review waits in the queue: the lead reviewers, or else the administrators.
  const assigners = settings.leadReviewerUserIds.length
    ? settings.leadReviewerUserIds.map(String)
    : (await UserModel.find({ agencyId: c.agencyId, roles: 'agency_admin', active: true }, { _id: 1 })).map((u) => String(u._id));
  await notifyUsers(assigners, String(c.agencyId), 'review_submitted', `新的法制审核申请：${c.number}（${review.clock.dueOn} 前办结）`, review);
  return reviewView(review, actor);
}

/** After a return for supplement: the officer sends the supplemented package; the clock restarts or resumes. */
export async function resubmitReview(ctx: RequestContext, id: string, input: { version: number; applicationNote?: string }, lang: Lang) {
  const actor = ctx.actor!;
  const r = await findReview(ctx, id);
  if (r.status !== 'returned') throw stateError(r);
  await assertCurrentRound(r);
  const c = await findCase(ctx, String(r.caseId));
  await assertActsOnCase(ctx, c);
  const built = await buildPackage(c, input.applicationNote ?? r.package.applicationNote ?? undefined);
  refuseIncomplete(built.missing, lang);
  const today = chinaDate();
  const extension = r.extension?.status === 'approved' ? r.extension.workdays ?? 0 : 0;
  const clock = resumeClock(clockOf(r), today, { limitWorkdays: r.rules.limitWorkdays, clockAfterReturn: r.rules.clockAfterReturn }, extension, await currentCalendar());
  const updated = await writeReview(actor, r, input.version, {
    $set: { status: r.reviewerId ? 'in_review' : 'submitted', package: built.package, clock },
    $push: { submissions: { on: today, at: new Date(), byName: actor.displayName, note: input.applicationNote } },
  });
  await setCaseGate(c, r, { 'legalReview.status': 'pending' });
  await recordAudit(ctx, { action: 'review.resubmit', entity: 'review', entityId: r.id, agencyId: String(r.agencyId), caseId: String(r.caseId), note: `due ${clock.dueOn} (${r.rules.clockAfterReturn})` });
  if (r.reviewerId) await notifyUsers([String(r.reviewerId)], String(r.agencyId), 'review_resubmitted', `${r.caseNumber} 已补充材料，请继续审核`, r);
  return reviewView(updated, actor);
}

// ---------------------------------------------------------------------------------------------
// Assignment

async function mayAssign(actor: Actor, agencyId: string): Promise<boolean> {
  if (actor.agencyId !== agencyId) return false;
  if (actor.roles.includes('agency_admin')) return true;
  if (!actor.roles.includes('reviewer')) return false;
  const settings = await settingsOf(agencyId);
  return settings.leadReviewerUserIds.some((u) => String(u) === actor.userId);
}

/**
 * The agency's reviewers to choose from when assigning: reviewer accounts (limited to those named in the
 * settings when it names any), with what art. 58 looks at. Whether one may review a given case (not an
 * officer on it) is checked on assignment.
 */
export async function reviewerChoices(ctx: RequestContext) {
  const actor = ctx.actor!;
  const settings = await settingsOf(actor.agencyId);
  const named = settings.reviewerUserIds.map(String);
  const users = await UserModel.find({ agencyId: actor.agencyId, roles: 'reviewer', active: true }).sort({ displayName: 1 });
  const officers = await OfficerModel.find({ userId: { $in: users.map((u) => u._id) }, status: 'active' }, { userId: 1, legalQualification: 1 });
  const result = [];
  for (const u of users.filter((x) => !named.length || named.includes(String(x._id)))) {
    result.push({
      id: String(u._id), name: u.displayName,
      legalQualification: officers.some((o) => String(o.userId) === String(u._id) && o.legalQualification),
      reviewedBefore: await hasReviewedBefore(String(u._id), settings.experiencedReviewerUserIds),
      lead: settings.leadReviewerUserIds.some((l) => String(l) === String(u._id)),
    });
  }
  return result;
}

/** Refuses a reviewer who may not review this case (art. 58 and the agency's list), naming why. */
async function assertEligibleReviewer(reviewerId: string, r: ReviewDocument) {
  const user = await UserModel.findOne({ _id: reviewerId, agencyId: r.agencyId, active: true });
  const settings = await settingsOf(String(r.agencyId));
  const refuse = (key: 'reviews.reviewer_not_eligible' | 'reviews.reviewer_on_case' | 'reviews.reviewer_needs_qualification', name: string) => {
    throw new AppError(409, key, { name }, { reviewerId: { key, params: { name } } });
  };
  if (!user || !user.roles.includes('reviewer')) return refuse('reviews.reviewer_not_eligible', user?.displayName ?? reviewerId);
  if (settings.reviewerUserIds.length && !settings.reviewerUserIds.some((u) => String(u) === reviewerId)) return refuse('reviews.reviewer_not_eligible', user.displayName);
  const officer = await OfficerModel.findOne({ userId: user._id });
  const caseOfficers = r.package.officers.map((o) => String(o.officerId));
  const officerRecords = await OfficerModel.find({ userId: user._id }, { _id: 1 });
  if (officerRecords.some((o) => caseOfficers.includes(String(o._id)))) return refuse('reviews.reviewer_on_case', user.displayName);
  // 行政处罚法 art. 58: who reviews for the first time must hold the legal professional qualification.
  const reviewedBefore = await hasReviewedBefore(String(user._id), settings.experiencedReviewerUserIds);
  if (!reviewedBefore && !officer?.legalQualification) return refuse('reviews.reviewer_needs_qualification', user.displayName);
  return user;
}

/**
 * Not a first-time reviewer (art. 58): an opinion issued in this system, or prior experience the agency
 * recorded in its settings (`experiencedReviewerUserIds`).
 */
async function hasReviewedBefore(userId: string, experienced: readonly unknown[]): Promise<boolean> {
  if (experienced.some((u) => String(u) === userId)) return true;
  return Boolean(await ReviewModel.exists({ 'opinions.reviewerId': new mongoose.Types.ObjectId(userId) }));
}

/** Assigns (or reassigns) reviews to a reviewer: all of them or none. */
export async function assignReviews(ctx: RequestContext, input: { reviewIds: string[]; reviewerId: string }) {
  const actor = ctx.actor!;
  const reviews = await Promise.all([...new Set(input.reviewIds)].map((id) => findReview(ctx, id)));
  for (const r of reviews) {
    if (!(await mayAssign(actor, String(r.agencyId)))) throw forbidden('reviews.assign_forbidden');
    if (r.status === 'completed') throw stateError(r);
  }
  let reviewer: Awaited<ReturnType<typeof assertEligibleReviewer>> | undefined;
  for (const r of reviews) reviewer = await assertEligibleReviewer(input.reviewerId, r);
  const results = [];
  for (const r of reviews) {
    const updated = await writeReview(actor, r, r.version, {
      $set: { reviewerId: reviewer!._id, reviewerName: reviewer!.displayName, assignedAt: new Date(), status: r.status === 'submitted' ? 'in_review' : r.status },
    });
    await recordAudit(ctx, {
      action: 'review.assign', entity: 'review', entityId: r.id, agencyId: String(r.agencyId), caseId: String(r.caseId),
      changes: [{ field: 'reviewerName', before: r.reviewerName ?? null, after: reviewer!.displayName }],
    });
    await notifyUsers([String(reviewer!._id)], String(r.agencyId), 'review_assigned', `法制审核任务：${r.caseNumber}（${r.clock.dueOn} 前完成）`, r);
    results.push(await reviewView(updated, actor));
  }
  return results;
}

/** A reviewer takes an unassigned review from the queue. */
export async function claimReview(ctx: RequestContext, id: string) {
  const actor = ctx.actor!;
  const r = await findReview(ctx, id);
  if (r.status !== 'submitted') throw r.reviewerId ? new AppError(409, 'reviews.already_assigned') : stateError(r);
  const reviewer = await assertEligibleReviewer(actor.userId, r);
  const updated = await writeReview(actor, r, r.version, { $set: { reviewerId: reviewer._id, reviewerName: reviewer.displayName, assignedAt: new Date(), status: 'in_review' } });
  await recordAudit(ctx, { action: 'review.claim', entity: 'review', entityId: r.id, agencyId: String(r.agencyId), caseId: String(r.caseId) });
  return reviewView(updated, actor);
}

// ---------------------------------------------------------------------------------------------
// Reviewing

type ChecklistInput = Array<{ point: string; conclusion?: string; note?: string | null }>;

function assertMine(actor: Actor, r: ReviewDocument) {
  if (String(r.reviewerId ?? '') !== actor.userId) throw forbidden('reviews.not_your_review');
}

/** Saves the reviewer's work in progress (checklist, outcome, text), without issuing anything. */
export async function saveDraft(ctx: RequestContext, id: string, input: { version: number; checklist?: ChecklistInput; outcome?: ReviewOutcome; text?: string }) {
  const r = await findReview(ctx, id);
  assertMine(ctx.actor!, r);
  if (r.status !== 'in_review') throw stateError(r);
  const set: Record<string, unknown> = {};
  if (input.checklist) set['draft.checklist'] = input.checklist;
  if (input.outcome) set['draft.outcome'] = input.outcome;
  if (input.text !== undefined) set['draft.text'] = input.text;
  const updated = await writeReview(ctx.actor!, r, input.version, { $set: set });
  return reviewView(updated, ctx.actor!);
}

/** Every point needs a conclusion; a problem needs a note (errors keyed `checklist.N.…`). */
function assertChecklistComplete(checklist: ChecklistInput) {
  const errors: Record<string, FieldError> = {};
  REVIEW_POINTS.forEach((point) => {
    const i = checklist.findIndex((c) => c.point === point);
    if (i < 0 || !checklist[i].conclusion) errors[`checklist.${i < 0 ? point : i}.conclusion`] = { key: 'reviews.checklist_incomplete' };
    else if (checklist[i].conclusion === 'problem' && !checklist[i].note?.trim()) errors[`checklist.${i}.note`] = { key: 'reviews.checklist_note_required' };
  });
  if (Object.keys(errors).length) {
    const first = Object.values(errors)[0] as { key: 'reviews.checklist_incomplete' | 'reviews.checklist_note_required' };
    throw new AppError(400, first.key, {}, errors);
  }
  return REVIEW_POINTS.map((point) => {
    const item = checklist.find((c) => c.point === point)!;
    return { point, conclusion: item.conclusion, note: item.note?.trim() || undefined };
  });
}

/** Issues a numbered opinion (PDF stored with its hash) and applies its outcome to the review and the case. */
export async function issueOpinion(ctx: RequestContext, id: string, input: { version: number; checklist: ChecklistInput; outcome: ReviewOutcome; text: string }) {
  const actor = ctx.actor!;
  const r = await findReview(ctx, id);
  assertMine(actor, r);
  if (r.status !== 'in_review') throw stateError(r);
  const checklist = assertChecklistComplete(input.checklist);
  const c = await CaseModel.findById(r.caseId);
  assertCaseUndecided(c);
  await assertCurrentRound(r);
  // Art. 58 again when the opinion is issued: the qualification (or the reviewer's standing) may have
  // changed since the assignment.
  await assertEligibleReviewer(actor.userId, r);
  const today = chinaDate();
  const opinion = await composeOpinion(r, c, { outcome: input.outcome, text: input.text.trim(), checklist, reviewerName: actor.displayName, reviewerId: actor.userId, today });
  const cal = await currentCalendar();
  const returned = input.outcome === 'return';
  const clock = returned ? pauseClock(clockOf(r), today, cal) : { ...clockOf(r), completedOn: today };
  let updated: ReviewDocument;
  try {
    updated = await writeReview(actor, r, input.version, {
      $set: {
        status: returned ? 'returned' : 'completed', clock, ...(returned ? {} : { outcome: input.outcome }),
        draft: { checklist: [], outcome: undefined, text: undefined },
      },
      $push: { opinions: opinion },
    });
  } catch (err) {
    await removeStoredFile(opinion.file.key);
    throw err;
  }
  await setCaseGate(c, r, { 'legalReview.status': GATE[input.outcome], 'legalReview.outcome': input.outcome, 'legalReview.opinionNumber': opinion.number, 'legalReview.decidedAt': new Date() });
  await recordAudit(ctx, {
    action: 'review.opinion', entity: 'review', entityId: r.id, agencyId: String(r.agencyId), caseId: String(r.caseId),
    changes: [{ field: 'outcome', before: null, after: input.outcome }], note: `${opinion.number} · ${OUTCOME_LABELS[input.outcome]} · sha256 ${opinion.file.sha256}`,
  });
  await notifyUsers(await caseOfficerUserIds(c), String(r.agencyId), 'review_opinion_issued', `${r.caseNumber} 法制审核意见：${OUTCOME_LABELS[input.outcome]}（${opinion.number}）`, r);
  return reviewView(updated, actor);
}

/** A corrected opinion: a new numbered document that supersedes the last one (which stays as issued). */
export async function correctOpinion(ctx: RequestContext, id: string, input: { version: number; reason: string; checklist: ChecklistInput; outcome: Exclude<ReviewOutcome, 'return'>; text: string }) {
  const actor = ctx.actor!;
  const r = await findReview(ctx, id);
  assertMine(actor, r);
  if (r.status !== 'completed') throw stateError(r);
  const checklist = assertChecklistComplete(input.checklist);
  const c = await CaseModel.findById(r.caseId);
  assertCaseUndecided(c);
  await assertCurrentRound(r);
  const last = r.opinions[r.opinions.length - 1];
  const opinion = await composeOpinion(r, c, {
    outcome: input.outcome, text: input.text.trim(), checklist, reviewerName: actor.displayName, reviewerId: actor.userId, today: chinaDate(),
    supersedes: last.number, correctionReason: input.reason.trim(),
  });
  let updated: ReviewDocument;
  try {
    // A corrected outcome starts the contest path afresh.
    updated = await writeReview(actor, r, input.version, { $set: { outcome: input.outcome }, $unset: { contest: 1, discussion: 1 }, $push: { opinions: opinion } });
  } catch (err) {
    await removeStoredFile(opinion.file.key);
    throw err;
  }
  await setCaseGate(c, r, { 'legalReview.status': GATE[input.outcome], 'legalReview.outcome': input.outcome, 'legalReview.opinionNumber': opinion.number, 'legalReview.decidedAt': new Date() });
  await recordAudit(ctx, {
    action: 'review.opinion_correction', entity: 'review', entityId: r.id, agencyId: String(r.agencyId), caseId: String(r.caseId),
    changes: [{ field: 'outcome', before: r.outcome ?? null, after: input.outcome }], note: `${opinion.number} supersedes ${last.number}: ${input.reason}`,
  });
  await notifyUsers(await caseOfficerUserIds(c), String(r.agencyId), 'review_opinion_issued', `${r.caseNumber} 法制审核意见已更正：${OUTCOME_LABELS[input.outcome]}（${opinion.number}）`, r);
  return reviewView(updated, actor);
}

/** Numbers the opinion (per agency and year), renders it and stores the PDF; the opinion to push. */
export async function composeOpinion(
  r: ReviewDocument, c: CaseDocument,
  o: { outcome: ReviewOutcome; text: string; checklist: Array<{ point: string; conclusion?: string | null; note?: string }>; reviewerName: string; reviewerId: string; today: string; supersedes?: string; correctionReason?: string },
) {
  const settings = await settingsOf(String(r.agencyId));
  const agency = (await AgencyModel.findById(r.agencyId))!;
  const year = Number(o.today.slice(0, 4));
  const seq = await nextCounter(`opinion-${String(r.agencyId)}-${year}`);
  const number = formatCaseNumber(settings.opinionNumberPattern, { abbr: settings.caseAbbreviation ?? agency.shortName ?? '', category: '', year, seq });
  const version = r.opinions.length + 1;
  const pdf = await renderOpinionPdf({
    agencyName: agency.name, opinionNumber: number, version, supersedes: o.supersedes ?? null,
    caseNumber: r.caseNumber, caseCause: r.caseCause, caseCategoryLabel: term(c.category, 'zh'),
    parties: c.parties.map((p) => (p.kind === 'person'
      ? { name: p.name, idLabel: '身份证号码', idValue: p.idNumberMasked ?? '' }
      : { name: p.name, idLabel: '统一社会信用代码', idValue: p.creditCode ?? '' })),
    handlingOfficers: r.package.officers.map((x) => ({ name: x.name ?? '', certificateNumber: x.certificateNumber ?? '' })),
    submittedOn: r.submissions[0]?.on ?? r.clock.receivedOn, receivedOn: r.clock.receivedOn, dueOn: r.clock.dueOn,
    draftDecisionSummary: r.package.draftDecision, facts: r.package.facts,
    legalBasis: r.package.legalBasis.map((b) => `${b.law ?? ''}${b.article ?? ''}`).join('；'),
    discretionReasoning: r.package.discretionReasoning,
    checklist: o.checklist.map((i) => ({ label: POINT_LABELS[i.point], conclusion: i.conclusion as 'ok' | 'problem' | 'not_applicable', note: i.note ?? null })),
    outcomeLabel: OUTCOME_LABELS[o.outcome], opinionText: o.text, reviewerName: o.reviewerName, issuedOn: o.today,
  });
  const file = await storeBuffer(pdf, 'opinions', 'application/pdf');
  return {
    number, year, seq, version, supersedes: o.supersedes, correctionReason: o.correctionReason, outcome: o.outcome, text: o.text,
    checklist: o.checklist, reviewerId: o.reviewerId, reviewerName: o.reviewerName, issuedOn: o.today, issuedAt: new Date(),
    file: { key: file.key, sha256: file.sha256, size: file.size },
  };
}

/** The stored PDF of the n-th opinion (1-based); every download is audited. */
export async function opinionFile(ctx: RequestContext, id: string, n: number) {
  const r = await findReview(ctx, id);
  const opinion = r.opinions[n - 1];
  if (!opinion?.file?.key) throw new AppError(404, 'reviews.no_opinion');
  await recordAudit(ctx, { action: 'review.opinion_download', entity: 'review', entityId: r.id, agencyId: String(r.agencyId), caseId: String(r.caseId), note: opinion.number });
  return { key: opinion.file.key, sha256: opinion.file.sha256 ?? '', name: `${opinion.number}.pdf` };
}

// ---------------------------------------------------------------------------------------------
// Extension, contest, collective discussion

export async function requestExtension(ctx: RequestContext, id: string, input: { version: number; workdays?: number; reason: string }) {
  const actor = ctx.actor!;
  const r = await findReview(ctx, id);
  assertMine(actor, r);
  if (r.status !== 'in_review') throw stateError(r);
  if (r.extension?.status) throw new AppError(409, 'reviews.extension_exists');
  const max = r.rules.extensionWorkdays;
  const workdays = input.workdays ?? max;
  if (workdays > max || workdays < 1) throw new AppError(400, 'reviews.extension_too_long', { max }, { workdays: { key: 'reviews.extension_too_long', params: { max } } });
  const updated = await writeReview(actor, r, input.version, {
    $set: { extension: { status: 'requested', workdays, reason: input.reason.trim(), requestedBy: actor.displayName, requestedAt: new Date() } },
  });
  await recordAudit(ctx, { action: 'review.extension_request', entity: 'review', entityId: r.id, agencyId: String(r.agencyId), caseId: String(r.caseId), note: `${workdays} workdays: ${input.reason}` });
  const heads = await UserModel.find({ agencyId: r.agencyId, roles: 'dept_head', active: true }, { _id: 1 });
  await notifyUsers(heads.map((h) => String(h._id)), String(r.agencyId), 'review_extension_requested', `${r.caseNumber} 法制审核申请延期 ${workdays} 个工作日`, r);
  return reviewView(updated, actor);
}

/** The head of department approves (the due date moves by the working days asked) or rejects. */
export async function decideExtension(ctx: RequestContext, id: string, input: { version: number; approve: boolean; note?: string }) {
  const actor = ctx.actor!;
  const r = await findReview(ctx, id);
  if (r.extension?.status !== 'requested') throw new AppError(409, 'reviews.no_extension_request');
  const set: Record<string, unknown> = {
    'extension.status': input.approve ? 'approved' : 'rejected', 'extension.decidedBy': actor.displayName, 'extension.decidedAt': new Date(), 'extension.decisionNote': input.note,
  };
  const before = r.clock.dueOn;
  if (input.approve && !r.clock.pausedOn && !r.clock.completedOn) set.clock = extendClock(clockOf(r), r.extension.workdays ?? 0, await currentCalendar());
  const updated = await writeReview(actor, r, input.version, { $set: set });
  await recordAudit(ctx, {
    action: input.approve ? 'review.extension_approve' : 'review.extension_reject', entity: 'review', entityId: r.id, agencyId: String(r.agencyId), caseId: String(r.caseId),
    changes: [{ field: 'clock.dueOn', before, after: updated.clock.dueOn }], note: input.note,
  });
  if (r.reviewerId) await notifyUsers([String(r.reviewerId)], String(r.agencyId), 'review_extension_decided', `${r.caseNumber} 延期申请${input.approve ? '已批准，期限至 ' + updated.clock.dueOn : '未批准'}`, r);
  return reviewView(updated, actor);
}

/** The handling unit disagrees with an opinion that does not approve (异议), with its reasons. */
export async function contestOpinion(ctx: RequestContext, id: string, input: { version: number; reason: string }) {
  const actor = ctx.actor!;
  const r = await findReview(ctx, id);
  if (r.status !== 'completed' || !CONTESTABLE.includes(r.outcome as ReviewOutcome)) throw new AppError(409, 'reviews.not_contestable');
  if (r.contest?.at) throw new AppError(409, 'reviews.already_contested');
  const c = await findCase(ctx, String(r.caseId));
  await assertActsOnCase(ctx, c);
  assertCaseUndecided(c);
  await assertCurrentRound(r);
  const updated = await writeReview(actor, r, input.version, { $set: { contest: { reason: input.reason.trim(), byName: actor.displayName, at: new Date() } } });
  await recordAudit(ctx, { action: 'review.contest', entity: 'review', entityId: r.id, agencyId: String(r.agencyId), caseId: String(r.caseId), note: input.reason });
  const heads = await UserModel.find({ agencyId: r.agencyId, roles: 'dept_head', active: true }, { _id: 1 });
  await notifyUsers(heads.map((h) => String(h._id)), String(r.agencyId), 'review_contested', `${r.caseNumber} 承办单位对审核意见有异议，请组织集体讨论`, r);
  return reviewView(updated, actor);
}

/** 集体讨论: its minutes, and whether the decision follows the opinion or proceeds (which opens the gate). */
export async function recordDiscussion(
  ctx: RequestContext, id: string,
  input: { version: number; date: string; participants: string[]; minutes: string; conclusion: 'follow' | 'proceed'; reasons?: string },
) {
  const actor = ctx.actor!;
  const r = await findReview(ctx, id);
  if (!r.contest?.at) throw new AppError(409, 'reviews.no_contest');
  if (r.discussion?.at) throw new AppError(409, 'reviews.discussion_exists');
  if (input.date > chinaDate()) throw new AppError(400, 'cases.pre.future_date', {}, { date: { key: 'cases.pre.future_date' } });
  if (input.conclusion === 'proceed' && !input.reasons?.trim()) throw new AppError(400, 'reviews.discussion_reasons', {}, { reasons: { key: 'reviews.discussion_reasons' } });
  const c = await findCase(ctx, String(r.caseId));
  assertCaseUndecided(c);
  await assertCurrentRound(r);
  const updated = await writeReview(actor, r, input.version, {
    $set: { discussion: { date: input.date, participants: input.participants, minutes: input.minutes.trim(), conclusion: input.conclusion, reasons: input.reasons?.trim(), recordedByName: actor.displayName, at: new Date() } },
  });
  if (input.conclusion === 'proceed') await setCaseGate(c, r, { 'legalReview.status': 'proceed_by_discussion', 'legalReview.decidedAt': new Date() });
  await recordAudit(ctx, {
    action: 'review.discussion', entity: 'review', entityId: r.id, agencyId: String(r.agencyId), caseId: String(r.caseId),
    changes: [{ field: 'discussion.conclusion', before: null, after: input.conclusion }], note: `${input.date} · ${input.participants.join('、')}`,
  });
  await notifyUsers(await caseOfficerUserIds(c), String(r.agencyId), 'review_discussed', `${r.caseNumber} 集体讨论结论：${input.conclusion === 'proceed' ? '不采纳审核意见，决定继续' : '采纳审核意见'}`, r);
  return reviewView(updated, actor);
}

/**
 * After a change of the calendar: the running review clocks computed under an older calendar version
 * are computed again under the current one (an explicit action; each change audited). Stopped and
 * finished clocks keep the due date they had.
 */
export async function recomputeReviewClocks(ctx: RequestContext) {
  const cal = await currentCalendar();
  const open = await ReviewModel.find({ status: { $in: ['submitted', 'in_review'] }, 'clock.calendarVersion': { $ne: cal.version } });
  const changed: Array<{ reviewId: string; caseNumber: string; before: string; after: string }> = [];
  for (const r of open) {
    const extension = r.extension?.status === 'approved' ? r.extension.workdays ?? 0 : 0;
    const clock = recomputeClock(clockOf(r), { limitWorkdays: r.rules.limitWorkdays, clockAfterReturn: r.rules.clockAfterReturn }, extension, cal);
    const updated = await withKeyLock(`review:${r.id}`, () => ReviewModel.findOneAndUpdate({ _id: r._id, version: r.version }, { $set: { clock }, $inc: { version: 1 } }, { returnDocument: 'after' }));
    if (!updated) continue; // changed meanwhile: the next recomputation takes it
    await recordAudit(ctx, {
      action: 'review.recompute_clock', entity: 'review', entityId: r.id, agencyId: String(r.agencyId), caseId: String(r.caseId),
      changes: [{ field: 'clock.dueOn', before: r.clock.dueOn, after: clock.dueOn }, { field: 'clock.calendarVersion', before: r.clock.calendarVersion, after: clock.calendarVersion }],
    });
    if (clock.dueOn !== r.clock.dueOn) changed.push({ reviewId: r.id as string, caseNumber: r.caseNumber, before: r.clock.dueOn, after: clock.dueOn });
  }
  return { calendarVersion: cal.version, checked: open.length, changed };
}

// ---------------------------------------------------------------------------------------------
// Statistics and reminders

/** On-time rate, average working days taken, outcome distribution and the open queue, for agencies in scope. */
export async function reviewStatistics(ctx: RequestContext, query: { agencyId?: string; from?: string; to?: string }) {
  const actor = ctx.actor!;
  const filter: Record<string, unknown> = { ...agencyScope(actor) };
  if (query.agencyId && actor.roles.includes('supervisor')) filter.agencyId = new mongoose.Types.ObjectId(query.agencyId);
  const created: Record<string, string> = {};
  if (query.from) created.$gte = query.from;
  if (query.to) created.$lte = query.to;
  if (Object.keys(created).length) filter['clock.receivedOn'] = created;
  const reviews = await ReviewModel.find(filter, { clock: 1, status: 1, outcome: 1, opinions: 1, rules: 1 }).lean();
  const cal = await currentCalendar();
  const today = chinaDate();
  const outcomes: Record<string, number> = { approve: 0, change: 0, correct: 0, return: 0, transfer: 0, not_issue: 0 };
  const open: Record<string, number> = { on_time: 0, due_soon: 0, overdue: 0, paused: 0 };
  let completed = 0;
  let onTime = 0;
  let workdaysTaken = 0;
  for (const r of reviews) {
    for (const o of r.opinions ?? []) outcomes[o.outcome] = (outcomes[o.outcome] ?? 0) + 1;
    const state = dueState(r.clock as ClockState, today, cal).state;
    if (r.clock.completedOn) {
      completed++;
      if (state === 'done') onTime++;
      // Working days the review ran: earlier periods plus the last one (returns excluded).
      workdaysTaken += (r.clock.usedWorkdays ?? 0) + workdaysBetween(r.clock.periodStartOn, r.clock.completedOn, cal).workdays;
    } else open[state] = (open[state] ?? 0) + 1;
  }
  return {
    total: reviews.length, completed,
    onTimeRate: completed ? Math.round((onTime / completed) * 1000) / 1000 : null,
    averageWorkdays: completed ? Math.round((workdaysTaken / completed) * 10) / 10 : null,
    outcomes, open, calendarVersion: cal.version,
  };
}

/**
 * Reminders to the assigned reviewer: one working day before the due date, and when overdue (each
 * once per due date). Run periodically by the server; safe to run from several instances.
 */
export async function sendReviewReminders(today = chinaDate()) {
  const cal = await currentCalendar();
  const open = await ReviewModel.find({ status: 'in_review' });
  let sent = 0;
  for (const r of open) {
    if (!r.reviewerId) continue;
    const { state } = dueState(clockOf(r), today, cal);
    if (state !== 'due_soon' && state !== 'overdue') continue;
    const key = `${state}:${r.clock.dueOn}`;
    if (r.reminded.includes(key)) continue;
    await ReviewModel.updateOne({ _id: r._id }, { $addToSet: { reminded: key } });
    const title = state === 'due_soon' ? `${r.caseNumber} 法制审核将于 ${r.clock.dueOn} 到期` : `${r.caseNumber} 法制审核已超期（期限 ${r.clock.dueOn}）`;
    await notifyUsers([String(r.reviewerId)], String(r.agencyId), state === 'due_soon' ? 'review_due_soon' : 'review_overdue', title, r, `${key}:${r.id}`);
    sent++;
  }
  return sent;
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** The review's clock as plain data (the clock functions copy it; a mongoose subdocument must not be spread). */
const clockOf = (r: ReviewDocument): ClockState => (r.clock as unknown as { toObject(): ClockState }).toObject();

/** Opinions, contests and discussions concern a decision still to be made. */
function assertCaseUndecided(c: CaseDocument | null): asserts c is CaseDocument {
  if (!c || !UNDECIDED.includes(c.status as never)) throw new AppError(409, 'reviews.case_decided');
}

function stateError(r: ReviewDocument) {
  return new AppError(409, 'reviews.state', { state: r.status });
}

/** A conditional update of the review on the version read (409 with the current record, as the caller reads it, when stale). */
async function writeReview(actor: Actor, r: ReviewDocument, version: number, update: Record<string, unknown>): Promise<ReviewDocument> {
  const updated = await withKeyLock(`review:${r.id}`, () => ReviewModel.findOneAndUpdate(
    { _id: r._id, version },
    { ...update, $inc: { version: 1 } },
    { returnDocument: 'after' },
  ));
  if (!updated) {
    const current = await ReviewModel.findById(r._id);
    throw withBody(new AppError(409, 'concurrency.stale'), current ? { current: await reviewView(current, actor) } : {});
  }
  return updated;
}

/**
 * Why this review may no longer move the case's gate, if it may not: a later round is the case's current
 * one, or the case changed after this round approved it (its package no longer matches the case).
 */
async function roundProblem(r: ReviewDocument): Promise<{ key: 'reviews.round_not_current' | 'reviews.round_outdated'; params: Record<string, string | number> } | null> {
  const gate = (await CaseModel.findById(r.caseId, { legalReview: 1 }))?.legalReview;
  if (!gate?.reviewId || String(gate.reviewId) !== String(r._id)) return { key: 'reviews.round_not_current', params: { round: r.round, current: gate?.round ?? 0 } };
  if (gate.status === 'review_required') return { key: 'reviews.round_outdated', params: { fields: (gate.changedFields ?? []).join(', ') } };
  return null;
}

/** Art. 58: only the case's current round may change its gate; older rounds are read-only history. */
async function assertCurrentRound(r: ReviewDocument): Promise<void> {
  const problem = await roundProblem(r);
  if (problem) throw new AppError(409, problem.key, problem.params);
}

/**
 * Mirrors the review's state on the case (the decision gate reads it there), only while this review is the
 * case's current round and the case is undecided: the write itself is conditional on it.
 */
async function setCaseGate(c: CaseDocument, r: ReviewDocument, set: Record<string, unknown>) {
  const result = await withKeyLock(`case:${c.id}`, () => CaseModel.updateOne(
    { _id: c._id, 'legalReview.reviewId': r._id, 'legalReview.status': { $ne: 'review_required' }, status: { $in: UNDECIDED } },
    { $set: set, $inc: { version: 1 } },
  ));
  if (result.matchedCount === 0) await assertCurrentRound(r);
}

async function caseOfficerUserIds(c: CaseDocument): Promise<string[]> {
  const officers = await OfficerModel.find({ _id: { $in: c.officerIds }, userId: { $ne: null } }, { userId: 1 });
  return officers.map((o) => String(o.userId));
}

async function notifyUsers(userIds: string[], agencyId: string, kind: string, title: string, r: ReviewDocument, dedupeKey?: string) {
  const unique = [...new Set(userIds)];
  if (!unique.length) return;
  await notify(unique.map((userId) => ({ userId, agencyId })), { kind, title, link: { resource: 'reviews', id: r.id }, dedupeKey });
}

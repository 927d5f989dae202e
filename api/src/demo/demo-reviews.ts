// Demo legal reviews for the demo's major cases, in the states the cases imply: cases waiting in legal
// review have a review in the queue (one unassigned, the others with the agency's reviewer; the clock
// running from the day they were submitted), decided ones a completed review whose approving opinion
// (numbered, PDF stored) was issued on the day the case records. Only agencies with a qualified reviewer
// account get reviews. Like the rest of the demo data, they are data, not replayed requests.
import { settingsOf } from '../agencies/agency-settings.service';
import { currentCalendar } from '../calendar/calendar.service';
import { CaseModel } from '../cases/case.model';
import { OfficerModel } from '../officers/officer.model';
import { chinaDate } from '../platform/calendar/dates';
import { UserModel } from '../users/user.model';
import { startClock } from '../reviews/review-clock';
import { REVIEW_POINTS, ReviewModel } from '../reviews/review.model';
import { buildPackage, composeOpinion } from '../reviews/review.service';

const APPROVAL = '经审核，本案执法主体合法，执法人员具备执法资格，案件事实清楚，证据确实充分，适用法律正确，程序合法，裁量适当，同意作出决定。';

export async function seedDemoReviews(): Promise<number> {
  const cases = await CaseModel.find({ major: true, 'legalReview.status': { $in: ['pending', 'approved'] } }).sort({ filedOn: 1, _id: 1 });
  const cal = await currentCalendar();
  const today = chinaDate();
  const reviewers = new Map<string, { id: string; name: string } | null>();
  let created = 0;
  const unassignedLeft = new Set<string>();
  const withOpinion: Array<{ caseId: string; reviewId: string; issuedOn: string }> = [];

  for (const c of cases) {
    const agencyId = String(c.agencyId);
    if (!reviewers.has(agencyId)) {
      const qualified = await OfficerModel.findOne({ agencyId, legalQualification: true, status: 'active', userId: { $ne: null } });
      const user = qualified ? await UserModel.findOne({ _id: qualified.userId, roles: 'reviewer', active: true }) : null;
      reviewers.set(agencyId, user ? { id: user.id as string, name: user.displayName } : null);
      if (user) unassignedLeft.add(agencyId);
    }
    const reviewer = reviewers.get(agencyId);
    if (!reviewer) continue;
    const submittedOn = c.history.find((h) => h.action === 'submit_review')?.date ?? c.notifiedOn ?? c.filedOn;
    const settings = await settingsOf(agencyId);
    const rules = { limitWorkdays: settings.reviewTimeLimitWorkdays, extensionWorkdays: settings.reviewExtensionWorkdays, clockAfterReturn: settings.reviewClockAfterReturn, settingsVersion: settings.version };
    const { package: pkg } = await buildPackage(c, '本案属于重大执法决定，提请法制审核。');
    const pending = c.legalReview?.status === 'pending';
    // One review of each agency waits in the unassigned queue.
    const unassigned = pending && unassignedLeft.has(agencyId);
    if (unassigned) unassignedLeft.delete(agencyId);
    const review = await ReviewModel.create({
      agencyId, caseId: c._id, caseNumber: c.number, caseCause: c.cause, round: 1, status: unassigned ? 'submitted' : 'in_review',
      package: { ...pkg, draftDecision: pkg.draftDecision || c.cause, facts: pkg.facts || c.cause, discretionReasoning: pkg.discretionReasoning || '依照裁量基准，按一般情形裁量。' },
      submittedBy: c.history.find((h) => h.action === 'submit_review')?.byUserId ?? c.createdBy,
      submittedByName: c.history.find((h) => h.action === 'submit_review')?.byName ?? c.history[0]?.byName ?? '',
      submissions: [{ on: submittedOn, at: new Date(`${submittedOn}T10:00:00+08:00`), byName: c.history[0]?.byName ?? '' }],
      rules, clock: startClock(submittedOn, rules, cal),
      ...(unassigned ? {} : { reviewerId: reviewer.id, reviewerName: reviewer.name, assignedAt: new Date(`${submittedOn}T15:00:00+08:00`) }),
    });
    await CaseModel.updateOne({ _id: c._id }, { $set: { 'legalReview.reviewId': review._id, 'legalReview.round': 1 } });
    if (!pending) withOpinion.push({ caseId: c.id as string, reviewId: review.id as string, issuedOn: c.legalReview?.decidedAt ? chinaDate(c.legalReview.decidedAt) : today });
    created++;
  }

  // Opinions are numbered per agency and year in the order they were issued.
  withOpinion.sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : 0));
  for (const w of withOpinion) {
    const r = (await ReviewModel.findById(w.reviewId))!;
    const c = (await CaseModel.findById(w.caseId))!;
    const checklist = REVIEW_POINTS.map((point) => ({ point, conclusion: point === 'crime_transfer' ? 'not_applicable' : 'ok' }));
    const opinion = await composeOpinion(r, c, { outcome: 'approve', text: APPROVAL, checklist, reviewerName: r.reviewerName!, reviewerId: String(r.reviewerId), today: w.issuedOn });
    await ReviewModel.updateOne({ _id: r._id }, { $set: { status: 'completed', outcome: 'approve', 'clock.completedOn': w.issuedOn }, $push: { opinions: opinion } });
    await CaseModel.updateOne({ _id: c._id }, { $set: { 'legalReview.outcome': 'approve', 'legalReview.opinionNumber': opinion.number } });
  }
  return created;
}

// Legal review of major decisions (重大执法决定法制审核, issue 5) through the HTTP API: which cases are
// major (the agency's catalog), the complete package, the working-day clock (restart and resume after
// a return, extension approved by the head), assignment and its refusals (art. 58), the checklist,
// numbered opinions as PDF, the decision gate, contest and collective discussion, reminders, statistics,
// and who may do what.
import { CaseModel } from '../../api/src/cases/case.model';
import { NotificationModel } from '../../api/src/notifications/notification.model';
import { OfficerModel } from '../../api/src/officers/officer.model';
import { AuditEntryModel } from '../../api/src/platform/audit/audit.model';
import { hashPassword } from '../../api/src/platform/auth/passwords';
import { addCalendarDays } from '../../api/src/platform/calendar/dates';
import { addWorkdays, workdaysBetween } from '../../api/src/platform/calendar/workdays';
import { currentCalendar } from '../../api/src/calendar/calendar.service';
import { ReviewModel } from '../../api/src/reviews/review.model';
import { sendReviewReminders } from '../../api/src/reviews/review.service';
import { UserModel } from '../../api/src/users/user.model';
import { agencyIdOf, expectError, UNKNOWN_ID, userIdOf } from '../support/api-expectations';
import { addDocument, caseBody, fileCase, officerIdsOf, step, stepOk, today, type CaseBody, type Headers } from '../support/case-fixtures';
import { pdfText } from '../support/pdf';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

let t: TestApp;
let officer: Headers;
let officer2: Headers;
let reviewer: Headers;
let deptHead: Headers;
let admin: Headers;
let supervisor: Headers;
let inspector: Headers;
let officerB: Headers;
let zhang: string;
let liu: string;
let chen: string;
let reviewerId: string;

beforeAll(async () => {
  t = await startTestApp();
  [officer, officer2, reviewer, deptHead, admin, supervisor, inspector, officerB] = await Promise.all(
    ['officer', 'officer2', 'reviewer', 'dept_head', 'agency_admin', 'supervisor', 'inspector', 'officer_b'].map((u) => t.as(u)),
  );
  [zhang, liu, chen] = await officerIdsOf('张伟', '刘洋', '陈晓燕');
  reviewerId = await userIdOf('reviewer');
});
afterAll(async () => {
  await t.close();
});

const zh = (as: Headers): Headers => ({ ...as, 'Accept-Language': 'zh-CN' });
const DRAFT = {
  draftDecision: '拟对当事人作出罚款人民币贰万元的行政处罚。',
  discretion: { level: 'normal', standardRef: '市场监管行政处罚裁量基准第12条', reasoning: '当事人初次违法，积极配合调查，按一般情形裁量。' },
};
const ALL_OK = ['subject_qualified', 'procedure_lawful', 'facts_evidence', 'law_discretion', 'within_authority', 'documents_complete', 'crime_transfer']
  .map((point) => ({ point, conclusion: 'ok' }));

/** A notified major case (fine ≥ 10,000 yuan for a person) whose party waived the hearing: ready for review. */
async function majorCase(over: Record<string, unknown> = {}, officers = [zhang, liu]): Promise<CaseBody> {
  const c = await fileCase(t, officer, caseBody(officers, { fineAmount: 20_000, penaltyTypes: ['fine'], ...DRAFT, ...over }));
  await addDocument(t, officer, c.id, 'filing_approval');
  await stepOk(t, officer, c.id, 'start_investigation');
  await addDocument(t, officer, c.id, 'inspection_record');
  await addDocument(t, officer, c.id, 'notice');
  await stepOk(t, officer, c.id, 'notify');
  return stepOk(t, officer, c.id, 'waive_hearing');
}

const caseVersion = async (id: string) => (await CaseModel.findById(id))!.version;
const reviewVersion = async (id: string) => (await ReviewModel.findById(id))!.version;

async function submit(caseId: string, as = officer) {
  return t.api.post('/api/reviews').set(as).send({ caseId, caseVersion: await caseVersion(caseId), applicationNote: '请予审核' });
}
async function submitted(caseId: string) {
  const res = await submit(caseId);
  if (res.status !== 201) throw new Error(`submission failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown> & { id: string };
}
async function assign(reviewIds: string[], to = reviewerId, as = admin) {
  return t.api.post('/api/reviews/assignments').set(as).send({ reviewIds, reviewerId: to });
}
async function issue(id: string, outcome: string, text = '经审核，事实清楚，证据确凿，适用法律正确，程序合法，裁量适当。', checklist: unknown[] = ALL_OK, as = reviewer) {
  return t.api.post(`/api/reviews/${id}/opinions`).set(as).send({ version: await reviewVersion(id), checklist, outcome, text });
}
async function issued(id: string, outcome: string, text?: string) {
  const res = await issue(id, outcome, text);
  if (res.status !== 201) throw new Error(`opinion failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown> & { opinions: Array<Record<string, unknown>>; status: string };
}

describe('which decisions are major: the agency catalog', () => {
  test('a fine of 20,000 yuan for a person is major and says which rule matched; 5,000 is not', async () => {
    const major = await fileCase(t, officer, caseBody([zhang, liu], { fineAmount: 20_000 }));
    expect(major).toMatchObject({ major: true, majorMatches: [expect.objectContaining({ name: '对公民罚款一万元以上', detail: expect.stringContaining('20000') })] });
    expect((major.majorReasons as string[])[0]).toContain('对公民罚款一万元以上');
    const minor = await fileCase(t, officer, caseBody([zhang, liu], { fineAmount: 5_000 }));
    expect(minor).toMatchObject({ major: false, majorMatches: [] });
    // The same amount against an organisation is under its threshold (100,000).
    const org = await fileCase(t, officer, caseBody([zhang, liu], { fineAmount: 20_000, parties: [{ kind: 'organization', name: '青山县好运超市有限公司', creditCode: '91350100M000100Y43' }] }));
    expect(org.major).toBe(false);
  });

  test('major is not an input any more: the case says so from its draft (complex case, head referral)', async () => {
    expectError(await t.api.post('/api/cases').set(officer).send(caseBody([zhang, liu], { major: true })), 400, ['major']);
    const complex = await fileCase(t, officer, caseBody([zhang, liu], { complex: true }));
    // On an update the console sends the record back: `major` is read-only there and ignored.
    const kept = await t.api.put(`/api/cases/${complex.id}`).set(officer).send({ version: complex.version, major: false, majorReasons: [], complex: true });
    expect(kept.body).toMatchObject({ major: true });
    expect(complex).toMatchObject({ major: true, majorMatches: [expect.objectContaining({ name: '案情复杂、涉及多个法律关系的' })] });
    // Only the head of department refers a case by hand.
    const c = await fileCase(t, officer, caseBody([zhang, liu]));
    expectError(await t.api.put(`/api/cases/${c.id}`).set(officer).send({ version: c.version, headReferral: true }), 403, ['headReferral']);
    const referred = await t.api.put(`/api/cases/${c.id}`).set(deptHead).send({ version: c.version, headReferral: true });
    expect(referred.status).toBe(200);
    expect(referred.body).toMatchObject({ major: true, majorMatches: [expect.objectContaining({ name: '机关负责人认为需要法制审核的' })] });
  });

  test('the administrator edits the catalog (audited); past determinations keep the rules they matched', async () => {
    const before = await fileCase(t, officer, caseBody([zhang, liu], { fineAmount: 20_000 }));
    const list = await t.api.get('/api/major-rules').set(admin).query({ range: '[0,49]' });
    expect(list.status).toBe(200);
    const personRule = (list.body as Array<{ id: string; name: string; threshold?: number }>).find((r) => r.name === '对公民罚款一万元以上')!;
    expect(personRule.threshold).toBe(10_000);
    expectError(await t.api.put(`/api/major-rules/${personRule.id}`).set(officer).send({ threshold: 50_000 }), 403);
    const raised = await t.api.put(`/api/major-rules/${personRule.id}`).set(admin).send({ threshold: 50_000, name: '对公民罚款五万元以上' });
    expect(raised.status).toBe(200);
    expect(await AuditEntryModel.findOne({ action: 'major_rule.update', entityId: personRule.id })).toMatchObject({ changes: expect.arrayContaining([expect.objectContaining({ field: 'threshold', before: 10_000, after: 50_000 })]) });

    // The earlier case still shows the determination made under the old catalog.
    const again = await t.api.get(`/api/cases/${before.id}`).set(officer);
    expect(again.body).toMatchObject({ major: true, majorMatches: [expect.objectContaining({ name: '对公民罚款一万元以上' })] });
    // A new case is determined under the new one.
    expect((await fileCase(t, officer, caseBody([zhang, liu], { fineAmount: 20_000 }))).major).toBe(false);
    await t.api.put(`/api/major-rules/${personRule.id}`).set(admin).send({ threshold: 10_000, name: '对公民罚款一万元以上' });

    // Bad rules are refused naming the field; another agency's rule is invisible.
    expectError(await t.api.post('/api/major-rules').set(admin).send({ name: '罚款', kind: 'fine_at_least' }), 400, ['threshold']);
    expectError(await t.api.post('/api/major-rules').set(admin).send({ name: '处罚种类', kind: 'penalty_type', penaltyTypes: [] }), 400, ['penaltyTypes']);
    expectError(await t.api.post('/api/major-rules').set(admin).send({ name: '罚款', kind: 'no_such_kind' }), 400, ['kind']);
    const created = await t.api.post('/api/major-rules').set(admin).send({ name: '责令停产停业的', kind: 'penalty_type', penaltyTypes: ['order_closure'], legalBasis: '行政处罚法第五十八条' });
    expect(created.status).toBe(201);
    expectError(await t.api.get(`/api/major-rules/${created.body.id}`).set(officerB), 404);
    expectError(await t.api.delete(`/api/major-rules/${created.body.id}`).set(officerB), 403);
    expect((await t.api.delete(`/api/major-rules/${created.body.id}`).set(admin)).status).toBe(200);
  });
});

describe('submission: the complete package starts the clock', () => {
  test('an incomplete package is refused listing what is missing, and nothing is written', async () => {
    const c = await majorCase({ draftDecision: undefined, discretion: undefined });
    const res = await submit(c.id, zh(officer));
    expectError(res, 400, ['draftDecision', 'discretion.reasoning']);
    expect(res.body.message).toContain('审核材料不齐全');
    expect(await ReviewModel.countDocuments({ caseId: c.id })).toBe(0);
    expect(await CaseModel.findById(c.id)).toMatchObject({ status: 'notified', legalReview: { status: 'none' } });
  });

  test('a case that is not major is refused (409) and leaves no review behind; the bare transition is refused too', async () => {
    const c = await majorCase({ fineAmount: 3_000 });
    expect(c.major).toBe(false);
    const res = await submit(c.id);
    expect(res.status).toBe(409);
    expect(res.body.failures.map((f: { key: string }) => f.key)).toEqual(['cases.pre.not_major']);
    expect(await ReviewModel.countDocuments({ caseId: c.id })).toBe(0);
    const major = await majorCase();
    expectError(await step(t, officer, major.id, 'submit_review'), 409, ['action']);
  });

  test('a complete package is received today: due in 5 working days, with the snapshot of officers and evidence', async () => {
    const c = await majorCase();
    const review = await submitted(c.id);
    const expected = addWorkdays(today(), 5, await currentCalendar());
    expect(review).toMatchObject({
      status: 'submitted', round: 1, caseNumber: c.number,
      clock: { receivedOn: today(), dueOn: expected.date, calendarVersion: expected.calendarVersion },
      rules: { limitWorkdays: 5, extensionWorkdays: 3, clockAfterReturn: 'restart' },
      package: {
        draftDecision: DRAFT.draftDecision, discretionReasoning: DRAFT.discretion.reasoning,
        officers: [expect.objectContaining({ name: '张伟', certificateNumber: expect.any(String) }), expect.objectContaining({ name: '刘洋' })],
        evidence: expect.arrayContaining([expect.objectContaining({ type: 'inspection_record' }), expect.objectContaining({ type: 'notice' })]),
      },
      state: expect.stringMatching(/^(on_time|due_soon)$/),
    });
    expect(await CaseModel.findById(c.id)).toMatchObject({ status: 'legal_review', legalReview: { status: 'pending', round: 1 } });
    // Whoever assigns (no lead reviewer named yet: the administrator) is told.
    expect(await NotificationModel.countDocuments({ userId: await userIdOf('agency_admin'), kind: 'review_submitted', 'link.id': review.id })).toBe(1);
    // The case stays as submitted while the review examines it.
    expectError(await t.api.put(`/api/cases/${c.id}`).set(officer).send({ version: await caseVersion(c.id), cause: '修改' }), 409);
    // A second submission while this one runs is refused.
    expect((await submit(c.id)).status).toBe(409);
  });
});

describe('assignment (art. 58) and claiming', () => {
  let noQualification: string;

  beforeAll(async () => {
    const agencyId = await agencyIdOf('QS_SCJG');
    const user = await UserModel.create({ username: 'reviewer_new', usernameKey: 'reviewer_new', displayName: '孙新', roles: ['reviewer'], agencyId, passwordHash: await hashPassword('Passw0rd-2026'), active: true });
    noQualification = user.id;
    await OfficerModel.create({ name: '孙新', agencyId, post: '法制员', userId: user._id, legalQualification: false, status: 'active' });
  });

  test('refused: an officer of the case, a first-time reviewer without the legal qualification, someone who is not a reviewer', async () => {
    const c = await majorCase({}, [zhang, chen]);
    const review = await submitted(c.id);
    const onCase = await assign([review.id], reviewerId, zh(admin));
    expectError(onCase, 409, ['reviewerId']);
    expect(onCase.body.errors.reviewerId).toContain('本案执法人员');
    const first = await assign([review.id], noQualification, zh(admin));
    expectError(first, 409, ['reviewerId']);
    expect(first.body.errors.reviewerId).toContain('法律职业资格');
    expectError(await assign([review.id], await userIdOf('officer2')), 409, ['reviewerId']);
    expect(await ReviewModel.findById(review.id)).toMatchObject({ status: 'submitted' });
    expect((await ReviewModel.findById(review.id))!.reviewerId).toBeUndefined();
  });

  test('who assigns: the administrator or a lead reviewer; bulk assignment is all or none', async () => {
    const a = await submitted((await majorCase()).id);
    const b = await submitted((await majorCase({}, [zhang, chen])).id);
    expectError(await assign([a.id], reviewerId, officer), 403);
    expectError(await assign([a.id], reviewerId, reviewer), 403);
    // b has 陈晓燕 on the case: the whole batch is refused.
    expectError(await assign([a.id, b.id]), 409, ['reviewerId']);
    expect((await ReviewModel.findById(a.id))!.reviewerId).toBeUndefined();
    // Named lead reviewer in the settings: may assign.
    const agencyId = await agencyIdOf('QS_SCJG');
    const settings = await t.api.get(`/api/agencies/${agencyId}/settings`).set(admin);
    expect((await t.api.put(`/api/agencies/${agencyId}/settings`).set(admin).send({ version: settings.body.version, leadReviewerUserIds: [reviewerId] })).status).toBe(200);
    const ok = await assign([a.id], reviewerId, reviewer);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual([expect.objectContaining({ id: a.id, status: 'in_review', reviewerName: '陈晓燕' })]);
    // The assigned reviewer is told.
    expect(await NotificationModel.countDocuments({ userId: reviewerId, kind: 'review_assigned', 'link.id': a.id })).toBe(1);
    // The choices offered when assigning, with what art. 58 looks at.
    const choices = await t.api.get('/api/reviews/reviewers').set(reviewer);
    expect(choices.status).toBe(200);
    expect(choices.body).toEqual(expect.arrayContaining([
      { id: reviewerId, name: '陈晓燕', legalQualification: true, reviewedBefore: expect.any(Boolean), lead: true },
      { id: noQualification, name: '孙新', legalQualification: false, reviewedBefore: false, lead: false },
    ]));
    expectError(await t.api.get('/api/reviews/reviewers').set(officer), 403);
    // Only reviewers of the agency can be named lead reviewers.
    const s2 = await t.api.get(`/api/agencies/${agencyId}/settings`).set(admin);
    expectError(await t.api.put(`/api/agencies/${agencyId}/settings`).set(admin).send({ version: s2.body.version, leadReviewerUserIds: [await userIdOf('officer')] }), 400, ['leadReviewerUserIds']);
  });

  test('a reviewer claims an unassigned review; a second claim is refused', async () => {
    const r = await submitted((await majorCase()).id);
    const claimed = await t.api.post(`/api/reviews/${r.id}/claim`).set(reviewer);
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ status: 'in_review', reviewerName: '陈晓燕', actions: expect.arrayContaining(['issue', 'save_draft', 'request_extension']) });
    expectError(await t.api.post(`/api/reviews/${r.id}/claim`).set(reviewer), 409);
    expectError(await t.api.post(`/api/reviews/${r.id}/claim`).set(officer), 403);
  });
});

describe('the opinion, the decision gate and the PDF', () => {
  test('the checklist needs every point, and a note for a problem', async () => {
    const r = await submitted((await majorCase()).id);
    await assign([r.id]);
    expectError(await issue(r.id, 'approve', '同意', ALL_OK.slice(1)), 400, ['checklist.subject_qualified.conclusion']);
    const withProblem = ALL_OK.map((p, i) => (i === 2 ? { ...p, conclusion: 'problem' } : p));
    expectError(await issue(r.id, 'approve', '同意', withProblem), 400, ['checklist.2.note']);
    expectError(await issue(r.id, 'approve', '同意', ALL_OK, officer), 403);
    expectError(await issue(r.id, 'maybe'), 400, ['outcome']);
    expect((await ReviewModel.findById(r.id))!.opinions).toHaveLength(0);
    // A draft is saved as the reviewer goes.
    const draft = await t.api.put(`/api/reviews/${r.id}/draft`).set(reviewer).send({ version: await reviewVersion(r.id), checklist: withProblem.slice(0, 3), text: '初步意见' });
    expect(draft.status).toBe(200);
    expect(draft.body.draft).toMatchObject({ text: '初步意见', checklist: [expect.anything(), expect.anything(), expect.objectContaining({ conclusion: 'problem' })] });
    // A stale version is refused with the current record.
    const stale = await t.api.put(`/api/reviews/${r.id}/draft`).set(reviewer).send({ version: 0, text: '旧版本' });
    expect(stale.status).toBe(409);
  });

  test('return → supplement → resubmission (clock restarts) → approval → decision; the PDFs download', async () => {
    const c = await majorCase();
    const r = await submitted(c.id);
    await assign([r.id]);
    await addDocument(t, officer, c.id, 'decision');
    const refused = await step(t, deptHead, c.id, 'decide');
    expect(refused.status).toBe(409);
    expect(refused.body.failures.map((f: { key: string }) => f.key)).toEqual(['cases.pre.legal_review']);
    expect(refused.body.message).toContain('art. 58');
    expect((await step(t, zh(deptHead), c.id, 'decide')).body.failures[0].message).toContain('第五十八条');

    const returned = await issued(r.id, 'return', '请补充当事人违法所得的计算依据及相关证据。');
    expect(returned).toMatchObject({ status: 'returned', state: 'paused', clock: { pausedOn: today() } });
    expect(returned.opinions[0]).toMatchObject({ outcome: 'return', version: 1, number: expect.stringMatching(new RegExp(`法审〔${today().slice(0, 4)}〕\\d+号$`)), hasPdf: true });
    expect(await CaseModel.findById(c.id)).toMatchObject({ legalReview: { status: 'returned', outcome: 'return' } });
    // The handling officers are told; the case can be supplemented now.
    expect(await NotificationModel.countDocuments({ userId: await userIdOf('officer'), kind: 'review_opinion_issued', 'link.id': r.id })).toBe(1);
    const edited = await t.api.put(`/api/cases/${c.id}`).set(officer).send({ version: await caseVersion(c.id), facts: '经查，当事人违法所得为人民币三千元，有销售记录为证。' });
    expect(edited.status).toBe(200);
    await addDocument(t, officer, c.id, 'evidence_list');

    expectError(await t.api.post(`/api/reviews/${r.id}/resubmission`).set(reviewer).send({ version: await reviewVersion(r.id) }), 403);
    const again = await t.api.post(`/api/reviews/${r.id}/resubmission`).set(officer).send({ version: await reviewVersion(r.id), applicationNote: '已补充' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      status: 'in_review', clock: { dueOn: addWorkdays(today(), 5, await currentCalendar()).date, pausedOn: null },
      package: { facts: expect.stringContaining('三千元'), evidence: expect.arrayContaining([expect.objectContaining({ type: 'evidence_list' })]) },
    });
    expect(await CaseModel.findById(c.id)).toMatchObject({ legalReview: { status: 'pending' } });

    const approved = await issued(r.id, 'approve');
    expect(approved).toMatchObject({ status: 'completed', outcome: 'approve', state: 'done' });
    expect(approved.opinions).toHaveLength(2);
    expect(approved.opinions[1].number).not.toBe(approved.opinions[0].number);
    expect(await CaseModel.findById(c.id)).toMatchObject({ legalReview: { status: 'approved', opinionNumber: approved.opinions[1].number } });

    const pdf = await t.api.get(`/api/reviews/${r.id}/opinions/2/pdf`).set(officer).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain(approved.opinions[1].number as string);
    expect(text).toContain('法制审核意见书');
    expect(text).toContain('同意');
    // Only masked personal data in the opinion.
    const party = (await CaseModel.findById(c.id))!.parties[0];
    expect(text).toContain(party.idNumberMasked);
    expect(await AuditEntryModel.countDocuments({ action: 'review.opinion_download', entityId: r.id })).toBe(1);
    expectError(await t.api.get(`/api/reviews/${r.id}/opinions/3/pdf`).set(officer), 404);

    expect(await stepOk(t, deptHead, c.id, 'decide')).toMatchObject({ status: 'decided' });
    // Opinions are immutable once the case is decided: no corrections.
    expectError(await t.api.post(`/api/reviews/${r.id}/corrections`).set(reviewer).send({ version: await reviewVersion(r.id), reason: '更正笔误', checklist: ALL_OK, outcome: 'approve', text: '同意。' }), 409);
  });

  test('resume: after a return the clock continues with the working days that were left', async () => {
    const agencyId = await agencyIdOf('QS_SCJG');
    const s = await t.api.get(`/api/agencies/${agencyId}/settings`).set(admin);
    expect((await t.api.put(`/api/agencies/${agencyId}/settings`).set(admin).send({ version: s.body.version, reviewClockAfterReturn: 'resume' })).status).toBe(200);
    try {
      const c = await majorCase();
      const r = await submitted(c.id);
      await assign([r.id]);
      // The package was received 3 working days ago (moved back in the database: the test cannot wait).
      const cal = await currentCalendar();
      let received = today();
      while (workdaysBetween(received, today(), cal).workdays < 3) received = addCalendarDays(received, -1);
      await ReviewModel.updateOne({ _id: r.id }, { $set: { 'clock.receivedOn': received, 'clock.periodStartOn': received, 'clock.dueOn': addWorkdays(received, 5, cal).date } });
      await issued(r.id, 'return', '请补充证据。');
      expect((await ReviewModel.findById(r.id))!.clock).toMatchObject({ usedWorkdays: 3, pausedOn: today() });
      const again = await t.api.post(`/api/reviews/${r.id}/resubmission`).set(officer).send({ version: await reviewVersion(r.id) });
      expect(again.status).toBe(200);
      expect(again.body.clock).toMatchObject({ dueOn: addWorkdays(today(), 2, cal).date, usedWorkdays: 3 });
    } finally {
      const s2 = await t.api.get(`/api/agencies/${agencyId}/settings`).set(admin);
      await t.api.put(`/api/agencies/${agencyId}/settings`).set(admin).send({ version: s2.body.version, reviewClockAfterReturn: 'restart' });
    }
  });

  test('a corrected opinion is a new numbered document superseding the last; the gate follows it', async () => {
    const c = await majorCase();
    const r = await submitted(c.id);
    await assign([r.id]);
    const first = await issued(r.id, 'not_issue', '事实不清，不予下发。');
    expect(await CaseModel.findById(c.id)).toMatchObject({ legalReview: { status: 'not_approved' } });
    const corrected = await t.api.post(`/api/reviews/${r.id}/corrections`).set(reviewer).send({ version: await reviewVersion(r.id), reason: '误选结论，予以更正', checklist: ALL_OK, outcome: 'approve', text: '同意。' });
    expect(corrected.status).toBe(201);
    expect(corrected.body.opinions[1]).toMatchObject({ version: 2, supersedes: first.opinions[0].number, correctionReason: '误选结论，予以更正', outcome: 'approve' });
    expect(corrected.body.opinions[0]).toEqual(first.opinions[0]);
    expect(await CaseModel.findById(c.id)).toMatchObject({ legalReview: { status: 'approved' } });
  });
});

describe('extension, contest and collective discussion', () => {
  test('the reviewer asks for more time; the head approves and the due date moves by those working days', async () => {
    const r = await submitted((await majorCase()).id);
    await assign([r.id]);
    expectError(await t.api.post(`/api/reviews/${r.id}/extension`).set(reviewer).send({ version: await reviewVersion(r.id), workdays: 9, reason: '案情复杂' }), 400, ['workdays']);
    expectError(await t.api.post(`/api/reviews/${r.id}/extension`).set(reviewer).send({ version: await reviewVersion(r.id), reason: '' }), 400, ['reason']);
    const asked = await t.api.post(`/api/reviews/${r.id}/extension`).set(reviewer).send({ version: await reviewVersion(r.id), reason: '涉及多个法律关系，需征求专家意见' });
    expect(asked.status).toBe(200);
    expect(asked.body.extension).toMatchObject({ status: 'requested', workdays: 3 });
    expectError(await t.api.post(`/api/reviews/${r.id}/extension`).set(reviewer).send({ version: await reviewVersion(r.id), reason: '再次申请' }), 409);
    expectError(await t.api.post(`/api/reviews/${r.id}/extension/decision`).set(reviewer).send({ version: await reviewVersion(r.id), approve: true }), 403);
    const dueBefore = (await ReviewModel.findById(r.id))!.clock.dueOn;
    const approved = await t.api.post(`/api/reviews/${r.id}/extension/decision`).set(deptHead).send({ version: await reviewVersion(r.id), approve: true, note: '同意延长' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ extension: { status: 'approved', decidedBy: '孙志强' }, clock: { dueOn: addWorkdays(dueBefore, 3, await currentCalendar()).date } });
  });

  test('contest → collective discussion: "follow" keeps the decision blocked, "proceed" (with reasons) opens it', async () => {
    for (const conclusion of ['follow', 'proceed'] as const) {
      const c = await majorCase();
      const r = await submitted(c.id);
      await assign([r.id]);
      await issued(r.id, 'change', '建议将罚款数额变更为一万元。');
      expectError(await t.api.post(`/api/reviews/${r.id}/discussion`).set(deptHead).send({ version: await reviewVersion(r.id), date: today(), participants: ['孙志强', '张伟', '陈晓燕'], minutes: '讨论', conclusion }), 409);
      expectError(await t.api.post(`/api/reviews/${r.id}/contest`).set(reviewer).send({ version: await reviewVersion(r.id), reason: '不同意' }), 403);
      const contested = await t.api.post(`/api/reviews/${r.id}/contest`).set(officer).send({ version: await reviewVersion(r.id), reason: '当事人违法情节较重，罚款二万元符合裁量基准。' });
      expect(contested.status).toBe(200);
      expectError(await t.api.post(`/api/reviews/${r.id}/discussion`).set(officer).send({ version: await reviewVersion(r.id), date: today(), participants: ['孙志强', '张伟', '陈晓燕'], minutes: '讨论', conclusion }), 403);
      if (conclusion === 'proceed') {
        expectError(await t.api.post(`/api/reviews/${r.id}/discussion`).set(deptHead).send({ version: await reviewVersion(r.id), date: today(), participants: ['孙志强', '张伟', '陈晓燕'], minutes: '讨论', conclusion }), 400, ['reasons']);
      }
      const discussed = await t.api.post(`/api/reviews/${r.id}/discussion`).set(deptHead).send({
        version: await reviewVersion(r.id), date: today(), participants: ['孙志强', '张伟', '陈晓燕', '马丽'], minutes: '会议听取了承办人员和法制审核人员的意见。', conclusion,
        reasons: conclusion === 'proceed' ? '违法情节较重，维持原处罚幅度。' : undefined,
      });
      expect(discussed.status).toBe(200);
      expect(discussed.body.discussion).toMatchObject({ conclusion, participants: ['孙志强', '张伟', '陈晓燕', '马丽'] });
      await addDocument(t, officer, c.id, 'decision');
      const decide = await step(t, deptHead, c.id, 'decide');
      if (conclusion === 'follow') {
        expect(decide.status).toBe(409);
        expect(await CaseModel.findById(c.id)).toMatchObject({ legalReview: { status: 'not_approved' } });
      } else {
        expect(decide.status).toBe(200);
        expect(await CaseModel.findById(c.id)).toMatchObject({ status: 'decided', legalReview: { status: 'proceed_by_discussion' } });
      }
    }
  });

  test('after an opinion that does not approve, the revised draft goes to a new round', async () => {
    const c = await majorCase();
    const r = await submitted(c.id);
    await assign([r.id]);
    await issued(r.id, 'correct', '适用法律条款有误，应予纠正。');
    const edited = await t.api.put(`/api/cases/${c.id}`).set(officer).send({ version: await caseVersion(c.id), legalBasis: [{ law: '中华人民共和国食品安全法', article: '第一百二十四条第一款第（三）项' }] });
    expect(edited.status).toBe(200);
    const second = await submitted(c.id);
    expect(second).toMatchObject({ round: 2, status: 'submitted' });
    expect(await CaseModel.findById(c.id)).toMatchObject({ legalReview: { status: 'pending', round: 2 } });
  });
});

describe('due dates, reminders, statistics and who may see what', () => {
  test('overdue and due-soon reviews are shown as such; the reviewer is reminded once per due date', async () => {
    const r = await submitted((await majorCase()).id);
    await assign([r.id]);
    const cal = await currentCalendar();
    await ReviewModel.updateOne({ _id: r.id }, { $set: { 'clock.dueOn': addCalendarDays(today(), -3) } });
    const overdue = await t.api.get(`/api/reviews/${r.id}`).set(reviewer);
    expect(overdue.body).toMatchObject({ state: 'overdue', remainingWorkdays: -workdaysBetween(addCalendarDays(today(), -3), today(), cal).workdays });
    await sendReviewReminders();
    await sendReviewReminders();
    expect(await NotificationModel.countDocuments({ userId: reviewerId, kind: 'review_overdue', 'link.id': r.id })).toBe(1);

    await ReviewModel.updateOne({ _id: r.id }, { $set: { 'clock.dueOn': addWorkdays(today(), 1, cal).date } });
    expect((await t.api.get(`/api/reviews/${r.id}`).set(reviewer)).body).toMatchObject({ state: 'due_soon', remainingWorkdays: 1 });
    await sendReviewReminders();
    expect(await NotificationModel.countDocuments({ userId: reviewerId, kind: 'review_due_soon', 'link.id': r.id })).toBe(1);

    // The queue: mine, most urgent first.
    const mine = await t.api.get('/api/reviews').set(reviewer).query({ filter: JSON.stringify({ queue: 'mine' }), range: '[0,99]' });
    expect(mine.status).toBe(200);
    const dues = (mine.body as Array<{ clock: { dueOn: string } }>).map((x) => x.clock.dueOn);
    expect(dues).toEqual([...dues].sort());
    expect(mine.body.map((x: { id: string }) => x.id)).toContain(r.id);
  });

  test('statistics: completed, on-time rate, average working days, outcomes', async () => {
    const before = (await t.api.get('/api/reviews/statistics').set(admin)).body;
    const r = await submitted((await majorCase()).id);
    await assign([r.id]);
    await issued(r.id, 'return', '请补充。');
    await t.api.post(`/api/reviews/${r.id}/resubmission`).set(officer).send({ version: await reviewVersion(r.id) });
    await issued(r.id, 'approve');
    const res = await t.api.get('/api/reviews/statistics').set(admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: before.total + 1, completed: before.completed + 1, onTimeRate: expect.any(Number), averageWorkdays: expect.any(Number) });
    expect(res.body.outcomes.approve).toBe(before.outcomes.approve + 1);
    expect(res.body.outcomes.return).toBe(before.outcomes.return + 1);
    expect(res.body.onTimeRate).toBeGreaterThan(0);
    expect(res.body.onTimeRate).toBeLessThanOrEqual(1);
    // The legal office sees every agency; another agency sees none of these.
    expect((await t.api.get('/api/reviews/statistics').set(supervisor)).body.total).toBeGreaterThanOrEqual(res.body.total);
    expect((await t.api.get('/api/reviews/statistics').set(officerB)).body.total).toBe(0);
    expectError(await t.api.get('/api/reviews/statistics').set(inspector), 403);
  });

  test('another agency’s review is invisible (404); inspectors have no access (403); the legal office reads', async () => {
    const r = await submitted((await majorCase()).id);
    expectError(await t.api.get(`/api/reviews/${r.id}`).set(officerB), 404);
    expectError(await t.api.post(`/api/reviews/${r.id}/claim`).set(officerB), 403);
    expectError(await t.api.get(`/api/reviews/${r.id}`).set(inspector), 403);
    expect((await t.api.get(`/api/reviews/${r.id}`).set(supervisor)).status).toBe(200);
    expect((await t.api.get(`/api/reviews/${r.id}`).set(supervisor)).body.actions).toEqual([]);
    expectError(await t.api.get(`/api/reviews/${UNKNOWN_ID}`).set(officer), 404);
    expectError(await t.api.get('/api/reviews/not-an-id').set(officer), 400);
    expectError(await t.api.post('/api/reviews').set(reviewer).send({ caseId: UNKNOWN_ID, caseVersion: 0 }), 403);
    expectError(await t.api.post('/api/reviews').set(officer).send({ caseId: UNKNOWN_ID, caseVersion: 0 }), 404);
    expectError(await t.api.post('/api/reviews').set(officer).send({ caseVersion: 0 }), 400, ['caseId']);
    const list = await t.api.get('/api/reviews').set(officerB).query({ range: '[0,99]' });
    expect(list.body.map((x: { id: string }) => x.id)).not.toContain(r.id);
  });
});

describe('a change of the calendar', () => {
  test('keeps computed deadlines until the legal office recomputes them, explicitly and audited', async () => {
    const r = await submitted((await majorCase()).id);
    const notified = await fileCase(t, officer, caseBody([zhang, liu]));
    await addDocument(t, officer, notified.id, 'filing_approval');
    await stepOk(t, officer, notified.id, 'start_investigation');
    await addDocument(t, officer, notified.id, 'inspection_record');
    await addDocument(t, officer, notified.id, 'notice');
    const windowBefore = (await stepOk(t, officer, notified.id, 'notify')).hearingWindowEnd as string;
    const before = (await ReviewModel.findById(r.id))!.clock;
    // The first working day of the period becomes a rest day.
    const day = addWorkdays(today(), 1, await currentCalendar()).date;
    expect((await t.api.post('/api/calendar/days').set(supervisor).send({ date: day, kind: 'holiday', reason: '临时调整（测试）' })).status).toBe(200);
    // Still the stored deadline, with the version it was computed under.
    expect((await t.api.get(`/api/reviews/${r.id}`).set(reviewer)).body.clock).toMatchObject({ dueOn: before.dueOn, calendarVersion: before.calendarVersion });
    expectError(await t.api.post('/api/calendar/recompute-deadlines').set(admin), 403);
    const res = await t.api.post('/api/calendar/recompute-deadlines').set(supervisor);
    expect(res.status).toBe(200);
    const cal = await currentCalendar();
    const after = addWorkdays(before.receivedOn, 5, cal).date;
    expect(after > before.dueOn).toBe(true);
    expect(res.body.reviews.changed).toEqual(expect.arrayContaining([{ reviewId: r.id, caseNumber: r.caseNumber, before: before.dueOn, after }]));
    expect(res.body.hearingWindows.changed).toEqual(expect.arrayContaining([{ caseId: notified.id, number: notified.number, before: windowBefore, after: addWorkdays(today(), 5, cal).date }]));
    expect((await ReviewModel.findById(r.id))!.clock).toMatchObject({ dueOn: after, calendarVersion: cal.version });
    expect(await AuditEntryModel.findOne({ action: 'review.recompute_clock', entityId: r.id })).toMatchObject({ changes: expect.arrayContaining([expect.objectContaining({ field: 'clock.dueOn', before: before.dueOn, after })]) });
    // Nothing left to recompute.
    const again = await t.api.post('/api/calendar/recompute-deadlines').set(supervisor);
    expect(again.body.reviews.changed).toEqual([]);
  });
});

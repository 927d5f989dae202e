// Legal gates that could be slipped past (issue 14), each through the HTTP API: an earlier review round
// reopening the art. 58 gate, an approval surviving later edits of the reviewed draft, art. 42 at the
// decision (certificates on the decision date, the simple-procedure exception with its basis), the
// hearing-request floor and the 7 working days of the hearing notice (art. 64, 85), and the first-time
// reviewer rule (prior experience recorded by the agency, checked again when the opinion is issued).
import { CaseModel } from '../../api/src/cases/case.model';
import { CertificateModel } from '../../api/src/certificates/certificate.model';
import { currentCalendar } from '../../api/src/calendar/calendar.service';
import { OfficerModel } from '../../api/src/officers/officer.model';
import { AuditEntryModel } from '../../api/src/platform/audit/audit.model';
import { hashPassword } from '../../api/src/platform/auth/passwords';
import { addCalendarDays } from '../../api/src/platform/calendar/dates';
import { addWorkdays } from '../../api/src/platform/calendar/workdays';
import { ReviewModel } from '../../api/src/reviews/review.model';
import { UserModel } from '../../api/src/users/user.model';
import { agencyIdOf, expectError, userIdOf } from '../support/api-expectations';
import { addDocument, caseBody, fileCase, officerIdsOf, step, stepOk, today, type CaseBody, type Headers } from '../support/case-fixtures';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

let t: TestApp;
let officer: Headers;
let reviewer: Headers;
let deptHead: Headers;
let admin: Headers;
let zhang: string;
let liu: string;
let reviewerId: string;
let agencyId: string;

beforeAll(async () => {
  t = await startTestApp();
  [officer, reviewer, deptHead, admin] = await Promise.all(['officer', 'reviewer', 'dept_head', 'agency_admin'].map((u) => t.as(u)));
  [zhang, liu] = await officerIdsOf('张伟', '刘洋');
  reviewerId = await userIdOf('reviewer');
  agencyId = await agencyIdOf('QS_SCJG');
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

async function notifiedCase(over: Record<string, unknown> = {}, officers = [zhang, liu]): Promise<CaseBody> {
  const c = await fileCase(t, officer, caseBody(officers, over));
  await addDocument(t, officer, c.id, 'filing_approval');
  await stepOk(t, officer, c.id, 'start_investigation');
  await addDocument(t, officer, c.id, 'inspection_record');
  await addDocument(t, officer, c.id, 'notice');
  await stepOk(t, officer, c.id, 'notify');
  return stepOk(t, officer, c.id, 'waive_hearing');
}
/** A notified major case (fine of 20,000 yuan for a person) whose party waived the hearing. */
const majorCase = () => notifiedCase({ fineAmount: 20_000, penaltyTypes: ['fine'], ...DRAFT });

const caseVersion = async (id: string) => (await CaseModel.findById(id))!.version;
const reviewVersion = async (id: string) => (await ReviewModel.findById(id))!.version;

async function submitted(caseId: string) {
  const res = await t.api.post('/api/reviews').set(officer).send({ caseId, caseVersion: await caseVersion(caseId), applicationNote: '请予审核' });
  if (res.status !== 201) throw new Error(`submission failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown> & { id: string };
}
async function assigned(reviewIds: string[], to = reviewerId) {
  const res = await t.api.post('/api/reviews/assignments').set(admin).send({ reviewIds, reviewerId: to });
  if (res.status !== 200) throw new Error(`assignment failed: ${res.status} ${JSON.stringify(res.body)}`);
}
async function issue(id: string, outcome: string, as = reviewer) {
  return t.api.post(`/api/reviews/${id}/opinions`).set(as).send({ version: await reviewVersion(id), checklist: ALL_OK, outcome, text: '经审核，提出如下意见。' });
}
async function issued(id: string, outcome: string) {
  const res = await issue(id, outcome);
  if (res.status !== 201) throw new Error(`opinion failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}
const correct = async (id: string, outcome = 'approve') => t.api.post(`/api/reviews/${id}/corrections`).set(reviewer)
  .send({ version: await reviewVersion(id), reason: '更正结论', checklist: ALL_OK, outcome, text: '同意。' });
const keysOf = (res: { body: { failures?: Array<{ key: string }> } }) => (res.body.failures ?? []).map((f) => f.key);

describe('hole 1: only the current review round moves the art. 58 gate', () => {
  test('when round 1 ended in 变更 and round 2 is pending, correcting round 1 to 同意 is refused naming the rule, and the head still may not decide', async () => {
    const c = await majorCase();
    const r1 = await submitted(c.id);
    await assigned([r1.id]);
    await issued(r1.id, 'change');
    // The handling unit contests round 1, then revises the draft and submits round 2 anyway.
    expect((await t.api.post(`/api/reviews/${r1.id}/contest`).set(officer).send({ version: await reviewVersion(r1.id), reason: '罚款数额符合裁量基准。' })).status).toBe(200);
    expect((await t.api.put(`/api/cases/${c.id}`).set(officer).send({ version: await caseVersion(c.id), fineAmount: 15_000 })).status).toBe(200);
    const r2 = await submitted(c.id);
    expect(r2).toMatchObject({ round: 2 });

    const refused = await correct(r1.id);
    expectError(refused, 409);
    expect(refused.body.message).toMatch(/Round 1 is history.*round 2.*art\. 58/);
    const inChinese = await t.api.post(`/api/reviews/${r1.id}/corrections`).set(zh(reviewer))
      .send({ version: await reviewVersion(r1.id), reason: '更正', checklist: ALL_OK, outcome: 'approve', text: '同意。' });
    expect(inChinese.body.message).toContain('第五十八条');
    // Nor may the collective discussion of round 1's contest open the gate.
    const discussion = await t.api.post(`/api/reviews/${r1.id}/discussion`).set(deptHead).send({
      version: await reviewVersion(r1.id), date: today(), participants: ['孙志强', '张伟', '陈晓燕'], minutes: '讨论第一轮意见。', conclusion: 'proceed', reasons: '维持原处罚。',
    });
    expectError(discussion, 409);
    expect(discussion.body.message).toContain('art. 58');
    expect(await CaseModel.findById(c.id)).toMatchObject({ legalReview: { status: 'pending', round: 2, reviewId: expect.anything() } });
    expect((await ReviewModel.findById(r1.id))!.opinions).toHaveLength(1);

    // The older round is read-only history: the console is offered nothing that would move the gate.
    const view = await t.api.get(`/api/reviews/${r1.id}`).set(reviewer);
    expect(view.body.actions).not.toEqual(expect.arrayContaining(['correct']));
    expect((await t.api.get(`/api/reviews/${r1.id}`).set(deptHead)).body.actions).not.toContain('discuss');

    await addDocument(t, officer, c.id, 'decision');
    const decide = await step(t, deptHead, c.id, 'decide');
    expect(decide.status).toBe(409);
    expect(keysOf(decide)).toEqual(['cases.pre.legal_review']);
  });
});

describe('hole 2: an approval covers the draft it reviewed', () => {
  test('when the fine is changed after approval, the gate is reset to review_required with the reason recorded, and the decision is refused naming art. 58', async () => {
    const c = await majorCase();
    const r = await submitted(c.id);
    await assigned([r.id]);
    await issued(r.id, 'approve');
    // A change outside the package (the cause) keeps the approval.
    const cause = await t.api.put(`/api/cases/${c.id}`).set(officer).send({ version: await caseVersion(c.id), cause: '销售超过保质期的食品（饮料）' });
    expect(cause.status).toBe(200);
    expect(cause.body.legalReview).toMatchObject({ status: 'approved' });
    // So does sending the same package values again.
    const same = await t.api.put(`/api/cases/${c.id}`).set(officer).send({ version: await caseVersion(c.id), fineAmount: 20_000, draftDecision: DRAFT.draftDecision, discretion: DRAFT.discretion });
    expect(same.body.legalReview).toMatchObject({ status: 'approved' });

    const edited = await t.api.put(`/api/cases/${c.id}`).set(officer).send({ version: await caseVersion(c.id), fineAmount: 50_000, draftDecision: '拟对当事人作出罚款人民币伍万元的行政处罚。' });
    expect(edited.status).toBe(200);
    expect(edited.body.legalReview).toMatchObject({ status: 'review_required', changedFields: ['draftDecision', 'fineAmount'], resetReason: expect.stringContaining('draftDecision, fineAmount') });
    const audit = await AuditEntryModel.findOne({ action: 'case.update', entityId: c.id }).sort({ seq: -1 });
    expect(audit!.note).toContain('no longer applies');

    await addDocument(t, officer, c.id, 'decision');
    const decide = await step(t, deptHead, c.id, 'decide');
    expect(decide.status).toBe(409);
    expect(keysOf(decide)).toEqual(['cases.pre.review_outdated']);
    expect(decide.body.message).toMatch(/art\. 58/);
    expect((await step(t, zh(deptHead), c.id, 'decide')).body.failures[0].message).toContain('第五十八条');
    // The console's action bar gets the same reason.
    const shown = await t.api.get(`/api/cases/${c.id}`).set(deptHead);
    expect(shown.body.actions.find((a: { action: string }) => a.action === 'decide')).toMatchObject({ allowed: false, failures: [expect.objectContaining({ key: 'cases.pre.review_outdated' })] });

    // The old approval cannot be revived by a correction either.
    const revived = await correct(r.id);
    expectError(revived, 409);
    expect(revived.body.message).toContain('art. 58');
    expect((await t.api.get(`/api/reviews/${r.id}`).set(reviewer)).body.actions).not.toContain('correct');

    // A new round reviews the changed draft; its approval opens the decision.
    const r2 = await submitted(c.id);
    expect(r2).toMatchObject({ round: 2, package: { fineAmount: 50_000 } });
    await assigned([r2.id]);
    await issued(r2.id, 'approve');
    expect(await stepOk(t, deptHead, c.id, 'decide')).toMatchObject({ status: 'decided' });
  });

  test('changing the officers after approval resets the gate too', async () => {
    const [chen] = await officerIdsOf('陈晓燕');
    const c = await majorCase();
    const r = await submitted(c.id);
    await assigned([r.id]);
    await issued(r.id, 'approve');
    const edited = await t.api.put(`/api/cases/${c.id}`).set(officer).send({ version: await caseVersion(c.id), officerIds: [zhang, chen] });
    expect(edited.status).toBe(200);
    expect(edited.body.legalReview).toMatchObject({ status: 'review_required', changedFields: ['officerIds'] });
  });
});

describe('the hearing: the request floor and the notice 7 working days ahead (art. 64, 85)', () => {
  test('an agency may lengthen the hearing-request period, never shorten it below 5 working days', async () => {
    const s = await t.api.get(`/api/agencies/${agencyId}/settings`).set(admin);
    expectError(await t.api.put(`/api/agencies/${agencyId}/settings`).set(admin).send({ version: s.body.version, hearingRequestWorkdays: 3 }), 400, ['hearingRequestWorkdays']);
    const longer = await t.api.put(`/api/agencies/${agencyId}/settings`).set(admin).send({ version: s.body.version, hearingRequestWorkdays: 8 });
    expect(longer.status).toBe(200);
    await t.api.put(`/api/agencies/${agencyId}/settings`).set(admin).send({ version: longer.body.version, hearingRequestWorkdays: 5 });
  });

  test('a hearing record without a hearing notice, or dated less than 7 working days after it, is refused naming the rule', async () => {
    const c = await fileCase(t, officer, caseBody([zhang, liu]));
    await stepOk(t, officer, c.id, 'start_investigation');
    await addDocument(t, officer, c.id, 'inspection_record');
    await addDocument(t, officer, c.id, 'notice');
    await stepOk(t, officer, c.id, 'notify');
    await stepOk(t, officer, c.id, 'request_hearing');
    const record = (date: string) => t.api.post('/api/case-documents').set(officer).send({ caseId: c.id, type: 'hearing_record', date, number: `hr-${date}` });
    const without = await record(today());
    expectError(without, 409);
    expect(without.body.message).toContain('art. 64');
    await addDocument(t, officer, c.id, 'hearing_notice', today());
    const earliest = addWorkdays(today(), 7, await currentCalendar()).date;
    const early = await record(addCalendarDays(today(), 7));
    expectError(early, 400, ['date']);
    expect(early.body.message).toContain(earliest);
    expect(early.body.message).toContain('art. 64');
    expect((await record(earliest)).status).toBe(201);
  });
});

describe('the first-time reviewer (art. 58): prior experience recorded by the agency, qualification checked again at the opinion', () => {
  let newcomer: string;
  let newcomerHeaders: Headers;

  beforeAll(async () => {
    const user = await UserModel.create({ username: 'reviewer_gate', usernameKey: 'reviewer_gate', displayName: '钱审', roles: ['reviewer'], agencyId, passwordHash: await hashPassword(DEMO_PASSWORD), active: true });
    newcomer = user.id;
    await OfficerModel.create({ name: '钱审', agencyId, post: '法制员', userId: user._id, legalQualification: true, status: 'active' });
    newcomerHeaders = await t.as('reviewer_gate');
  });

  test('a qualification withdrawn after the assignment refuses the opinion; recorded prior experience lets the reviewer issue it', async () => {
    const c = await majorCase();
    const r = await submitted(c.id);
    await assigned([r.id], newcomer);
    await OfficerModel.updateOne({ userId: newcomer }, { $set: { legalQualification: false } });
    const refused = await issue(r.id, 'approve', newcomerHeaders);
    expectError(refused, 409, ['reviewerId']);
    expect(refused.body.message).toContain('art. 58');
    expect((await ReviewModel.findById(r.id))!.opinions).toHaveLength(0);

    const s = await t.api.get(`/api/agencies/${agencyId}/settings`).set(admin);
    const recorded = await t.api.put(`/api/agencies/${agencyId}/settings`).set(admin).send({ version: s.body.version, experiencedReviewerUserIds: [newcomer] });
    expect(recorded.status).toBe(200);
    expect(recorded.body.experiencedReviewerUserIds).toEqual([newcomer]);
    const choices = await t.api.get('/api/reviews/reviewers').set(admin);
    expect(choices.status).toBe(200);
    expect(choices.body.find((x: { id: string }) => x.id === newcomer)).toMatchObject({ reviewedBefore: true });
    expect((await issue(r.id, 'approve', newcomerHeaders)).status).toBe(201);
  });
});

describe('hole 3: art. 42 is checked at the decision, with the certificates on the decision date', () => {
  test('when a certificate is revoked after the filing, the decision of an ordinary case is refused naming art. 42, and so is the on-the-spot decision (art. 51) and the review package', async () => {
    const ordinary = await notifiedCase();
    // 刘洋 (officer2) alone on a simple-procedure case.
    const officer2 = await t.as('officer2');
    const simple = await fileCase(t, officer2, caseBody([liu], { procedure: 'simple', fineAmount: 100, penaltyTypes: ['fine'] }));
    await addDocument(t, officer, ordinary.id, 'decision');
    await addDocument(t, officer2, simple.id, 'decision');
    const major = await majorCase();

    const certificate = await CertificateModel.findOne({ officerId: liu, status: 'valid' });
    const revoked = await t.api.post(`/api/certificates/${certificate!.id}/revoke`).set(admin).send({ reason: '调离执法岗位' });
    expect(revoked.status).toBe(200);

    const decide = await step(t, deptHead, ordinary.id, 'decide');
    expect(decide.status).toBe(409);
    expect(keysOf(decide)).toEqual(['cases.pre.officer_certificate', 'cases.pre.officers_quorum']);
    expect(decide.body.failures[0].params).toMatchObject({ name: '刘洋', state: 'revoked', date: today() });
    expect(decide.body.message).toContain('Administrative Penalty Law art. 42');
    expect((await step(t, zh(deptHead), ordinary.id, 'decide')).body.failures[1].message).toContain('行政处罚法第四十二条');
    const shown = await t.api.get(`/api/cases/${ordinary.id}`).set(deptHead);
    expect(shown.body.actions.find((a: { action: string }) => a.action === 'decide')).toMatchObject({ allowed: false, reasons: [expect.stringContaining('刘洋'), expect.stringContaining('art. 42')] });

    const onSpot = await step(t, officer2, simple.id, 'decide_on_spot');
    expect(onSpot.status).toBe(409);
    expect(keysOf(onSpot)).toEqual(['cases.pre.officer_certificate', 'cases.pre.officers_quorum']);
    expect(onSpot.body.failures[1].params).toMatchObject({ min: 1, basisZh: expect.stringContaining('第五十一条') });
    expect(onSpot.body.message).toContain('art. 51');

    // The review package applies the same rule.
    const pkg = await t.api.post('/api/reviews').set(officer).send({ caseId: major.id, caseVersion: await caseVersion(major.id) });
    expectError(pkg, 400, [`officers.${liu}`, 'officerIds']);
  });
});

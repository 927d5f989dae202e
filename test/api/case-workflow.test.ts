// The case lifecycle through the HTTP API with the written records each step needs: the full ordinary
// procedure, the hearing and waiver paths, the legal-review gate of major cases (art. 58), withdrawal and
// termination, refusals (409 naming each failed precondition, in Chinese when asked; 403 for roles), the
// documents with their scans and versions, and the case timeline from the audit chain.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaseDocumentModel } from '../../api/src/cases/case-document.model';
import { CaseModel } from '../../api/src/cases/case.model';
import { currentCalendar } from '../../api/src/calendar/calendar.service';
import { AuditEntryModel } from '../../api/src/platform/audit/audit.model';
import { addCalendarDays } from '../../api/src/platform/calendar/dates';
import { addWorkdays } from '../../api/src/platform/calendar/workdays';
import { expectError, UNKNOWN_ID } from '../support/api-expectations';
import { addDocument, caseBody, daysAgo, fileCase, listQuery, officerIdsOf, step, stepOk, today, type CaseBody, type Headers } from '../support/case-fixtures';
import { filesBelow, settledUploads, TINY_PNG, uploadsDir } from '../support/enforcement-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

// Long flows of sequential requests on a shared (and at times busy) embedded database.
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
let ma: string;
let zhou: string;

beforeAll(async () => {
  t = await startTestApp();
  [officer, officer2, reviewer, deptHead, admin, supervisor, inspector, officerB] = await Promise.all(
    ['officer', 'officer2', 'reviewer', 'dept_head', 'agency_admin', 'supervisor', 'inspector', 'officer_b'].map((u) => t.as(u)),
  );
  [zhang, liu, ma, zhou] = await officerIdsOf('张伟', '刘洋', '马丽', '周磊');
});
afterAll(async () => {
  await t.close();
});

const zh = (as: Headers): Headers => ({ ...as, 'Accept-Language': 'zh-CN' });
const failureKeys = (res: { body: { failures?: Array<{ key: string }> } }) => (res.body.failures ?? []).map((f) => f.key);

/** A refused transition: the status, the error contract plus `failures`, and the failure keys. */
function expectRefused(res: { status: number; body: Record<string, unknown> }, status: 403 | 409, keys: string[]) {
  if (res.status !== status) throw new Error(`expected HTTP ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  expect(Object.keys(res.body).sort()).toEqual(['errors', 'failures', 'message']);
  expect(Object.keys(res.body.errors as object)).toEqual(['action']);
  expect(failureKeys(res as never)).toEqual(keys);
  for (const f of res.body.failures as Array<{ message: string; params: object }>) {
    expect(f.message).toEqual(expect.any(String));
    expect(f.params).toEqual(expect.any(Object));
  }
}

/** Files a case and brings it to "notified" on `notifiedOn` (with the filing approval, an inspection record and the notice). */
async function notifiedCase(over: Record<string, unknown> = {}, notifiedOn = today()) {
  const filedOn = (over.filedOn as string | undefined) ?? notifiedOn;
  const c = await fileCase(t, officer, caseBody([zhang, liu], { filedOn, ...over }));
  await addDocument(t, officer, c.id, 'filing_approval', filedOn);
  await stepOk(t, officer, c.id, 'start_investigation', { date: filedOn });
  await addDocument(t, officer, c.id, 'inspection_record', notifiedOn);
  await addDocument(t, officer, c.id, 'notice', notifiedOn);
  return stepOk(t, officer, c.id, 'notify', { date: notifiedOn });
}

describe('the full ordinary procedure (立案 → 调查 → 告知 → 决定 → 送达 → 执行 → 结案 → 归档)', () => {
  const filedOn = daysAgo(40);
  let c: CaseBody;

  test('filed with the filing approval; the notice is not possible while filed', async () => {
    c = await fileCase(t, officer, caseBody([zhang, liu], { filedOn }));
    await addDocument(t, officer, c.id, 'filing_approval', filedOn);
    const res = await step(t, officer, c.id, 'notify', { date: filedOn });
    expectRefused(res, 409, ['cases.pre.status']);
    expect(res.body.failures[0].params).toEqual({ status: 'filed' });
  });

  test('investigating: the officer starts the investigation on the filing date', async () => {
    const res = await stepOk(t, officer, c.id, 'start_investigation', { date: filedOn });
    expect(res).toMatchObject({ status: 'investigating', version: 1 });
    expect(res.history.at(-1)).toMatchObject({ action: 'start_investigation', from: 'filed', to: 'investigating', date: filedOn, byName: '张伟' });
  });

  test('the notice without an investigation record and without the notice document is refused (409) naming both, in Chinese', async () => {
    const res = await step(t, zh(officer), c.id, 'notify', { date: daysAgo(38) });
    expectRefused(res, 409, ['cases.pre.investigation_record', 'cases.pre.document']);
    expect(res.body.failures).toEqual([
      { key: 'cases.pre.investigation_record', params: {}, message: '告知前须至少有一份现场检查（勘验）笔录或询问笔录' },
      { key: 'cases.pre.document', params: { type: 'notice' }, message: expect.stringMatching(/^缺少文书“.+”$/) },
    ]);
    expect(res.body.message).toMatch(/^不能执行“.+”：告知前须至少有一份现场检查（勘验）笔录或询问笔录；缺少文书“.+”$/);
    expect(await CaseModel.findById(c.id)).toMatchObject({ status: 'investigating', version: 1 });
  });

  test('a step dated before the previous one, or in the future, is refused', async () => {
    await addDocument(t, officer, c.id, 'inspection_record', daysAgo(39));
    await addDocument(t, officer, c.id, 'notice', daysAgo(38));
    expectRefused(await step(t, officer, c.id, 'notify', { date: daysAgo(41) }), 409, ['cases.pre.date_before_last']);
    expectRefused(await step(t, officer, c.id, 'notify', { date: addCalendarDays(today(), 1) }), 409, ['cases.pre.future_date']);
  });

  test('notified: with the inspection record and the notice, the hearing window is computed in working days', async () => {
    const res = await stepOk(t, officer, c.id, 'notify', { date: daysAgo(38) });
    expect(res).toMatchObject({ status: 'notified', notifiedOn: daysAgo(38), hearingWindowEnd: addWorkdays(daysAgo(38), 5).date });
    expect(res.completeness).toEqual({ required: 7, present: 3, missing: ['decision', 'service_receipt', 'execution_record', 'closing_report'] });
  });

  test('the decision: refused without the decision document; within the hearing window; for an officer (403)', async () => {
    expectRefused(await step(t, deptHead, c.id, 'decide', { date: daysAgo(5) }), 409, ['cases.pre.document']);
    await addDocument(t, officer, c.id, 'decision', daysAgo(5));
    const windowEnd = addWorkdays(daysAgo(38), 5).date;
    const inWindow = await step(t, deptHead, c.id, 'decide', { date: windowEnd });
    expectRefused(inWindow, 409, ['cases.pre.hearing_window_open']);
    expect(inWindow.body.failures[0].params).toEqual({ until: windowEnd });
    const byOfficer = await step(t, officer, c.id, 'decide', { date: daysAgo(5) });
    expectRefused(byOfficer, 403, ['cases.pre.role']);
    expect(byOfficer.body.failures[0].params).toEqual({ roles: 'dept_head' });
  });

  test('decided: by the head of department after the hearing window, within the 90 days', async () => {
    const res = await stepOk(t, deptHead, c.id, 'decide', { date: daysAgo(5) });
    expect(res).toMatchObject({ status: 'decided', decidedOn: daysAgo(5), deadlineState: 'done' });
  });

  test('a decided case can no longer be edited (409)', async () => {
    const current = await CaseModel.findById(c.id);
    expectError(await t.api.put(`/api/cases/${c.id}`).set(officer).send({ version: current!.version, cause: '决定后修改' }), 409);
    expect((await CaseModel.findById(c.id))!.cause).toBe(c.cause);
  });

  test('served and executed, each with its document', async () => {
    expectRefused(await step(t, officer, c.id, 'serve', { date: daysAgo(4) }), 409, ['cases.pre.document']);
    await addDocument(t, officer, c.id, 'service_receipt', daysAgo(4));
    expect(await stepOk(t, officer, c.id, 'serve', { date: daysAgo(4) })).toMatchObject({ status: 'served', servedOn: daysAgo(4) });
    await addDocument(t, officer, c.id, 'execution_record', daysAgo(3));
    expect(await stepOk(t, officer, c.id, 'execute', { date: daysAgo(3) })).toMatchObject({ status: 'executed', executedOn: daysAgo(3) });
  });

  test('closing: 403 for the officer; 409 for the head while the closing report is missing; then closed', async () => {
    // 403 although the closing report is missing too: the officer may not close at all.
    expectRefused(await step(t, officer, c.id, 'close', { date: daysAgo(2) }), 403, ['cases.pre.role', 'cases.pre.document']);
    const missing = await step(t, deptHead, c.id, 'close', { date: daysAgo(2) });
    expectRefused(missing, 409, ['cases.pre.document']);
    expect(missing.body.failures[0].params).toEqual({ type: 'closing_report' });
    await addDocument(t, officer, c.id, 'closing_report', daysAgo(2));
    const closed = await stepOk(t, deptHead, c.id, 'close', { date: daysAgo(2) });
    expect(closed).toMatchObject({ status: 'closed', closedOn: daysAgo(2), completeness: { required: 7, present: 7, missing: [] } });
  });

  test('archived by the agency administrator; nothing more is possible', async () => {
    const archived = await stepOk(t, admin, c.id, 'archive');
    expect(archived).toMatchObject({ status: 'archived', archivedOn: today(), actions: [] });
    expectRefused(await step(t, deptHead, c.id, 'terminate', { reason: '归档后终止' }), 409, ['cases.pre.status']);
    expect(archived.history.map((h: { action: string }) => h.action)).toEqual(['file', 'start_investigation', 'notify', 'decide', 'serve', 'execute', 'close', 'archive']);
  });

  test('the timeline lists every step and document of the case, in chain order, and nothing of other cases', async () => {
    const res = await t.api.get(`/api/cases/${c.id}/timeline`).set(officer);
    expect(res.status).toBe(200);
    const seqs = res.body.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(res.body.map((e: { action: string; note?: string }) => (e.action === 'case_document.create' ? `doc:${e.note!.split(' ')[0]}` : e.action))).toEqual([
      'case.create', 'doc:filing_approval', 'case.start_investigation', 'doc:inspection_record', 'doc:notice', 'case.notify', 'doc:decision', 'case.decide',
      'doc:service_receipt', 'case.serve', 'doc:execution_record', 'case.execute', 'doc:closing_report', 'case.close', 'case.archive',
    ]);
    expect(res.body[0]).toMatchObject({ entity: 'case', entityId: c.id, actorName: '张伟 (officer)', note: c.number });
    expect(res.body.find((e: { action: string }) => e.action === 'case.decide')).toMatchObject({ actorName: '孙志强 (dept_head)', changes: [{ field: 'status', before: 'notified', after: 'decided' }] });
    expect(res.body.at(-1)).toMatchObject({ action: 'case.archive', actorName: '王建国 (agency_admin)' });
  });
});

describe('the notice, the hearing and the waiver', () => {
  test('a decision on the day of the notice is refused while the party may still ask for a hearing; after the written waiver it is allowed', async () => {
    const c = await notifiedCase();
    await addDocument(t, officer, c.id, 'decision');
    const refused = await step(t, zh(deptHead), c.id, 'decide');
    expectRefused(refused, 409, ['cases.pre.hearing_window_open']);
    expect(refused.body.failures[0].message).toBe(`当事人申请听证的期限至 ${addWorkdays(today(), 5).date} 届满（或记录当事人放弃）`);
    const waived = await stepOk(t, officer, c.id, 'waive_hearing');
    expect(waived).toMatchObject({ status: 'notified', hearing: { waived: true } });
    expect(await stepOk(t, deptHead, c.id, 'decide')).toMatchObject({ status: 'decided', decidedOn: today() });
  });

  test('a hearing requested after the window is refused naming its end; within it, it is accepted; the decision then needs the hearing record and, the case being major now, a legal review', async () => {
    const notifiedOn = daysAgo(30);
    const c = await notifiedCase({}, notifiedOn);
    const windowEnd = addWorkdays(notifiedOn, 5).date;
    expect(c.hearingWindowEnd).toBe(windowEnd);
    const late = await step(t, officer, c.id, 'request_hearing', { date: addCalendarDays(windowEnd, 1) });
    expectRefused(late, 409, ['cases.pre.hearing_request_late']);
    expect(late.body.failures[0].params).toEqual({ until: windowEnd });
    const requested = await stepOk(t, officer, c.id, 'request_hearing', { date: windowEnd });
    expect(requested).toMatchObject({ status: 'hearing', hearing: { requestedOn: windowEnd } });
    // A decision that went through a hearing is major under the catalog (经过听证程序的).
    expect(requested).toMatchObject({ major: true, majorMatches: [expect.objectContaining({ name: '经过听证程序的' })] });

    await addDocument(t, officer, c.id, 'decision');
    const notHeld = await step(t, deptHead, c.id, 'decide');
    expectRefused(notHeld, 409, ['cases.pre.hearing_not_held', 'cases.pre.legal_review']);

    await addDocument(t, officer, c.id, 'hearing_notice', addCalendarDays(windowEnd, 1));
    // 行政处罚法 art. 64, 85: the hearing is held at least 7 working days after its notice.
    await addDocument(t, officer, c.id, 'hearing_record', addWorkdays(addCalendarDays(windowEnd, 1), 7, await currentCalendar()).date);
    expectRefused(await step(t, deptHead, c.id, 'decide'), 409, ['cases.pre.legal_review']);
  });

  test('the hearing window is computed once, at the notice, and stored with the calendar version it used', async () => {
    const c = await notifiedCase({}, daysAgo(3));
    const stored = (await CaseModel.findById(c.id))!.hearing!;
    expect(stored.windowEndOn).toBe(addWorkdays(daysAgo(3), 5).date);
    expect(stored.windowBasis).toMatch(/^5 workdays \(settings version \d+\), calendar chinese-days@/);
    // A later change of the setting does not move it.
    const settings = await t.api.get(`/api/agencies/${c.agencyId}/settings`).set(admin);
    await t.api.put(`/api/agencies/${c.agencyId}/settings`).set(admin).send({ version: settings.body.version, hearingRequestWorkdays: 10 });
    try {
      expect((await t.api.get(`/api/cases/${c.id}`).set(officer)).body.hearingWindowEnd).toBe(stored.windowEndOn);
    } finally {
      const again = await t.api.get(`/api/agencies/${c.agencyId}/settings`).set(admin);
      await t.api.put(`/api/agencies/${c.agencyId}/settings`).set(admin).send({ version: again.body.version, hearingRequestWorkdays: 5 });
    }
  });

  test('the waiver is recorded once; no hearing can be requested after it', async () => {
    const c = await notifiedCase();
    await stepOk(t, officer, c.id, 'waive_hearing');
    expectRefused(await step(t, officer, c.id, 'waive_hearing'), 409, ['cases.pre.hearing_already_waived']);
    expectRefused(await step(t, officer, c.id, 'request_hearing'), 409, ['cases.pre.hearing_already_waived']);
  });
});

// The legal-review gate of major cases (art. 58) is tested with the review workflow in reviews.test.ts.

describe('the simple procedure, withdrawal and termination', () => {
  test('a simple case is decided on the spot by its officer, then served, executed, closed and archived with its short list', async () => {
    const c = await fileCase(t, officer, caseBody([zhang], { procedure: 'simple' }));
    expectRefused(await step(t, officer, c.id, 'start_investigation'), 409, ['cases.pre.simple_procedure']);
    expectRefused(await step(t, officer, c.id, 'decide_on_spot'), 409, ['cases.pre.document']);
    await addDocument(t, officer, c.id, 'decision');
    expect(await stepOk(t, officer, c.id, 'decide_on_spot')).toMatchObject({ status: 'decided', decidedOn: today() });
    await addDocument(t, officer, c.id, 'service_receipt');
    await stepOk(t, officer, c.id, 'serve');
    await addDocument(t, officer, c.id, 'execution_record');
    await stepOk(t, officer, c.id, 'execute');
    expect(await stepOk(t, deptHead, c.id, 'close')).toMatchObject({ status: 'closed', completeness: { required: 2, present: 2, missing: [] } });
    expect(await stepOk(t, officer, c.id, 'archive')).toMatchObject({ status: 'archived' });
  });

  test('an ordinary case is not decided on the spot', async () => {
    const c = await fileCase(t, officer, caseBody([zhang, liu]));
    await addDocument(t, officer, c.id, 'decision');
    expectRefused(await step(t, officer, c.id, 'decide_on_spot'), 409, ['cases.pre.ordinary_procedure']);
  });

  test('withdrawal needs a reason; a withdrawn case is frozen and takes no new documents', async () => {
    const c = await fileCase(t, officer, caseBody([zhang, liu]));
    expectRefused(await step(t, deptHead, c.id, 'withdraw'), 409, ['cases.pre.reason']);
    expectRefused(await step(t, deptHead, c.id, 'withdraw', { reason: '  ' }), 409, ['cases.pre.reason']);
    const res = await stepOk(t, deptHead, c.id, 'withdraw', { reason: '经核查不属于本机关管辖，移送县综合执法局' });
    expect(res).toMatchObject({ status: 'withdrawn', endReason: '经核查不属于本机关管辖，移送县综合执法局', actions: [] });
    expect(res.history.at(-1)).toMatchObject({ action: 'withdraw', reason: '经核查不属于本机关管辖，移送县综合执法局' });
    expectError(await t.api.put(`/api/cases/${c.id}`).set(officer).send({ version: res.version, cause: '撤销后修改' }), 409);
    expectError(await t.api.post('/api/case-documents').set(officer).send({ caseId: c.id, type: 'other', date: today() }), 409);
    const audit = await AuditEntryModel.findOne({ action: 'case.withdraw', entityId: c.id });
    expect(audit!.note).toBe(`${today()} · 经核查不属于本机关管辖，移送县综合执法局`);
  });

  test('a notified case may be terminated by the head with a reason', async () => {
    const c = await notifiedCase();
    expect(await stepOk(t, deptHead, c.id, 'terminate', { reason: '当事人死亡' })).toMatchObject({ status: 'terminated', endReason: '当事人死亡' });
  });
});

describe('who may move a case', () => {
  let c: CaseBody;
  beforeAll(async () => {
    c = await fileCase(t, officer, caseBody([zhang, ma]));
  });

  test('an officer of the agency who is not assigned to the case gets 403 (not_assigned) and the case does not move', async () => {
    const res = await step(t, officer2, c.id, 'start_investigation');
    expectRefused(res, 403, ['cases.pre.not_assigned']);
    expect(res.body.message).toContain('not an officer assigned');
    expect(await CaseModel.findById(c.id)).toMatchObject({ status: 'filed', version: 0 });
  });

  test('a role the rule does not name gets 403 even when other preconditions fail too', async () => {
    // agency_admin may transition in general (archive) but not start an investigation.
    expectRefused(await step(t, admin, c.id, 'start_investigation'), 403, ['cases.pre.role']);
    // Withdrawal: the officer is not the head, and gave no reason either.
    expectRefused(await step(t, officer, c.id, 'withdraw'), 403, ['cases.pre.role', 'cases.pre.reason']);
  });

  test('roles without cases:transition (reviewer, inspector, supervisor) get 403 before any rule is evaluated; another agency’s officer gets 404', async () => {
    for (const as of [reviewer, inspector, supervisor]) expectError(await step(t, as, c.id, 'start_investigation'), 403);
    expectError(await step(t, officerB, c.id, 'start_investigation'), 404);
    expect(await CaseModel.findById(c.id)).toMatchObject({ status: 'filed', version: 0 });
  });

  test('the department head, not assigned, may start the investigation', async () => {
    expect(await stepOk(t, deptHead, c.id, 'start_investigation')).toMatchObject({ status: 'investigating' });
  });

  test('two transitions racing on the same version: exactly one wins, one history entry and one audit entry', async () => {
    const d = await fileCase(t, officer, caseBody([zhang, liu]));
    const results = await Promise.all([step(t, officer, d.id, 'start_investigation', { version: 0 }), step(t, deptHead, d.id, 'withdraw', { version: 0, reason: '重复立案' })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const stored = await CaseModel.findById(d.id);
    expect(stored!.version).toBe(1);
    expect(stored!.history).toHaveLength(2);
    expect(stored!.status).toBe(results.find((r) => r.status === 200)!.body.status);
    expect(await AuditEntryModel.countDocuments({ entityId: d.id, action: { $in: ['case.start_investigation', 'case.withdraw'] } })).toBe(1);
  });

  test('the actions offered on a case depend on the reader', async () => {
    const d = await fileCase(t, officer, caseBody([zhang, liu]));
    const offered = async (as: Headers) => Object.fromEntries((await t.api.get(`/api/cases/${d.id}`).set(as)).body.actions.map((a: { action: string; allowed: boolean }) => [a.action, a.allowed]));
    expect(await offered(officer)).toEqual({ start_investigation: true, decide_on_spot: false, withdraw: false });
    expect(await offered(officer2)).toEqual({ start_investigation: true, decide_on_spot: false, withdraw: false });
    // The head may withdraw: the reason is asked for when the step is taken, not held against the offer.
    expect(await offered(deptHead)).toEqual({ start_investigation: true, decide_on_spot: false, withdraw: true });
    expect(await offered(reviewer)).toEqual({ start_investigation: false, decide_on_spot: false, withdraw: false });
    const withdraw = (await t.api.get(`/api/cases/${d.id}`).set(zh(deptHead))).body.actions.find((a: { action: string }) => a.action === 'withdraw');
    expect(withdraw).toEqual({ action: 'withdraw', allowed: true, needsReason: true, reasons: [], failures: [] });
    const refused = await t.api.post(`/api/cases/${d.id}/transitions`).set(zh(deptHead)).send({ action: 'withdraw', version: 0 });
    expect(refused.status).toBe(409);
    expect(refused.body.failures.map((f: { message: string }) => f.message)).toEqual(['须填写理由']);
  });
});

describe('written records (文书)', () => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  let c: CaseBody;
  let doc: { id: string; [k: string]: unknown };

  beforeAll(async () => {
    c = await fileCase(t, officer, caseBody([zhang, liu]));
  });

  test('when an officer adds a record, then it is 201 as version 1, current, scoped to the case’s agency and audited', async () => {
    const res = await t.api.post('/api/case-documents').set(officer)
      .send({ caseId: c.id, type: 'inspection_record', title: '现场检查笔录', number: '青市监检〔2026〕8号', date: today(), officerIds: [zhang, liu], summary: '货架上发现过期饮料12瓶' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ caseId: c.id, agencyId: c.agencyId, type: 'inspection_record', number: '青市监检〔2026〕8号', version: 1, current: true, officerIds: [zhang, liu], createdByName: '张伟' });
    expect(res.body.file).toBeUndefined();
    doc = res.body;
    const audit = await AuditEntryModel.findOne({ action: 'case_document.create', entityId: doc.id });
    expect(String(audit!.caseId)).toBe(c.id);
    expect(audit!.note).toBe('inspection_record 青市监检〔2026〕8号');
  });

  test('a record naming an officer of another agency, or for an unknown or another agency’s case, is 400; another agency cannot read it (404)', async () => {
    expectError(await t.api.post('/api/case-documents').set(officer).send({ caseId: c.id, type: 'inquiry_record', date: today(), officerIds: [zhou] }), 400, ['officerIds']);
    expectError(await t.api.post('/api/case-documents').set(officer).send({ caseId: UNKNOWN_ID, type: 'inquiry_record', date: today() }), 400, ['caseId']);
    expectError(await t.api.post('/api/case-documents').set(officerB).send({ caseId: c.id, type: 'inquiry_record', date: today() }), 400, ['caseId']);
    expectError(await t.api.get(`/api/case-documents/${doc.id}`).set(officerB), 404);
    expectError(await t.api.post('/api/case-documents').set(reviewer).send({ caseId: c.id, type: 'inquiry_record', date: today() }), 403);
  });

  test('when the signed PDF scan is attached, then it is stored under UPLOADS_DIR with its SHA-256, and the attachment is audited', async () => {
    const res = await t.api.put(`/api/case-documents/${doc.id}/file`).set(officer).attach('file', PDF, { filename: '现场检查笔录.pdf', contentType: 'application/pdf' });
    expect(res.status).toBe(200);
    expect(res.body.file).toEqual({ sha256: sha(PDF), size: PDF.length, contentType: 'application/pdf', originalName: '现场检查笔录.pdf', uploadedAt: expect.any(String) });
    const stored = await CaseDocumentModel.findById(doc.id);
    const onDisk = readFileSync(join(uploadsDir(), stored!.file!.key));
    expect(onDisk.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(sha(onDisk)).toBe(stored!.file!.sha256);
    expect(stored!.file!.key.startsWith('case-documents')).toBe(true);
    const audit = await AuditEntryModel.findOne({ action: 'case_document.attach_file', entityId: doc.id });
    expect(audit!.note).toContain(sha(PDF));
    expect(await settledUploads([stored!.file!.key])).toEqual([stored!.file!.key]);
  });

  test('when the scan is downloaded, then the bytes and their SHA-256 come back and every download is audited; another agency gets 404, not audited', async () => {
    const before = await AuditEntryModel.countDocuments({ action: 'case_document.file_access', entityId: doc.id });
    for (const as of [officer, reviewer]) {
      const res = await t.api.get(`/api/case-documents/${doc.id}/file`).set(as).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (ch: Buffer) => chunks.push(ch));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/pdf/);
      expect(res.headers['x-content-sha256']).toBe(sha(PDF));
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(Buffer.compare(res.body as Buffer, PDF)).toBe(0);
    }
    expectError(await t.api.get(`/api/case-documents/${doc.id}/file`).set(officerB), 404);
    const entries = await AuditEntryModel.find({ action: 'case_document.file_access', entityId: doc.id }).sort({ seq: 1 });
    expect(entries).toHaveLength(before + 2);
    expect(entries.slice(-2).map((e) => e.actorName)).toEqual(['张伟 (officer)', '陈晓燕 (reviewer)']);
    expect(entries.at(-1)!.note).toBe(sha(PDF));
  });

  test('when a second file is attached, then it is 409, the first file stays and no stray file is left', async () => {
    const stored = await CaseDocumentModel.findById(doc.id);
    const res = await t.api.put(`/api/case-documents/${doc.id}/file`).set(officer).attach('file', TINY_PNG, { filename: 'other.png', contentType: 'image/png' });
    expectError(res, 409);
    expect((await CaseDocumentModel.findById(doc.id))!.file!.sha256).toBe(stored!.file!.sha256);
    expect(await settledUploads([stored!.file!.key])).toEqual([stored!.file!.key]);
  });

  test('a file that is not a PDF or an image is 415 naming file, whatever its declared type', async () => {
    const other = await addDocument(t, officer, c.id, 'inquiry_record');
    const before = filesBelow(uploadsDir()).filter((f) => !f.startsWith('.incoming'));
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('询问笔录', 'utf16le')]);
    expectError(await t.api.put(`/api/case-documents/${other.id}/file`).set(officer).attach('file', utf16, { filename: 'a.jpg', contentType: 'image/jpeg' }), 415, ['file']);
    expectError(await t.api.put(`/api/case-documents/${other.id}/file`).set(officer).attach('file', Buffer.from('<html>'), { filename: 'a.pdf', contentType: 'application/pdf' }), 415, ['file']);
    expectError(await t.api.put(`/api/case-documents/${other.id}/file`).set(officer).attach('file', PDF, { filename: 'a.txt', contentType: 'text/plain' }), 415, ['file']);
    expect((await CaseDocumentModel.findById(other.id))!.file).toBeUndefined();
    expect(await settledUploads(before)).toEqual(before);
  });

  test('a correction is a new version naming the one it supersedes and why; the old one is no longer current and cannot be corrected again', async () => {
    const res = await t.api.post(`/api/case-documents/${doc.id}/corrections`).set(officer).send({ reason: '笔录中数量记录有误，应为15瓶', summary: '货架上发现过期饮料15瓶' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      caseId: c.id, type: 'inspection_record', number: '青市监检〔2026〕8号', version: 2, current: true, supersedesId: doc.id,
      correctionReason: '笔录中数量记录有误，应为15瓶', summary: '货架上发现过期饮料15瓶', officerIds: [zhang, liu],
    });
    expect(res.body.file).toBeUndefined();
    expect(await CaseDocumentModel.findById(doc.id)).toMatchObject({ current: false, version: 1, summary: '货架上发现过期饮料12瓶' });
    const audit = await AuditEntryModel.findOne({ action: 'case_document.correct', entityId: res.body.id }).lean();
    expect(audit!.note).toBe('v2 supersedes v1: 笔录中数量记录有误，应为15瓶');
    expect(audit!.changes).toEqual([{ field: 'summary', before: '货架上发现过期饮料12瓶', after: '货架上发现过期饮料15瓶' }]);
    expectError(await t.api.post(`/api/case-documents/${doc.id}/corrections`).set(officer).send({ reason: '再次更正' }), 409);
    expectError(await t.api.post(`/api/case-documents/${doc.id}/corrections`).set(officer).send({}), 400, ['reason']);
    // The list of current records shows the new version only.
    const list = await t.api.get('/api/case-documents').query(listQuery({ caseId: c.id, type: 'inspection_record', current: true })).set(officer);
    expect(list.body.map((d: { id: string }) => d.id)).toEqual([res.body.id]);
    const all = await t.api.get('/api/case-documents').query(listQuery({ caseId: c.id, type: 'inspection_record' }, [0, 9], ['version', 'ASC'])).set(officer);
    expect(all.body.map((d: { version: number }) => d.version)).toEqual([1, 2]);
  });

  test('two corrections of the same version at once: one wins, the other is 409 and leaves nothing behind', async () => {
    const d = await addDocument(t, officer, c.id, 'evidence_list');
    const results = await Promise.all([
      t.api.post(`/api/case-documents/${d.id}/corrections`).set(officer).send({ reason: '更正甲' }),
      t.api.post(`/api/case-documents/${d.id}/corrections`).set(officer2).send({ reason: '更正乙' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await CaseDocumentModel.countDocuments({ supersedesId: d.id })).toBe(1);
    expect(await CaseDocumentModel.countDocuments({ caseId: c.id, type: 'evidence_list', current: true })).toBe(1);
  });

  describe('once the case is closed', () => {
    let closed: CaseBody;
    let decision: { id: string };
    let unscanned: { id: string };

    beforeAll(async () => {
      closed = await fileCase(t, officer, caseBody([zhang], { procedure: 'simple' }));
      decision = await addDocument(t, officer, closed.id, 'decision');
      await t.api.put(`/api/case-documents/${decision.id}/file`).set(officer).attach('file', PDF, { filename: 'decision.pdf', contentType: 'application/pdf' });
      await stepOk(t, officer, closed.id, 'decide_on_spot');
      unscanned = await addDocument(t, officer, closed.id, 'service_receipt');
      await stepOk(t, officer, closed.id, 'serve');
      await addDocument(t, officer, closed.id, 'execution_record');
      await stepOk(t, officer, closed.id, 'execute');
      await stepOk(t, deptHead, closed.id, 'close');
    });

    test('a new record is refused (409)', async () => {
      const before = await CaseDocumentModel.countDocuments({ caseId: closed.id });
      expectError(await t.api.post('/api/case-documents').set(officer).send({ caseId: closed.id, type: 'other', date: today() }), 409);
      expect(await CaseDocumentModel.countDocuments({ caseId: closed.id })).toBe(before);
    });

    test('a scan cannot be attached to a record written before closing (409)', async () => {
      expectError(await t.api.put(`/api/case-documents/${unscanned.id}/file`).set(officer).attach('file', PDF, { filename: 'receipt.pdf', contentType: 'application/pdf' }), 409);
      expect((await CaseDocumentModel.findById(unscanned.id))!.file).toBeUndefined();
    });

    test('a correction is still possible, and the corrected version takes its scan', async () => {
      const res = await t.api.post(`/api/case-documents/${decision.id}/corrections`).set(officer).send({ reason: '决定书文号笔误', number: '青市监罚〔2026〕101号' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ version: 2, supersedesId: decision.id, number: '青市监罚〔2026〕101号' });
      const attached = await t.api.put(`/api/case-documents/${res.body.id}/file`).set(officer).attach('file', PDF, { filename: 'decision-v2.pdf', contentType: 'application/pdf' });
      expect(attached.status).toBe(200);
      expect(attached.body.file.sha256).toBe(sha(PDF));
      // The old version keeps its scan.
      expect((await CaseDocumentModel.findById(decision.id))!.file!.originalName).toBe('decision.pdf');
      // The case stays complete: the corrected decision is current.
      expect((await t.api.get(`/api/cases/${closed.id}`).set(officer)).body.completeness).toEqual({ required: 2, present: 2, missing: [] });
    });
  });
});

// The enforcement-subject qualification workflow (主体资格确认和公告, DOMAIN.md §2):
// pending → confirm (basis) → announce (publication date) → suspend (reason) → reinstate → revoke;
// who may act, which transitions are refused, the history and audit trail, and "may enforce".
import { AgencyModel } from '../../api/src/agencies/agency.model';
import { assertAgencyMayEnforce } from '../../api/src/agencies/agency.service';
import { mayEnforce } from '../../api/src/agencies/qualification';
import { AppError } from '../../api/src/platform/errors';
import { AuditEntryModel } from '../../api/src/platform/audit/audit.model';
import { agencyIdOf, expectError, UNKNOWN_ID, userIdOf } from '../support/api-expectations';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let supervisor: { Authorization: string };
let id: string;
beforeAll(async () => {
  t = await startTestApp();
  supervisor = await t.as('supervisor');
  const res = await t.api.post('/api/agencies').set(supervisor)
    .send({ name: '青山县生态环境分局', shortName: '县生态环境分局', code: 'QS_STHJ', kind: 'enforcement', county: '青山县' });
  expect(res.status).toBe(201);
  id = res.body.id;
});
afterAll(async () => {
  await t.close();
});

const stored = async () => (await AgencyModel.findById(id))!;
const qualificationAudit = () => AuditEntryModel.find({ entityId: id, action: /^agency\.(confirm|announce|suspend|reinstate|revoke)$/ }).sort({ at: 1, _id: 1 }).lean();
const act = (action: string, body: Record<string, unknown>, as = supervisor) => t.api.post(`/api/agencies/${id}/${action}`).set(as).send(body);

/** A refused transition: 409 with a message, and the stored status and history unchanged. */
async function expectRefused(res: import('supertest').Response, status: string, historyLength: number) {
  expectError(res, 409);
  const agency = await stored();
  expect(agency.qualification!.status).toBe(status);
  expect(agency.qualification!.history).toHaveLength(historyLength);
}

describe('a new enforcement agency', () => {
  test('starts pending, may not enforce, and offers only confirm and revoke', async () => {
    const res = await t.api.get(`/api/agencies/${id}`).set(supervisor);
    expect(res.status).toBe(200);
    expect(res.body.mayEnforce).toBe(false);
    expect(res.body.qualification).toMatchObject({ status: 'pending', history: [], allowedActions: ['confirm', 'revoke'] });
  });

  test('assertAgencyMayEnforce throws a 409 AppError for it (cases will call this before opening a case)', async () => {
    await expect(assertAgencyMayEnforce(id)).rejects.toBeInstanceOf(AppError);
    await expect(assertAgencyMayEnforce(id)).rejects.toMatchObject({ status: 409, key: 'agencies.may_not_enforce' });
    await expect(assertAgencyMayEnforce(UNKNOWN_ID)).rejects.toMatchObject({ status: 409 });
  });
});

describe('who may act', () => {
  test.each(['agency_admin', 'officer', 'dept_head', 'reviewer', 'inspector'])('when %s calls confirm, then it is 403 and the agency stays pending', async (username) => {
    const res = await act('confirm', { basis: '青政发〔2026〕5号' }, await t.as(username));
    expectError(res, 403);
    await expect(stored()).resolves.toMatchObject({ qualification: { status: 'pending' } });
    expect((await stored()).qualification!.history).toHaveLength(0);
  });

  test('when agency_admin tries to announce or suspend its own agency, then it is 403', async () => {
    const admin = await t.as('agency_admin');
    const own = await agencyIdOf('QS_SCJG');
    expectError(await t.api.post(`/api/agencies/${own}/suspend`).set(admin).send({ reason: '自行暂停' }), 403);
    expectError(await t.api.post(`/api/agencies/${own}/announce`).set(admin).send({ publicationDate: '2026-01-01' }), 403);
    expect((await AgencyModel.findById(own))!.qualification!.status).toBe('announced');
  });

  test('without a token, confirm is 401', async () => {
    expectError(await t.api.post(`/api/agencies/${id}/confirm`).send({ basis: '青政发〔2026〕5号' }), 401);
  });
});

describe('the workflow, step by step (supervisor)', () => {
  test('when a pending agency is announced before it is confirmed, then it is 409 with a message naming the action and status', async () => {
    const res = await act('announce', { publicationDate: '2026-03-01' });
    await expectRefused(res, 'pending', 0);
    expect(res.body.message).toMatch(/announce/);
    expect(res.body.message).toMatch(/pending/);
  });

  test('when a pending agency is suspended or reinstated, then it is 409', async () => {
    await expectRefused(await act('suspend', { reason: '整改' }), 'pending', 0);
    await expectRefused(await act('reinstate', { reason: '整改完成' }), 'pending', 0);
  });

  test('when confirm has no basis, then it is 400 naming basis and nothing changes', async () => {
    expectError(await act('confirm', {}), 400, ['basis']);
    expect((await stored()).qualification!.status).toBe('pending');
  });

  test('when the supervisor confirms with a basis, then it is confirmed, still may not enforce, history and audit record it', async () => {
    const res = await act('confirm', { basis: '青政发〔2026〕5号' });
    expect(res.status).toBe(200);
    expect(res.body.mayEnforce).toBe(false);
    expect(res.body.qualification).toMatchObject({ status: 'confirmed', confirmationBasis: '青政发〔2026〕5号', allowedActions: ['announce', 'suspend', 'revoke'] });

    const agency = await stored();
    expect(agency.qualification!.status).toBe('confirmed');
    expect(agency.qualification!.confirmationBasis).toBe('青政发〔2026〕5号');
    expect(agency.qualification!.confirmedAt).toBeInstanceOf(Date);
    expect(agency.qualification!.history).toHaveLength(1);
    expect(agency.qualification!.history[0]).toMatchObject({ action: 'confirm', from: 'pending', to: 'confirmed', basis: '青政发〔2026〕5号', byName: '李明华' });
    expect(String(agency.qualification!.history[0].byUserId)).toBe(await userIdOf('supervisor'));

    const audit = await qualificationAudit();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'agency.confirm', entity: 'agency', note: '青政发〔2026〕5号', changes: [{ field: 'qualification.status', before: 'pending', after: 'confirmed' }] });
    expect(String(audit[0].actorId)).toBe(await userIdOf('supervisor'));
    expect(String(audit[0].agencyId)).toBe(id);
    await expect(assertAgencyMayEnforce(id)).rejects.toMatchObject({ status: 409 });
  });

  test('when a confirmed agency is confirmed again, then it is 409 and nothing is appended', async () => {
    const res = await act('confirm', { basis: '再次确认' });
    await expectRefused(res, 'confirmed', 1);
    expect(res.body.message).toMatch(/confirm/);
    expect(await qualificationAudit()).toHaveLength(1);
  });

  test('when announce has no publication date or an impossible date, then it is 400 naming publicationDate', async () => {
    expectError(await act('announce', {}), 400, ['publicationDate']);
    expectError(await act('announce', { publicationDate: '2026-02-30' }), 400, ['publicationDate']);
    expect((await stored()).qualification!.status).toBe('confirmed');
  });

  test('when the supervisor announces it with a publication date, then it may enforce and assertAgencyMayEnforce passes', async () => {
    const res = await act('announce', { publicationDate: '2026-03-02', announcementRef: '青山县司法局公告〔2026〕2号' });
    expect(res.status).toBe(200);
    expect(res.body.mayEnforce).toBe(true);
    expect(res.body.qualification).toMatchObject({ status: 'announced', publicationDate: '2026-03-02', announcementRef: '青山县司法局公告〔2026〕2号', allowedActions: ['suspend', 'revoke'] });

    const agency = await stored();
    expect(agency.qualification!.publicationDate).toBe('2026-03-02');
    expect(agency.qualification!.history[1]).toMatchObject({ action: 'announce', from: 'confirmed', to: 'announced', publicationDate: '2026-03-02' });
    expect((await qualificationAudit()).map((e) => e.action)).toEqual(['agency.confirm', 'agency.announce']);
    await expect(assertAgencyMayEnforce(id)).resolves.toBeUndefined();
  });

  test('when suspend has no reason, then it is 400 naming reason', async () => {
    expectError(await act('suspend', {}), 400, ['reason']);
    expect((await stored()).qualification!.status).toBe('announced');
  });

  test('when the supervisor suspends it with a reason, then it may no longer enforce', async () => {
    const res = await act('suspend', { reason: '机构改革，职能调整中' });
    expect(res.status).toBe(200);
    expect(res.body.mayEnforce).toBe(false);
    expect(res.body.qualification).toMatchObject({ status: 'suspended', reason: '机构改革，职能调整中', allowedActions: ['reinstate', 'revoke'] });
    const agency = await stored();
    expect(agency.qualification!.statusBeforeSuspension).toBe('announced');
    expect(agency.qualification!.history[2]).toMatchObject({ action: 'suspend', from: 'announced', to: 'suspended', reason: '机构改革，职能调整中' });
    await expect(assertAgencyMayEnforce(id)).rejects.toMatchObject({ status: 409 });
  });

  test('when a suspended agency is announced or suspended again, then it is 409', async () => {
    await expectRefused(await act('announce', { publicationDate: '2026-04-01' }), 'suspended', 3);
    await expectRefused(await act('suspend', { reason: '再次暂停' }), 'suspended', 3);
  });

  test('when the supervisor reinstates it, then it returns to announced and may enforce again', async () => {
    const res = await act('reinstate', { reason: '职能调整完成' });
    expect(res.status).toBe(200);
    expect(res.body.mayEnforce).toBe(true);
    expect(res.body.qualification.status).toBe('announced');
    expect((await stored()).qualification!.history[3]).toMatchObject({ action: 'reinstate', from: 'suspended', to: 'announced', reason: '职能调整完成' });
    await expect(assertAgencyMayEnforce(id)).resolves.toBeUndefined();
  });

  test('when the supervisor revokes it, then it is revoked, offers no action, and every later action is 409', async () => {
    const res = await act('revoke', { reason: '机构撤销' });
    expect(res.status).toBe(200);
    expect(res.body.mayEnforce).toBe(false);
    expect(res.body.qualification).toMatchObject({ status: 'revoked', reason: '机构撤销', allowedActions: [] });
    for (const [action, body] of [['confirm', { basis: '重新确认' }], ['announce', { publicationDate: '2026-05-01' }], ['suspend', { reason: '暂停' }], ['reinstate', { reason: '恢复' }], ['revoke', { reason: '撤销' }]] as const) {
      await expectRefused(await act(action, body), 'revoked', 5);
    }
    await expect(assertAgencyMayEnforce(id)).rejects.toMatchObject({ status: 409 });
  });

  test('the whole history and the audit trail list each transition once, in order', async () => {
    const history = (await stored()).qualification!.history;
    expect(history.map((h) => [h.action, h.from, h.to])).toEqual([
      ['confirm', 'pending', 'confirmed'],
      ['announce', 'confirmed', 'announced'],
      ['suspend', 'announced', 'suspended'],
      ['reinstate', 'suspended', 'announced'],
      ['revoke', 'announced', 'revoked'],
    ]);
    for (const h of history) expect(h.at).toBeInstanceOf(Date);
    expect((await qualificationAudit()).map((e) => [e.action, e.changes![0].before, e.changes![0].after])).toEqual([
      ['agency.confirm', 'pending', 'confirmed'],
      ['agency.announce', 'confirmed', 'announced'],
      ['agency.suspend', 'announced', 'suspended'],
      ['agency.reinstate', 'suspended', 'announced'],
      ['agency.revoke', 'announced', 'revoked'],
    ]);
  });
});

describe('other rules', () => {
  test('a field that no longer applies is absent, never null: the status before a suspension after reinstate, the reason of an earlier step', async () => {
    const created = await t.api.post('/api/agencies').set(supervisor)
      .send({ name: '青山县水利局', shortName: '县水利局', code: 'QS_SL', kind: 'enforcement', county: '青山县' });
    const other = created.body.id as string;
    await t.api.post(`/api/agencies/${other}/suspend`).set(supervisor).send({ reason: '核查' }).expect(409);
    const confirmed = await t.api.post(`/api/agencies/${other}/confirm`).set(supervisor).send({ basis: '青政发〔2026〕7号' });
    expect(confirmed.body.qualification).not.toHaveProperty('reason');
    const suspended = await t.api.post(`/api/agencies/${other}/suspend`).set(supervisor).send({ reason: '核查' });
    expect(suspended.body.qualification).toMatchObject({ status: 'suspended', statusBeforeSuspension: 'confirmed', reason: '核查' });
    const reinstated = await t.api.post(`/api/agencies/${other}/reinstate`).set(supervisor).send({ reason: '核查完毕' });
    expect(reinstated.body.qualification).toMatchObject({ status: 'confirmed', reason: '核查完毕' });
    expect(reinstated.body.qualification).not.toHaveProperty('statusBeforeSuspension');
    const announced = await t.api.post(`/api/agencies/${other}/announce`).set(supervisor).send({ publicationDate: '2026-05-01' });
    expect(announced.body.qualification).not.toHaveProperty('reason');
    const stored = (await AgencyModel.findById(other).lean())!.qualification as Record<string, unknown>;
    expect(Object.entries(stored).filter(([, v]) => v === null)).toEqual([]);

    // A record written before the fix (nulls stored) still reads without them.
    await AgencyModel.updateOne({ _id: other }, { $set: { 'qualification.statusBeforeSuspension': null, 'qualification.reason': null } });
    const read = await t.api.get(`/api/agencies/${other}`).set(supervisor);
    expect(read.status).toBe(200);
    expect(read.body.qualification).not.toHaveProperty('statusBeforeSuspension');
    expect(read.body.qualification).not.toHaveProperty('reason');
  });

  test('a suspension of a confirmed (not yet announced) agency is lifted back to confirmed', async () => {
    const created = await t.api.post('/api/agencies').set(supervisor)
      .send({ name: '青山县自然资源局', shortName: '县自然资源局', code: 'QS_ZRZY', kind: 'enforcement', county: '青山县' });
    const other = created.body.id as string;
    expect((await t.api.post(`/api/agencies/${other}/confirm`).set(supervisor).send({ basis: '青政发〔2026〕6号' })).status).toBe(200);
    expect((await t.api.post(`/api/agencies/${other}/suspend`).set(supervisor).send({ reason: '核查' })).status).toBe(200);
    const res = await t.api.post(`/api/agencies/${other}/reinstate`).set(supervisor).send({ reason: '核查完毕' });
    expect(res.status).toBe(200);
    expect(res.body.qualification.status).toBe('confirmed');
    expect(res.body.mayEnforce).toBe(false);
    expect((await AgencyModel.findById(other))!.qualification!.status).toBe('confirmed');
  });

  test('when the legal office itself is confirmed, then it is 409 (it is not an enforcement subject) and nothing is recorded', async () => {
    const sfj = await agencyIdOf('QS_SFJ');
    const res = await t.api.post(`/api/agencies/${sfj}/confirm`).set(supervisor).send({ basis: '青政发〔2026〕5号' });
    expectError(res, 409);
    expect(res.body.message).toMatch(/not an enforcement agency/);
    const agency = await AgencyModel.findById(sfj);
    expect(agency!.qualification!.status).toBe('pending');
    expect(agency!.qualification!.history).toHaveLength(0);
    expect(await AuditEntryModel.countDocuments({ entityId: sfj, action: 'agency.confirm' })).toBe(0);
    const read = await t.api.get(`/api/agencies/${sfj}`).set(supervisor);
    expect(read.body.mayEnforce).toBe(false);
    expect(read.body.qualification.allowedActions).toEqual([]);
  });

  test('an unknown agency id is 404', async () => {
    expectError(await t.api.post(`/api/agencies/${UNKNOWN_ID}/confirm`).set(supervisor).send({ basis: '青政发〔2026〕5号' }), 404);
  });

  test('an announced demo agency that is deactivated may no longer enforce', async () => {
    const jtys = await agencyIdOf('QS_JTYS');
    await expect(assertAgencyMayEnforce(jtys)).resolves.toBeUndefined();
    const res = await t.api.put(`/api/agencies/${jtys}`).set(supervisor).send({ active: false });
    expect(res.status).toBe(200);
    expect(res.body.mayEnforce).toBe(false);
    expect(res.body.qualification.status).toBe('announced');
    await expect(assertAgencyMayEnforce(jtys)).rejects.toMatchObject({ status: 409 });
  });

  test('mayEnforce is true only for an active enforcement agency whose status is announced', () => {
    for (const status of ['pending', 'confirmed', 'announced', 'suspended', 'revoked']) {
      for (const active of [true, false]) {
        for (const kind of ['enforcement', 'legal_office']) {
          expect([status, active, kind, mayEnforce({ kind, active, qualification: { status } })]).toEqual([status, active, kind, status === 'announced' && active && kind === 'enforcement']);
        }
      }
    }
    expect(mayEnforce({ kind: 'enforcement', active: true, qualification: null })).toBe(false);
  });
});

// Agency scope (DOMAIN.md §1): data of one agency is never visible to another agency's users; a record of
// another agency reads as 404, lists hold only the caller's agency, and filters cannot widen that.
import { AgencyModel } from '../../api/src/agencies/agency.model';
import { AuditEntryModel } from '../../api/src/platform/audit/audit.model';
import { UserModel } from '../../api/src/users/user.model';
import { agencyIdOf, expectError, userIdOf } from '../support/api-expectations';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let scjg: string; // 市场监督管理局: agency_admin, officer, officer2, reviewer, dept_head
let zhzf: string; // 综合行政执法局: officer_b
beforeAll(async () => {
  t = await startTestApp();
  scjg = await agencyIdOf('QS_SCJG');
  zhzf = await agencyIdOf('QS_ZHZF');
});
afterAll(async () => {
  await t.close();
});

const NOT_VISIBLE_USER = 'The user does not exist or is not visible to you';
const usernames = (body: Array<{ username: string }>) => body.map((u) => u.username).sort();

describe('single records of another agency read as 404', () => {
  test('when officer_b reads the 市场监督管理局 record, then it is 404; its own agency is 200', async () => {
    const auth = await t.as('officer_b');
    const other = await t.api.get(`/api/agencies/${scjg}`).set(auth);
    expectError(other, 404);
    expect(other.body.message).toBe('The agency does not exist or is not visible to you');

    const own = await t.api.get(`/api/agencies/${zhzf}`).set(auth);
    expect(own.status).toBe(200);
    expect(own.body.code).toBe('QS_ZHZF');
  });

  test('when a non-supervisor reads an agency id that nobody has, then it is 404 (not its own agency in disguise)', async () => {
    const res = await t.api.get('/api/agencies/aaaaaaaaaaaaaaaaaaaaaaaa').set(await t.as('officer'));
    expectError(res, 404);
    expect(res.body).not.toHaveProperty('code');
  });

  test('when an agency_admin reads a user of another agency, then it is 404 — the same answer as for an id nobody has', async () => {
    const auth = await t.as('agency_admin');
    const other = await t.api.get(`/api/users/${await userIdOf('officer_b')}`).set(auth);
    expectError(other, 404);
    expect(other.body.message).toBe(NOT_VISIBLE_USER);
    const missing = await t.api.get('/api/users/aaaaaaaaaaaaaaaaaaaaaaaa').set(auth);
    expect(missing.body).toEqual(other.body);

    // Legal-office users are another agency too.
    expectError(await t.api.get(`/api/users/${await userIdOf('supervisor')}`).set(auth), 404);
    expect((await t.api.get(`/api/users/${await userIdOf('officer')}`).set(auth)).status).toBe(200);
  });

  test('when a dept_head reads a user of another agency, then it is 404', async () => {
    expectError(await t.api.get(`/api/users/${await userIdOf('officer_b')}`).set(await t.as('dept_head')), 404);
  });

  test('when an agency_admin updates or deletes a user of another agency, then it is 404 and the user is unchanged', async () => {
    const auth = await t.as('agency_admin');
    const id = await userIdOf('officer_b');
    const before = await UserModel.findById(id).lean();

    const put = await t.api.put(`/api/users/${id}`).set(auth).send({ displayName: '被改名', active: false, password: 'Hijack-2026x' });
    expectError(put, 404);
    expect(put.body.message).toBe(NOT_VISIBLE_USER);
    const del = await t.api.delete(`/api/users/${id}`).set(auth);
    expectError(del, 404);

    const after = await UserModel.findById(id).lean();
    expect(after).toEqual(before);
    expect(await AuditEntryModel.countDocuments({ entity: 'user', entityId: id })).toBe(0);
    // officer_b can still sign in with the demo password.
    expect((await t.api.get('/api/auth/me').set(await t.as('officer_b'))).status).toBe(200);
  });
});

describe('lists hold only the caller’s agency', () => {
  test('when an officer lists agencies, then only its own agency comes back and the total says 1', async () => {
    const res = await t.api.get('/api/agencies').set(await t.as('officer'));
    expect(res.status).toBe(200);
    expect(res.body.map((a: { code: string }) => a.code)).toEqual(['QS_SCJG']);
    expect(res.headers['content-range']).toBe('agencies 0-0/1');
  });

  test('when an agency_admin lists users, then only its own agency’s users come back', async () => {
    const res = await t.api.get('/api/users').set(await t.as('agency_admin'));
    expect(res.status).toBe(200);
    expect(usernames(res.body)).toEqual(['agency_admin', 'dept_head', 'officer', 'officer2', 'reviewer']);
    expect(res.body.every((u: { agencyId: string }) => u.agencyId === scjg)).toBe(true);
    expect(res.headers['content-range']).toBe('users 0-4/5');
  });

  test('when a filter names another agency, then it cannot widen the scope', async () => {
    const auth = await t.as('agency_admin');
    const byAgency = await t.api.get('/api/users').query({ filter: JSON.stringify({ agencyId: zhzf }) }).set(auth);
    expect(byAgency.status).toBe(200);
    expect(byAgency.body).toEqual([]);
    expect(byAgency.headers['content-range']).toBe('users 0-0/0');

    const byIds = await t.api
      .get('/api/users')
      .query({ filter: JSON.stringify({ id: [await userIdOf('officer_b'), await userIdOf('supervisor'), await userIdOf('officer')] }) })
      .set(auth);
    expect(usernames(byIds.body)).toEqual(['officer']);

    const agencies = await t.api.get('/api/agencies').query({ filter: JSON.stringify({ id: [scjg, zhzf] }) }).set(await t.as('officer'));
    expect(agencies.body.map((a: { code: string }) => a.code)).toEqual(['QS_SCJG']);

    const search = await t.api.get('/api/users').query({ filter: JSON.stringify({ q: 'officer' }) }).set(auth);
    expect(usernames(search.body)).toEqual(['officer', 'officer2']);
  });

  test('when a filter tries a query operator to escape the scope, then it is refused', async () => {
    const auth = await t.as('agency_admin');
    for (const filter of [{ agencyId: { $ne: scjg } }, { $or: [{ agencyId: zhzf }] }, { id: { $exists: true } }]) {
      const res = await t.api.get('/api/users').query({ filter: JSON.stringify(filter) }).set(auth);
      expectError(res, 400);
    }
  });

  test('when a supervisor lists, then every agency and every user is there', async () => {
    const auth = await t.as('supervisor');
    const agencies = await t.api.get('/api/agencies').set(auth);
    expect(agencies.body.map((a: { code: string }) => a.code).sort()).toEqual(['QS_JTYS', 'QS_SCJG', 'QS_SFJ', 'QS_ZHZF']);
    expect(agencies.headers['content-range']).toBe('agencies 0-3/4');

    const users = await t.api.get('/api/users').set(auth);
    expect(users.headers['content-range']).toBe(`users 0-${(await UserModel.countDocuments()) - 1}/${await UserModel.countDocuments()}`);
    expect(usernames(users.body)).toEqual(expect.arrayContaining(['officer_b', 'supervisor', 'inspector', 'officer']));

    const filtered = await t.api.get('/api/users').query({ filter: JSON.stringify({ agencyId: zhzf }) }).set(auth);
    expect(usernames(filtered.body)).toEqual(['officer_b']);
    expect((await t.api.get(`/api/users/${await userIdOf('officer_b')}`).set(auth)).status).toBe(200);
    expect((await t.api.get(`/api/agencies/${scjg}`).set(auth)).status).toBe(200);
  });
});

describe('the audit log is scoped the same way', () => {
  test('when an agency_admin reads the audit log, then it sees entries of its own agency only; the supervisor sees the others too', async () => {
    // One entry about each agency: a sign-in in 市场监督管理局 and one in 综合行政执法局.
    await t.tokenFor('officer2');
    await t.tokenFor('officer_b');

    const own = await t.api.get('/api/audit-log').query({ range: '[0,999]' }).set(await t.as('agency_admin'));
    expect(own.status).toBe(200);
    expect(own.body.length).toBeGreaterThan(0);
    expect(own.body.every((e: { agencyId?: string }) => e.agencyId === scjg)).toBe(true);

    const widened = await t.api.get('/api/audit-log').query({ filter: JSON.stringify({ agencyId: zhzf }) }).set(await t.as('agency_admin'));
    expect(widened.body).toEqual([]);

    const all = await t.api.get('/api/audit-log').query({ range: '[0,999]' }).set(await t.as('supervisor'));
    const agencies = new Set(all.body.map((e: { agencyId?: string }) => e.agencyId));
    expect(agencies.has(zhzf)).toBe(true);
    expect(agencies.has(scjg)).toBe(true);
    expect(Number(all.headers['content-range'].split('/')[1])).toBe(await AuditEntryModel.countDocuments());
  });
});

describe('the demo agencies are still all there', () => {
  test('when the scope tests ran, then no agency was changed by them', async () => {
    expect(await AgencyModel.countDocuments()).toBe(4);
  });
});

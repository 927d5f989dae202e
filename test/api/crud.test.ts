// Agencies and users end to end as react-admin drives them, with the audit trail of every change,
// and the audit log API (readable, never writable).
import { AgencyModel } from '../../api/src/agencies/agency.model';
import { AuditEntryModel } from '../../api/src/platform/audit/audit.model';
import { UserModel } from '../../api/src/users/user.model';
import { agencyIdOf, expectError, GOOD_PASSWORD, userIdOf } from '../support/api-expectations';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let supervisor: { Authorization: string };
let admin: { Authorization: string };
beforeAll(async () => {
  t = await startTestApp();
  supervisor = await t.as('supervisor');
  admin = await t.as('agency_admin');
});
afterAll(async () => {
  await t.close();
});

const PRIVATE_FIELDS = ['passwordHash', 'usernameKey', 'tokenVersion', 'password', '_id', '__v'];
function expectNoPrivateFields(record: Record<string, unknown>) {
  for (const field of PRIVATE_FIELDS) expect([field, Object.keys(record).includes(field)]).toEqual([field, false]);
}

/** Audit entries about one record, oldest first. */
const auditOf = (entityId: string) => AuditEntryModel.find({ entityId }).sort({ at: 1, _id: 1 }).lean();

describe('agencies CRUD (supervisor)', () => {
  let id: string;
  const created = { name: '青山县生态环境分局', shortName: '县生态环境分局', code: 'QS_STHJ', kind: 'enforcement', county: '青山县', phone: '0352-6010045' };

  test('when the supervisor creates an agency, then it is 201 with an id, stored, and audited with its values', async () => {
    const res = await t.api.post('/api/agencies').set(supervisor).send(created);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...created, active: true });
    expect(res.body.id).toMatch(/^[0-9a-f]{24}$/);
    expectNoPrivateFields(res.body);
    id = res.body.id;

    const stored = await AgencyModel.findById(id);
    expect(stored).toMatchObject({ ...created, active: true });

    const [entry, ...more] = await auditOf(id);
    expect(more).toHaveLength(0);
    expect(entry.action).toBe('agency.create');
    expect(String(entry.actorId)).toBe(await userIdOf('supervisor'));
    expect(String(entry.agencyId)).toBe(id);
    expect(entry.changes).toEqual(expect.arrayContaining([{ field: 'code', before: null, after: 'QS_STHJ' }, { field: 'name', before: null, after: created.name }]));
    expect(entry.changes!.map((c) => c.field)).not.toContain('id');

    const read = await t.api.get(`/api/agencies/${id}`).set(supervisor);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
  });

  test('when the same code is used again, then it is 409 naming code and no second agency exists', async () => {
    const res = await t.api.post('/api/agencies').set(supervisor).send({ ...created, name: '另一个机关' });
    expectError(res, 409, ['code']);
    expect(res.body.errors.code).toMatch(/code is already used by another agency$/);
    expect(await AgencyModel.countDocuments({ code: 'QS_STHJ' })).toBe(1);

    // Renaming another agency's code to a taken one is refused the same way.
    const jtys = await agencyIdOf('QS_JTYS');
    expectError(await t.api.put(`/api/agencies/${jtys}`).set(supervisor).send({ code: 'QS_STHJ' }), 409, ['code']);
    expect((await AgencyModel.findById(jtys))!.code).toBe('QS_JTYS');
  });

  test('when react-admin saves the record it read (with id, createdAt, updatedAt), then the change is stored and only the changes are audited', async () => {
    const { body: record } = await t.api.get(`/api/agencies/${id}`).set(supervisor);
    const res = await t.api
      .put(`/api/agencies/${id}`)
      .set(supervisor)
      .send({ ...record, name: '青山县生态环境保护分局', phone: '0352-6010046', createdAt: '2000-01-01T00:00:00.000Z' });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('青山县生态环境保护分局');
    expect(res.body.id).toBe(id);

    const stored = await AgencyModel.findById(id);
    expect(stored!.name).toBe('青山县生态环境保护分局');
    expect(stored!.phone).toBe('0352-6010046');
    // Read-only fields are ignored: the creation time stays.
    expect(stored!.createdAt!.toISOString()).toBe(record.createdAt);

    const update = (await auditOf(id)).filter((e) => e.action === 'agency.update');
    expect(update).toHaveLength(1);
    expect(update[0].changes).toEqual([
      { field: 'name', before: '青山县生态环境分局', after: '青山县生态环境保护分局' },
      { field: 'phone', before: '0352-6010045', after: '0352-6010046' },
    ]);
  });

  test('when the body carries another record’s id, then the id in the path decides which record changes', async () => {
    const jtys = await agencyIdOf('QS_JTYS');
    const res = await t.api.put(`/api/agencies/${id}`).set(supervisor).send({ id: jtys, address: '青山县环保路 3 号' });
    expect(res.status).toBe(200);
    expect((await AgencyModel.findById(id))!.address).toBe('青山县环保路 3 号');
    expect((await AgencyModel.findById(jtys))!.address).toBe('青山县站前路 9 号');
  });

  test('when a record is saved unchanged, then no audit entry is written', async () => {
    const before = (await auditOf(id)).length;
    const { body: record } = await t.api.get(`/api/agencies/${id}`).set(supervisor);
    expect((await t.api.put(`/api/agencies/${id}`).set(supervisor).send(record)).status).toBe(200);
    expect(await auditOf(id)).toHaveLength(before);
  });

  test('when an agency that still has users is deleted, then it is 409 and nothing is deleted', async () => {
    const scjg = await agencyIdOf('QS_SCJG');
    const usersBefore = await UserModel.countDocuments({ agencyId: scjg });
    expect(usersBefore).toBeGreaterThan(0);

    const res = await t.api.delete(`/api/agencies/${scjg}`).set(supervisor);
    expectError(res, 409);
    expect(res.body.message).toBe(`The agency still has ${usersBefore} user(s); move or delete them first`);
    expect(await AgencyModel.exists({ _id: scjg })).not.toBeNull();
    expect(await UserModel.countDocuments({ agencyId: scjg })).toBe(usersBefore);
    expect(await AuditEntryModel.countDocuments({ action: 'agency.delete', entityId: scjg })).toBe(0);
  });

  test('when an agency without users is deleted, then it is gone, the answer is the deleted record, and the deletion is audited', async () => {
    const res = await t.api.delete(`/api/agencies/${id}`).set(supervisor);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(id);
    expect(await AgencyModel.exists({ _id: id })).toBeNull();
    expectError(await t.api.get(`/api/agencies/${id}`).set(supervisor), 404);

    const entry = (await auditOf(id)).find((e) => e.action === 'agency.delete');
    expect(entry!.changes).toEqual(expect.arrayContaining([{ field: 'code', before: 'QS_STHJ', after: null }]));
  });
});

describe('users CRUD (agency_admin)', () => {
  let id: string;

  test('when an agency_admin creates a user, then it is 201 without any secret, stored with a hash, and audited without the hash', async () => {
    const res = await t.api
      .post('/api/users')
      .set(admin)
      .send({ username: 'New_Officer', displayName: '吴敏', roles: ['officer'], agencyId: await agencyIdOf('QS_SCJG'), phone: '13800000000', password: GOOD_PASSWORD });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'New_Officer', displayName: '吴敏', roles: ['officer'], active: true, phone: '13800000000' });
    expect(res.body.id).toMatch(/^[0-9a-f]{24}$/);
    expectNoPrivateFields(res.body);
    id = res.body.id;

    const stored = await UserModel.findById(id);
    expect(stored!.usernameKey).toBe('new_officer');
    expect(stored!.passwordHash).toMatch(/^scrypt\$/);
    expect(stored!.passwordHash).not.toContain(GOOD_PASSWORD);

    const [entry] = await auditOf(id);
    expect(entry.action).toBe('user.create');
    expect(String(entry.agencyId)).toBe(await agencyIdOf('QS_SCJG'));
    const fields = entry.changes!.map((c) => c.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'displayName', 'roles', 'agencyId']));
    for (const secret of ['passwordHash', 'password', 'usernameKey', 'tokenVersion']) expect(fields).not.toContain(secret);
    expect(JSON.stringify(entry)).not.toMatch(/scrypt\$|Passw0rd/);

    // The new account signs in with its password, in any letter case of the name.
    expect((await t.api.post('/api/auth/login').send({ username: 'new_officer', password: GOOD_PASSWORD })).status).toBe(200);
  });

  test('when a username differs from an existing one only in letter case, then it is 409 naming username', async () => {
    for (const username of ['OFFICER', 'new_officer']) {
      const res = await t.api
        .post('/api/users')
        .set(admin)
        .send({ username, displayName: '重名', roles: ['officer'], agencyId: await agencyIdOf('QS_SCJG'), password: GOOD_PASSWORD });
      expectError(res, 409, ['username']);
    }
    expect(await UserModel.countDocuments({ usernameKey: 'officer' })).toBe(1);
    // A rename onto a taken name is refused the same way.
    expectError(await t.api.put(`/api/users/${id}`).set(admin).send({ username: 'Officer2' }), 409, ['username']);
    expect((await UserModel.findById(id))!.username).toBe('New_Officer');
  });

  test('when a password breaks the rules, then it is 400 naming password and nothing changes', async () => {
    const agencyId = await agencyIdOf('QS_SCJG');
    const create = (password: string) =>
      t.api.post('/api/users').set(admin).send({ username: 'weak_pw', displayName: '弱密码', roles: ['officer'], agencyId, password });
    expectError(await create('Short1'), 400, ['password']);
    const noDigit = await create('onlyletters');
    expectError(noDigit, 400, ['password']);
    expect(noDigit.body.errors.password).toBe('The password must mix letters and digits');
    expect(await UserModel.exists({ usernameKey: 'weak_pw' })).toBeNull();

    const hash = (await UserModel.findById(id))!.passwordHash;
    const short = await t.api.put(`/api/users/${id}`).set(admin).send({ password: 'abc1' });
    expectError(short, 400, ['password']);
    expect(short.body.errors.password).toBe('The password must be at least 8 characters long');
    expectError(await t.api.put(`/api/users/${id}`).set(admin).send({ password: '1234567890' }), 400, ['password']);
    expect((await UserModel.findById(id))!.passwordHash).toBe(hash);
  });

  test('when react-admin saves the user it read (with id, timestamps, lastLoginAt and an empty password), then it is stored and the password is kept', async () => {
    const { body: record } = await t.api.get(`/api/users/${id}`).set(admin);
    expect(record.lastLoginAt).toEqual(expect.any(String)); // signed in above
    expectNoPrivateFields(record);
    const stored = await UserModel.findById(id);

    const res = await t.api.put(`/api/users/${id}`).set(admin).send({ ...record, displayName: '吴敏（执法二队）', roles: ['officer', 'reviewer'], password: '' });
    expect(res.status).toBe(200);
    expectNoPrivateFields(res.body);

    const after = await UserModel.findById(id);
    expect(after!.displayName).toBe('吴敏（执法二队）');
    expect([...after!.roles]).toEqual(['officer', 'reviewer']);
    expect(after!.passwordHash).toBe(stored!.passwordHash);
    expect(after!.tokenVersion).toBe(stored!.tokenVersion);

    const update = (await auditOf(id)).filter((e) => e.action === 'user.update');
    expect(update).toHaveLength(1);
    expect(update[0].changes).toEqual([
      { field: 'displayName', before: '吴敏', after: '吴敏（执法二队）' },
      { field: 'roles', before: ['officer'], after: ['officer', 'reviewer'] },
    ]);
  });

  test('when a password is changed, then the audit says so without any hash', async () => {
    expect((await t.api.put(`/api/users/${id}`).set(admin).send({ password: 'Changed-pass7' })).status).toBe(200);
    const entry = (await auditOf(id)).filter((e) => e.action === 'user.update').pop()!;
    expect(entry.changes).toEqual([{ field: 'password', before: '***', after: '***' }]);
    expect(JSON.stringify(await AuditEntryModel.find().lean())).not.toMatch(/scrypt\$|passwordHash|Changed-pass7/);
  });

  test('when users are listed or read, then no response carries a secret', async () => {
    for (const auth of [admin, supervisor]) {
      const list = await t.api.get('/api/users').set(auth);
      expect(list.status).toBe(200);
      expect(list.body.length).toBeGreaterThan(0);
      for (const user of list.body) expectNoPrivateFields(user);
    }
  });

  test('when a user is deleted, then it is gone, audited, and can no longer sign in', async () => {
    const res = await t.api.delete(`/api/users/${id}`).set(admin);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(id);
    expectNoPrivateFields(res.body);
    expect(await UserModel.exists({ _id: id })).toBeNull();
    expect((await auditOf(id)).map((e) => e.action)).toContain('user.delete');
    expectError(await t.api.post('/api/auth/login').send({ username: 'new_officer', password: 'Changed-pass7' }), 401);
  });
});

describe('the audit log API', () => {
  test('when the supervisor reads the audit log, then it gets all entries, newest first, with Content-Range', async () => {
    const res = await t.api.get('/api/audit-log').query({ range: '[0,999]' }).set(supervisor);
    expect(res.status).toBe(200);
    const total = await AuditEntryModel.countDocuments();
    expect(res.headers['content-range']).toBe(`audit-log 0-${total - 1}/${total}`);
    const times = res.body.map((e: { at: string }) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(res.body[0]).toEqual(expect.objectContaining({ id: expect.any(String), action: expect.any(String), entity: expect.any(String) }));

    const creates = await t.api.get('/api/audit-log').query({ filter: JSON.stringify({ action: 'agency.create' }) }).set(supervisor);
    expect(creates.body.map((e: { action: string }) => e.action)).toEqual(['agency.create']);
  });

  test('when an agency_admin reads the audit log, then only entries of its own agency come back', async () => {
    const scjg = await agencyIdOf('QS_SCJG');
    const res = await t.api.get('/api/audit-log').query({ range: '[0,999]' }).set(admin);
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(await AuditEntryModel.countDocuments({ agencyId: scjg }));
    expect(res.body.every((e: { agencyId: string }) => e.agencyId === scjg)).toBe(true);
    expect(res.body.map((e: { action: string }) => e.action)).not.toContain('agency.create');
  });

  test('when an officer reads the audit log, then it is 403', async () => {
    expectError(await t.api.get('/api/audit-log').set(await t.as('officer')), 403);
  });

  test('when anyone tries to change, add or remove audit entries, then there is no such route (404) and the entry is unchanged', async () => {
    const entry = await AuditEntryModel.findOne({ action: 'user.delete' }).lean();
    expect(entry).not.toBeNull();
    const path = `/api/audit-log/${entry!._id}`;
    expectError(await t.api.put(path).set(supervisor).send({ action: 'nothing.happened' }), 404);
    expectError(await t.api.patch(path).set(supervisor).send({ action: 'nothing.happened' }), 404);
    expectError(await t.api.delete(path).set(supervisor), 404);
    expectError(await t.api.delete('/api/audit-log').set(supervisor), 404);
    expectError(await t.api.post('/api/audit-log').set(supervisor).send({ action: 'forged', entity: 'user' }), 404);
    expectError(await t.api.get(path).set(supervisor), 404);

    expect(await AuditEntryModel.findById(entry!._id).lean()).toEqual(entry);
    expect(await AuditEntryModel.exists({ action: { $in: ['forged', 'nothing.happened'] } })).toBeNull();
  });
});

describe('demo password still works for untouched accounts', () => {
  test('when the CRUD tests are done, then officer2 still signs in (they touched no one else)', async () => {
    expect((await t.api.post('/api/auth/login').send({ username: 'officer2', password: DEMO_PASSWORD })).status).toBe(200);
  });
});

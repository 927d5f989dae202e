// Each role's allowed and forbidden calls (DOMAIN.md §1), and the rules on granting roles.
import { AgencyModel } from '../../api/src/agencies/agency.model';
import { UserModel } from '../../api/src/users/user.model';
import { agencyIdOf, expectError, GOOD_PASSWORD, userIdOf } from '../support/api-expectations';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

type Role = 'officer' | 'reviewer' | 'dept_head' | 'inspector' | 'agency_admin' | 'supervisor';

const newUser = async (username: string, roles: string[], agencyCode = 'QS_SCJG') => ({
  username,
  displayName: `测试 ${username}`,
  roles,
  agencyId: await agencyIdOf(agencyCode),
  password: GOOD_PASSWORD,
});

const newAgency = (code: string) => ({ name: `青山县测试局 ${code}`, shortName: '测试局', code, kind: 'enforcement', county: '青山县' });

describe('what each role may call', () => {
  // [demo user, GET /users, GET /audit-log, POST /agencies, POST /users]
  const matrix: Array<[Role, number, number, number, number]> = [
    ['officer', 403, 403, 403, 403],
    ['reviewer', 403, 403, 403, 403],
    ['inspector', 403, 403, 403, 403],
    ['dept_head', 200, 403, 403, 403],
    ['agency_admin', 200, 200, 403, 201],
    ['supervisor', 200, 200, 201, 201],
  ];
  const allowed = (status: number) => status !== 403;

  test.each(matrix)('when %s calls the API, then the role table decides each answer', async (role, listUsers, readAudit, createAgency, createUser) => {
    const auth = await t.as(role);
    // The permissions the session reports agree with what the server lets the role do (other
    // components add permissions of their own, so only these five are checked).
    const permissions: string[] = (await t.api.get('/api/auth/me').set(auth)).body.user.permissions;
    const expected: Record<string, boolean> = {
      'agencies:read': true,
      'users:read': allowed(listUsers),
      'audit:read': allowed(readAudit),
      'agencies:write': allowed(createAgency),
      'users:write': allowed(createUser),
    };
    for (const [permission, has] of Object.entries(expected)) expect([permission, permissions.includes(permission)]).toEqual([permission, has]);
    expect((await t.api.get('/api/agencies').set(auth)).status).toBe(200);

    const users = await t.api.get('/api/users').set(auth);
    expect(users.status).toBe(listUsers);
    if (listUsers === 403) expect(users.body.message).toBe('You do not have permission to do this');

    expect((await t.api.get('/api/audit-log').set(auth)).status).toBe(readAudit);

    // The bodies are valid, so a refusal can only come from the permission check; the database shows nothing was written.
    const code = `PERM_${role.toUpperCase()}`;
    const agency = await t.api.post('/api/agencies').set(auth).send(newAgency(code));
    expect(agency.status).toBe(createAgency);
    expect(await AgencyModel.countDocuments({ code })).toBe(createAgency === 201 ? 1 : 0);

    const username = `perm_${role}`;
    const user = await t.api.post('/api/users').set(auth).send(await newUser(username, ['officer']));
    expect(user.status).toBe(createUser);
    expect(await UserModel.countDocuments({ usernameKey: username })).toBe(createUser === 201 ? 1 : 0);
  });

  test('when an officer lists users or creates an agency, then it is 403 with the error body', async () => {
    const auth = await t.as('officer');
    expectError(await t.api.get('/api/users').set(auth), 403);
    expectError(await t.api.get(`/api/users/${await userIdOf('officer')}`).set(auth), 403);
    expectError(await t.api.post('/api/agencies').set(auth).send(newAgency('OFFICER_MADE')), 403);
    expect(await AgencyModel.exists({ code: 'OFFICER_MADE' })).toBeNull();
  });

  test('when a permission is missing, then it is refused before the body is validated (no hints about the schema)', async () => {
    const res = await t.api.post('/api/agencies').set(await t.as('officer')).send({ bogus: true });
    expectError(res, 403);
    expect(res.body.errors).toEqual({});
  });

  test('when a dept_head reads users, then it works; any write is 403 and changes nothing', async () => {
    const auth = await t.as('dept_head');
    const officerId = await userIdOf('officer');
    const list = await t.api.get('/api/users').set(auth);
    expect(list.status).toBe(200);
    expect(list.body.map((u: { username: string }) => u.username)).toContain('officer');
    expect((await t.api.get(`/api/users/${officerId}`).set(auth)).status).toBe(200);

    expectError(await t.api.post('/api/users').set(auth).send(await newUser('by_dept_head', ['officer'])), 403);
    expectError(await t.api.put(`/api/users/${officerId}`).set(auth).send({ displayName: '改名' }), 403);
    expectError(await t.api.delete(`/api/users/${officerId}`).set(auth), 403);
    expectError(await t.api.put(`/api/agencies/${await agencyIdOf('QS_SCJG')}`).set(auth).send({ phone: '0352-0000000' }), 403);

    expect(await UserModel.exists({ usernameKey: 'by_dept_head' })).toBeNull();
    expect((await UserModel.findById(officerId))!.displayName).toBe('张伟');
    expect((await AgencyModel.findOne({ code: 'QS_SCJG' }))!.phone).toBe('0352-6010012');
  });

  test('when an inspector or a reviewer tries to update an agency, then it is 403', async () => {
    const id = await agencyIdOf('QS_SFJ');
    expectError(await t.api.put(`/api/agencies/${id}`).set(await t.as('inspector')).send({ phone: '0352-1111111' }), 403);
    expectError(await t.api.delete(`/api/agencies/${await agencyIdOf('QS_SCJG')}`).set(await t.as('reviewer')), 403);
    expect((await AgencyModel.findById(id))!.phone).toBe('0352-6010001');
  });
});

describe('agency_admin manages the users of its own agency', () => {
  test('when an agency_admin creates a user in its own agency, then it is 201 and stored in that agency', async () => {
    const res = await t.api.post('/api/users').set(await t.as('agency_admin')).send(await newUser('admin_made', ['officer', 'reviewer']));
    expect(res.status).toBe(201);
    const stored = await UserModel.findById(res.body.id);
    expect(String(stored!.agencyId)).toBe(await agencyIdOf('QS_SCJG'));
    expect([...stored!.roles]).toEqual(['officer', 'reviewer']);
  });

  test('when an agency_admin creates a user in another agency, then it is 403 naming agencyId and nothing is stored', async () => {
    const res = await t.api.post('/api/users').set(await t.as('agency_admin')).send(await newUser('elsewhere', ['officer'], 'QS_ZHZF'));
    expectError(res, 403, ['agencyId']);
    expect(res.body.message).toBe('You can only manage users of your own agency');
    expect(await UserModel.exists({ usernameKey: 'elsewhere' })).toBeNull();
  });

  test('when an agency_admin grants "supervisor", then it is 403 naming roles; granting its own rank is allowed', async () => {
    const auth = await t.as('agency_admin');
    const above = await t.api.post('/api/users').set(auth).send(await newUser('wants_supervisor', ['officer', 'supervisor']));
    expectError(above, 403, ['roles']);
    expect(above.body.errors.roles).toMatch(/^You cannot grant the role ".*supervisor", which is above your own$/);
    expect(await UserModel.exists({ usernameKey: 'wants_supervisor' })).toBeNull();

    const same = await t.api.post('/api/users').set(auth).send(await newUser('second_admin', ['agency_admin']));
    expect(same.status).toBe(201);
  });

  test('when an agency_admin adds "supervisor" to an existing user, then it is 403 and the roles stay', async () => {
    const officerId = await userIdOf('officer2');
    const res = await t.api.put(`/api/users/${officerId}`).set(await t.as('agency_admin')).send({ roles: ['officer', 'supervisor'] });
    expectError(res, 403, ['roles']);
    expect([...(await UserModel.findById(officerId))!.roles]).toEqual(['officer']);
  });

  test('when an agency_admin moves one of its users to another agency, then it is 403 and the user stays', async () => {
    const officerId = await userIdOf('officer2');
    const res = await t.api.put(`/api/users/${officerId}`).set(await t.as('agency_admin')).send({ agencyId: await agencyIdOf('QS_JTYS') });
    expectError(res, 403, ['agencyId']);
    expect(String((await UserModel.findById(officerId))!.agencyId)).toBe(await agencyIdOf('QS_SCJG'));
  });
});

describe('roles must fit the kind of agency', () => {
  test('when the officer role is given in the legal office, then it is 400 naming roles', async () => {
    const res = await t.api.post('/api/users').set(await t.as('supervisor')).send(await newUser('legal_officer', ['officer'], 'QS_SFJ'));
    expectError(res, 400, ['roles']);
    expect(res.body.errors.roles).toMatch(/^The role ".*officer" belongs to enforcement agencies only$/);
    expect(await UserModel.exists({ usernameKey: 'legal_officer' })).toBeNull();

    const zh = await t.api.post('/api/users').set(await t.as('supervisor')).set('Accept-Language', 'zh-CN').send(await newUser('legal_officer', ['reviewer'], 'QS_SFJ'));
    expectError(zh, 400, ['roles']);
    expect(zh.body.errors.roles).toMatch(/^角色“.+”只能授予行政执法机关人员$/);
  });

  test('when supervisor or inspector is given in an enforcement agency, then it is 400 naming roles', async () => {
    const auth = await t.as('supervisor');
    const sup = await t.api.post('/api/users').set(auth).send(await newUser('field_supervisor', ['supervisor'], 'QS_JTYS'));
    expectError(sup, 400, ['roles']);
    expect(sup.body.errors.roles).toMatch(/^The role ".*supervisor" belongs to the county legal office only$/);
    expectError(await t.api.post('/api/users').set(await t.as('agency_admin')).send(await newUser('field_inspector', ['inspector'])), 400, ['roles']);
    expect(await UserModel.countDocuments({ usernameKey: { $in: ['field_supervisor', 'field_inspector'] } })).toBe(0);
  });

  test('when a supervisor moves an officer into the legal office, then the roles are checked against the new agency', async () => {
    const id = await userIdOf('officer_b');
    const res = await t.api.put(`/api/users/${id}`).set(await t.as('supervisor')).send({ agencyId: await agencyIdOf('QS_SFJ') });
    expectError(res, 400, ['roles']);
    expect(String((await UserModel.findById(id))!.agencyId)).toBe(await agencyIdOf('QS_ZHZF'));
  });

  test('when a supervisor creates an agency admin and an inspector where they belong, then both are created', async () => {
    const auth = await t.as('supervisor');
    expect((await t.api.post('/api/users').set(auth).send(await newUser('jt_admin', ['agency_admin'], 'QS_JTYS'))).status).toBe(201);
    expect((await t.api.post('/api/users').set(auth).send(await newUser('second_inspector', ['inspector'], 'QS_SFJ'))).status).toBe(201);
    expect(await UserModel.countDocuments({ usernameKey: { $in: ['jt_admin', 'second_inspector'] } })).toBe(2);
  });
});

describe('nobody removes their own access', () => {
  test('when a user deletes their own account, then it is 409 and the account stays', async () => {
    for (const username of ['agency_admin', 'supervisor']) {
      const id = await userIdOf(username);
      const res = await t.api.delete(`/api/users/${id}`).set(await t.as(username));
      expectError(res, 409);
      expect(res.body.message).toBe('You cannot delete your own account');
      expect(await UserModel.exists({ _id: id })).not.toBeNull();
    }
  });

  test('when an agency_admin removes its own admin role or deactivates itself, then it is 409 and nothing changes', async () => {
    const id = await userIdOf('agency_admin');
    const auth = await t.as('agency_admin');
    const demote = await t.api.put(`/api/users/${id}`).set(auth).send({ roles: ['officer'] });
    expectError(demote, 409);
    expect(demote.body.message).toBe('You cannot remove your own administrator role or deactivate yourself');
    expectError(await t.api.put(`/api/users/${id}`).set(auth).send({ active: false }), 409);

    const stored = await UserModel.findById(id);
    expect([...stored!.roles]).toEqual(['agency_admin']);
    expect(stored!.active).toBe(true);
    expect(stored!.tokenVersion).toBe(0);
    expect((await t.api.get('/api/auth/me').set(auth)).status).toBe(200);
  });

  test('when an agency_admin edits its own name and keeps its role, then it works (control)', async () => {
    const id = await userIdOf('agency_admin');
    const res = await t.api.put(`/api/users/${id}`).set(await t.as('agency_admin')).send({ displayName: '王建国（管理员）', roles: ['agency_admin', 'officer'] });
    expect(res.status).toBe(200);
    expect((await UserModel.findById(id))!.displayName).toBe('王建国（管理员）');
  });

  test('when a supervisor demotes itself, then it is 409', async () => {
    const id = await userIdOf('supervisor');
    expectError(await t.api.put(`/api/users/${id}`).set(await t.as('supervisor')).send({ roles: ['inspector'] }), 409);
    expect([...(await UserModel.findById(id))!.roles]).toEqual(['supervisor']);
  });

  test('when the supervisor deactivates its own agency, then it is 409 naming active', async () => {
    const id = await agencyIdOf('QS_SFJ');
    expectError(await t.api.put(`/api/agencies/${id}`).set(await t.as('supervisor')).send({ active: false }), 409, ['active']);
    expect((await AgencyModel.findById(id))!.active).toBe(true);
  });
});

// Sign-in (登录), lock-out, sign-in audit and bearer-token checks, against the real app and database.
import jwt from 'jsonwebtoken';
import { AgencyModel } from '../../api/src/agencies/agency.model';
import { config } from '../../api/src/config';
import { LoginThrottleModel } from '../../api/src/auth/login-throttle.model';
import { AuditEntryModel } from '../../api/src/platform/audit/audit.model';
import { permissionsOf } from '../../api/src/platform/auth/permissions';
import { UserModel } from '../../api/src/users/user.model';
import { agencyIdOf, expectError, GOOD_PASSWORD, userIdOf } from '../support/api-expectations';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app';

const ISSUER = 'enforcement-three-systems';
const BAD_CREDENTIALS = 'Wrong username or password';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

/** A fresh officer of 市场监督管理局, so that tests which lock or change an account disturb no other test. */
async function createOfficer(username: string): Promise<string> {
  const res = await t.api
    .post('/api/users')
    .set(await t.as('supervisor'))
    .send({ username, displayName: `测试 ${username}`, roles: ['officer'], agencyId: await agencyIdOf('QS_SCJG'), password: GOOD_PASSWORD });
  if (res.status !== 201) throw new Error(`could not create ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

const login = (username: string, password: string) => t.api.post('/api/auth/login').send({ username, password });
const me = (token: string) => t.api.get('/api/auth/me').set('Authorization', `Bearer ${token}`);

describe('sign-in', () => {
  test('when a demo user signs in with the right password, then a token and the session user with agency and permissions are returned', async () => {
    const res = await login('agency_admin', DEMO_PASSWORD);

    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['expiresIn', 'token', 'user']);
    expect(res.body.expiresIn).toBe(config().jwtExpiresIn);
    expect(res.body.user).toEqual({
      id: await userIdOf('agency_admin'),
      username: 'agency_admin',
      displayName: '王建国',
      roles: ['agency_admin'],
      agencyId: await agencyIdOf('QS_SCJG'),
      agencyName: '青山县市场监督管理局',
      agencyKind: 'enforcement',
      // Straight from the one role → permissions table.
      permissions: permissionsOf(['agency_admin']),
    });
    expect(res.body.user.permissions).toEqual(expect.arrayContaining(['agencies:read', 'users:read', 'users:write', 'audit:read']));
    expect(res.body.user.permissions).not.toContain('agencies:write');
    expect(res.body.user).not.toHaveProperty('passwordHash');

    // The token is a pinned-algorithm JWT for this user that lasts the configured time.
    const decoded = jwt.decode(res.body.token, { complete: true })!;
    expect(decoded.header.alg).toBe('HS256');
    const payload = decoded.payload as jwt.JwtPayload;
    expect(payload.iss).toBe(ISSUER);
    expect(payload.sub).toBe(res.body.user.id);
    expect(payload.exp! - payload.iat!).toBe(config().jwtExpiresIn);

    const session = await me(res.body.token);
    expect(session.status).toBe(200);
    expect(session.body).toEqual({ user: res.body.user });

    // The sign-in time is kept on the account.
    const stored = await UserModel.findById(res.body.user.id);
    expect(stored!.lastLoginAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  test('when a user signs in with the username in other letter case, then it is the same account', async () => {
    const res = await login('OFFICER', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.user.username).toBe('officer');
  });

  test('when the password is wrong or the user does not exist, then both answer 401 with the same message', async () => {
    const wrongPassword = await login('officer2', 'Not-the-password1');
    const unknownUser = await login('nobody_here', 'Not-the-password1');

    expectError(wrongPassword, 401);
    expectError(unknownUser, 401);
    expect(wrongPassword.body.message).toBe(BAD_CREDENTIALS);
    expect(unknownUser.body).toEqual(wrongPassword.body);
    expect(wrongPassword.body).not.toHaveProperty('token');
  });

  test('when a request asks for Chinese, then the sign-in error is in Chinese', async () => {
    const res = await t.api.post('/api/auth/login').set('Accept-Language', 'zh-CN,zh;q=0.9,en;q=0.8').send({ username: 'officer2', password: 'wrong-password1' });
    expectError(res, 401);
    expect(res.body.message).toBe('用户名或密码错误');

    const noToken = await t.api.get('/api/auth/me').set('Accept-Language', 'zh-CN');
    expectError(noToken, 401);
    expect(noToken.body.message).toBe('请先登录');
  });

  test('when the body is not a sign-in request, then it is 400 naming the field', async () => {
    expectError(await t.api.post('/api/auth/login').send({ username: 'officer' }), 400, ['password']);
    expectError(await t.api.post('/api/auth/login').send({ username: { $ne: '' }, password: 'x' }), 400, ['username.$ne']);
    expectError(await t.api.post('/api/auth/login').send({ username: 'officer', password: 12345678 }), 400, ['password']);
  });
});

describe('lock-out after repeated failures', () => {
  const maxFailures = () => config().login.maxFailures;

  test('when a user fails one time fewer than the limit, then the right password still works and clears the counter', async () => {
    await createOfficer('almost_locked');
    for (let i = 0; i < maxFailures() - 1; i++) expectError(await login('almost_locked', 'wrong-pass1'), 401);
    expect((await LoginThrottleModel.findOne({ key: 'almost_locked' }))!.failures).toBe(maxFailures() - 1);

    expect((await login('almost_locked', GOOD_PASSWORD)).status).toBe(200);
    expect(await LoginThrottleModel.findOne({ key: 'almost_locked' })).toBeNull();
  });

  test(`when a user fails LOGIN_MAX_FAILURES times, then even the right password gets 429 until the lock expires`, async () => {
    await createOfficer('locked_user');
    for (let i = 0; i < maxFailures(); i++) expectError(await login('locked_user', 'wrong-pass1'), 401);

    const throttle = await LoginThrottleModel.findOne({ key: 'locked_user' });
    expect(throttle!.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + (config().login.lockMinutes - 1) * 60_000);

    const locked = await login('locked_user', GOOD_PASSWORD);
    expectError(locked, 429);
    expect(locked.body.message).toMatch(/Too many failed sign-in attempts; try again in \d+ minutes/);
    expect(locked.body).not.toHaveProperty('token');
    // Any letter case of the name is the same lock.
    expectError(await login('LOCKED_USER', GOOD_PASSWORD), 429);
    expect(await AuditEntryModel.countDocuments({ action: 'auth.login_locked', actorName: 'locked_user' })).toBe(2);

    const lockedZh = await t.api.post('/api/auth/login').set('Accept-Language', 'zh-CN').send({ username: 'locked_user', password: GOOD_PASSWORD });
    expectError(lockedZh, 429);
    expect(lockedZh.body.message).toMatch(/^登录失败次数过多/);

    // The lock runs out: move it into the past, as if the lock time had passed.
    await LoginThrottleModel.updateOne({ key: 'locked_user' }, { $set: { lockedUntil: new Date(Date.now() - 1000) } });
    const after = await login('locked_user', GOOD_PASSWORD);
    expect(after.status).toBe(200);
    expect(after.body.user.username).toBe('locked_user');
    expect(await LoginThrottleModel.findOne({ key: 'locked_user' })).toBeNull();
  });

  test('when someone guesses passwords of a username that does not exist, then it locks the same way (nothing to learn from it)', async () => {
    for (let i = 0; i < maxFailures(); i++) expectError(await login('ghost_user', 'wrong-pass1'), 401);
    expectError(await login('ghost_user', 'wrong-pass1'), 429);
    expect((await LoginThrottleModel.findOne({ key: 'ghost_user' }))!.lockedUntil).toBeInstanceOf(Date);
  });
});

describe('sign-in audit', () => {
  test('when a sign-in succeeds, then an auth.login entry records who, from where, with the request id', async () => {
    const officerId = await userIdOf('officer2');
    const before = await AuditEntryModel.countDocuments({ action: 'auth.login', entityId: officerId });

    const res = await t.api.post('/api/auth/login').set('User-Agent', 'audit-test-agent').send({ username: 'officer2', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);

    const entries = await AuditEntryModel.find({ action: 'auth.login', entityId: officerId }).sort({ at: -1 });
    expect(entries).toHaveLength(before + 1);
    const entry = entries[0];
    expect(entry.entity).toBe('session');
    expect(String(entry.actorId)).toBe(officerId);
    expect(entry.actorName).toBe('刘洋 (officer2)');
    expect(String(entry.agencyId)).toBe(await agencyIdOf('QS_SCJG'));
    expect(entry.requestId).toBe(res.headers['x-request-id']);
    expect(entry.userAgent).toBe('audit-test-agent');
    expect(entry.ip).toBeTruthy();
  });

  test('when a sign-in fails, then an auth.login_failed entry says whether the user existed, without the password', async () => {
    const reviewerId = await userIdOf('reviewer');
    await login('reviewer', 'Secret-guess-42');
    await login('no_such_person', 'Secret-guess-42');

    const wrongPassword = await AuditEntryModel.findOne({ action: 'auth.login_failed', actorName: 'reviewer' });
    expect(wrongPassword).not.toBeNull();
    expect(wrongPassword!.entityId).toBe(reviewerId);
    expect(wrongPassword!.note).toBe('wrong password');
    expect(wrongPassword!.actorId).toBeUndefined();

    const unknown = await AuditEntryModel.findOne({ action: 'auth.login_failed', actorName: 'no_such_person' });
    expect(unknown).not.toBeNull();
    expect(unknown!.note).toBe('unknown user');
    expect(unknown!.entityId).toBeUndefined();

    const logged = JSON.stringify(await AuditEntryModel.find({ action: 'auth.login_failed' }).lean());
    expect(logged).not.toContain('Secret-guess-42');
  });
});

describe('bearer tokens', () => {
  const secret = () => config().jwtSecret;

  async function claimsOf(username: string) {
    const user = await UserModel.findOne({ usernameKey: username });
    return { sub: user!.id as string, ver: user!.tokenVersion };
  }

  test('when /api/auth/me is called without a token, then it is 401', async () => {
    const res = await t.api.get('/api/auth/me');
    expectError(res, 401);
    expect(res.body.message).toBe('Please sign in');
    expectError(await t.api.get('/api/auth/me').set('Authorization', 'Basic b2ZmaWNlcjpEZW1vQDIwMjY='), 401);
  });

  test('when the token is garbage, then it is 401 asking to sign in again', async () => {
    const res = await me('not-a-jwt');
    expectError(res, 401);
    expect(res.body.message).toBe('Your session has expired or is invalid; please sign in again');
  });

  test('when I sign a token myself with the server secret, issuer, subject and version, then it is accepted (control for the refusals below)', async () => {
    const { sub, ver } = await claimsOf('officer');
    const token = jwt.sign({ ver }, secret(), { algorithm: 'HS256', subject: sub, issuer: ISSUER, expiresIn: 600 });
    const res = await me(token);
    expect(res.status).toBe(200);
    expect(res.body.user.username).toBe('officer');
  });

  test('when the token uses alg "none", then it is 401', async () => {
    const { sub, ver } = await claimsOf('officer');
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ver, sub, iss: ISSUER, iat: now, exp: now + 600 })}.`;
    expectError(await me(unsigned), 401);
  });

  test('when the token is signed with another secret, another HMAC algorithm or another issuer, then it is 401', async () => {
    const { sub, ver } = await claimsOf('officer');
    expectError(await me(jwt.sign({ ver }, 'x'.repeat(48), { algorithm: 'HS256', subject: sub, issuer: ISSUER, expiresIn: 600 })), 401);
    expectError(await me(jwt.sign({ ver }, secret(), { algorithm: 'HS512', subject: sub, issuer: ISSUER, expiresIn: 600 })), 401);
    expectError(await me(jwt.sign({ ver }, secret(), { algorithm: 'HS256', subject: sub, issuer: 'someone-else', expiresIn: 600 })), 401);
  });

  test('when the token has expired, then it is 401', async () => {
    const { sub, ver } = await claimsOf('officer');
    const now = Math.floor(Date.now() / 1000);
    const expired = jwt.sign({ ver, iat: now - 7200, exp: now - 60 }, secret(), { algorithm: 'HS256', subject: sub, issuer: ISSUER });
    const res = await me(expired);
    expectError(res, 401);
    expect(res.body.message).toBe('Your session has expired or is invalid; please sign in again');
  });

  test('when the token carries an old version or names a user who does not exist, then it is 401', async () => {
    const { sub, ver } = await claimsOf('officer');
    expectError(await me(jwt.sign({ ver: ver + 1 }, secret(), { algorithm: 'HS256', subject: sub, issuer: ISSUER, expiresIn: 600 })), 401);
    expectError(await me(jwt.sign({ ver }, secret(), { algorithm: 'HS256', subject: 'aaaaaaaaaaaaaaaaaaaaaaaa', issuer: ISSUER, expiresIn: 600 })), 401);
    expectError(await me(jwt.sign({ ver }, secret(), { algorithm: 'HS256', subject: 'not-an-object-id', issuer: ISSUER, expiresIn: 600 })), 401);
  });

  test('when a user is deactivated, then the token they hold stops working and they cannot sign in again', async () => {
    const id = await createOfficer('to_deactivate');
    const token = await t.tokenFor('to_deactivate', GOOD_PASSWORD);
    expect((await me(token)).status).toBe(200);

    const res = await t.api.put(`/api/users/${id}`).set(await t.as('agency_admin')).send({ active: false });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    const stored = await UserModel.findById(id);
    expect(stored!.active).toBe(false);
    expect(stored!.tokenVersion).toBe(1);

    expectError(await me(token), 401);
    const again = await login('to_deactivate', GOOD_PASSWORD);
    expectError(again, 401);
    expect(again.body.message).toBe(BAD_CREDENTIALS);

    // Reactivating does not revive the old token, but a new sign-in works.
    expect((await t.api.put(`/api/users/${id}`).set(await t.as('agency_admin')).send({ active: true })).status).toBe(200);
    expectError(await me(token), 401);
    expect((await login('to_deactivate', GOOD_PASSWORD)).status).toBe(200);
  });

  test('when a user’s agency is deactivated, then the user’s token stops working at once, and works again when it is reactivated', async () => {
    const jtys = await agencyIdOf('QS_JTYS');
    const res = await t.api
      .post('/api/users')
      .set(await t.as('supervisor'))
      .send({ username: 'jt_officer', displayName: '交通执法员', roles: ['officer'], agencyId: jtys, password: GOOD_PASSWORD });
    expect(res.status).toBe(201);
    const token = await t.tokenFor('jt_officer', GOOD_PASSWORD);

    expect((await t.api.put(`/api/agencies/${jtys}`).set(await t.as('supervisor')).send({ active: false })).status).toBe(200);
    expect((await AgencyModel.findById(jtys))!.active).toBe(false);
    expectError(await me(token), 401);
    expectError(await login('jt_officer', GOOD_PASSWORD), 401);

    expect((await t.api.put(`/api/agencies/${jtys}`).set(await t.as('supervisor')).send({ active: true })).status).toBe(200);
    expect((await me(token)).status).toBe(200);
  });

  test('when a password is changed, then tokens issued before stop working and only the new password signs in', async () => {
    const id = await createOfficer('changes_password');
    const oldToken = await t.tokenFor('changes_password', GOOD_PASSWORD);
    const oldHash = (await UserModel.findById(id))!.passwordHash;

    const res = await t.api.put(`/api/users/${id}`).set(await t.as('agency_admin')).send({ password: 'Brand-new-pass9' });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('passwordHash');
    const stored = await UserModel.findById(id);
    expect(stored!.passwordHash).not.toBe(oldHash);
    expect(stored!.passwordHash).not.toContain('Brand-new-pass9');

    expectError(await me(oldToken), 401);
    expectError(await login('changes_password', GOOD_PASSWORD), 401);
    const fresh = await login('changes_password', 'Brand-new-pass9');
    expect(fresh.status).toBe(200);
    expect((await me(fresh.body.token)).status).toBe(200);
  });

  test('when the roles of a signed-in user change, then the next request already uses the new permissions', async () => {
    const id = await createOfficer('gets_promoted');
    const token = await t.tokenFor('gets_promoted', GOOD_PASSWORD);
    expectError(await t.api.get('/api/users').set('Authorization', `Bearer ${token}`), 403);

    expect((await t.api.put(`/api/users/${id}`).set(await t.as('agency_admin')).send({ roles: ['dept_head'] })).status).toBe(200);
    const res = await t.api.get('/api/users').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    const permissions = (await me(token)).body.user.permissions;
    expect(permissions).toEqual(permissionsOf(['dept_head']));
    expect(permissions).toContain('users:read');
    expect(permissions).not.toContain('users:write');
  });
});

// Request validation and the error contract: every refusal is `{ message, errors }` with the bad field
// named, in Chinese when asked; malformed input is 400/413/404, never 500; nothing is written.
import { AgencyModel } from '../../api/src/agencies/agency.model';
import { UserModel } from '../../api/src/users/user.model';
import { agencyIdOf, expectError, GOOD_PASSWORD, UNKNOWN_ID, userIdOf } from '../support/api-expectations';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let supervisor: { Authorization: string };
beforeAll(async () => {
  t = await startTestApp();
  supervisor = await t.as('supervisor');
});
afterAll(async () => {
  await t.close();
});

const validAgency = (code: string): Record<string, unknown> => ({ name: '青山县测试局', shortName: '测试局', code, kind: 'enforcement', county: '青山县' });
const createAgency = (body: unknown) => t.api.post('/api/agencies').set(supervisor).send(body as object);

describe('request bodies are checked against the JSON schemas', () => {
  test('when a valid body is sent, then it is created (control for the refusals below)', async () => {
    const res = await createAgency(validAgency('VALID_ONE'));
    expect(res.status).toBe(201);
    expect(await AgencyModel.countDocuments({ code: 'VALID_ONE' })).toBe(1);
  });

  test('when a required field is missing, then it is 400 naming that field and nothing is stored', async () => {
    const { county: _county, ...body } = validAgency('NO_COUNTY');
    const res = await createAgency(body);
    expectError(res, 400, ['county']);
    expect(res.body.errors.county).toBe('is required');
    expect(res.body.message).toContain('county');
    expect(await AgencyModel.exists({ code: 'NO_COUNTY' })).toBeNull();
  });

  test('when several fields are wrong, then each one is named', async () => {
    const res = await createAgency({ ...validAgency('lower-case'), kind: 'bureau', active: 'yes', name: 'x' });
    expectError(res, 400, ['code', 'kind', 'active', 'name']);
    expect(res.body.errors.kind).toBe('must be one of: legal_office, enforcement');
    expect(res.body.errors.code).toBe('must be 2–32 capital letters, digits or _');
  });

  test('when a field has the wrong type, then it is 400 naming the field', async () => {
    const res = await t.api
      .post('/api/users')
      .set(supervisor)
      .send({ username: 'typed_wrong', displayName: '类型错误', roles: 'officer', agencyId: await agencyIdOf('QS_SCJG'), password: GOOD_PASSWORD });
    expectError(res, 400, ['roles']);
    expect(res.body.errors.roles).toBe('must be array');
    expect(await UserModel.exists({ usernameKey: 'typed_wrong' })).toBeNull();

    const role = await t.api
      .post('/api/users')
      .set(supervisor)
      .send({ username: 'typed_wrong', displayName: '类型错误', roles: ['officer', 'god'], agencyId: await agencyIdOf('QS_SCJG'), password: GOOD_PASSWORD });
    expectError(role, 400, ['roles.1']);
  });

  test('when a field the schema does not know is sent, then it is 400 naming it', async () => {
    const res = await createAgency({ ...validAgency('EXTRA_FIELD'), isAdmin: true });
    expectError(res, 400, ['isAdmin']);
    expect(res.body.errors.isAdmin).toBe('is not an allowed field');
    expect(await AgencyModel.exists({ code: 'EXTRA_FIELD' })).toBeNull();

    // Private fields of the user model cannot be written either.
    const user = await t.api.put(`/api/users/${await userIdOf('officer')}`).set(supervisor).send({ passwordHash: 'scrypt$1$1$1$x$y', tokenVersion: 7 });
    expectError(user, 400, ['passwordHash', 'tokenVersion']);
    expect((await UserModel.findById(await userIdOf('officer')))!.tokenVersion).toBe(0);
  });

  test('when the body is a JSON array instead of an object, then it is 400', async () => {
    expectError(await createAgency([validAgency('IN_ARRAY')]), 400, ['body']);
    expect(await AgencyModel.exists({ code: 'IN_ARRAY' })).toBeNull();
  });

  test('when a user update body is empty, then it is 400', async () => {
    expectError(await t.api.put(`/api/users/${await userIdOf('officer')}`).set(supervisor).send({}), 400);
  });
});

describe('keys that could become query operators are refused (NoSQL injection)', () => {
  test('when a body key starts with "$", then it is 400 naming the key', async () => {
    const res = await createAgency({ ...validAgency('DOLLAR_KEY'), $where: 'sleep(1000)' });
    expectError(res, 400, ['$where']);
    expect(res.body.message).toBe('Field names must not start with "$" or contain "."');
    expect(await AgencyModel.exists({ code: 'DOLLAR_KEY' })).toBeNull();
  });

  test('when a nested value is an operator object, then it is 400 naming the nested path', async () => {
    const res = await createAgency({ ...validAgency('NESTED_OP'), name: { $gt: '' } });
    expectError(res, 400, ['name.$gt']);
    const login = await t.api.post('/api/auth/login').send({ username: 'supervisor', password: { $ne: 'x' } });
    expectError(login, 400, ['password.$ne']);
    expect(login.body).not.toHaveProperty('token');
  });

  test('when a key contains a dot, at the top or nested in an array, then it is 400 naming it', async () => {
    expectError(await createAgency({ ...validAgency('DOTTED'), 'qualification.status': 'announced' }), 400, ['qualification.status']);
    const nested = await t.api.put(`/api/users/${await userIdOf('officer')}`).set(supervisor).send({ roles: [{ 'a.b': 1 }] });
    expectError(nested, 400, ['roles.0.a.b']);
    expect(await AgencyModel.exists({ code: 'DOTTED' })).toBeNull();
  });

  test('when a query parameter name starts with "$", then it is 400', async () => {
    expectError(await t.api.get('/api/agencies?$where=1').set(supervisor), 400, ['query.$where']);
  });

  test('when the list filter carries "$" keys, operator values or dotted keys, then it is 400 naming the filter field', async () => {
    const filterOf = (filter: unknown) => t.api.get('/api/users').query({ filter: JSON.stringify(filter) }).set(supervisor);
    expectError(await filterOf({ $where: 'this.roles' }), 400, ['filter.$where']);
    expectError(await filterOf({ username: { $regex: '.*' } }), 400, ['filter.username']);
    expectError(await filterOf({ username: { $ne: null } }), 400, ['filter.username']);
    expectError(await filterOf({ 'roles.0': 'supervisor' }), 400, ['filter.roles.0']);
    expectError(await filterOf({ id: [{ $gt: '' }] }), 400, ['filter.id']);
    expectError(await filterOf({ passwordHash: 'x' }), 400, ['filter.passwordHash']);
  });
});

describe('malformed requests', () => {
  test('when the JSON is malformed, then it is 400 with a message about JSON', async () => {
    const res = await t.api.post('/api/agencies').set(supervisor).set('Content-Type', 'application/json').send('{"name": "青山县", ');
    expectError(res, 400);
    expect(res.body.message).toBe('The request body is not valid JSON');

    const zh = await t.api.post('/api/auth/login').set('Accept-Language', 'zh-CN').set('Content-Type', 'application/json').send("{'username': 'officer'}");
    expectError(zh, 400);
    expect(zh.body.message).toBe('请求内容不是有效的 JSON');
  });

  test('when the body is larger than the limit (1 MB), then it is 413 and nothing is stored', async () => {
    const res = await createAgency({ ...validAgency('HUGE_BODY'), address: 'x'.repeat(1024 * 1024 + 10) });
    expectError(res, 413);
    expect(res.body.message).toMatch(/^The request body is too large \(limit \d+ KB\)$/);
    expect(await AgencyModel.exists({ code: 'HUGE_BODY' })).toBeNull();

    // Just under the limit the body is read and validated (the address is then too long for the schema).
    const under = await createAgency({ ...validAgency('BIG_BODY'), address: 'x'.repeat(900 * 1024) });
    expectError(under, 400, ['address']);
  });

  test('when an id in the path is not an id, then it is 400 naming id (never 500)', async () => {
    for (const path of ['/api/agencies/not-an-id', '/api/users/123', "/api/users/1'%20OR%20'1'='1", '/api/agencies/%7B%22%24ne%22%3A1%7D']) {
      const res = await t.api.get(path).set(supervisor);
      expectError(res, 400, ['id']);
      expect(res.body.errors.id).toBe('must be a record id (24 hexadecimal digits)');
    }
    expectError(await t.api.put('/api/users/zzzzzzzzzzzzzzzzzzzzzzzz').set(supervisor).send({ displayName: '某人' }), 400, ['id']);
    expectError(await t.api.delete('/api/agencies/12345').set(supervisor), 400, ['id']);
  });

  test('when the path has broken percent-encoding, then it is 400 saying the id is not valid, never 500', async () => {
    for (const [path, raw] of [['/api/agencies/%E0%A4%A', '%E0%A4%A'], ['/api/users/%zz', '%zz']]) {
      const res = await t.api.get(path).set(supervisor);
      expectError(res, 400);
      expect(res.body.message).toBe(`The record id "${raw}" is not valid`);
    }
    expectError(await t.api.delete('/api/users/%E0%A4%A').set(supervisor), 400);
  });

  test('when a well-formed id belongs to nothing, then it is 404 for read, update and delete', async () => {
    for (const resource of ['agencies', 'users']) {
      const get = await t.api.get(`/api/${resource}/${UNKNOWN_ID}`).set(supervisor);
      expectError(get, 404);
      expect(get.body.message).toMatch(/does not exist or is not visible to you$/);
      expectError(await t.api.put(`/api/${resource}/${UNKNOWN_ID}`).set(supervisor).send({ displayName: '无此人', name: '无此机关' }), 400);
      expectError(await t.api.delete(`/api/${resource}/${UNKNOWN_ID}`).set(supervisor), 404);
    }
    expectError(await t.api.put(`/api/agencies/${UNKNOWN_ID}`).set(supervisor).send({ name: '无此机关' }), 404);
    expectError(await t.api.put(`/api/users/${UNKNOWN_ID}`).set(supervisor).send({ displayName: '无此人' }), 404);
  });

  test('when no route matches, then it is a 404 JSON error naming the method and path', async () => {
    const res = await t.api.get('/api/no-such-thing?x=1');
    expectError(res, 404);
    expect(res.body.message).toBe('No such endpoint: GET /api/no-such-thing');
    expectError(await t.api.patch(`/api/agencies/${UNKNOWN_ID}`).set(supervisor).send({ name: '补丁' }), 404);
    expectError(await t.api.post('/api/health').send({}), 404);

    const zh = await t.api.delete('/api/agencies').set('Accept-Language', 'zh-CN');
    expectError(zh, 404);
    expect(zh.body.message).toBe('接口不存在：DELETE /api/agencies');
  });

  test('when an unexpected query parameter or a repeated one is sent, then it is 400 naming it', async () => {
    expectError(await t.api.get('/api/agencies?page=2').set(supervisor), 400, ['page']);
    expectError(await t.api.get('/api/agencies?sort=["name","ASC"]&sort=["code","ASC"]').set(supervisor), 400, ['sort']);
  });
});

describe('messages in Chinese', () => {
  test('when Accept-Language asks for zh-CN, then the message and the field errors are in Chinese', async () => {
    const { county: _county, ...body } = validAgency('ZH_MISSING');
    const res = await t.api.post('/api/agencies').set(supervisor).set('Accept-Language', 'zh-CN').send({ ...body, extra: 1 });
    expectError(res, 400, ['county', 'extra']);
    expect(res.body.message).toMatch(/^请求不符合要求：/);
    expect(res.body.errors.county).toBe('为必填项');
    expect(res.body.errors.extra).toBe('不是允许的字段');

    const notFound = await t.api.get(`/api/agencies/${UNKNOWN_ID}`).set(supervisor).set('Accept-Language', 'zh-CN');
    expect(notFound.body.message).toBe('机关不存在或您无权查看');

    const badId = await t.api.get('/api/users/abc').set(supervisor).set('Accept-Language', 'zh-CN');
    expect(badId.body.errors.id).toBe('必须是记录编号（24 位十六进制字符）');

    const tooLarge = await t.api.post('/api/agencies').set(supervisor).set('Accept-Language', 'zh-CN').send({ address: 'x'.repeat(1_100_000) });
    expectError(tooLarge, 413);
    expect(tooLarge.body.message).toMatch(/^请求内容过大/);

    const forbidden = await t.api.get('/api/users').set(await t.as('officer')).set('Accept-Language', 'zh-CN');
    expect(forbidden.body.message).toBe('您没有执行此操作的权限');
  });

  test('when English is preferred over Chinese by quality, then the message is English', async () => {
    const res = await t.api.get(`/api/agencies/${UNKNOWN_ID}`).set(supervisor).set('Accept-Language', 'zh-CN;q=0.5, en;q=0.9');
    expect(res.body.message).toBe('The agency does not exist or is not visible to you');
  });
});

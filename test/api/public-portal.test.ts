// The publicity portal API (/api/public, no sign-in): only announced agencies and their power lists,
// an officer directory without personal data, the certificate check by QR token (扫码亮证),
// cache-friendly (ETag) and rate-limited.
import supertest from 'supertest';
import { AgencyModel } from '../../api/src/agencies/agency.model';
import { buildApp } from '../../api/src/app';
import { CertificateModel } from '../../api/src/certificates/certificate.model';
import { config, setConfig } from '../../api/src/config';
import { OfficerModel } from '../../api/src/officers/officer.model';
import { PowerItemModel } from '../../api/src/powers/power-item.model';
import { addCalendarDays, chinaDate } from '../../api/src/platform/calendar/dates';
import { agencyIdOf, expectError, userIdOf } from '../support/api-expectations';
import { certificateOf, officerNamed, UNKNOWN_TOKEN } from '../support/enforcement-fixtures';
import { withResponseContract } from '../support/response-contract';
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

const ANNOUNCED = ['青山县交通运输局', '青山县市场监督管理局', '青山县综合行政执法局'];
const PUBLIC_AGENCY_FIELDS = ['id', 'name', 'shortName', 'county', 'subjectType', 'entrustingOrgan', 'creditCode', 'legalBasis', 'categories', 'address', 'phone', 'publicationDate', 'announcementRef'];
const PUBLIC_OFFICER_FIELDS = ['id', 'name', 'agencyId', 'agencyName', 'post', 'certificateNumber', 'certificateState', 'valid'];
const PUBLIC_POWER_FIELDS = ['id', 'agencyId', 'code', 'name', 'category', 'legalBasis', 'procedure', 'timeLimit', 'discretionStandard', 'remedy'];
const CHECK_FIELDS = ['valid', 'state', 'certificateNumber', 'issuer', 'expiryDate', 'officerName', 'post', 'agencyName', 'hasPhoto', 'checkedAt'];

const publicAgencyNames = async () => (await t.api.get('/api/public/agencies').query({ range: '[0,99]' })).body.map((a: { name: string }) => a.name).sort();
const directory = async (filter: Record<string, unknown> = {}) =>
  (await t.api.get('/api/public/officers').query({ range: '[0,99]', filter: JSON.stringify(filter) })).body as Array<Record<string, unknown>>;

describe('announced agencies', () => {
  test('without signing in, /api/public/agencies lists exactly the three announced agencies, never the legal office, with public fields only', async () => {
    const res = await t.api.get('/api/public/agencies').query({ range: '[0,99]' });
    expect(res.status).toBe(200);
    expect(res.headers['content-range']).toBe('agencies 0-2/3');
    expect(res.body.map((a: { name: string }) => a.name).sort()).toEqual(ANNOUNCED.sort());
    for (const a of res.body) {
      for (const key of Object.keys(a)) expect(PUBLIC_AGENCY_FIELDS).toContain(key);
      expect(a.publicationDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(a.creditCode).toMatch(/^[0-9A-Z]{18}$/);
    }
    expect(JSON.stringify(res.body)).not.toMatch(/qualification|history|byUserId|confirmationBasis|contactPerson/);
  });

  test('an invalid Authorization header does not matter on the public API', async () => {
    expect((await t.api.get('/api/public/agencies').set('Authorization', 'Bearer nonsense')).status).toBe(200);
  });

  test('search and filters work on the public list', async () => {
    const found = await t.api.get('/api/public/agencies').query({ filter: JSON.stringify({ q: '交通' }) });
    expect(found.body.map((a: { name: string }) => a.name)).toEqual(['青山县交通运输局']);
    const licensing = await t.api.get('/api/public/agencies').query({ filter: JSON.stringify({ category: 'license' }) });
    expect(licensing.body.map((a: { name: string }) => a.name).sort()).toEqual(['青山县交通运输局', '青山县市场监督管理局']);
  });

  test('an agency’s detail includes its active power list only, with public fields', async () => {
    const scjg = await agencyIdOf('QS_SCJG');
    const hidden = await PowerItemModel.findOne({ agencyId: scjg, code: 'SCJG-JC-001' });
    expect((await t.api.put(`/api/powers/${hidden!.id}`).set(supervisor).send({ active: false })).status).toBe(200);

    const res = await t.api.get(`/api/public/agencies/${scjg}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: scjg, name: '青山县市场监督管理局' });
    const codes = res.body.powers.map((p: { code: string }) => p.code).sort();
    const active = (await PowerItemModel.find({ agencyId: scjg, active: true })).map((p) => p.code).sort();
    expect(codes).toEqual(active);
    expect(codes).toHaveLength(5);
    expect(codes).not.toContain('SCJG-JC-001');
    for (const p of res.body.powers) for (const key of Object.keys(p)) expect(PUBLIC_POWER_FIELDS).toContain(key);
    expect(res.body.powers.find((p: { code: string }) => p.code === 'SCJG-CF-001').legalBasis).toEqual([{ law: '中华人民共和国食品安全法', article: '第一百二十二条' }]);

    const powers = await t.api.get('/api/public/powers').query({ range: '[0,99]', filter: JSON.stringify({ agencyId: scjg }) });
    expect(powers.body.map((p: { code: string }) => p.code).sort()).toEqual(active);
  });

  test('the legal office, a pending, confirmed-only or revoked agency and an unknown id have no public detail (404); a malformed id is 400', async () => {
    expectError(await t.api.get(`/api/public/agencies/${await agencyIdOf('QS_SFJ')}`), 404);
    const created = await t.api.post('/api/agencies').set(supervisor)
      .send({ name: '青山县生态环境分局', shortName: '县生态环境分局', code: 'QS_STHJ', kind: 'enforcement', county: '青山县' });
    expect(created.body.qualification.status).toBe('pending');
    expectError(await t.api.get(`/api/public/agencies/${created.body.id}`), 404);
    expect(await publicAgencyNames()).toEqual(ANNOUNCED.sort());
    // Confirmed is not enough: only announcement publishes it.
    await t.api.post(`/api/agencies/${created.body.id}/confirm`).set(supervisor).send({ basis: '青政发〔2026〕5号' });
    expectError(await t.api.get(`/api/public/agencies/${created.body.id}`), 404);
    await t.api.post(`/api/agencies/${created.body.id}/announce`).set(supervisor).send({ publicationDate: chinaDate() });
    expect((await t.api.get(`/api/public/agencies/${created.body.id}`)).status).toBe(200);
    expect(await publicAgencyNames()).toContain('青山县生态环境分局');
    expect((await t.api.post(`/api/agencies/${created.body.id}/revoke`).set(supervisor).send({ reason: '演示' })).status).toBe(200);
    expect(await publicAgencyNames()).not.toContain('青山县生态环境分局');
    expectError(await t.api.get('/api/public/agencies/aaaaaaaaaaaaaaaaaaaaaaaa'), 404);
    expectError(await t.api.get('/api/public/agencies/not-an-id'), 400, ['id']);
  });

  test('when an agency is suspended via the API, then it disappears with its powers and officers; reinstated, it is back', async () => {
    const jtys = await agencyIdOf('QS_JTYS');
    expect((await directory({ agencyId: jtys })).length).toBe(3);
    expect((await t.api.post(`/api/agencies/${jtys}/suspend`).set(supervisor).send({ reason: '机构改革' })).status).toBe(200);

    expect(await publicAgencyNames()).not.toContain('青山县交通运输局');
    expectError(await t.api.get(`/api/public/agencies/${jtys}`), 404);
    const powers = await t.api.get('/api/public/powers').query({ range: '[0,99]', filter: JSON.stringify({ agencyId: jtys }) });
    expect(powers.body).toEqual([]);
    expect(await directory({ agencyId: jtys })).toEqual([]);
    expect((await directory()).map((o) => o.agencyName)).not.toContain('青山县交通运输局');
    // Its certificates check as invalid.
    const cert = await certificateOf((await officerNamed('林峰'))._id);
    expect((await t.api.get(`/api/public/certificates/${cert.qrToken}`)).body).toMatchObject({ valid: false, state: 'agency_not_announced' });

    expect((await t.api.post(`/api/agencies/${jtys}/reinstate`).set(supervisor).send({ reason: '改革完成' })).status).toBe(200);
    expect(await publicAgencyNames()).toContain('青山县交通运输局');
    expect((await t.api.get(`/api/public/certificates/${cert.qrToken}`)).body).toMatchObject({ valid: true, state: 'valid' });
  });
});

describe('officer directory', () => {
  test('each entry has exactly the public fields {id,name,agencyId,agencyName,post,certificateNumber,certificateState,valid} and nothing private', async () => {
    const entries = await directory();
    expect(entries).toHaveLength(12);
    for (const e of entries) for (const key of Object.keys(e)) expect(PUBLIC_OFFICER_FIELDS).toContain(key);
    const zhang = entries.find((e) => e.name === '张伟')!;
    expect(Object.keys(zhang).sort()).toEqual([...PUBLIC_OFFICER_FIELDS].sort());
    const zhangRecord = await officerNamed('张伟');
    const zhangCert = await certificateOf(zhangRecord._id);
    expect(zhang).toEqual({
      id: zhangRecord.id, name: '张伟', agencyId: await agencyIdOf('QS_SCJG'), agencyName: '青山县市场监督管理局',
      post: '执法稽查科科员', certificateNumber: zhangCert.number, certificateState: 'valid', valid: true,
    });

    // No trace of private data anywhere in the payload.
    const text = JSON.stringify(entries);
    for (const word of ['userId', 'areas', 'legalQualification', 'legalQualificationNumber', 'qrToken', 'photo', 'hasPhoto', 'status', 'transfer', 'createdAt', 'updatedAt']) {
      expect([word, text.includes(`"${word}"`)]).toEqual([word, false]);
    }
    expect(text).not.toContain('A20181401220001'); // 陈晓燕's legal qualification number
    expect(text).not.toContain(await userIdOf('officer'));
    for (const c of await CertificateModel.find()) expect(text).not.toContain(c.qrToken);
    expect(text).not.toContain('治超'); // enforcement areas
    expect(text).not.toContain('市容环境');
  });

  test('validity is computed: 赵刚 expired, 马丽 valid (expiring soon), an officer without a certificate "none"', async () => {
    const entries = await directory();
    expect(entries.find((e) => e.name === '赵刚')).toMatchObject({ certificateState: 'expired', valid: false });
    expect(entries.find((e) => e.name === '马丽')).toMatchObject({ certificateState: 'valid', valid: true });
    await t.api.post('/api/officers').set(await t.as('agency_admin')).send({ name: '新来的', post: '科员' });
    const fresh = (await directory()).find((e) => e.name === '新来的')!;
    expect(fresh).toMatchObject({ certificateState: 'none', valid: false, post: '科员' });
    expect(fresh).not.toHaveProperty('certificateNumber');
  });

  test('only active officers are listed; a suspended one disappears', async () => {
    const wu = await officerNamed('吴敏');
    await t.api.put(`/api/officers/${wu.id}`).set(supervisor).send({ status: 'suspended' });
    expect((await directory()).map((e) => e.name)).not.toContain('吴敏');
    await t.api.put(`/api/officers/${wu.id}`).set(supervisor).send({ status: 'active' });
    expect((await directory()).map((e) => e.name)).toContain('吴敏');
  });

  test('search by name and filter by agency', async () => {
    expect((await directory({ q: '马丽' })).map((e) => e.name)).toEqual(['马丽']);
    const zhzf = await agencyIdOf('QS_ZHZF');
    const names = (await directory({ agencyId: zhzf })).map((e) => e.name).sort();
    expect(names).toEqual(['吴敏', '周磊', '郑浩', '黄涛'].sort());
  });
});

describe('certificate check (扫码亮证)', () => {
  test('a valid certificate checks as valid with the officer, agency and number, and nothing more; Cache-Control is no-store', async () => {
    const ma = await officerNamed('马丽');
    const cert = await certificateOf(ma._id);
    const res = await t.api.get(`/api/public/certificates/${cert.qrToken}`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    for (const key of Object.keys(res.body)) expect(CHECK_FIELDS).toContain(key);
    expect(res.body).toMatchObject({
      valid: true, state: 'valid', certificateNumber: cert.number, issuer: '青山县人民政府', expiryDate: addCalendarDays(chinaDate(), 12),
      officerName: '马丽', post: '食品安全监管科副科长', agencyName: '青山县市场监督管理局', hasPhoto: false,
    });
    expect(new Date(res.body.checkedAt).toString()).not.toBe('Invalid Date');
  });

  test('the demo expired certificate checks as expired (invalid)', async () => {
    const cert = await certificateOf((await officerNamed('赵刚'))._id);
    const res = await t.api.get(`/api/public/certificates/${cert.qrToken}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: false, state: 'expired', officerName: '赵刚', expiryDate: addCalendarDays(chinaDate(), -20) });
  });

  test('an unknown well-formed token is 404; a malformed one is 400 naming token', async () => {
    expectError(await t.api.get(`/api/public/certificates/${UNKNOWN_TOKEN}`), 404);
    expectError(await t.api.get('/api/public/certificates/abc'), 400, ['token']);
    expectError(await t.api.get(`/api/public/certificates/${'a'.repeat(65)}`), 400, ['token']);
    expectError(await t.api.get(`/api/public/certificates/${encodeURIComponent('abc def ghi jkl mno')}`), 400, ['token']);
    expectError(await t.api.get(`/api/public/certificates/${UNKNOWN_TOKEN}/photo`), 404);
  });

  test('a certificate whose officer has no photo has no public photo (404)', async () => {
    const cert = await certificateOf((await officerNamed('马丽'))._id);
    expectError(await t.api.get(`/api/public/certificates/${cert.qrToken}/photo`), 404);
  });
});

describe('caching and limits', () => {
  test('lists carry an ETag and Cache-Control; a conditional GET with If-None-Match is 304 with no body', async () => {
    for (const path of ['/api/public/agencies', '/api/public/officers', '/api/public/powers', `/api/public/agencies/${await agencyIdOf('QS_SCJG')}`]) {
      const first = await t.api.get(path);
      expect(first.status).toBe(200);
      expect(first.headers.etag).toBeTruthy();
      expect(first.headers['cache-control']).toBe('public, max-age=60');
      const again = await t.api.get(path).set('If-None-Match', first.headers.etag);
      expect([path, again.status]).toEqual([path, 304]);
      expect(again.text ?? '').toBe('');
      const stale = await t.api.get(path).set('If-None-Match', 'W/"0-stale"');
      expect([path, stale.status]).toEqual([path, 200]);
    }
  });

  test('the public API is read-only: writes are unknown routes', async () => {
    expectError(await t.api.post('/api/public/agencies').send({ name: 'x' }), 404);
    expectError(await t.api.delete(`/api/public/agencies/${await agencyIdOf('QS_SCJG')}`), 404);
  });

  test('with PUBLIC_RATE_LIMIT_PER_MINUTE = 3, the fourth request in a minute is 429 with {message, errors}; the staff API is not limited', async () => {
    const original = config();
    // The limit is read when the app is built: build one with a configuration of 3 per minute.
    setConfig({ ...original, publicRateLimitPerMinute: 3 });
    try {
      const api = withResponseContract(supertest(buildApp()));
      for (let i = 0; i < 3; i++) expect((await api.get('/api/public/agencies')).status).toBe(200);
      const limited = await api.get('/api/public/officers');
      expectError(limited, 429);
      expect(limited.body.message).toMatch(/Too many requests/);
      expect(limited.headers.ratelimit).toBeDefined();
      expect(limited.headers['ratelimit-policy']).toMatch(/q=3/);
      expectError(await api.get(`/api/public/certificates/${UNKNOWN_TOKEN}`), 429);
      expect((await api.get('/api/agencies').set(supervisor)).status).toBe(200);
      const zh = await api.get('/api/public/agencies').set('Accept-Language', 'zh-CN');
      expect(zh.body.message).toBe('访问过于频繁，请稍后再试');
    } finally {
      setConfig(original);
    }
    // The test app built before keeps its own limiter.
    expect((await t.api.get('/api/public/agencies')).status).toBe(200);
  });
});

describe('data stays consistent', () => {
  test('the public endpoints changed nothing in the database', async () => {
    expect(await AgencyModel.countDocuments({ kind: 'enforcement', 'qualification.status': 'announced', active: true })).toBe(3);
    expect(await OfficerModel.countDocuments({ status: 'active' })).toBe(13);
  });
});

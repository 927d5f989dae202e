// Enforcement certificates (执法证): the one validity rule at its boundary dates, issuing (换证),
// revoking, QR tokens and codes (扫码亮证), and agency scope.
import QRCode from 'qrcode';
import { AgencyModel } from '../../api/src/agencies/agency.model';
import { certificateState, isCertificateValid, type ValidityInput } from '../../api/src/certificates/certificate-validity';
import { CertificateModel } from '../../api/src/certificates/certificate.model';
import { config } from '../../api/src/config';
import { AuditEntryModel } from '../../api/src/platform/audit/audit.model';
import { addCalendarDays, chinaDate } from '../../api/src/platform/calendar/dates';
import { agencyIdOf, expectError, UNKNOWN_ID } from '../support/api-expectations';
import { certificateOf, officerNamed, PNG_MAGIC } from '../support/enforcement-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

describe('certificateState (the one validity rule)', () => {
  const agencyId = 'a1';
  const announced = { kind: 'enforcement', active: true, qualification: { status: 'announced' } };
  const input = (over: { certificate?: Partial<ValidityInput['certificate']>; officer?: ValidityInput['officer']; agency?: ValidityInput['agency']; today?: string } = {}): ValidityInput => ({
    certificate: { status: 'valid', issueDate: '2024-01-10', expiryDate: '2029-01-09', agencyId, ...over.certificate },
    officer: over.officer === undefined ? { status: 'active', agencyId } : over.officer,
    agency: over.agency === undefined ? announced : over.agency,
    today: over.today ?? '2026-06-15',
  });

  test('on the issue date it is valid; the day before it is not_yet_valid', () => {
    expect(certificateState(input({ today: '2024-01-10' }))).toBe('valid');
    expect(certificateState(input({ today: '2024-01-09' }))).toBe('not_yet_valid');
  });

  test('on the expiry date (the last valid day) it is valid; the day after it is expired', () => {
    expect(certificateState(input({ today: '2029-01-09' }))).toBe('valid');
    expect(certificateState(input({ today: '2029-01-10' }))).toBe('expired');
  });

  test('across a month and year boundary the comparison is by calendar date', () => {
    const c = { issueDate: '2025-12-31', expiryDate: '2026-02-28' };
    expect(certificateState(input({ certificate: c, today: '2025-12-30' }))).toBe('not_yet_valid');
    expect(certificateState(input({ certificate: c, today: '2026-01-01' }))).toBe('valid');
    expect(certificateState(input({ certificate: c, today: '2026-02-28' }))).toBe('valid');
    expect(certificateState(input({ certificate: c, today: '2026-03-01' }))).toBe('expired');
  });

  test('a revoked or replaced certificate is invalid within its dates, and revoked wins over expired', () => {
    expect(certificateState(input({ certificate: { status: 'revoked' } }))).toBe('revoked');
    expect(certificateState(input({ certificate: { status: 'replaced' } }))).toBe('replaced');
    expect(certificateState(input({ certificate: { status: 'expired' } }))).toBe('expired');
    expect(certificateState(input({ certificate: { status: 'revoked' }, today: '2030-01-01' }))).toBe('revoked');
  });

  test('an officer who is suspended, has left, was transferred, is missing or now acts for another agency makes it officer_inactive', () => {
    for (const status of ['suspended', 'left', 'transferred']) {
      expect(certificateState(input({ officer: { status, agencyId } }))).toBe('officer_inactive');
    }
    expect(certificateState(input({ officer: null }))).toBe('officer_inactive');
    expect(certificateState(input({ officer: { status: 'active', agencyId: 'a2' } }))).toBe('officer_inactive');
  });

  test('an agency that is suspended, pending, confirmed only, revoked, inactive, the legal office, or missing makes it agency_not_announced', () => {
    for (const status of ['suspended', 'pending', 'confirmed', 'revoked']) {
      expect(certificateState(input({ agency: { kind: 'enforcement', active: true, qualification: { status } } }))).toBe('agency_not_announced');
    }
    expect(certificateState(input({ agency: { kind: 'enforcement', active: false, qualification: { status: 'announced' } } }))).toBe('agency_not_announced');
    expect(certificateState(input({ agency: { kind: 'legal_office', active: true, qualification: { status: 'announced' } } }))).toBe('agency_not_announced');
    expect(certificateState(input({ agency: null }))).toBe('agency_not_announced');
  });

  test('isCertificateValid agrees with the state', () => {
    expect(isCertificateValid(input())).toBe(true);
    expect(isCertificateValid(input({ today: '2029-01-10' }))).toBe(false);
    expect(isCertificateValid(input({ officer: null }))).toBe(false);
  });
});

describe('certificate API', () => {
  let t: TestApp;
  let supervisor: { Authorization: string };
  let admin: { Authorization: string };
  const today = chinaDate();
  beforeAll(async () => {
    t = await startTestApp();
    supervisor = await t.as('supervisor');
    admin = await t.as('agency_admin');
  });
  afterAll(async () => {
    await t.close();
  });

  test('agency_admin lists only its agency’s certificates, each with its computed state, valid flag and verify URL', async () => {
    const scjg = await agencyIdOf('QS_SCJG');
    const res = await t.api.get('/api/certificates').query({ range: '[0,99]' }).set(admin);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(5);
    expect(res.headers['content-range']).toBe('certificates 0-4/5');
    for (const c of res.body) {
      expect(c.agencyId).toBe(scjg);
      expect(c.verifyUrl).toBe(`${config().publicBaseUrl}/public/verify/${c.qrToken}`);
    }
    const byOfficer = Object.fromEntries(res.body.map((c: { officerName: string; state: string; valid: boolean }) => [c.officerName, [c.state, c.valid]]));
    expect(byOfficer).toEqual({ 张伟: ['valid', true], 刘洋: ['valid', true], 陈晓燕: ['valid', true], 马丽: ['valid', true], 赵刚: ['expired', false] });
    // The demo expired certificate is stored as "valid": expiry is computed, never stored.
    const zhao = await certificateOf((await officerNamed('赵刚'))._id);
    expect(zhao.status).toBe('valid');
    expect(zhao.expiryDate).toBe(addCalendarDays(today, -20));
  });

  test('GET /api/certificates/:id returns the state and a verifyUrl ending with the token', async () => {
    const cert = await certificateOf((await officerNamed('马丽'))._id);
    const res = await t.api.get(`/api/certificates/${cert.id}`).set(admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: cert.id, number: cert.number, state: 'valid', valid: true, officerName: '马丽', expiryDate: addCalendarDays(today, 12) });
    expect(res.body.verifyUrl.endsWith(`/${cert.qrToken}`)).toBe(true);
  });

  test('when a certificate of another agency is read, its QR code fetched, revoked or rotated by agency_admin, then it is 404 and unchanged', async () => {
    const cert = await certificateOf((await officerNamed('周磊'))._id);
    expectError(await t.api.get(`/api/certificates/${cert.id}`).set(admin), 404);
    expectError(await t.api.get(`/api/certificates/${cert.id}/qr.png`).set(admin), 404);
    expectError(await t.api.post(`/api/certificates/${cert.id}/revoke`).set(admin).send({ reason: '越权注销' }), 404);
    expectError(await t.api.post(`/api/certificates/${cert.id}/rotate-token`).set(admin), 404);
    const after = await CertificateModel.findById(cert.id);
    expect(after!.status).toBe('valid');
    expect(after!.qrToken).toBe(cert.qrToken);
    // The supervisor sees every agency.
    expect((await t.api.get(`/api/certificates/${cert.id}`).set(supervisor)).status).toBe(200);
  });

  test('when agency_admin issues a certificate to an officer of another agency, then it is 400 naming officerId and nothing is created', async () => {
    const zhou = await officerNamed('周磊');
    const before = await CertificateModel.countDocuments();
    const res = await t.api.post('/api/certificates').set(admin)
      .send({ officerId: zhou.id, number: 'X-0001', issuer: '青山县人民政府', issueDate: today, expiryDate: addCalendarDays(today, 365) });
    expectError(res, 400, ['officerId']);
    expect(await CertificateModel.countDocuments()).toBe(before);
  });

  test('when an officer (no certificates:write) issues a certificate, then it is 403', async () => {
    const zhang = await officerNamed('张伟');
    const res = await t.api.post('/api/certificates').set(await t.as('officer'))
      .send({ officerId: zhang.id, number: 'X-0002', issuer: '青山县人民政府', issueDate: today, expiryDate: addCalendarDays(today, 365) });
    expectError(res, 403);
    expect(await CertificateModel.exists({ number: 'X-0002' })).toBeNull();
  });

  test('when a certificate is issued, then the officer’s current valid one becomes "replaced" and only the new one is valid', async () => {
    const zhang = await officerNamed('张伟');
    const old = await certificateOf(zhang._id);
    const res = await t.api.post('/api/certificates').set(admin)
      .send({ officerId: zhang.id, number: '14112209901', issuer: '青山县人民政府', issueDate: today, expiryDate: addCalendarDays(today, 5 * 365) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: '14112209901', officerId: zhang.id, agencyId: String(zhang.agencyId), status: 'valid', state: 'valid', valid: true });
    expect(res.body.qrToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(res.body.qrToken).not.toBe(old.qrToken);

    const replaced = await CertificateModel.findById(old.id);
    expect(replaced!.status).toBe('replaced');
    expect(replaced!.statusReason).toContain('14112209901');
    expect(replaced!.statusChangedAt).toBeInstanceOf(Date);
    expect(await CertificateModel.countDocuments({ officerId: zhang._id, status: 'valid' })).toBe(1);

    const oldView = await t.api.get(`/api/certificates/${old.id}`).set(admin);
    expect(oldView.body).toMatchObject({ state: 'replaced', valid: false });
    const check = await t.api.get(`/api/public/certificates/${old.qrToken}`);
    expect(check.body).toMatchObject({ valid: false, state: 'replaced' });

    const audit = await AuditEntryModel.findOne({ action: 'certificate.issue', entityId: res.body.id });
    expect(audit?.note).toMatch(/1 earlier certificate/);
    expect(audit!.changes!.map((c) => c.field)).not.toContain('qrToken');
  });

  test('when the number is already used, then it is 409 naming number and no certificate is created or replaced', async () => {
    const liu = await officerNamed('刘洋');
    const current = await certificateOf(liu._id);
    const before = await CertificateModel.countDocuments();
    const res = await t.api.post('/api/certificates').set(admin)
      .send({ officerId: liu.id, number: '14112209901', issuer: '青山县人民政府', issueDate: today, expiryDate: addCalendarDays(today, 365) });
    expectError(res, 409, ['number']);
    expect(await CertificateModel.countDocuments()).toBe(before);
    expect((await CertificateModel.findById(current.id))!.status).toBe('valid');
  });

  test('when the expiry date is before (or on) the issue date, then it is 400 naming expiryDate and nothing changes', async () => {
    const liu = await officerNamed('刘洋');
    const current = await certificateOf(liu._id);
    const before = await CertificateModel.countDocuments();
    for (const expiryDate of [addCalendarDays(today, -1), today]) {
      const res = await t.api.post('/api/certificates').set(admin)
        .send({ officerId: liu.id, number: 'X-0003', issuer: '青山县人民政府', issueDate: today, expiryDate });
      expectError(res, 400, ['expiryDate']);
    }
    expect(await CertificateModel.countDocuments()).toBe(before);
    expect((await CertificateModel.findById(current.id))!.status).toBe('valid');
  });

  test('when the issue date is in the future, then the new certificate is not_yet_valid', async () => {
    const chen = await officerNamed('陈晓燕');
    const res = await t.api.post('/api/certificates').set(admin)
      .send({ officerId: chen.id, number: 'X-0004', issuer: '青山县人民政府', issueDate: addCalendarDays(today, 1), expiryDate: addCalendarDays(today, 365) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'not_yet_valid', valid: false });
  });

  test('when a certificate is revoked, then its state is revoked and the public check says invalid at once; a second revoke is 409', async () => {
    const liu = await officerNamed('刘洋');
    const cert = await certificateOf(liu._id);
    expect((await t.api.get(`/api/public/certificates/${cert.qrToken}`)).body.valid).toBe(true);

    const res = await t.api.post(`/api/certificates/${cert.id}/revoke`).set(admin).send({ reason: '违规执法，注销执法证' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'revoked', state: 'revoked', valid: false, statusReason: '违规执法，注销执法证' });
    const stored = await CertificateModel.findById(cert.id);
    expect(stored!.status).toBe('revoked');
    expect(stored!.statusReason).toBe('违规执法，注销执法证');
    expect(await AuditEntryModel.countDocuments({ action: 'certificate.revoke', entityId: cert.id })).toBe(1);

    const check = await t.api.get(`/api/public/certificates/${cert.qrToken}`);
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ valid: false, state: 'revoked', certificateNumber: cert.number, officerName: '刘洋' });

    expectError(await t.api.post(`/api/certificates/${cert.id}/revoke`).set(admin).send({ reason: '再次注销' }), 409);
    expectError(await t.api.put(`/api/certificates/${cert.id}`).set(admin).send({ issuer: '青山县司法局' }), 409);
  });

  test('when the QR token is rotated, then the old token is 404 on the public check and the new one works', async () => {
    const ma = await officerNamed('马丽');
    const cert = await certificateOf(ma._id);
    const oldToken = cert.qrToken;
    const res = await t.api.post(`/api/certificates/${cert.id}/rotate-token`).set(admin);
    expect(res.status).toBe(200);
    const newToken = res.body.qrToken as string;
    expect(newToken).not.toBe(oldToken);
    expect(res.body.verifyUrl.endsWith(`/${newToken}`)).toBe(true);
    const stored = await CertificateModel.findById(cert.id);
    expect(stored!.qrToken).toBe(newToken);
    expect(stored!.qrTokenRotatedAt).toBeInstanceOf(Date);
    expect(stored!.status).toBe('valid');

    expectError(await t.api.get(`/api/public/certificates/${oldToken}`), 404);
    const check = await t.api.get(`/api/public/certificates/${newToken}`);
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ valid: true, state: 'valid', officerName: '马丽', certificateNumber: cert.number });
  });

  test('the QR code PNG is a PNG encoding the verify URL, and the SVG is an SVG encoding the same URL', async () => {
    const cert = await certificateOf((await officerNamed('马丽'))._id);
    const url = `${config().publicBaseUrl}/public/verify/${cert.qrToken}`;

    const png = await t.api.get(`/api/certificates/${cert.id}/qr.png`).set(admin).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    const body = png.body as Buffer;
    expect(body.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
    // Same library, same options: byte-equal means the code encodes exactly this URL.
    expect(body.equals(await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 480 }))).toBe(true);
    expect(body.equals(await QRCode.toBuffer(`${url}x`, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 480 }))).toBe(false);

    const svg = await t.api.get(`/api/certificates/${cert.id}/qr.svg`).set(admin).buffer(true).parse((r, cb) => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', (c: string) => { text += c; });
      r.on('end', () => cb(null, text));
    });
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(svg.body).toBe(await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
  });

  test('when an officer is suspended, then the certificate reads officer_inactive (console and public check); back to active it is valid again', async () => {
    const lin = await officerNamed('林峰');
    const cert = await certificateOf(lin._id);
    expect((await t.api.put(`/api/officers/${lin.id}`).set(supervisor).send({ status: 'suspended' })).status).toBe(200);
    expect((await t.api.get(`/api/certificates/${cert.id}`).set(supervisor)).body).toMatchObject({ state: 'officer_inactive', valid: false });
    expect((await t.api.get(`/api/public/certificates/${cert.qrToken}`)).body).toMatchObject({ state: 'officer_inactive', valid: false });
    expect((await t.api.put(`/api/officers/${lin.id}`).set(supervisor).send({ status: 'active' })).status).toBe(200);
    expect((await t.api.get(`/api/certificates/${cert.id}`).set(supervisor)).body).toMatchObject({ state: 'valid', valid: true });
  });

  test('when an officer is suspended, then no certificate can be issued to them (409)', async () => {
    const xu = await officerNamed('徐斌');
    await t.api.put(`/api/officers/${xu.id}`).set(supervisor).send({ status: 'suspended' });
    const res = await t.api.post('/api/certificates').set(supervisor)
      .send({ officerId: xu.id, number: 'X-0005', issuer: '青山县人民政府', issueDate: today, expiryDate: addCalendarDays(today, 365) });
    expectError(res, 409, ['officerId']);
    expect(await CertificateModel.exists({ number: 'X-0005' })).toBeNull();
  });

  test('when the agency is suspended, then its certificates read agency_not_announced, and valid again once reinstated', async () => {
    const scjg = await agencyIdOf('QS_SCJG');
    const cert = await certificateOf((await officerNamed('马丽'))._id);
    expect((await t.api.post(`/api/agencies/${scjg}/suspend`).set(supervisor).send({ reason: '机构改革' })).status).toBe(200);
    expect((await AgencyModel.findById(scjg))!.qualification!.status).toBe('suspended');
    expect((await t.api.get(`/api/certificates/${cert.id}`).set(supervisor)).body).toMatchObject({ state: 'agency_not_announced', valid: false });
    expect((await t.api.get(`/api/public/certificates/${cert.qrToken}`)).body).toMatchObject({ state: 'agency_not_announced', valid: false });
    expect((await t.api.post(`/api/agencies/${scjg}/reinstate`).set(supervisor).send({ reason: '改革完成' })).status).toBe(200);
    expect((await t.api.get(`/api/certificates/${cert.id}`).set(supervisor)).body).toMatchObject({ state: 'valid', valid: true });
  });

  test('an unknown certificate id is 404', async () => {
    expectError(await t.api.get(`/api/certificates/${UNKNOWN_ID}`).set(supervisor), 404);
    expectError(await t.api.get(`/api/certificates/${UNKNOWN_ID}/qr.svg`).set(supervisor), 404);
  });
});

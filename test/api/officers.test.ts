// Enforcement officers (执法人员): CRUD within the agency, linked accounts, transfer between agencies
// (调动, 换证) and the photo upload with its limits, leaving no stray file behind.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CertificateModel } from '../../api/src/certificates/certificate.model';
import { OfficerModel } from '../../api/src/officers/officer.model';
import { AuditEntryModel } from '../../api/src/platform/audit/audit.model';
import { UserModel } from '../../api/src/users/user.model';
import { agencyIdOf, expectError, UNKNOWN_ID, userIdOf } from '../support/api-expectations';
import { certificateOf, filesBelow, officerNamed, settledUploads, TINY_PNG, uploadsDir } from '../support/enforcement-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let supervisor: { Authorization: string };
let admin: { Authorization: string };
let scjg: string;
let zhzf: string;
beforeAll(async () => {
  t = await startTestApp();
  supervisor = await t.as('supervisor');
  admin = await t.as('agency_admin');
  scjg = await agencyIdOf('QS_SCJG');
  zhzf = await agencyIdOf('QS_ZHZF');
});
afterAll(async () => {
  await t.close();
});

const PRIVATE = ['_id', '__v', 'photo'];

describe('officer records (agency_admin of 市场监管局)', () => {
  let created: string;

  test('agency_admin lists only the officers of its own agency', async () => {
    const res = await t.api.get('/api/officers').query({ range: '[0,99]' }).set(admin);
    expect(res.status).toBe(200);
    expect(res.body.map((o: { name: string }) => o.name).sort()).toEqual(['刘洋', '张伟', '赵刚', '陈晓燕', '马丽'].sort());
    for (const o of res.body) {
      expect(o.agencyId).toBe(scjg);
      for (const field of PRIVATE) expect(Object.keys(o)).not.toContain(field);
    }
  });

  test('when agency_admin adds an officer, then it is 201 in its own agency, stored and audited', async () => {
    const body = { name: '孙丽', post: '执法稽查科科员', areas: ['食品安全'], legalQualification: true, legalQualificationNumber: 'A20201401220002' };
    const res = await t.api.post('/api/officers').set(admin).send(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...body, agencyId: scjg, status: 'active', hasPhoto: false });
    created = res.body.id;
    const stored = await OfficerModel.findById(created);
    expect(stored).toMatchObject({ name: '孙丽', status: 'active', legalQualification: true });
    expect(String(stored!.agencyId)).toBe(scjg);
    expect(await AuditEntryModel.countDocuments({ action: 'officer.create', entityId: created })).toBe(1);
  });

  test('when agency_admin updates its officer, then it is stored', async () => {
    const res = await t.api.put(`/api/officers/${created}`).set(admin).send({ post: '执法稽查科副科长', areas: ['食品安全', '价格监督'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ post: '执法稽查科副科长', areas: ['食品安全', '价格监督'] });
    expect((await OfficerModel.findById(created))!.post).toBe('执法稽查科副科长');
  });

  test('when agency_admin adds an officer to another agency, then it is 403 naming agencyId and nothing is stored', async () => {
    const res = await t.api.post('/api/officers').set(admin).send({ name: '越权人员', agencyId: zhzf });
    expectError(res, 403, ['agencyId']);
    expect(await OfficerModel.exists({ name: '越权人员' })).toBeNull();
  });

  test('when agency_admin reads or updates an officer of another agency, then it is 404 and unchanged', async () => {
    const zhou = await officerNamed('周磊');
    expectError(await t.api.get(`/api/officers/${zhou.id}`).set(admin), 404);
    expectError(await t.api.put(`/api/officers/${zhou.id}`).set(admin).send({ post: '改名' }), 404);
    expect((await OfficerModel.findById(zhou.id))!.post).toBe('执法一中队队员');
    expectError(await t.api.get(`/api/officers/${UNKNOWN_ID}`).set(admin), 404);
  });

  test('when an officer (read-only role) creates or updates officers, then it is 403', async () => {
    const officer = await t.as('officer');
    expect((await t.api.get('/api/officers').set(officer)).status).toBe(200);
    expectError(await t.api.post('/api/officers').set(officer).send({ name: '新人' }), 403);
    expectError(await t.api.put(`/api/officers/${created}`).set(officer).send({ post: '科长' }), 403);
    expect((await OfficerModel.findById(created))!.post).toBe('执法稽查科副科长');
    expect(await OfficerModel.exists({ name: '新人' })).toBeNull();
  });

  test('when the agency is changed by an update, then it is 409 (use transfer) and the officer stays', async () => {
    const res = await t.api.put(`/api/officers/${created}`).set(supervisor).send({ agencyId: zhzf });
    expectError(res, 409, ['agencyId']);
    expect(String((await OfficerModel.findById(created))!.agencyId)).toBe(scjg);
  });

  test('when an update echoes read-only fields (transfer, transferredFromOfficerId, id), then they are ignored', async () => {
    const zhang = await officerNamed('张伟');
    const res = await t.api.put(`/api/officers/${created}`).set(admin).send({
      id: zhang.id, hasPhoto: true, post: '执法稽查科副科长',
      transferredFromOfficerId: zhang.id,
      transfer: { fromAgencyId: zhzf, toAgencyId: scjg, basis: '伪造的调动', at: new Date().toISOString() },
    });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(created);
    const stored = await OfficerModel.findById(created);
    expect(stored!.transfer).toBeUndefined();
    expect(stored!.transferredFromOfficerId).toBeUndefined();
    expect(stored!.photo).toBeUndefined();
    expect((await OfficerModel.findById(zhang.id))!.post).toBe('执法稽查科科员');
  });

  test('when an officer is linked to a user of another agency, then it is 400 naming userId', async () => {
    const res = await t.api.put(`/api/officers/${created}`).set(admin).send({ userId: await userIdOf('officer_b') });
    expectError(res, 400, ['userId']);
    expect((await OfficerModel.findById(created))!.userId).toBeUndefined();
    expectError(await t.api.post('/api/officers').set(admin).send({ name: '孙某', userId: await userIdOf('supervisor') }), 400, ['userId']);
  });

  test('when the same user is linked to a second officer, then it is 409 naming userId and only one record has it', async () => {
    const deptHead = await userIdOf('dept_head');
    const linked = await t.api.put(`/api/officers/${created}`).set(admin).send({ userId: deptHead });
    expect(linked.status).toBe(200);
    expect(linked.body.userId).toBe(deptHead);

    expectError(await t.api.post('/api/officers').set(admin).send({ name: '孙志强', userId: deptHead }), 409, ['userId']);
    const zhang = await officerNamed('张伟');
    expectError(await t.api.put(`/api/officers/${zhang.id}`).set(admin).send({ userId: deptHead }), 409, ['userId']);
    expect(await OfficerModel.countDocuments({ userId: deptHead })).toBe(1);

    // Unlinking frees the account.
    const unlinked = await t.api.put(`/api/officers/${created}`).set(admin).send({ userId: null });
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.userId).toBeUndefined();
    expect(await OfficerModel.countDocuments({ userId: deptHead })).toBe(0);
  });
});

describe('transfer between agencies (调动, 换证)', () => {
  test('when agency_admin transfers an officer, then it is 403 and nothing changes', async () => {
    const zhang = await officerNamed('张伟');
    const res = await t.api.post(`/api/officers/${zhang.id}/transfer`).set(admin).send({ toAgencyId: zhzf, basis: '青组通〔2026〕8号' });
    expectError(res, 403);
    expect((await OfficerModel.findById(zhang.id))!.status).toBe('active');
  });

  test('when the target is the same agency or the legal office, then it is 400 naming toAgencyId', async () => {
    const zhang = await officerNamed('张伟');
    expectError(await t.api.post(`/api/officers/${zhang.id}/transfer`).set(supervisor).send({ toAgencyId: scjg, basis: '青组通〔2026〕8号' }), 400, ['toAgencyId']);
    expectError(await t.api.post(`/api/officers/${zhang.id}/transfer`).set(supervisor).send({ toAgencyId: await agencyIdOf('QS_SFJ'), basis: '青组通〔2026〕8号' }), 400, ['toAgencyId']);
    expectError(await t.api.post(`/api/officers/${zhang.id}/transfer`).set(supervisor).send({ toAgencyId: UNKNOWN_ID, basis: '青组通〔2026〕8号' }), 400, ['toAgencyId']);
    expectError(await t.api.post(`/api/officers/${zhang.id}/transfer`).set(supervisor).send({ toAgencyId: zhzf }), 400, ['basis']);
    expect((await OfficerModel.findById(zhang.id))!.status).toBe('active');
    expect(await OfficerModel.countDocuments({ name: '张伟' })).toBe(1);
  });

  test('when the supervisor transfers 张伟 to 综合执法局, then the old record is closed with the basis, its certificate replaced, a new active record without a certificate opens, and the account moves', async () => {
    const zhang = await officerNamed('张伟');
    const oldCert = await certificateOf(zhang._id);
    const userId = await userIdOf('officer');
    expect(String(zhang.userId)).toBe(userId);

    const res = await t.api.post(`/api/officers/${zhang.id}/transfer`).set(supervisor).send({ toAgencyId: zhzf, basis: '青组通〔2026〕8号' });
    expect(res.status).toBe(200);
    expect(res.body.previous).toMatchObject({ id: zhang.id, status: 'transferred', agencyId: scjg, transfer: { basis: '青组通〔2026〕8号', toAgencyId: zhzf } });
    expect(res.body.officer).toMatchObject({ name: '张伟', agencyId: zhzf, status: 'active', userId, transferredFromOfficerId: zhang.id });

    const previous = await OfficerModel.findById(zhang.id);
    expect(previous!.status).toBe('transferred');
    expect(previous!.transfer).toMatchObject({ basis: '青组通〔2026〕8号', byName: '李明华' });
    expect(String(previous!.transfer!.fromAgencyId)).toBe(scjg);
    expect(String(previous!.transfer!.toAgencyId)).toBe(zhzf);
    expect(String(previous!.transfer!.newOfficerId)).toBe(res.body.officer.id);
    expect(previous!.userId).toBeUndefined();

    const cert = await CertificateModel.findById(oldCert.id);
    expect(cert!.status).toBe('replaced');
    expect(cert!.statusReason).toContain('青组通〔2026〕8号');

    const successor = await OfficerModel.findById(res.body.officer.id);
    expect(successor!.status).toBe('active');
    expect(String(successor!.agencyId)).toBe(zhzf);
    expect(String(successor!.userId)).toBe(userId);
    expect(await CertificateModel.countDocuments({ officerId: successor!._id })).toBe(0);

    expect(String((await UserModel.findById(userId))!.agencyId)).toBe(zhzf);

    const audit = await AuditEntryModel.findOne({ action: 'officer.transfer', entityId: zhang.id });
    expect(audit!.note).toContain('青组通〔2026〕8号');
    expect(audit!.changes).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'agencyId', before: scjg, after: zhzf })]));

    // The old certificate no longer checks as valid in public; the moved officer has none in the directory.
    expect((await t.api.get(`/api/public/certificates/${oldCert.qrToken}`)).body).toMatchObject({ valid: false, state: 'replaced' });
    const directory = await t.api.get('/api/public/officers').query({ filter: JSON.stringify({ agencyId: zhzf }), range: '[0,99]' });
    expect(directory.body.find((o: { name: string }) => o.name === '张伟')).toMatchObject({ certificateState: 'none', valid: false });

    // The moved account now works for the new agency only.
    const asMoved = await t.as('officer');
    expect((await t.api.get(`/api/officers/${successor!.id}`).set(asMoved)).status).toBe(200);
    expect((await t.api.get(`/api/officers/${zhang.id}`).set(asMoved)).status).toBe(404);
  });

  test('when an officer who has left is transferred, then it is 409 and nothing changes', async () => {
    const created = await t.api.post('/api/officers').set(supervisor).send({ name: '离职人员', agencyId: await agencyIdOf('QS_JTYS'), status: 'left' });
    expect(created.status).toBe(201);
    expectError(await t.api.post(`/api/officers/${created.body.id}/transfer`).set(supervisor).send({ toAgencyId: await agencyIdOf('QS_ZHZF'), basis: '青组通〔2026〕9号' }), 409);
    expect(await OfficerModel.countDocuments({ name: '离职人员' })).toBe(1);
  });

  test('when a transferred record is transferred again or edited, then it is 409', async () => {
    const old = await OfficerModel.findOne({ name: '张伟', status: 'transferred' });
    expectError(await t.api.post(`/api/officers/${old!.id}/transfer`).set(supervisor).send({ toAgencyId: await agencyIdOf('QS_JTYS'), basis: '青组通〔2026〕9号' }), 409);
    expectError(await t.api.put(`/api/officers/${old!.id}`).set(supervisor).send({ post: '科员' }), 409);
    expect(await OfficerModel.countDocuments({ name: '张伟' })).toBe(2);
  });

  test('the account freed by the transfer can be linked again in the new agency, and the old record no longer counts as a link', async () => {
    const successor = await OfficerModel.findOne({ name: '张伟', status: 'active' });
    const res = await t.api.put(`/api/officers/${successor!.id}`).set(supervisor).send({ userId: await userIdOf('officer') });
    expect(res.status).toBe(200);
  });
});

describe('officer photo (multipart field "photo")', () => {
  let id: string;
  let firstKey: string;
  beforeAll(async () => {
    id = (await officerNamed('马丽')).id;
  });

  test('UPLOADS_DIR is a temporary directory outside the repository', () => {
    expect(uploadsDir()).not.toContain('/work/main');
    expect(filesBelow(uploadsDir())).toEqual([]);
  });

  test('when agency_admin uploads a small PNG, then it is stored under UPLOADS_DIR, recorded with its hash, and GET photo returns it', async () => {
    const res = await t.api.put(`/api/officers/${id}/photo`).set(admin).attach('photo', TINY_PNG, { filename: 'mali.png', contentType: 'image/png' });
    expect(res.status).toBe(200);
    expect(res.body.hasPhoto).toBe(true);
    expect(res.body.photo).toBeUndefined();

    const stored = await OfficerModel.findById(id);
    expect(stored!.photo).toMatchObject({ contentType: 'image/png', size: TINY_PNG.length, originalName: 'mali.png' });
    expect(stored!.photo!.sha256).toBe(createHash('sha256').update(TINY_PNG).digest('hex'));
    firstKey = stored!.photo!.key;
    expect(firstKey).toMatch(/^officer-photos\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    const path = join(uploadsDir(), firstKey);
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path).equals(TINY_PNG)).toBe(true);
    expect(await settledUploads([firstKey])).toEqual([firstKey]);
    expect(await AuditEntryModel.countDocuments({ action: 'officer.photo', entityId: id })).toBe(1);

    const photo = await t.api.get(`/api/officers/${id}/photo`).set(admin).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect((photo.body as Buffer).equals(TINY_PNG)).toBe(true);

    // Another agency's user cannot see it.
    expectError(await t.api.get(`/api/officers/${id}/photo`).set(await t.as('officer_b')), 404);
  });

  test('when a new photo replaces it, then the old file is removed and only the new one remains', async () => {
    const res = await t.api.put(`/api/officers/${id}/photo`).set(admin).attach('photo', TINY_PNG, { filename: 'mali2.png', contentType: 'image/png' });
    expect(res.status).toBe(200);
    const key = (await OfficerModel.findById(id))!.photo!.key;
    expect(key).not.toBe(firstKey);
    expect(await settledUploads([key])).toEqual([key]);
  });

  test('when the file is text/plain, then it is 415 naming photo, nothing is recorded and no file is left (not even in .incoming)', async () => {
    const before = filesBelow(uploadsDir());
    const key = (await OfficerModel.findById(id))!.photo!.key;
    const res = await t.api.put(`/api/officers/${id}/photo`).set(admin).attach('photo', Buffer.from('not a picture'), { filename: 'note.txt', contentType: 'text/plain' });
    expectError(res, 415, ['photo']);
    expect((await OfficerModel.findById(id))!.photo!.key).toBe(key);
    expect(await settledUploads(before)).toEqual(before);
  });

  test('when a text file is declared as image/png, then its first bytes give it away: 415 naming photo and no file is left', async () => {
    const before = filesBelow(uploadsDir());
    const key = (await OfficerModel.findById(id))!.photo!.key;
    const res = await t.api.put(`/api/officers/${id}/photo`).set(admin).attach('photo', Buffer.from('<script>alert(1)</script>'), { filename: 'x.png', contentType: 'image/png' });
    expectError(res, 415, ['photo']);
    expect((await OfficerModel.findById(id))!.photo!.key).toBe(key);
    expect(await settledUploads(before)).toEqual(before);
  });

  test('when the file is larger than 2 MB, then it is 413 naming photo and no file is left', async () => {
    const before = filesBelow(uploadsDir());
    const big = Buffer.concat([TINY_PNG, Buffer.alloc(2 * 1024 * 1024 + 1)]);
    const res = await t.api.put(`/api/officers/${id}/photo`).set(admin).attach('photo', big, { filename: 'big.png', contentType: 'image/png' });
    expectError(res, 413, ['photo']);
    expect(await settledUploads(before)).toEqual(before);
  });

  test('when no file is sent, then it is 400 naming photo', async () => {
    expectError(await t.api.put(`/api/officers/${id}/photo`).set(admin).field('note', 'x'), 400, ['photo']);
    const empty = await t.api.put(`/api/officers/${id}/photo`).set(admin).type('form').send({});
    expectError(empty, 400, ['photo']);
  });

  test('when the officer is of another agency or the caller may not write, then it is 404 / 403 and no file is left', async () => {
    const before = filesBelow(uploadsDir());
    const zhou = await officerNamed('周磊');
    expectError(await t.api.put(`/api/officers/${zhou.id}/photo`).set(admin).attach('photo', TINY_PNG, { filename: 'x.png', contentType: 'image/png' }), 404);
    expectError(await t.api.put(`/api/officers/${id}/photo`).set(await t.as('officer2')).attach('photo', TINY_PNG, { filename: 'x.png', contentType: 'image/png' }), 403);
    expect((await OfficerModel.findById(zhou.id))!.photo).toBeUndefined();
    expect(await settledUploads(before)).toEqual(before);
  });

  test('the public certificate check says the officer has a photo and serves it by token', async () => {
    const cert = await certificateOf(id);
    const check = await t.api.get(`/api/public/certificates/${cert.qrToken}`);
    expect(check.body.hasPhoto).toBe(true);
    const photo = await t.api.get(`/api/public/certificates/${cert.qrToken}/photo`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(photo.status).toBe(200);
    expect((photo.body as Buffer).equals(TINY_PNG)).toBe(true);
  });

  test('when the stored photo file has gone from disk, then both photo endpoints answer 404 and the server keeps working', async () => {
    const key = (await OfficerModel.findById(id))!.photo!.key;
    rmSync(join(uploadsDir(), key));
    const cert = await certificateOf(id);
    expectError(await t.api.get(`/api/officers/${id}/photo`).set(admin), 404);
    expectError(await t.api.get(`/api/public/certificates/${cert.qrToken}/photo`), 404);
    expect((await t.api.get(`/api/public/certificates/${cert.qrToken}`)).status).toBe(200);
  });
});

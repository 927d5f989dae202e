// The clean-up report (清理核查, DOMAIN.md §2): accounts with no lawful basis, officers without a
// valid certificate, certificates expiring soon; scope per role; the Excel export.
import ExcelJS from 'exceljs';
import { CertificateModel } from '../../api/src/certificates/certificate.model';
import { OfficerModel } from '../../api/src/officers/officer.model';
import { addCalendarDays, chinaDate } from '../../api/src/platform/calendar/dates';
import { agencyIdOf, expectError, GOOD_PASSWORD, userIdOf } from '../support/api-expectations';
import { certificateOf, officerNamed } from '../support/enforcement-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

type Report = {
  today: string;
  expiryWarningDays: number;
  accountsWithoutBasis: Array<{ userId: string; username: string; agencyId: string; agencyName: string; reason: string }>;
  officersWithoutValidCertificate: Array<{ officerId: string; name: string; agencyId: string; certificates: Array<{ id: string; number: string; state: string; expiryDate: string }> }>;
  certificatesExpiringSoon: Array<{ certificateId: string; number: string; officerName: string; agencyId: string; expiryDate: string; daysLeft: number }>;
};

let t: TestApp;
let supervisor: { Authorization: string };
let admin: { Authorization: string };
let scjg: string;
const today = chinaDate();
beforeAll(async () => {
  t = await startTestApp();
  supervisor = await t.as('supervisor');
  admin = await t.as('agency_admin');
  scjg = await agencyIdOf('QS_SCJG');
});
afterAll(async () => {
  await t.close();
});

async function report(who: { Authorization: string }, query: Record<string, string> = {}): Promise<Report> {
  const res = await t.api.get('/api/reports/cleanup').query(query).set(who);
  if (res.status !== 200) throw new Error(`report: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Report;
}

describe('what the demo data gives (supervisor, whole county)', () => {
  test('the expired officers (赵刚, 黄涛) are listed without a valid certificate, nobody else', async () => {
    const r = await report(supervisor);
    expect(r.today).toBe(today);
    expect(r.expiryWarningDays).toBe(30);
    expect(r.officersWithoutValidCertificate.map((o) => o.name).sort()).toEqual(['赵刚', '黄涛'].sort());
    const zhao = r.officersWithoutValidCertificate.find((o) => o.name === '赵刚')!;
    const cert = await certificateOf((await officerNamed('赵刚'))._id);
    expect(zhao).toMatchObject({ officerId: (await officerNamed('赵刚')).id, agencyId: scjg });
    expect(zhao.certificates).toEqual([{ id: cert.id, number: cert.number, state: 'expired', expiryDate: addCalendarDays(today, -20) }]);
  });

  test('马丽’s certificate is expiring soon with daysLeft 12 (with 何静’s); no account lacks a basis', async () => {
    const r = await report(supervisor);
    const ma = r.certificatesExpiringSoon.find((c) => c.officerName === '马丽')!;
    const cert = await certificateOf((await officerNamed('马丽'))._id);
    expect(ma).toMatchObject({ certificateId: cert.id, number: cert.number, agencyId: scjg, expiryDate: addCalendarDays(today, 12), daysLeft: 12 });
    expect(r.certificatesExpiringSoon.map((c) => c.officerName).sort()).toEqual(['何静', '马丽'].sort());
    expect(r.accountsWithoutBasis).toEqual([]);
  });

  test('the days parameter moves the horizon: 11 days excludes the 12-day certificates, 12 includes them', async () => {
    expect((await report(supervisor, { days: '11' })).certificatesExpiringSoon).toEqual([]);
    const twelve = await report(supervisor, { days: '12' });
    expect(twelve.expiryWarningDays).toBe(12);
    expect(twelve.certificatesExpiringSoon.map((c) => c.officerName).sort()).toEqual(['何静', '马丽'].sort());
    // Demo valid certificates run three years: a 365-day horizon does not reach them either.
    expect((await report(supervisor, { days: '365' })).certificatesExpiringSoon).toHaveLength(2);
  });

  test('an invalid days value is 400 naming days', async () => {
    for (const days of ['0', '366', 'abc', '-5', '1.5']) {
      expectError(await t.api.get('/api/reports/cleanup').query({ days }).set(supervisor), 400, ['days']);
    }
  });
});

describe('accounts without a lawful basis', () => {
  test('when a user with role officer has no officer record, then it is listed as no_officer_record', async () => {
    const created = await t.api.post('/api/users').set(admin)
      .send({ username: 'officer3', displayName: '王五', roles: ['officer'], agencyId: scjg, password: GOOD_PASSWORD });
    expect(created.status).toBe(201);
    const r = await report(supervisor);
    expect(r.accountsWithoutBasis).toEqual([
      expect.objectContaining({ userId: created.body.id, username: 'officer3', agencyId: scjg, agencyName: '青山县市场监督管理局', reason: 'no_officer_record' }),
    ]);
  });

  test('when the officer linked to a user is suspended, then the account is listed as officer_inactive (and drops out when active again)', async () => {
    const liu = await officerNamed('刘洋');
    expect(String(liu.userId)).toBe(await userIdOf('officer2'));
    expect((await t.api.put(`/api/officers/${liu.id}`).set(admin).send({ status: 'suspended' })).status).toBe(200);
    expect((await OfficerModel.findById(liu.id))!.status).toBe('suspended');

    const r = await report(supervisor);
    expect(r.accountsWithoutBasis.find((a) => a.username === 'officer2')).toMatchObject({ reason: 'officer_inactive', agencyId: scjg });
    // A suspended officer is not an "officer without a valid certificate": the account is the problem.
    expect(r.officersWithoutValidCertificate.map((o) => o.name)).not.toContain('刘洋');

    expect((await t.api.put(`/api/officers/${liu.id}`).set(admin).send({ status: 'active' })).status).toBe(200);
    expect((await report(supervisor)).accountsWithoutBasis.map((a) => a.username)).toEqual(['officer3']);
  });

  test('a deactivated account is not listed', async () => {
    const id = await userIdOf('officer3');
    expect((await t.api.put(`/api/users/${id}`).set(admin).send({ active: false })).status).toBe(200);
    expect((await report(supervisor)).accountsWithoutBasis).toEqual([]);
    expect((await t.api.put(`/api/users/${id}`).set(admin).send({ active: true })).status).toBe(200);
  });
});

describe('officers without a valid certificate', () => {
  test('when a certificate is revoked, then its officer is listed with the revoked certificate', async () => {
    const chen = await officerNamed('陈晓燕');
    const cert = await certificateOf(chen._id);
    expect((await t.api.post(`/api/certificates/${cert.id}/revoke`).set(admin).send({ reason: '调离执法岗位' })).status).toBe(200);
    const entry = (await report(supervisor)).officersWithoutValidCertificate.find((o) => o.name === '陈晓燕')!;
    expect(entry.certificates).toEqual([expect.objectContaining({ id: cert.id, state: 'revoked' })]);
    expect((await CertificateModel.findById(cert.id))!.status).toBe('revoked');
  });

  test('an active officer with no certificate at all is listed with none', async () => {
    const created = await t.api.post('/api/officers').set(admin).send({ name: '钱进', post: '科员' });
    const entry = (await report(supervisor)).officersWithoutValidCertificate.find((o) => o.officerId === created.body.id);
    expect(entry).toMatchObject({ name: '钱进', certificates: [] });
  });

  test('when an expired officer gets a new certificate, then they leave the list (the replaced one is not counted)', async () => {
    const zhao = await officerNamed('赵刚');
    const res = await t.api.post('/api/certificates').set(admin)
      .send({ officerId: zhao.id, number: '14112209902', issuer: '青山县人民政府', issueDate: today, expiryDate: addCalendarDays(today, 3 * 365) });
    expect(res.status).toBe(201);
    const r = await report(supervisor);
    expect(r.officersWithoutValidCertificate.map((o) => o.name)).not.toContain('赵刚');
  });
});

describe('scope and permissions', () => {
  test('agency_admin sees only its own agency', async () => {
    const r = await report(admin);
    const all = [...r.accountsWithoutBasis, ...r.officersWithoutValidCertificate, ...r.certificatesExpiringSoon];
    expect(all.length).toBeGreaterThan(0);
    for (const item of all) expect(item.agencyId).toBe(scjg);
    expect(r.certificatesExpiringSoon.map((c) => c.officerName)).toEqual(['马丽']);
    expect(r.officersWithoutValidCertificate.map((o) => o.name)).not.toContain('黄涛');
  });

  test('agency_admin asking for another agency is 403; the supervisor may narrow to one agency', async () => {
    const zhzf = await agencyIdOf('QS_ZHZF');
    expectError(await t.api.get('/api/reports/cleanup').query({ agencyId: zhzf }).set(admin), 403);
    const r = await report(supervisor, { agencyId: zhzf });
    expect(r.officersWithoutValidCertificate.map((o) => o.name)).toEqual(['黄涛']);
    expect(r.certificatesExpiringSoon).toEqual([]);
    expect(r.accountsWithoutBasis).toEqual([]);
  });

  test('dept_head may read its agency’s report; officer, reviewer and inspector may not (403)', async () => {
    const r = await report(await t.as('dept_head'));
    for (const item of r.officersWithoutValidCertificate) expect(item.agencyId).toBe(scjg);
    for (const username of ['officer', 'reviewer', 'inspector']) {
      expectError(await t.api.get('/api/reports/cleanup').set(await t.as(username)), 403);
      expectError(await t.api.get('/api/reports/cleanup.xlsx').set(await t.as(username)), 403);
    }
    expectError(await t.api.get('/api/reports/cleanup'), 401);
  });
});

describe('Excel export', () => {
  test('the .xlsx has the three report sheets and a notes sheet, with the same rows as the JSON report', async () => {
    const json = await report(supervisor);
    const res = await t.api.get('/api/reports/cleanup.xlsx').set(supervisor).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(res.headers['content-disposition'])).toContain(`执法人员清理核查-${today}.xlsx`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['无执法资格依据的账号', '无有效执法证的人员', '30日内到期的执法证', '说明']);
    const values = (name: string) => {
      const rows: string[][] = [];
      wb.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      return rows;
    };
    const accounts = values('无执法资格依据的账号');
    expect(accounts[0]).toEqual(['用户名', '姓名', '所属机关', '原因']);
    expect(accounts.slice(1)).toEqual(json.accountsWithoutBasis.map((a) => [a.username, '王五', a.agencyName, '无执法人员记录']));

    const officers = values('无有效执法证的人员');
    expect(officers.slice(1).map((r) => r[0]).sort()).toEqual(json.officersWithoutValidCertificate.map((o) => o.name).sort());
    expect(officers.find((r) => r[0] === '陈晓燕')![2]).toMatch(/已注销/);
    expect(officers.find((r) => r[0] === '钱进')![2]).toBe('未持证');

    const expiring = values('30日内到期的执法证');
    expect(expiring[0]).toEqual(['证号', '姓名', '所属机关', '有效期至', '剩余天数']);
    const ma = json.certificatesExpiringSoon.find((c) => c.officerName === '马丽')!;
    expect(expiring).toContainEqual([ma.number, '马丽', '青山县市场监督管理局', ma.expiryDate, '12']);
  });

  test('the days parameter names the expiry sheet', async () => {
    const res = await t.api.get('/api/reports/cleanup.xlsx').query({ days: '60' }).set(admin).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    expect(wb.worksheets.map((s) => s.name)).toContain('60日内到期的执法证');
  });
});

// Per-agency settings (case number pattern, decision deadline, hearing window, required documents):
// who may read and change them, optimistic concurrency and audit, and their effect on the next case.
import { AgencySettingsModel } from '../../api/src/agencies/agency-settings.model';
import { formatCaseNumber } from '../../api/src/cases/case-numbering';
import { AuditEntryModel } from '../../api/src/platform/audit/audit.model';
import { addCalendarDays } from '../../api/src/platform/calendar/dates';
import { addWorkdays } from '../../api/src/platform/calendar/workdays';
import { agencyIdOf, expectError } from '../support/api-expectations';
import { addDocument, caseBody, fileCase, officerIdsOf, stepOk, today, type Headers } from '../support/case-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

// Long flows of sequential requests on a shared (and at times busy) embedded database.
jest.setTimeout(120_000);

describe('formatCaseNumber', () => {
  const values = { abbr: '青市监', category: 'penalty', year: 2026, seq: 7 };
  test('fills {abbr}, {cat}, {year} and {seq}, with {seq:N} zero-padded', () => {
    expect(formatCaseNumber('{abbr}{cat}〔{year}〕{seq}号', values)).toBe('青市监罚〔2026〕7号');
    expect(formatCaseNumber('{abbr}{cat}字〔{year}〕第{seq:4}号', values)).toBe('青市监罚字〔2026〕第0007号');
    expect(formatCaseNumber('{abbr}{cat}〔{year}〕{seq}号', { ...values, category: 'inspection', seq: 12345 })).toBe('青市监检〔2026〕12345号');
    expect(formatCaseNumber('{abbr}{cat}{seq:2}', { ...values, category: 'license', seq: 123 })).toBe('青市监许123');
  });

  test('an abbreviation with "$" characters is taken literally', () => {
    expect(formatCaseNumber('{abbr}{cat}〔{year}〕{seq}号', { ...values, abbr: '青$&市$1监' })).toBe('青$&市$1监罚〔2026〕7号');
  });
});

describe('agency settings API', () => {
  let t: TestApp;
  let admin: Headers;
  let officer: Headers;
  let deptHead: Headers;
  let supervisor: Headers;
  let officerB: Headers;
  let scjg: string;
  let zhzf: string;
  let zhang: string;
  let liu: string;
  const year = Number(today().slice(0, 4));

  beforeAll(async () => {
    t = await startTestApp();
    [admin, officer, deptHead, supervisor, officerB] = await Promise.all(['agency_admin', 'officer', 'dept_head', 'supervisor', 'officer_b'].map((u) => t.as(u)));
    scjg = await agencyIdOf('QS_SCJG');
    zhzf = await agencyIdOf('QS_ZHZF');
    [zhang, liu] = await officerIdsOf('张伟', '刘洋');
  });
  afterAll(async () => {
    await t.close();
  });

  const settings = (agencyId: string, as: Headers) => t.api.get(`/api/agencies/${agencyId}/settings`).set(as);
  const version = async (agencyId: string) => (await AgencySettingsModel.findOne({ agencyId }))!.version;

  test('the agency administrator reads its agency’s settings, with the defaults of the law', async () => {
    const res = await settings(scjg, admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      agencyId: scjg, caseAbbreviation: expect.any(String), caseNumberPattern: '{abbr}{cat}〔{year}〕{seq}号',
      decisionDeadlineDays: 90, decisionWarningDays: 15, hearingRequestWorkdays: 5,
      requiredDocuments: {
        simple: ['decision', 'service_receipt'],
        ordinary: ['filing_approval', 'inspection_record|inquiry_record', 'notice', 'decision', 'service_receipt', 'execution_record', 'closing_report'],
      },
      version: expect.any(Number),
    });
    expect(Object.keys(res.body)).not.toContain('_id');
  });

  test('officers of the agency and the supervisor may read them; another agency’s users get 404', async () => {
    expect((await settings(scjg, officer)).status).toBe(200);
    expect((await settings(zhzf, supervisor)).status).toBe(200);
    expectError(await settings(scjg, officerB), 404);
    expectError(await settings(zhzf, admin), 404);
  });

  test('when the agency administrator changes the number pattern, then it is stored with the next version and audited, and the next case follows it', async () => {
    const before = (await settings(scjg, admin)).body;
    const v = before.version;
    const res = await t.api.put(`/api/agencies/${scjg}/settings`).set(admin).send({ version: v, caseAbbreviation: '青山市监', caseNumberPattern: '{abbr}{cat}字〔{year}〕第{seq:4}号' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ caseAbbreviation: '青山市监', caseNumberPattern: '{abbr}{cat}字〔{year}〕第{seq:4}号', version: v + 1 });
    expect(await AgencySettingsModel.findOne({ agencyId: scjg })).toMatchObject({ caseNumberPattern: '{abbr}{cat}字〔{year}〕第{seq:4}号', version: v + 1 });
    const audit = await AuditEntryModel.findOne({ action: 'agency.settings', entityId: scjg }).sort({ seq: -1 }).lean();
    expect(audit).toMatchObject({ entity: 'agency', actorName: '王建国 (agency_admin)' });
    expect(audit!.changes).toEqual(expect.arrayContaining([
      { field: 'caseAbbreviation', before: before.caseAbbreviation, after: '青山市监' },
      { field: 'caseNumberPattern', before: '{abbr}{cat}〔{year}〕{seq}号', after: '{abbr}{cat}字〔{year}〕第{seq:4}号' },
    ]));

    const created = await fileCase(t, officer, caseBody([zhang, liu]));
    expect(created.number).toBe(`青山市监罚字〔${year}〕第${String(created.seq).padStart(4, '0')}号`);
    const inspection = await fileCase(t, officer, caseBody([zhang, liu], { category: 'inspection' }));
    expect(inspection.seq).toBe(created.seq + 1);
    expect(inspection.number).toBe(`青山市监检字〔${year}〕第${String(created.seq + 1).padStart(4, '0')}号`);
  });

  test('a pattern without a {seq} placeholder is 400 naming caseNumberPattern, and nothing changes', async () => {
    const v = await version(scjg);
    for (const caseNumberPattern of ['{abbr}{cat}〔{year}〕号', '{abbr}〔{year}〕{sequence}号', '{abbr}〔{year}〕{seq:x}号']) {
      expectError(await t.api.put(`/api/agencies/${scjg}/settings`).set(admin).send({ version: v, caseNumberPattern }), 400, ['caseNumberPattern']);
    }
    expect(await version(scjg)).toBe(v);
  });

  test('values outside their bounds or unknown fields are 400', async () => {
    const v = await version(scjg);
    expectError(await t.api.put(`/api/agencies/${scjg}/settings`).set(admin).send({ version: v, decisionDeadlineDays: 0 }), 400, ['decisionDeadlineDays']);
    expectError(await t.api.put(`/api/agencies/${scjg}/settings`).set(admin).send({ version: v, requiredDocuments: { simple: ['Decision'], ordinary: [] } }), 400);
    expectError(await t.api.put(`/api/agencies/${scjg}/settings`).set(admin).send({ decisionDeadlineDays: 60 }), 400, ['version']);
    expectError(await t.api.put(`/api/agencies/${scjg}/settings`).set(admin).send({ version: v, colour: 'red' }), 400);
    expect(await version(scjg)).toBe(v);
  });

  test('an abbreviation longer than 10 characters, empty or with spaces at either end is 400 naming caseAbbreviation, and nothing changes', async () => {
    const v = await version(scjg);
    for (const caseAbbreviation of ['青'.repeat(30), '青山县市场监督管理局X', '', ' 青市监', '青市监 ', '青\n市监']) {
      expectError(await t.api.put(`/api/agencies/${scjg}/settings`).set(admin).send({ version: v, caseAbbreviation }), 400, ['caseAbbreviation']);
    }
    expect(await version(scjg)).toBe(v);
    // The model's bounds are the schema's, should a write ever get past the request schema.
    await expect(AgencySettingsModel.findOneAndUpdate({ agencyId: scjg }, { $set: { caseAbbreviation: '青'.repeat(11) } }, { runValidators: true }))
      .rejects.toMatchObject({ errors: { caseAbbreviation: expect.anything() } });
  });

  test('an agency whose short name is too long to be an abbreviation gets none by default (the administrator chooses one); a short one is taken', async () => {
    const long = await t.api.post('/api/agencies').set(supervisor)
      .send({ name: '青山县农业农村和乡村振兴综合行政执法大队', shortName: '县农业农村和乡村振兴综合行政执法大队', code: 'QS_NYNC', kind: 'enforcement', county: '青山县' });
    expect(long.status).toBe(201);
    const read = await settings(long.body.id, supervisor);
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('caseAbbreviation');
    const short = await t.api.post('/api/agencies').set(supervisor)
      .send({ name: '青山县林业局', shortName: '县林业局', code: 'QS_LY', kind: 'enforcement', county: '青山县' });
    expect((await settings(short.body.id, supervisor)).body.caseAbbreviation).toBe('林业局');
  });

  test('a stale version is 409 and nothing changes', async () => {
    const v = await version(scjg);
    expectError(await t.api.put(`/api/agencies/${scjg}/settings`).set(admin).send({ version: v - 1, decisionDeadlineDays: 30 }), 409);
    expect(await AgencySettingsModel.findOne({ agencyId: scjg })).toMatchObject({ version: v, decisionDeadlineDays: 90 });
  });

  test('two changes racing on the same version: exactly one wins', async () => {
    const v = await version(scjg);
    const results = await Promise.all([
      t.api.put(`/api/agencies/${scjg}/settings`).set(admin).send({ version: v, decisionWarningDays: 10 }),
      t.api.put(`/api/agencies/${scjg}/settings`).set(supervisor).send({ version: v, decisionWarningDays: 20 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await version(scjg)).toBe(v + 1);
  });

  test('officers and the head of department may not change settings (403); the administrator of another agency gets 404', async () => {
    const v = await version(scjg);
    expectError(await t.api.put(`/api/agencies/${scjg}/settings`).set(officer).send({ version: v, decisionDeadlineDays: 30 }), 403);
    expectError(await t.api.put(`/api/agencies/${scjg}/settings`).set(deptHead).send({ version: v, decisionDeadlineDays: 30 }), 403);
    const zv = (await settings(zhzf, supervisor)).body.version;
    expectError(await t.api.put(`/api/agencies/${zhzf}/settings`).set(admin).send({ version: zv, decisionDeadlineDays: 30 }), 404);
    expect(await version(scjg)).toBe(v);
    expect((await settings(zhzf, supervisor)).body).toMatchObject({ version: zv, decisionDeadlineDays: 90 });
  });

  test('the supervisor may change any agency’s settings', async () => {
    const zv = (await settings(zhzf, supervisor)).body.version;
    const res = await t.api.put(`/api/agencies/${zhzf}/settings`).set(supervisor).send({ version: zv, decisionWarningDays: 20 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ agencyId: zhzf, decisionWarningDays: 20, version: zv + 1 });
  });

  test('the decision deadline, hearing window and required documents of new and open cases follow the settings; the deadline records the setting used', async () => {
    const v = await version(scjg);
    const res = await t.api.put(`/api/agencies/${scjg}/settings`).set(admin).send({
      version: v, decisionDeadlineDays: 60, hearingRequestWorkdays: 8,
      requiredDocuments: { simple: ['decision'], ordinary: ['filing_approval', 'inspection_record|inquiry_record', 'notice', 'decision', 'closing_report'] },
    });
    expect(res.status).toBe(200);
    const c = await fileCase(t, officer, caseBody([zhang, liu]));
    expect(c).toMatchObject({ decisionDeadline: { dueOn: addCalendarDays(today(), 60), days: 60 }, completeness: { required: 5, present: 0 } });
    expect(c.decisionDeadline).toMatchObject({ basis: expect.stringContaining(`decisionDeadlineDays=60 (settings version ${v + 1})`) });
    await addDocument(t, officer, c.id, 'inquiry_record');
    await addDocument(t, officer, c.id, 'notice');
    await stepOk(t, officer, c.id, 'start_investigation');
    const notified = await stepOk(t, officer, c.id, 'notify');
    expect(notified.hearingWindowEnd).toBe(addWorkdays(today(), 8).date);
    expect(notified.completeness).toEqual({ required: 5, present: 2, missing: ['filing_approval', 'decision', 'closing_report'] });
  });
});

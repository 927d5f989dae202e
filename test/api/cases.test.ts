// Cases (案件) through the HTTP API: filing with its number and the two-officer rule, parties' personal
// data sealed at rest and masked in every response and audit entry, the audited reveal, numbering under
// concurrent filing, optimistic concurrency, agency scope, decision deadlines and the list filters.
import mongoose from 'mongoose';
import { AgencyModel } from '../../api/src/agencies/agency.model';
import { CaseCounterModel, CaseModel } from '../../api/src/cases/case.model';
import { AuditEntryModel } from '../../api/src/platform/audit/audit.model';
import { addCalendarDays } from '../../api/src/platform/calendar/dates';
import { decryptPersonal } from '../../api/src/platform/crypto/personal-data';
import { creditCodeCheckChar } from '../../api/src/platform/identifiers/credit-code';
import { agencyIdOf, expectError, UNKNOWN_ID } from '../support/api-expectations';
import { caseBody, daysAgo, fileCase, listQuery, officerIdsOf, residentId, step, stepOk, today, uniquePerson, type CaseBody, type Headers } from '../support/case-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

// Long flows of sequential requests on a shared (and at times busy) embedded database.
jest.setTimeout(120_000);

let t: TestApp;
let officer: Headers;
let officer2: Headers;
let reviewer: Headers;
let deptHead: Headers;
let admin: Headers;
let supervisor: Headers;
let inspector: Headers;
let officerB: Headers;
let scjg: string;
let zhang: string;
let liu: string;
let ma: string;
let zhao: string;
let zhou: string;
const year = Number(today().slice(0, 4));

beforeAll(async () => {
  t = await startTestApp();
  [officer, officer2, reviewer, deptHead, admin, supervisor, inspector, officerB] = await Promise.all(
    ['officer', 'officer2', 'reviewer', 'dept_head', 'agency_admin', 'supervisor', 'inspector', 'officer_b'].map((u) => t.as(u)),
  );
  scjg = await agencyIdOf('QS_SCJG');
  [zhang, liu, ma, zhao] = await officerIdsOf('张伟', '刘洋', '马丽', '赵刚');
  [zhou] = await officerIdsOf('周磊');
  abbr = (await t.api.get(`/api/agencies/${scjg}/settings`).set(officer)).body.caseAbbreviation;
});
afterAll(async () => {
  await t.close();
});

/** The counter behind the numbers of 市场监管局 this year (0 when nothing was filed yet). */
const counter = async () => (await CaseCounterModel.findById(`${scjg}-${year}`))?.seq ?? 0;
/** The agency's abbreviation in case numbers (from its settings). */
let abbr = '';
/** The number of a penalty case in the default pattern {abbr}{cat}〔{year}〕{seq}号. */
const penaltyNumber = (seq: number, y = year) => `${abbr}罚〔${y}〕${seq}号`;

describe('filing a case (立案)', () => {
  test('the agency’s settings give numbers like 青市监罚〔2026〕12号 (default pattern, the agency’s abbreviation)', async () => {
    const res = await t.api.get(`/api/agencies/${scjg}/settings`).set(officer);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ agencyId: scjg, caseAbbreviation: expect.any(String), caseNumberPattern: '{abbr}{cat}〔{year}〕{seq}号', decisionDeadlineDays: 90, decisionWarningDays: 15 });
    expect(res.body.caseAbbreviation).toBe(abbr);
  });

  test('when an officer files an ordinary penalty case with two officers, then it is 201, numbered, due in 90 days, stored and audited', async () => {
    const before = await counter();
    const body = caseBody([zhang, liu], { fineAmount: 5000, penaltyTypes: ['warning', 'fine'], discretion: { level: 'normal', standardRef: '裁量基准食品类第3项' } });
    const res = await t.api.post('/api/cases').set(officer).send(body);
    expect(res.status).toBe(201);
    const number = penaltyNumber(before + 1);
    expect(res.body).toMatchObject({
      agencyId: scjg, number, year, seq: before + 1, category: 'penalty', procedure: 'ordinary', source: 'inspection', cause: body.cause,
      status: 'filed', filedOn: today(), officerIds: [zhang, liu], fineAmount: 5000, penaltyTypes: ['warning', 'fine'], major: false, version: 0,
      legalReview: { status: 'none' },
      decisionDeadline: { dueOn: addCalendarDays(today(), 90), days: 90 },
      deadlineState: 'on_time',
      completeness: { required: 7, present: 0, missing: ['filing_approval', 'inspection_record|inquiry_record', 'notice', 'decision', 'service_receipt', 'execution_record', 'closing_report'] },
    });
    expect(res.body.decisionDeadline.basis).toContain('decisionDeadlineDays=90');
    expect(res.body.history).toEqual([expect.objectContaining({ action: 'file', from: 'filed', to: 'filed', date: today(), byName: '张伟' })]);
    // The actions offered to the filing officer, with the reasons for those not possible now.
    const actions = Object.fromEntries(res.body.actions.map((a: { action: string }) => [a.action, a]));
    expect(Object.keys(actions)).toEqual(['start_investigation', 'decide_on_spot', 'withdraw']);
    expect(actions.start_investigation).toEqual({ action: 'start_investigation', allowed: true, needsReason: false, reasons: [], failures: [] });
    expect(actions.decide_on_spot.allowed).toBe(false);
    expect(actions.withdraw.allowed).toBe(false);

    const stored = await CaseModel.findById(res.body.id);
    expect(stored).toMatchObject({ number, status: 'filed', version: 0 });
    expect(await counter()).toBe(before + 1);
    const audit = await AuditEntryModel.find({ action: 'case.create', entityId: res.body.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'case', note: number, actorName: '张伟 (officer)' });
    expect(String(audit[0].caseId)).toBe(res.body.id);
    expect(String(audit[0].agencyId)).toBe(scjg);
  });

  test('when the simple procedure is used, then one officer suffices', async () => {
    const res = await t.api.post('/api/cases').set(officer).send(caseBody([zhang], { procedure: 'simple' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ procedure: 'simple', officerIds: [zhang], completeness: { required: 2, present: 0 } });
  });

  test('when an ordinary case names one officer, then it is 400 naming officerIds, nothing is stored and no number is used', async () => {
    const before = await counter();
    const cases = await CaseModel.countDocuments();
    const res = await t.api.post('/api/cases').set(officer).send(caseBody([zhang]));
    expectError(res, 400, ['officerIds']);
    expect(res.body.errors.officerIds).toContain('2');
    expect(await CaseModel.countDocuments()).toBe(cases);
    expect(await counter()).toBe(before);
  });

  test('when an officer with an expired certificate (赵刚) is assigned, then it is 400 naming officerIds and him', async () => {
    const before = await counter();
    const res = await t.api.post('/api/cases').set(officer).send(caseBody([zhang, zhao]));
    expectError(res, 400, ['officerIds']);
    expect(res.body.errors.officerIds).toContain('赵刚');
    expect(res.body.errors.officerIds).toContain('expired');
    const zh = await t.api.post('/api/cases').set(officer).set('Accept-Language', 'zh-CN').send(caseBody([zhang, zhao]));
    expectError(zh, 400, ['officerIds']);
    expect(zh.body.errors.officerIds).toBe('执法人员赵刚无有效执法证件（已过期）');
    expect(await counter()).toBe(before);
    // Even alone in a simple case.
    expectError(await t.api.post('/api/cases').set(officer).send(caseBody([zhao], { procedure: 'simple' })), 400, ['officerIds']);
  });

  test('when 马丽 (certificate expiring in 12 days, still valid) is assigned, then the filing is accepted and takes the next number', async () => {
    const before = await counter();
    const created = await fileCase(t, officer, caseBody([zhang, ma]));
    expect(created.seq).toBe(before + 1);
    expect(created.officerIds).toEqual([zhang, ma]);
  });

  test('when an officer of another agency (周磊) or an unknown id is assigned, then it is 400 naming officerIds', async () => {
    expectError(await t.api.post('/api/cases').set(officer).send(caseBody([zhang, zhou])), 400, ['officerIds']);
    expectError(await t.api.post('/api/cases').set(officer).send(caseBody([zhang, UNKNOWN_ID])), 400, ['officerIds']);
  });

  test('when the category is one the agency does not exercise (行政征收), then it is 400 naming category', async () => {
    const res = await t.api.post('/api/cases').set(officer).send(caseBody([zhang, liu], { category: 'levy' }));
    expectError(res, 400, ['category']);
    expect(res.body.errors.category).toContain('levy');
  });

  test('when the filing date is in the future, then it is 400 naming filedOn', async () => {
    expectError(await t.api.post('/api/cases').set(officer).send(caseBody([zhang, liu], { filedOn: addCalendarDays(today(), 1) })), 400, ['filedOn']);
  });

  test('when a role without cases:write (agency_admin, reviewer, inspector, supervisor) files a case, then it is 403', async () => {
    const before = await CaseModel.countDocuments();
    for (const as of [admin, reviewer, inspector, supervisor]) expectError(await t.api.post('/api/cases').set(as).send(caseBody([zhang, liu])), 403);
    expect(await CaseModel.countDocuments()).toBe(before);
  });

  test('when the department head files a case, then it is 201', async () => {
    expect((await t.api.post('/api/cases').set(deptHead).send(caseBody([zhang, liu]))).status).toBe(201);
  });

  test('when the agency is suspended, then it cannot open cases (409) until it is reinstated', async () => {
    const suspended = await t.api.post(`/api/agencies/${scjg}/suspend`).set(supervisor).send({ reason: '主体资格复核期间暂停' });
    expect(suspended.status).toBe(200);
    try {
      const before = await counter();
      const res = await t.api.post('/api/cases').set(officer).send(caseBody([zhang, liu]));
      expectError(res, 409);
      expect(res.body.message).toContain('青山县市场监督管理局');
      expect(await counter()).toBe(before);
    } finally {
      expect((await t.api.post(`/api/agencies/${scjg}/reinstate`).set(supervisor).send({ reason: '复核完成' })).status).toBe(200);
    }
    expect((await t.api.post('/api/cases').set(officer).send(caseBody([zhang, liu]))).status).toBe(201);
  });

  test.each(['pending', 'confirmed', 'revoked'])('when the agency’s qualification is %s (not announced), then it cannot open cases (409)', async (status) => {
    // Set directly: the qualification workflow is tested in qualification.test.ts; here only its effect counts.
    await AgencyModel.updateOne({ _id: scjg }, { $set: { 'qualification.status': status } });
    try {
      expectError(await t.api.post('/api/cases').set(officer).send(caseBody([zhang, liu])), 409);
    } finally {
      await AgencyModel.updateOne({ _id: scjg }, { $set: { 'qualification.status': 'announced' } });
    }
  });
});

describe('parties: validation and derived facts', () => {
  test('when an ID number has a wrong check digit, then it is 400 naming parties.0.idNumber (and parties.1.idNumber for the second)', async () => {
    const res = await t.api.post('/api/cases').set(officer).send(caseBody([zhang, liu], { parties: [{ kind: 'person', name: '李四', idNumber: '110105194912310021' }] }));
    expectError(res, 400, ['parties.0.idNumber']);
    expect(res.body.errors['parties.0.idNumber']).toContain('check');
    expect(JSON.stringify(res.body)).not.toContain('110105194912310021');
    const second = await t.api.post('/api/cases').set(officer).send(caseBody([zhang, liu], {
      parties: [{ kind: 'person', name: '李四', idNumber: '11010519491231002X' }, { kind: 'person', name: '李五', idNumber: '110105202302290018' }],
    }));
    expectError(second, 400, ['parties.1.idNumber']);
    expect(Object.keys(second.body.errors)).toEqual(['parties.1.idNumber']);
  });

  test('when a party’s ID number shows a birth date less than 18 years before filing, then the party is a minor; an adult is not', async () => {
    // The same month and day 18 years earlier (1 March for 29 February): 18 years old on that day.
    const yearsBefore = (date: string, years: number) => `${Number(date.slice(0, 4)) - years}${date.slice(4) === '-02-29' ? '-03-01' : date.slice(4)}`;
    const tomorrow = addCalendarDays(today(), 1);
    const child = residentId(yearsBefore(today(), 10));
    const eighteenTomorrow = residentId(yearsBefore(tomorrow, 18), '456');
    const eighteenToday = residentId(yearsBefore(today(), 18), '457');
    const adult = residentId('1990-05-17');
    const created = await fileCase(t, officer, caseBody([zhang, liu], {
      parties: [
        { kind: 'person', name: '小明', idNumber: child }, { kind: 'person', name: '小强', idNumber: eighteenTomorrow },
        { kind: 'person', name: '小红', idNumber: eighteenToday }, { kind: 'person', name: '大刚', idNumber: adult },
      ],
    }));
    expect(created.parties.map((p) => [p.name, p.minor])).toEqual([['小明', true], ['小强', true], ['小红', false], ['大刚', false]]);
    // A minor stated by the officer stays a minor whatever the number says.
    const stated = await fileCase(t, officer, caseBody([zhang, liu], { parties: [{ kind: 'person', name: '小刚', idNumber: adult, minor: true }] }));
    expect(stated.parties[0].minor).toBe(true);
  });

  test('a legacy 15-digit ID number is accepted and masked', async () => {
    const created = await fileCase(t, officer, caseBody([zhang, liu], { parties: [{ kind: 'person', name: '老张', idNumber: '110105491231002' }] }));
    expect(created.parties[0]).toMatchObject({ idNumber: '1101*******1002', minor: false });
  });

  test('an organisation keeps its credit code and legal representative in clear; a bad credit code is 400 naming parties.0.creditCode', async () => {
    const first17 = '91141122MA0C8K9Q7';
    const code = first17 + creditCodeCheckChar(first17);
    const created = await fileCase(t, officer, caseBody([zhang, liu], { parties: [{ kind: 'organization', name: '青山县好又多超市有限公司', creditCode: code, legalRepresentative: '钱多多' }] }));
    expect(created.parties[0]).toEqual({ id: expect.any(String), kind: 'organization', name: '青山县好又多超市有限公司', creditCode: code, legalRepresentative: '钱多多' });
    const bad = `${first17}${code[17] === '0' ? '1' : '0'}`;
    expectError(await t.api.post('/api/cases').set(officer).send(caseBody([zhang, liu], { parties: [{ kind: 'organization', name: '某公司', creditCode: bad }] })), 400, ['parties.0.creditCode']);
  });
});

describe('personal data: sealed at rest, masked everywhere, revealed only through the audited call', () => {
  const clear = { idNumber: residentId('1987-03-15', '731'), phone: '13912345678', address: '青山县建设路18号3单元502室' };
  const masked = { idNumber: `1101**********${clear.idNumber.slice(-4)}`, phone: '139****5678', address: '青山县建设路****' };
  let created: CaseBody;

  /** No clear value anywhere in a response or stored text. */
  const expectNoClear = (what: string, value: unknown) => {
    const text = JSON.stringify(value);
    for (const [field, v] of Object.entries(clear)) expect([what, field, text.includes(v)]).toEqual([what, field, false]);
  };
  const expectMaskedParty = (what: string, body: { parties: Array<Record<string, unknown>> }) => {
    expect([what, body.parties[0]]).toEqual([what, { id: expect.any(String), kind: 'person', name: '王小二', ...masked, minor: false }]);
    expectNoClear(what, body);
  };

  beforeAll(async () => {
    created = await fileCase(t, officer, caseBody([zhang, liu], { parties: [{ kind: 'person', name: '王小二', ...clear }] }));
  });

  test('in the create, get, list, update, transition and timeline responses, and the current record of a 409', async () => {
    expectMaskedParty('create', created);
    const got = await t.api.get(`/api/cases/${created.id}`).set(officer);
    expect(got.status).toBe(200);
    expectMaskedParty('get', got.body);
    const list = await t.api.get('/api/cases').query(listQuery({ id: [created.id] })).set(officer);
    expect(list.body).toHaveLength(1);
    expectMaskedParty('list', list.body[0]);
    const supervisorList = await t.api.get('/api/cases').query(listQuery({ id: [created.id] })).set(supervisor);
    expectMaskedParty('list (supervisor)', supervisorList.body[0]);
    // Sending the masked values back unchanged keeps the stored ones.
    const updated = await t.api.put(`/api/cases/${created.id}`).set(officer).send({ ...got.body, cause: '销售超过保质期的食品（饮料）' });
    expect(updated.status).toBe(200);
    expectMaskedParty('update', updated.body);
    const stale = await t.api.put(`/api/cases/${created.id}`).set(officer).send({ version: 0, cause: '过期的修改' });
    expect(stale.status).toBe(409);
    expectMaskedParty('409 current', stale.body.current);
    const moved = await stepOk(t, officer, created.id, 'start_investigation');
    expectMaskedParty('transition', moved);
    const staleStep = await step(t, deptHead, created.id, 'withdraw', { version: 0, reason: '案件移送' });
    expect(staleStep.status).toBe(409);
    expectNoClear('refused transition', staleStep.body);
    const timeline = await t.api.get(`/api/cases/${created.id}/timeline`).set(officer);
    expect(timeline.status).toBe(200);
    expectNoClear('timeline', timeline.body);
    // The create entry of the timeline records the masked party.
    const createEntry = timeline.body.find((e: { action: string }) => e.action === 'case.create');
    expect(JSON.stringify(createEntry.changes)).toContain(masked.idNumber);
  });

  test('the reveal returns the clear values to the officer, the reviewer and the head, unchanged by the update above, each audited', async () => {
    const party = created.parties[0].id;
    const before = await AuditEntryModel.countDocuments({ action: 'case.reveal_personal_data', entityId: created.id });
    for (const [as, name] of [[officer, '张伟 (officer)'], [reviewer, '陈晓燕 (reviewer)'], [deptHead, '孙志强 (dept_head)']] as const) {
      const res = await t.api.post(`/api/cases/${created.id}/parties/${party}/reveal`).set(as);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toEqual({ id: party, name: '王小二', ...clear });
      const entry = await AuditEntryModel.findOne({ action: 'case.reveal_personal_data', entityId: created.id }).sort({ seq: -1 });
      expect(entry!.actorName).toBe(name);
      expect(entry!.note).toContain(party);
    }
    expect(await AuditEntryModel.countDocuments({ action: 'case.reveal_personal_data', entityId: created.id })).toBe(before + 3);
  });

  test('the reveal is 403 for the inspector, the agency administrator and the supervisor, 404 for another agency’s officer or an unknown party, and none of these is audited', async () => {
    const party = created.parties[0].id;
    const before = await AuditEntryModel.countDocuments({ action: 'case.reveal_personal_data' });
    for (const as of [inspector, admin, supervisor]) expectError(await t.api.post(`/api/cases/${created.id}/parties/${party}/reveal`).set(as), 403);
    expectError(await t.api.post(`/api/cases/${created.id}/parties/${party}/reveal`).set(officerB), 404);
    expectError(await t.api.post(`/api/cases/${created.id}/parties/${UNKNOWN_ID}/reveal`).set(officer), 404);
    expect(await AuditEntryModel.countDocuments({ action: 'case.reveal_personal_data' })).toBe(before);
  });

  test('when a party’s phone is changed, then the new value is sealed, shown masked, revealed in clear, and the audit change is masked', async () => {
    const current = (await t.api.get(`/api/cases/${created.id}`).set(officer)).body;
    const parties = [{ ...current.parties[0], phone: '13700001111' }];
    const res = await t.api.put(`/api/cases/${created.id}`).set(officer).send({ version: current.version, parties });
    expect(res.status).toBe(200);
    expect(res.body.parties[0]).toMatchObject({ phone: '137****1111', idNumber: masked.idNumber, address: masked.address });
    const revealed = await t.api.post(`/api/cases/${created.id}/parties/${current.parties[0].id}/reveal`).set(officer);
    expect(revealed.body).toEqual({ id: current.parties[0].id, name: '王小二', ...clear, phone: '13700001111' });
    const entry = await AuditEntryModel.findOne({ action: 'case.update', entityId: created.id }).sort({ seq: -1 });
    expect(entry!.changes!.map((c) => c.field)).toEqual(['parties']);
    expect(JSON.stringify(entry!.changes)).toContain('137****1111');
    expect(JSON.stringify(entry!.changes)).not.toContain('13700001111');
    // Restore the phone of the other tests.
    const again = (await t.api.get(`/api/cases/${created.id}`).set(officer)).body;
    expect((await t.api.put(`/api/cases/${created.id}`).set(officer).send({ version: again.version, parties: [{ ...again.parties[0], phone: clear.phone }] })).status).toBe(200);
  });

  test('the cases collection holds only sealed values (that decrypt to the clear ones) and the keyed hash; the audit log holds no clear value', async () => {
    const db = mongoose.connection.db!;
    const raw = await db.collection('cases').findOne({ _id: new mongoose.Types.ObjectId(created.id) });
    const party = (raw!.parties as Array<Record<string, string>>)[0];
    expect(Object.keys(party).sort()).toEqual(['_id', 'addressMasked', 'addressSealed', 'idNumberHash', 'idNumberMasked', 'idNumberSealed', 'kind', 'minor', 'name', 'phoneMasked', 'phoneSealed']);
    expect(party.idNumberSealed).toMatch(/^v1:/);
    expect(decryptPersonal(party.idNumberSealed)).toBe(clear.idNumber);
    expect(decryptPersonal(party.phoneSealed)).toBe(clear.phone);
    expect(decryptPersonal(party.addressSealed)).toBe(clear.address);
    expectNoClear('cases collection', await db.collection('cases').find({}).toArray());
    expectNoClear('audit_log collection', await db.collection('audit_log').find({}).toArray());
  });

  test('the partyIdNumber filter finds the case by the exact ID number (any case of the check letter) and nothing by another number', async () => {
    const person = { kind: 'person', name: '赵六', ...uniquePerson(), idNumber: residentId('1975-07-01', '882') };
    expect(person.idNumber.endsWith('X')).toBe(true);
    const mine = await fileCase(t, officer, caseBody([zhang, liu], { parties: [{ kind: 'organization', name: '某商行' }, person] }));
    const found = await t.api.get('/api/cases').query(listQuery({ partyIdNumber: person.idNumber })).set(officer);
    expect(found.status).toBe(200);
    expect(found.body.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    expect(found.headers['content-range']).toBe('cases 0-0/1');
    const lower = await t.api.get('/api/cases').query(listQuery({ partyIdNumber: person.idNumber.toLowerCase() })).set(officer);
    expect(lower.body.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    const other = await t.api.get('/api/cases').query(listQuery({ partyIdNumber: residentId('1975-07-02', '882') })).set(officer);
    expect(other.body).toEqual([]);
    expectError(await t.api.get('/api/cases').query(listQuery({ partyIdNumber: '1101' })).set(officer), 400, ['filter.partyIdNumber']);
    // Another agency's officer does not find it.
    expect((await t.api.get('/api/cases').query(listQuery({ partyIdNumber: person.idNumber })).set(officerB)).body).toEqual([]);
  });
});

describe('numbering under concurrent filing', () => {
  test('when 20 cases are filed at once, then they get 20 distinct, consecutive numbers following the last one, without gaps', async () => {
    const before = await counter();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => t.api.post('/api/cases').set(i % 2 ? officer : officer2).send(caseBody([zhang, liu], { cause: `并发立案测试第${i + 1}件` }))));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const seqs = results.map((r) => r.body.seq as number).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i));
    const numbers = results.map((r) => r.body.number as string);
    expect(new Set(numbers).size).toBe(20);
    for (const r of results) expect(r.body.number).toBe(penaltyNumber(r.body.seq));
    expect(await counter()).toBe(before + 20);
    const stored = await CaseModel.find({ agencyId: scjg, year, seq: { $gt: before } }, { seq: 1 });
    expect(stored.map((c) => c.seq).sort((a, b) => a - b)).toEqual(seqs);
  });

  test('numbers are per year: a case filed in the previous year starts or continues that year’s series', async () => {
    const lastYear = `${year - 1}-12-30`;
    const before = (await CaseCounterModel.findById(`${scjg}-${year - 1}`))?.seq ?? 0;
    const created = await fileCase(t, officer, caseBody([zhang, liu], { filedOn: lastYear }));
    expect(created).toMatchObject({ year: year - 1, seq: before + 1, number: penaltyNumber(before + 1, year - 1) });
  });
});

describe('who works on a case', () => {
  test('an officer not assigned to the case cannot edit it, add or correct its records, or reveal its personal data (403); the head can', async () => {
    const c = await fileCase(t, officer, caseBody([zhang, ma]));
    // 刘洋 (officer2) is an officer of the agency, not of this case.
    expectError(await t.api.put(`/api/cases/${c.id}`).set(officer2).send({ version: c.version, facts: '无权修改' }), 403);
    expectError(await t.api.post('/api/case-documents').set(officer2).send({ caseId: c.id, type: 'inspection_record', date: today() }), 403);
    expectError(await t.api.post(`/api/cases/${c.id}/parties/${c.parties[0].id}/reveal`).set(officer2), 403);
    const doc = await t.api.post('/api/case-documents').set(officer).send({ caseId: c.id, type: 'inspection_record', date: today() });
    expect(doc.status).toBe(201);
    expectError(await t.api.post(`/api/case-documents/${doc.body.id}/corrections`).set(officer2).send({ reason: '更正笔误', title: '改' }), 403);
    expect(await CaseModel.findById(c.id)).toMatchObject({ version: c.version });
    expect((await t.api.put(`/api/cases/${c.id}`).set(deptHead).send({ version: c.version, facts: '负责人补充' })).status).toBe(200);
    expect((await t.api.post(`/api/cases/${c.id}/parties/${c.parties[0].id}/reveal`).set(officer)).status).toBe(200);
  });

  test('null clears an optional field on update; a required one cannot be cleared', async () => {
    const c = await fileCase(t, officer, caseBody([zhang, liu], { fineAmount: 800, draftDecision: '拟罚款八百元', source: 'complaint' }));
    const cleared = await t.api.put(`/api/cases/${c.id}`).set(officer).send({ version: c.version, fineAmount: null, draftDecision: null, source: null, facts: null });
    expect(cleared.status).toBe(200);
    const stored = (await CaseModel.findById(c.id))!.toObject() as Record<string, unknown>;
    for (const field of ['fineAmount', 'draftDecision', 'source', 'facts']) expect([field, stored[field]]).toEqual([field, undefined]);
    expectError(await t.api.put(`/api/cases/${c.id}`).set(officer).send({ version: cleared.body.version, cause: null }), 400, ['cause']);
  });
});

describe('optimistic concurrency (version)', () => {
  test('when an update states a stale version, then it is 409 with the current record and nothing changes', async () => {
    const c = await fileCase(t, officer, caseBody([zhang, liu]));
    const first = await t.api.put(`/api/cases/${c.id}`).set(officer).send({ version: 0, facts: '第一次修改' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(1);
    const stale = await t.api.put(`/api/cases/${c.id}`).set(officer2).send({ version: 0, facts: '基于旧版本的修改' });
    expect(stale.status).toBe(409);
    expect(Object.keys(stale.body).sort()).toEqual(['current', 'errors', 'message']);
    expect(stale.body.message).toContain('version 1');
    expect(stale.body.current).toMatchObject({ id: c.id, version: 1, facts: '第一次修改' });
    expect(stale.body.current.actions).toEqual(expect.any(Array));
    expect(await CaseModel.findById(c.id)).toMatchObject({ version: 1, facts: '第一次修改' });
    expect(await AuditEntryModel.countDocuments({ action: 'case.update', entityId: c.id })).toBe(1);
  });

  test('when a transition states a stale version, then it is 409 with the current record and the status does not move', async () => {
    const c = await fileCase(t, officer, caseBody([zhang, liu]));
    expect((await t.api.put(`/api/cases/${c.id}`).set(officer).send({ version: 0, facts: '补充事实' })).status).toBe(200);
    const res = await step(t, officer, c.id, 'start_investigation', { version: 0 });
    expect(res.status).toBe(409);
    expect(res.body.current).toMatchObject({ id: c.id, version: 1, status: 'filed' });
    expect(await CaseModel.findById(c.id)).toMatchObject({ status: 'filed', version: 1 });
    expect(await AuditEntryModel.countDocuments({ action: 'case.start_investigation', entityId: c.id })).toBe(0);
    // With the current version it goes through.
    expect((await step(t, officer, c.id, 'start_investigation', { version: 1 })).status).toBe(200);
  });

  test('when two updates race on the same version, then exactly one wins', async () => {
    const c = await fileCase(t, officer, caseBody([zhang, liu]));
    const results = await Promise.all([
      t.api.put(`/api/cases/${c.id}`).set(officer).send({ version: 0, facts: '甲' }),
      t.api.put(`/api/cases/${c.id}`).set(officer2).send({ version: 0, facts: '乙' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!;
    expect(await CaseModel.findById(c.id)).toMatchObject({ version: 1, facts: winner.body.facts });
  });

  test('read-only fields sent back by the console are ignored; an unknown field is 400', async () => {
    const c = await fileCase(t, officer, caseBody([zhang, liu]));
    const res = await t.api.put(`/api/cases/${c.id}`).set(officer).send({ ...c, status: 'closed', number: 'X', cause: '新案由' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'filed', number: c.number, cause: '新案由' });
    expectError(await t.api.put(`/api/cases/${c.id}`).set(officer).send({ version: 1, secret: 1 }), 400);
  });
});

describe('agency scope', () => {
  let c: CaseBody;
  beforeAll(async () => {
    c = await fileCase(t, officer, caseBody([zhang, liu]));
  });

  test('when another agency’s officer reads, updates, moves, reveals or reads the timeline of a case, then it is 404 and nothing changes', async () => {
    expectError(await t.api.get(`/api/cases/${c.id}`).set(officerB), 404);
    expectError(await t.api.put(`/api/cases/${c.id}`).set(officerB).send({ version: 0, cause: '越权修改' }), 404);
    expectError(await t.api.post(`/api/cases/${c.id}/transitions`).set(officerB).send({ action: 'start_investigation', version: 0 }), 404);
    expectError(await t.api.post(`/api/cases/${c.id}/parties/${c.parties[0].id}/reveal`).set(officerB), 404);
    expectError(await t.api.get(`/api/cases/${c.id}/timeline`).set(officerB), 404);
    expect(await CaseModel.findById(c.id)).toMatchObject({ version: 0, status: 'filed', cause: c.cause });
  });

  test('when another agency’s officer lists cases, then it sees none of this agency’s, even when filtering by its id', async () => {
    const res = await t.api.get('/api/cases').query(listQuery({ agencyId: scjg })).set(officerB);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
    const byId = await t.api.get('/api/cases').query(listQuery({ id: [c.id] })).set(officerB);
    expect(byId.body).toEqual([]);
  });

  test('the supervisor reads every agency’s cases; an unknown id is 404', async () => {
    expect((await t.api.get(`/api/cases/${c.id}`).set(supervisor)).status).toBe(200);
    expectError(await t.api.get(`/api/cases/${UNKNOWN_ID}`).set(officer), 404);
    expectError(await t.api.get('/api/cases/not-an-id').set(officer), 400);
  });
});

describe('decision deadline (art. 60)', () => {
  test('a case filed 91 days ago is overdue, one filed 80 days ago is due soon (15-day warning), one filed today is on time', async () => {
    const old = await fileCase(t, officer, caseBody([zhang, liu], { filedOn: daysAgo(91) }));
    const soon = await fileCase(t, officer, caseBody([zhang, liu], { filedOn: daysAgo(80) }));
    const fresh = await fileCase(t, officer, caseBody([zhang, liu]));
    expect(old).toMatchObject({ filedOn: daysAgo(91), decisionDeadline: { dueOn: daysAgo(1), days: 90 }, deadlineState: 'overdue' });
    expect(soon).toMatchObject({ decisionDeadline: { dueOn: addCalendarDays(today(), 10) }, deadlineState: 'due_soon' });
    expect(fresh).toMatchObject({ decisionDeadline: { dueOn: addCalendarDays(today(), 90) }, deadlineState: 'on_time' });
    // On the last day it is still due soon, not overdue.
    const lastDay = await fileCase(t, officer, caseBody([zhang, liu], { filedOn: daysAgo(90) }));
    expect(lastDay).toMatchObject({ decisionDeadline: { dueOn: today() }, deadlineState: 'due_soon' });

    const ids = [old.id, soon.id, fresh.id, lastDay.id];
    const overdue = await t.api.get('/api/cases').query(listQuery({ id: ids, overdue: true })).set(officer);
    expect(overdue.status).toBe(200);
    expect(overdue.body.map((x: { id: string }) => x.id)).toEqual([old.id]);
    expect(overdue.body[0].deadlineState).toBe('overdue');
    const notOverdue = await t.api.get('/api/cases').query(listQuery({ id: ids, overdue: false })).set(officer);
    expect(notOverdue.body.map((x: { id: string }) => x.id).sort()).toEqual([soon.id, fresh.id, lastDay.id].sort());
    expectError(await t.api.get('/api/cases').query(listQuery({ overdue: 'yes' })).set(officer), 400, ['filter.overdue']);
    // 临期: within the agency's warning period, not yet passed.
    const dueSoon = await t.api.get('/api/cases').query(listQuery({ id: ids, dueSoon: true })).set(officer);
    expect(dueSoon.status).toBe(200);
    expect(dueSoon.body.map((x: { id: string }) => x.id).sort()).toEqual([soon.id, lastDay.id].sort());
    expect(dueSoon.body.every((x: { deadlineState: string }) => x.deadlineState === 'due_soon')).toBe(true);
    expect((await t.api.get('/api/cases').query(listQuery({ id: ids, dueSoon: true })).set(supervisor)).body.map((x: { id: string }) => x.id).sort()).toEqual([soon.id, lastDay.id].sort());
    expectError(await t.api.get('/api/cases').query(listQuery({ dueSoon: 'yes' })).set(officer), 400, ['filter.dueSoon']);
  });

  test('a case decided is no longer overdue; the state shows whether the decision was on time', async () => {
    const c = await fileCase(t, officer, caseBody([zhang], { procedure: 'simple', filedOn: daysAgo(100) }));
    await t.api.post('/api/case-documents').set(officer).send({ caseId: c.id, type: 'decision', date: daysAgo(95) });
    const decided = await stepOk(t, officer, c.id, 'decide_on_spot', { date: daysAgo(95) });
    expect(decided).toMatchObject({ status: 'decided', decidedOn: daysAgo(95), deadlineState: 'done' });
    const overdue = await t.api.get('/api/cases').query(listQuery({ id: [c.id], overdue: true })).set(officer);
    expect(overdue.body).toEqual([]);
  });
});

describe('list filters, search and Content-Range', () => {
  const tag = `T${Date.now().toString(36)}`;
  let a: CaseBody; // penalty, ordinary, 张伟+刘洋, filed 20 days ago, person 孙悟空
  let b: CaseBody; // inspection, ordinary, 张伟+马丽, major, filed 10 days ago
  let c: CaseBody; // penalty, simple, 刘洋, filed today, investigating? no: simple stays filed

  beforeAll(async () => {
    a = await fileCase(t, officer, caseBody([zhang, liu], { cause: `${tag} 无证经营食品`, filedOn: daysAgo(20), parties: [{ kind: 'person', name: `孙悟空${tag}` }] }));
    b = await fileCase(t, officer, caseBody([zhang, ma], { category: 'inspection', cause: `${tag} 年度监督检查`, complex: true, filedOn: daysAgo(10) }));
    c = await fileCase(t, officer2, caseBody([liu], { procedure: 'simple', cause: `${tag} 价格标示不规范` }));
    await stepOk(t, officer, a.id, 'start_investigation', { date: daysAgo(20) });
  });

  const ids = async (filter: Record<string, unknown>, as: Headers = officer) => {
    const res = await t.api.get('/api/cases').query(listQuery({ q: tag, ...filter })).set(as);
    expect(res.status).toBe(200);
    return res.body.map((x: { id: string }) => x.id) as string[];
  };

  test('q searches the cause, the number and party names; the default order is newest filing first', async () => {
    expect(await ids({})).toEqual([c.id, b.id, a.id]);
    const byNumber = await t.api.get('/api/cases').query(listQuery({ q: b.number })).set(officer);
    expect(byNumber.body.map((x: { id: string }) => x.id)).toEqual([b.id]);
    const byParty = await t.api.get('/api/cases').query(listQuery({ q: `悟空${tag}` })).set(officer);
    expect(byParty.body.map((x: { id: string }) => x.id)).toEqual([a.id]);
    // User input is escaped: regex characters match literally.
    expect((await t.api.get('/api/cases').query(listQuery({ q: '.*' })).set(officer)).body).toEqual([]);
  });

  test('status, category, procedure, major and officerId filter exactly', async () => {
    expect(await ids({ status: 'investigating' })).toEqual([a.id]);
    expect(await ids({ status: ['filed', 'investigating'] })).toEqual([c.id, b.id, a.id]);
    expect(await ids({ category: 'inspection' })).toEqual([b.id]);
    expect(await ids({ procedure: 'simple' })).toEqual([c.id]);
    expect(await ids({ major: true })).toEqual([b.id]);
    expect(await ids({ major: false })).toEqual([c.id, a.id]);
    expect(await ids({ officerId: ma })).toEqual([b.id]);
    expect(await ids({ officerId: liu })).toEqual([c.id, a.id]);
  });

  test('filedOn_gte / filedOn_lte select a date range (both inclusive)', async () => {
    expect(await ids({ filedOn_gte: daysAgo(10) })).toEqual([c.id, b.id]);
    expect(await ids({ filedOn_lte: daysAgo(10) })).toEqual([b.id, a.id]);
    expect(await ids({ filedOn_gte: daysAgo(15), filedOn_lte: daysAgo(5) })).toEqual([b.id]);
    expectError(await t.api.get('/api/cases').query(listQuery({ filedOn_gte: '20 days ago' })).set(officer), 400, ['filter.filedOn_gte']);
  });

  test('sort and range page through the results, and Content-Range gives the slice and the total', async () => {
    const page = await t.api.get('/api/cases').query(listQuery({ q: tag }, [0, 1], ['filedOn', 'ASC'])).set(officer);
    expect(page.headers['content-range']).toBe('cases 0-1/3');
    expect(page.body.map((x: { id: string }) => x.id)).toEqual([a.id, b.id]);
    const next = await t.api.get('/api/cases').query(listQuery({ q: tag }, [2, 3], ['filedOn', 'ASC'])).set(officer);
    expect(next.headers['content-range']).toBe('cases 2-2/3');
    expect(next.body.map((x: { id: string }) => x.id)).toEqual([c.id]);
    // List rows carry the computed columns.
    expect(next.body[0]).toMatchObject({ completeness: { required: 2, present: 0 }, deadlineState: 'on_time' });
    expectError(await t.api.get('/api/cases').query({ sort: JSON.stringify(['facts', 'ASC']) }).set(officer), 400, ['sort']);
  });

  test('the whole agency’s list counts exactly its cases', async () => {
    const res = await t.api.get('/api/cases').query(listQuery({}, [0, 0])).set(officer);
    expect(res.headers['content-range']).toBe(`cases 0-0/${await CaseModel.countDocuments({ agencyId: scjg })}`);
  });
});

// The working-day calendar as the legal office maintains it: packaged schedule, a missing year
// reported, a year imported, single days changed, every change audited and versioned, and old
// versions reproducible.
import { calendarAt } from '../../api/src/calendar/calendar.service';
import { addWorkdays } from '../../api/src/platform/calendar/workdays';
import { AuditEntryModel } from '../../api/src/platform/audit/audit.model';
import { expectError } from '../support/api-expectations';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let supervisor: { Authorization: string };
let officer: { Authorization: string };
beforeAll(async () => {
  t = await startTestApp();
  supervisor = await t.as('supervisor');
  officer = await t.as('officer');
});
afterAll(async () => { await t.close(); });

const add = (from: string, days: number, who = officer) => t.api.get('/api/calendar/add-workdays').query({ from, days }).set(who);

describe('working-day calendar API', () => {
  test('over the 2026 National Day week, 5 working days after 30 September end on 13 October (the adjusted Saturday 10 October counts)', async () => {
    const res = await add('2026-09-30', 5);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ date: '2026-10-13', calendarVersion: expect.stringMatching(/^chinese-days@/), warnings: [] });
  });

  test('the day of the event does not count, and 0 working days is the same day', async () => {
    expect((await add('2026-11-23', 1)).body.date).toBe('2026-11-24');
    expect((await add('2026-11-23', 0)).body.date).toBe('2026-11-23');
  });

  test('working days between two dates count the end date but not the start', async () => {
    const res = await t.api.get('/api/calendar/workdays-between').query({ from: '2026-09-30', to: '2026-10-13' }).set(officer);
    expect(res.status).toBe(200);
    expect(res.body.workdays).toBe(5);
  });

  test('bad dates or day counts are 400 naming the parameter', async () => {
    expectError(await t.api.get('/api/calendar/add-workdays').query({ from: '2026-02-30', days: 3 }).set(officer), 400, ['from']);
    expectError(await t.api.get('/api/calendar/add-workdays').query({ from: '2026-02-03', days: -1 }).set(officer), 400, ['days']);
    expectError(await t.api.get('/api/calendar/add-workdays').query({ from: '2026-02-03' }).set(officer), 400, ['days']);
    expectError(await t.api.get('/api/calendar/workdays-between').query({ from: 'yesterday', to: '2026-02-03' }).set(officer), 400, ['from']);
  });

  test('reading needs a sign-in; changing needs the supervisor', async () => {
    expect((await t.api.get('/api/calendar/add-workdays').query({ from: '2026-09-30', days: 5 })).status).toBe(401);
    expectError(await t.api.post('/api/calendar/days').set(officer).send({ date: '2027-01-04', kind: 'holiday', reason: '测试' }), 403);
    expectError(await t.api.put('/api/calendar/years/2027').set(await t.as('agency_admin')).send({ holidays: [], workdays: [], reason: '测试' }), 403);
  });

  test('the known years are listed for the year selector; a year without data is not among them', async () => {
    const res = await t.api.get('/api/calendar/years').set(officer);
    expect(res.status).toBe(200);
    expect(res.body.years).toEqual(expect.arrayContaining([2025, 2026]));
    expect(res.body.years).not.toContain(2027);
    expect([...res.body.years].sort((a: number, b: number) => a - b)).toEqual(res.body.years);
    expect(res.body.calendarVersion).toMatch(/^chinese-days@/);
    expect((await t.api.get('/api/calendar/years')).status).toBe(401);
  });

  test('a count reaching into a year without holiday data carries a warning; importing that year removes it and bumps the version', async () => {
    const before = await add('2026-12-28', 5);
    expect(before.body).toEqual({ date: '2027-01-04', calendarVersion: 'chinese-days@' + before.body.calendarVersion.split('@')[1], warnings: ['calendar_year_missing:2027'] });
    expect((await t.api.get('/api/calendar/years/2027').set(officer)).body.known).toBe(false);

    const imported = await t.api.put('/api/calendar/years/2027').set(supervisor).send({
      holidays: [{ date: '2027-01-01', name: '元旦' }],
      workdays: [],
      reason: '国务院办公厅关于2027年部分节假日安排的通知',
    });
    expect(imported.status).toBe(200);
    expect(imported.body.known).toBe(true);
    expect(imported.body.days).toEqual([expect.objectContaining({ date: '2027-01-01', kind: 'holiday', name: '元旦', source: 'legal_office' })]);
    expect((await t.api.get('/api/calendar/years').set(officer)).body.years).toContain(2027);

    const after = await add('2026-12-28', 5);
    // 29, 30, 31 December, then Monday 4 and Tuesday 5 January (1 January is now a holiday).
    expect(after.body.date).toBe('2027-01-05');
    expect(after.body.warnings).toEqual([]);
    expect(after.body.calendarVersion).not.toBe(before.body.calendarVersion);
    expect(await AuditEntryModel.countDocuments({ action: 'calendar.import_year', entityId: '2027' })).toBe(1);
  });

  test('a single day changed by the supervisor is audited with its reason, and deadlines computed with the old version stay reproducible', async () => {
    const old = await add('2026-12-28', 5);
    const changed = await t.api.post('/api/calendar/days').set(supervisor).send({ date: '2027-01-04', kind: 'holiday', reason: '县政府临时调整' });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ version: expect.any(String), date: '2027-01-04', workday: false });
    const now = await add('2026-12-28', 5);
    expect(now.body.date).toBe('2027-01-06');

    // The old result is recomputed exactly from the version it recorded.
    expect(addWorkdays('2026-12-28', 5, await calendarAt(old.body.calendarVersion)).date).toBe(old.body.date);
    const entry = await AuditEntryModel.findOne({ action: 'calendar.set_day', entityId: '2027-01-04' });
    expect(entry?.note).toContain('县政府临时调整');
    expect(entry?.changes).toEqual([expect.objectContaining({ field: '2027-01-04', before: 'workday', after: 'non-working' })]);
  });

  test('a weekend day can be made a working day, and "default" returns a day to the packaged schedule', async () => {
    // Saturday 2026-11-28 is an ordinary weekend day.
    expect((await add('2026-11-27', 1)).body.date).toBe('2026-11-30');
    await t.api.post('/api/calendar/days').set(supervisor).send({ date: '2026-11-28', kind: 'workday', name: '调休', reason: '测试调休' }).expect(200);
    expect((await add('2026-11-27', 1)).body.date).toBe('2026-11-28');
    await t.api.post('/api/calendar/days').set(supervisor).send({ date: '2026-11-28', kind: 'default', reason: '撤销测试调休' }).expect(200);
    expect((await add('2026-11-27', 1)).body.date).toBe('2026-11-30');
  });

  test('a schedule with a date outside its year is refused and changes nothing', async () => {
    const before = (await t.api.get('/api/calendar/changes').set(officer)).body.length;
    expectError(await t.api.put('/api/calendar/years/2028').set(supervisor).send({ holidays: [{ date: '2029-01-01' }], workdays: [], reason: '错误的导入' }), 400, ['days']);
    expect((await t.api.get('/api/calendar/changes').set(officer)).body.length).toBe(before);
  });
});

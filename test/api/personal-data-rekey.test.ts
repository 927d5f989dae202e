// Key rotation for personal data at rest: after a new key is configured and the old one kept for
// reading, `npm run personal-data:rekey` re-seals every value with the new key; the old key can then
// be dropped and everything still reads, and search by ID number keeps working.
import { randomBytes } from 'node:crypto';
import { CaseModel } from '../../api/src/cases/case.model';
import { config, setConfig } from '../../api/src/config';
import { AuditEntryModel } from '../../api/src/platform/audit/audit.model';
import { rekeyPersonalData } from '../../tools/personal-data-rekey';
import { caseBody, officerIdsOf } from '../support/case-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
const original = config();
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { setConfig(original); await t.close(); });

const keyIdsOf = async (caseId: string) => {
  const c = await CaseModel.findById(caseId).lean();
  return c!.parties.flatMap((p) => [p.idNumberSealed, p.phoneSealed, p.addressSealed].filter(Boolean).map((s) => String(s).split(':')[1]));
};

test('rotating the personal-data key: old values stay readable, rekey moves them to the new key, the old key can then go', async () => {
  const officer = await t.as('officer');
  const body = caseBody(await officerIdsOf('张伟', '刘洋'));
  const clear = body.parties[0];
  const created = await t.api.post('/api/cases').set(officer).send(body);
  expect(created.status).toBe(201);
  const caseId = created.body.id as string;
  const partyId = created.body.parties[0].id as string;
  const oldKeyId = original.personalDataKeys[0].id;
  expect(new Set(await keyIdsOf(caseId))).toEqual(new Set([oldKeyId]));

  // New key configured, old key kept for reading.
  const newKey = randomBytes(32);
  setConfig({ ...original, personalDataKeys: [{ id: 'newkey01', key: newKey }, ...original.personalDataKeys] });
  const revealed = await t.api.post(`/api/cases/${caseId}/parties/${partyId}/reveal`).set(officer);
  expect(revealed.body).toEqual(expect.objectContaining({ idNumber: clear.idNumber, phone: clear.phone, address: clear.address }));

  const result = await rekeyPersonalData();
  expect(result.values).toBeGreaterThanOrEqual(3);
  expect(new Set(await keyIdsOf(caseId))).toEqual(new Set(['newkey01']));
  expect((await rekeyPersonalData()).values).toBe(0);

  // The old key removed: everything still reads, and the ID-number search (keyed hash) still finds the case.
  setConfig({ ...original, personalDataKeys: [{ id: 'newkey01', key: newKey }] });
  const again = await t.api.post(`/api/cases/${caseId}/parties/${partyId}/reveal`).set(officer);
  expect(again.body.idNumber).toBe(clear.idNumber);
  const found = await t.api.get('/api/cases').query({ filter: JSON.stringify({ partyIdNumber: clear.idNumber }) }).set(officer);
  expect(found.body.map((c: { id: string }) => c.id)).toEqual([caseId]);
  expect(await AuditEntryModel.countDocuments({ action: 'case.reveal_personal_data', caseId })).toBe(2);
});

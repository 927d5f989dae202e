// 统一社会信用代码 (GB 32100-2015): the check character, the alphabet and the length, as a unit and
// through the agency API (an enforcement subject records its credit code; an entrusted
// organisation names its entrusting organ).
import { AgencyModel } from '../../api/src/agencies/agency.model';
import { creditCodeCheckChar, creditCodeProblem } from '../../api/src/platform/identifiers/credit-code';
import { agencyIdOf, expectError } from '../support/api-expectations';
import { startTestApp, type TestApp } from '../support/test-app';

// Codes of real, registered organisations (published on their licences).
const VALID = ['91350100M000100Y43', '91110108551385082Q', '9144030071526726XG', '91330100799655058B', '914403001922038216'];
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('creditCodeProblem / creditCodeCheckChar (unit)', () => {
  test.each(VALID)('a registered code %s is valid and its check character is recomputed from the first 17', (code) => {
    expect(creditCodeProblem(code)).toBeUndefined();
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  test('every other check character on 91350100M000100Y43 is refused as "check"', () => {
    const first17 = '91350100M000100Y4';
    const others = [...ALPHABET].filter((c) => c !== '3');
    expect(others).toHaveLength(30);
    for (const c of others) expect([c, creditCodeProblem(first17 + c)]).toEqual([c, 'check']);
  });

  test('changing any one body character (to another allowed character) is caught by the check character', () => {
    const code = '91350100M000100Y43';
    for (let i = 0; i < 17; i++) {
      const replacement = /\d/.test(code[i]) ? String((Number(code[i]) + 1) % 10) : code[i] === 'Y' ? 'X' : 'A';
      const altered = code.slice(0, i) + replacement + code.slice(i + 1);
      expect([i, creditCodeProblem(altered)]).toEqual([i, 'check']);
    }
  });

  test.each(['I', 'O', 'S', 'V', 'Z'])('the letter %s, outside the alphabet, is a format problem wherever it stands', (letter) => {
    const code = '91350100M000100Y43';
    expect(creditCodeProblem(code.slice(0, 8) + letter + code.slice(9))).toBe('format'); // organisation code
    expect(creditCodeProblem(code.slice(0, 17) + letter)).toBe('format'); // check character
    expect(creditCodeProblem(letter + code.slice(1))).toBe('format'); // registration authority
  });

  test('a wrong length, lower case, spaces or letters in the 6-digit region code are format problems', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('format');
    expect(creditCodeProblem('91350100M000100Y433')).toBe('format');
    expect(creditCodeProblem('')).toBe('format');
    expect(creditCodeProblem('91350100m000100y43')).toBe('format');
    expect(creditCodeProblem(' 91350100M000100Y43')).toBe('format');
    expect(creditCodeProblem('91350A00M000100Y43')).toBe('format');
  });
});

describe('agency API: credit code and entrusting organ', () => {
  let t: TestApp;
  let supervisor: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    supervisor = await t.as('supervisor');
  });
  afterAll(async () => {
    await t.close();
  });

  const base = { name: '青山县生态环境分局', shortName: '县生态环境分局', kind: 'enforcement', county: '青山县' };

  test('when an agency is created with a wrong check character, then it is 400 naming creditCode and nothing is stored', async () => {
    const res = await t.api.post('/api/agencies').set(supervisor).send({ ...base, code: 'QS_BAD1', creditCode: '91350100M000100Y44' });
    expectError(res, 400, ['creditCode']);
    expect(res.body.errors.creditCode).toMatch(/check character/);
    expect(await AgencyModel.exists({ code: 'QS_BAD1' })).toBeNull();
  });

  test('when an agency is created with the letter O in its credit code, then it is 400 naming creditCode (format) and nothing is stored', async () => {
    const res = await t.api.post('/api/agencies').set(supervisor).send({ ...base, code: 'QS_BAD2', creditCode: '91350100MO00100Y43' });
    expectError(res, 400, ['creditCode']);
    expect(res.body.errors.creditCode).toMatch(/18 characters/);
    expect(await AgencyModel.exists({ code: 'QS_BAD2' })).toBeNull();
  });

  test.each([['17 characters', '91350100M000100Y4'], ['lower case', '91350100m000100y43']])(
    'when the credit code has %s, then schema validation answers 400 naming creditCode',
    async (_what, creditCode) => {
      const res = await t.api.post('/api/agencies').set(supervisor).send({ ...base, code: 'QS_BAD3', creditCode });
      expectError(res, 400, ['creditCode']);
      expect(await AgencyModel.exists({ code: 'QS_BAD3' })).toBeNull();
    },
  );

  test('when the credit code is valid, then the agency is created with it (an administrative organ by default)', async () => {
    const res = await t.api.post('/api/agencies').set(supervisor).send({ ...base, code: 'QS_STHJ', creditCode: '91350100M000100Y43' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code: 'QS_STHJ', creditCode: '91350100M000100Y43', subjectType: 'administrative_organ' });
    const stored = await AgencyModel.findOne({ code: 'QS_STHJ' });
    expect(stored?.creditCode).toBe('91350100M000100Y43');
    expect(stored?.qualification?.status).toBe('pending');
  });

  test('when an agency is updated with a bad credit code, then it is 400 naming creditCode and the stored code is unchanged', async () => {
    const id = await agencyIdOf('QS_SCJG');
    const before = (await AgencyModel.findById(id))!.creditCode;
    expect(creditCodeProblem(before!)).toBeUndefined();
    const bad = before!.slice(0, 17) + (before![17] === '0' ? '1' : '0');
    const res = await t.api.put(`/api/agencies/${id}`).set(supervisor).send({ creditCode: bad });
    expectError(res, 400, ['creditCode']);
    expect((await AgencyModel.findById(id))!.creditCode).toBe(before);
  });

  test('when an agency is updated with a valid credit code, then it is stored', async () => {
    const id = await agencyIdOf('QS_STHJ');
    const res = await t.api.put(`/api/agencies/${id}`).set(supervisor).send({ creditCode: '91110108551385082Q' });
    expect(res.status).toBe(200);
    expect((await AgencyModel.findById(id))!.creditCode).toBe('91110108551385082Q');
  });

  test('when an entrusted organisation is created without its entrusting organ, then it is 400 naming entrustingOrgan and nothing is stored', async () => {
    const res = await t.api.post('/api/agencies').set(supervisor).send({ ...base, name: '青山县城市管理服务中心', code: 'QS_WT1', subjectType: 'entrusted_organization' });
    expectError(res, 400, ['entrustingOrgan']);
    expect(await AgencyModel.exists({ code: 'QS_WT1' })).toBeNull();
  });

  test('when an entrusted organisation names its entrusting organ, then it is created with it', async () => {
    const res = await t.api.post('/api/agencies').set(supervisor)
      .send({ ...base, name: '青山县城市管理服务中心', code: 'QS_WT2', subjectType: 'entrusted_organization', entrustingOrgan: '青山县综合行政执法局' });
    expect(res.status).toBe(201);
    const stored = await AgencyModel.findOne({ code: 'QS_WT2' });
    expect(stored).toMatchObject({ subjectType: 'entrusted_organization', entrustingOrgan: '青山县综合行政执法局' });
  });

  test('when an existing agency is turned into an entrusted organisation without an entrusting organ, then it is 400 and unchanged', async () => {
    const id = await agencyIdOf('QS_STHJ');
    const res = await t.api.put(`/api/agencies/${id}`).set(supervisor).send({ subjectType: 'entrusted_organization' });
    expectError(res, 400, ['entrustingOrgan']);
    expect((await AgencyModel.findById(id))!.subjectType).toBe('administrative_organ');
  });
});

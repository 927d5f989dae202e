// The demo data a first `npm start` loads: cases in every state for the demo agencies, some of them major,
// their legal reviews in the states the cases imply (queue, under review, completed with a numbered opinion
// whose PDF is stored), and an intact audit chain.
import { CaseModel } from '../../api/src/cases/case.model';
import { verifyAuditChain } from '../../api/src/platform/audit/audit.service';
import { ReviewModel } from '../../api/src/reviews/review.model';
import { CASE_STATUSES } from '../../api/src/cases/case-lifecycle';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(300_000);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ demoCases: true });
});
afterAll(async () => {
  await t.close();
});

test('a few hundred cases, every state present, some of them major', async () => {
  const total = await CaseModel.countDocuments();
  expect(total).toBeGreaterThan(200);
  expect(total).toBeLessThan(1000);
  const missing = [];
  for (const status of CASE_STATUSES) if (!(await CaseModel.exists({ status }))) missing.push(status);
  expect(missing).toEqual([]);
  expect(await CaseModel.countDocuments({ major: true })).toBeGreaterThan(5);
});

test('legal reviews match their cases: a queue, reviews under way, and approvals with a numbered opinion and its PDF', async () => {
  const reviewer = await t.as('reviewer');
  const queue = await t.api.get('/api/reviews').set(reviewer).query({ filter: JSON.stringify({ queue: 'unassigned' }), range: '[0,99]' });
  expect(queue.body.length).toBeGreaterThanOrEqual(1);
  const mine = await t.api.get('/api/reviews').set(reviewer).query({ filter: JSON.stringify({ queue: 'mine' }), range: '[0,99]' });
  expect(mine.body.length).toBeGreaterThanOrEqual(1);
  for (const r of [...queue.body, ...mine.body]) {
    expect(await CaseModel.findById(r.caseId)).toMatchObject({ status: 'legal_review', legalReview: { status: 'pending' } });
  }
  const completed = await ReviewModel.find({ status: 'completed' });
  expect(completed.length).toBeGreaterThanOrEqual(1);
  for (const r of completed) {
    const c = (await CaseModel.findById(r.caseId))!;
    expect(c.legalReview).toMatchObject({ status: 'approved', opinionNumber: r.opinions[0].number });
    expect(r.opinions[0].issuedOn <= (c.decidedOn ?? '9999')).toBe(true);
  }
  const pdf = await t.api.get(`/api/reviews/${completed[0].id}/opinions/1/pdf`).set(reviewer).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (d: Buffer) => chunks.push(d));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  expect(pdf.status).toBe(200);
  expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('the audit chain of the demo data is intact', async () => {
  const result = await verifyAuditChain();
  expect(result).toEqual({ checked: expect.any(Number) });
  expect(result.checked).toBeGreaterThan(1000);
});

// The response contract hook (test/support/response-contract.ts) cannot pass silently: a drifted body, an
// undocumented status or a wrong error body fails the request that received it — through the `api` of
// startTestApp() itself — and conforming responses pass.
import type { Request, Response } from 'express';
import { routeTable } from '../../api/src/routes';
import { agencyIdOf, UNKNOWN_ID } from '../support/api-expectations';
import { responseContract, type ObservedResponse } from '../support/response-contract';
import { startTestApp, type TestApp } from '../support/test-app';

// One route of the real table answers as a test tells it to (set before the app is built from the table).
type Drift = ((req: Request, res: Response) => void) | undefined;
let drift: Drift;
const agencyRoute = routeTable.find((r) => r.method === 'get' && r.path === '/agencies/:id')!;
const realHandler = agencyRoute.handler;
agencyRoute.handler = (req, res) => (drift ? drift(req, res) : realHandler(req, res));

let t: TestApp;
let supervisor: { Authorization: string };
let scjg: string;
let agency: Record<string, unknown>;

beforeAll(async () => {
  t = await startTestApp();
  supervisor = await t.as('supervisor');
  scjg = await agencyIdOf('QS_SCJG');
  const res = await t.api.get(`/api/agencies/${scjg}`).set(supervisor);
  expect(res.status).toBe(200);
  agency = res.body;
});
afterAll(async () => {
  agencyRoute.handler = realHandler;
  await t.close();
});
afterEach(() => {
  drift = undefined;
});

describe('through the api of startTestApp()', () => {
  test('a conforming response passes, and it was checked', async () => {
    const before = responseContract().checked;
    const res = await t.api.get(`/api/agencies/${scjg}`).set(supervisor);
    expect(res.status).toBe(200);
    expect(responseContract().checked).toBe(before + 1);
  });

  test('a body with a field the schema forbids fails the request, naming method, path, status and the Ajv error', async () => {
    drift = (_req, res) => { res.json({ ...agency, bogus: 1 }); };
    await expect(t.api.get(`/api/agencies/${scjg}`).set(supervisor)).rejects.toThrow(
      new RegExp(`GET /api/agencies/${scjg} → 200[\\s\\S]*must NOT have additional properties "bogus"`),
    );
  });

  test('a body without a required field, or with a value of the wrong type, fails', async () => {
    const { name: _name, ...withoutName } = agency;
    drift = (_req, res) => { res.json(withoutName); };
    await expect(t.api.get(`/api/agencies/${scjg}`).set(supervisor)).rejects.toThrow(/must have required property 'name'/);
    drift = (_req, res) => { res.json({ ...agency, qualification: { ...(agency.qualification as object), status: null } }); };
    await expect(t.api.get(`/api/agencies/${scjg}`).set(supervisor)).rejects.toThrow(/\/qualification\/status must be string/);
  });

  test('a status the document does not list for the operation fails, even when the test expects it', async () => {
    drift = (_req, res) => { res.status(418).json({ message: 'teapot', errors: {} }); };
    await expect(t.api.get(`/api/agencies/${scjg}`).set(supervisor).expect(418)).rejects.toThrow(/status 418 is not documented for GET \/api\/agencies\/\{id\}/);
  });

  test('an error body that is not `error` fails; a callback given to end() receives the failure', async () => {
    drift = (_req, res) => { res.status(404).json({ message: 'gone', errors: {}, detail: 'extra' }); };
    const err = await new Promise<Error | null>((resolve) => { t.api.get(`/api/agencies/${scjg}`).set(supervisor).end((e) => resolve(e)); });
    expect(err?.message).toMatch(/GET \/api\/agencies\/\S+ → 404[\s\S]*must NOT have additional properties "detail"/);
  });

  test('a body that is not JSON where the document promises JSON fails', async () => {
    drift = (_req, res) => { res.type('text/plain').send('not json'); };
    await expect(t.api.get(`/api/agencies/${scjg}`).set(supervisor)).rejects.toThrow(/the document promises JSON for 200, the response is text\/plain/);
  });

  test('real refusals conform: unknown record, no sign-in, unknown route', async () => {
    expect((await t.api.get(`/api/agencies/${UNKNOWN_ID}`).set(supervisor)).status).toBe(404);
    expect((await t.api.get(`/api/agencies/${scjg}`)).status).toBe(401);
    expect((await t.api.get('/api/no-such-thing').set(supervisor)).status).toBe(404);
  });
});

describe('the contract itself', () => {
  const contract = responseContract();
  const json = 'application/json; charset=utf-8';
  const observe = (r: Partial<ObservedResponse>): ObservedResponse => ({ method: 'GET', path: `/api/agencies/${scjg}`, status: 200, contentType: json, body: agency, ...r });

  test('lists are checked item by item, the query string is ignored', () => {
    expect(contract.violations(observe({ path: '/api/agencies?sort=name', body: [agency, agency] }))).toEqual([]);
    const found = contract.violations(observe({ path: '/api/agencies?sort=name', body: [agency, { ...agency, extra: true }] }));
    expect(found.join()).toMatch(/\/1 must NOT have additional properties "extra"/);
  });

  test('a non-JSON body is checked for its status only (PDF, workbooks, images)', () => {
    const pdf = `/api/reviews/${UNKNOWN_ID}/opinions/1/pdf`;
    expect(contract.violations(observe({ path: pdf, contentType: 'application/pdf', body: Buffer.from('%PDF-1.7') }))).toEqual([]);
    expect(contract.violations(observe({ path: pdf, status: 201, contentType: 'application/pdf', body: Buffer.from('%PDF-1.7') })).join()).toMatch(/status 201 is not documented/);
    expect(contract.violations(observe({ path: pdf, body: { some: 'json' } })).join()).toMatch(/the document gives no JSON schema for 200/);
  });

  test('a raw JSON body (a test that parses bodies itself) is parsed and checked', () => {
    expect(contract.violations(observe({ body: Buffer.from(JSON.stringify(agency)) }))).toEqual([]);
    expect(contract.violations(observe({ body: Buffer.from(JSON.stringify({ ...agency, extra: 1 })) })).join()).toMatch(/"extra"/);
    expect(contract.violations(observe({ body: Buffer.from('{not json') })).join()).toMatch(/the body is not JSON/);
  });

  test('a path no operation matches may only answer a JSON refusal of the `error` shape', () => {
    expect(contract.violations(observe({ path: '/api/nothing', status: 404, body: { message: 'no route', errors: {} } }))).toEqual([]);
    expect(contract.violations(observe({ path: '/api/nothing', status: 200, body: {} })).join()).toMatch(/no documented operation matches/);
    expect(contract.violations(observe({ path: '/api/nothing', status: 404, body: { message: 'no route' } })).join()).toMatch(/required property 'errors'/);
    expect(contract.violations(observe({ path: '/cases/123', contentType: 'text/html', body: '<!doctype html>' }))).toEqual([]);
  });

  test('an error status with a schema of its own takes exactly one of the documented bodies', () => {
    const transitions = { method: 'POST', path: `/api/cases/${UNKNOWN_ID}/transitions`, status: 409 };
    const failures = [{ key: 'cases.pre.reason', params: {}, message: 'A reason is required' }];
    expect(contract.violations(observe({ ...transitions, body: { message: 'refused', errors: {}, failures } }))).toEqual([]);
    expect(contract.violations(observe({ ...transitions, body: { message: 'refused', errors: {} } }))).toEqual([]);
    expect(contract.violations(observe({ ...transitions, body: { message: 'refused', errors: {}, failures: [{ key: 'x' }] } }))).not.toEqual([]);
    expect(contract.violations(observe({ ...transitions, body: { message: 'refused', errors: {}, failures, current: agency } }))).not.toEqual([]);
  });

  test('assert() throws naming method, path, status and the violations', () => {
    expect(() => contract.assert(observe({ method: 'PUT', status: 200, body: { ...agency, extra: 1 } }))).toThrow(
      new RegExp(`PUT /api/agencies/${scjg} → 200\\n  - .*must NOT have additional properties "extra"`),
    );
  });
});

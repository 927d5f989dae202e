// List endpoints follow ra-data-simple-rest: JSON-encoded sort/range/filter, Content-Range totals,
// whitelisted sort fields, exact/array/boolean/date-range filters and an escaped case-insensitive `q`.
import { AgencyModel } from '../../api/src/agencies/agency.model';
import { expectError } from '../support/api-expectations';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let supervisor: { Authorization: string };

// Extra agencies with known creation dates, on top of the four demo agencies.
const dated = [
  { code: 'DATE_2020_JAN', createdAt: '2020-01-10T08:00:00.000Z', active: true },
  { code: 'DATE_2020_JUN', createdAt: '2020-06-15T08:00:00.000Z', active: false },
  { code: 'DATE_2021_MAR', createdAt: '2021-03-01T08:00:00.000Z', active: true },
];
const DEMO_CODES = ['QS_JTYS', 'QS_SCJG', 'QS_SFJ', 'QS_ZHZF'];
const ALL_CODES = [...DEMO_CODES, ...dated.map((d) => d.code)].sort();

beforeAll(async () => {
  t = await startTestApp();
  supervisor = await t.as('supervisor');
  for (const d of dated) {
    const res = await t.api
      .post('/api/agencies')
      .set(supervisor)
      .send({ name: `历史机关 ${d.code}`, shortName: '历史机关', code: d.code, kind: 'enforcement', county: '青山县', active: d.active });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    // createdAt is immutable through mongoose; set it with the driver, as if the record were that old.
    await AgencyModel.collection.updateOne({ code: d.code }, { $set: { createdAt: new Date(d.createdAt) } });
  }
});
afterAll(async () => {
  await t.close();
});

type Params = { sort?: unknown; range?: unknown; filter?: unknown };
function list(resource: string, params: Params = {}, auth = supervisor) {
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) query[k] = typeof v === 'string' ? v : JSON.stringify(v);
  return t.api.get(`/api/${resource}`).query(query).set(auth);
}
const codes = (body: Array<{ code: string }>) => body.map((a) => a.code);
const totalOf = (header: string) => Number(header.split('/')[1]);

describe('paging and Content-Range', () => {
  test('when a page of two is asked for, then Content-Range names the resource, the range and the total', async () => {
    const res = await list('agencies', { sort: ['code', 'ASC'], range: [0, 1], filter: { code: DEMO_CODES } });
    expect(res.status).toBe(200);
    expect(res.headers['content-range']).toBe('agencies 0-1/4');
    expect(codes(res.body)).toEqual(['QS_JTYS', 'QS_SCJG']);
  });

  test('when the next pages are asked for, then they continue where the last ended and the last one is short', async () => {
    const second = await list('agencies', { sort: ['code', 'ASC'], range: [2, 3] });
    expect(second.headers['content-range']).toBe(`agencies 2-3/${ALL_CODES.length}`);
    expect(codes(second.body)).toEqual(ALL_CODES.slice(2, 4));

    const last = await list('agencies', { sort: ['code', 'ASC'], range: [5, 9] });
    expect(last.headers['content-range']).toBe(`agencies 5-6/${ALL_CODES.length}`);
    expect(codes(last.body)).toEqual(ALL_CODES.slice(5));

    const beyond = await list('agencies', { sort: ['code', 'ASC'], range: [50, 59] });
    expect(beyond.body).toEqual([]);
    expect(totalOf(beyond.headers['content-range'])).toBe(ALL_CODES.length);
  });

  test('when no range is given, then the first 25 records come back', async () => {
    const res = await list('agencies');
    expect(res.headers['content-range']).toBe(`agencies 0-${ALL_CODES.length - 1}/${ALL_CODES.length}`);
    expect(res.body).toHaveLength(ALL_CODES.length);
    // Every record has an id and no mongo internals.
    for (const a of res.body) {
      expect(a.id).toMatch(/^[0-9a-f]{24}$/);
      expect(a).not.toHaveProperty('_id');
      expect(a).not.toHaveProperty('__v');
    }
  });

  test('when pages of one are walked on a sort field many records share, then every record appears exactly once', async () => {
    const seen: string[] = [];
    for (let i = 0; i < ALL_CODES.length; i++) {
      const res = await list('agencies', { sort: ['kind', 'DESC'], range: [i, i] });
      expect(res.headers['content-range']).toBe(`agencies ${i}-${i}/${ALL_CODES.length}`);
      seen.push(...codes(res.body));
    }
    expect([...seen].sort()).toEqual(ALL_CODES);
    expect(seen[0]).toBe('QS_SFJ'); // "legal_office" sorts before "enforcement" by kind DESC
  });

  test('when a browser on the console origin reads a list, then Content-Range is exposed through CORS', async () => {
    const res = await list('agencies').set('Origin', 'http://localhost:5173');
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(res.headers['access-control-expose-headers']).toContain('Content-Range');
  });

  test('when the range is malformed, reversed, negative or over 1000 records, then it is 400 naming range', async () => {
    for (const range of ['[0,1000]', '[0,1]x', '[5,2]', '[-1,3]', '[0.5,3]', '[0]', '{"start":0}', '["0","9"]']) {
      const res = await list('agencies', { range });
      expect([range, res.status]).toEqual([range, 400]);
      expectError(res, 400);
    }
    expectError(await list('agencies', { range: '[0,' }), 400, ['range']);
    // The largest page allowed is exactly 1000 records.
    expect((await list('agencies', { range: [0, 999] })).status).toBe(200);
    expect((await list('agencies', { range: [1000, 1999] })).status).toBe(200);
  });
});

describe('sorting', () => {
  test('when sorted by a whitelisted field ascending or descending, then the order follows', async () => {
    const asc = await list('agencies', { sort: ['code', 'ASC'] });
    expect(codes(asc.body)).toEqual(ALL_CODES);
    const desc = await list('agencies', { sort: ['code', 'DESC'] });
    expect(codes(desc.body)).toEqual([...ALL_CODES].reverse());

    const byDate = await list('agencies', { sort: ['createdAt', 'ASC'], range: [0, 2] });
    expect(codes(byDate.body)).toEqual(['DATE_2020_JAN', 'DATE_2020_JUN', 'DATE_2021_MAR']);

    const users = await list('users', { sort: ['username', 'DESC'], range: [0, 1] });
    expect(users.body.map((u: { username: string }) => u.username)).toEqual(['supervisor', 'reviewer']);
  });

  test('when sorted by id (react-admin’s default), then it is accepted', async () => {
    const res = await list('agencies', { sort: ['id', 'DESC'] });
    expect(res.status).toBe(200);
    const ids = res.body.map((a: { id: string }) => a.id);
    expect(ids).toEqual([...ids].sort().reverse());
  });

  test('when sorted by a field that is not whitelisted, then it is 400 naming sort', async () => {
    const res = await list('agencies', { sort: ['address', 'ASC'] });
    expectError(res, 400, ['sort']);
    expect(res.body.message).toBe('Cannot sort by "address"');
    expectError(await list('users', { sort: ['passwordHash', 'ASC'] }), 400, ['sort']);
    expectError(await list('users', { sort: ['$natural', 'ASC'] }), 400, ['sort']);
  });

  test('when sort is not ["field","ASC"|"DESC"] JSON, then it is 400 naming sort', async () => {
    for (const sort of ['name', '["name"]', '["name","UP"]', '[1,"ASC"]', '{"name":1}']) {
      expectError(await list('agencies', { sort }), 400);
    }
    expectError(await list('agencies', { sort: '["name",' }), 400, ['sort']);
  });
});

describe('filters', () => {
  test('when filter is not JSON or not an object, then it is 400', async () => {
    expectError(await list('agencies', { filter: '{kind:enforcement}' }), 400, ['filter']);
    expectError(await list('agencies', { filter: '["kind"]' }), 400);
    expectError(await list('agencies', { filter: '"kind"' }), 400);
  });

  test('when filtered by exact value or a list of values, then only matches come back with the matching total', async () => {
    const legal = await list('agencies', { filter: { kind: 'legal_office' } });
    expect(codes(legal.body)).toEqual(['QS_SFJ']);
    expect(legal.headers['content-range']).toBe('agencies 0-0/1');

    const several = await list('agencies', { filter: { code: ['QS_SFJ', 'QS_JTYS', 'NOPE'] }, sort: ['code', 'ASC'] });
    expect(codes(several.body)).toEqual(['QS_JTYS', 'QS_SFJ']);
  });

  test('when filtered by {"id": [...]} (react-admin getMany), then exactly those records come back', async () => {
    const all = await list('agencies', { sort: ['code', 'ASC'] });
    const wanted = [all.body[1], all.body[4]];
    const res = await list('agencies', { filter: { id: wanted.map((a: { id: string }) => a.id) }, sort: ['code', 'ASC'] });
    expect(res.body).toEqual(wanted);
    expect(res.headers['content-range']).toBe('agencies 0-1/2');

    const one = await list('agencies', { filter: { id: wanted[0].id } });
    expect(codes(one.body)).toEqual([wanted[0].code]);
    expectError(await list('agencies', { filter: { id: ['not-an-id'] } }), 400, ['filter.id']);
  });

  test('when filtered by a boolean, then true and false split the records; a string is refused', async () => {
    const inactive = await list('agencies', { filter: { active: false } });
    expect(codes(inactive.body)).toEqual(['DATE_2020_JUN']);
    const active = await list('agencies', { filter: { active: true } });
    expect(totalOf(active.headers['content-range'])).toBe(ALL_CODES.length - 1);
    expect(codes(active.body)).not.toContain('DATE_2020_JUN');
    expectError(await list('agencies', { filter: { active: 'false' } }), 400, ['filter.active']);
  });

  test('when filtered by createdAt_gte / createdAt_lte, then only records created in the range come back', async () => {
    const in2020 = await list('agencies', { filter: { createdAt_gte: '2020-01-01', createdAt_lte: '2020-12-31T23:59:59Z' }, sort: ['createdAt', 'ASC'] });
    expect(in2020.status).toBe(200);
    expect(codes(in2020.body)).toEqual(['DATE_2020_JAN', 'DATE_2020_JUN']);

    const since = await list('agencies', { filter: { createdAt_gte: '2020-06-15T08:00:00.000Z', kind: 'enforcement' }, sort: ['createdAt', 'ASC'] });
    // Bounds are inclusive; the demo agencies were created today.
    expect(codes(since.body).slice(0, 2)).toEqual(['DATE_2020_JUN', 'DATE_2021_MAR']);
    expect(codes(since.body)).not.toContain('DATE_2020_JAN');

    const until = await list('agencies', { filter: { createdAt_lte: '2020-01-10T08:00:00.000Z' } });
    expect(codes(until.body)).toEqual(['DATE_2020_JAN']);

    expectError(await list('agencies', { filter: { createdAt_gte: 'last tuesday' } }), 400, ['filter.createdAt_gte']);
    expectError(await list('agencies', { filter: { code_gte: 'QS' } }), 400, ['filter.code_gte']);
  });

  test('when filtered by a field that is not filterable, then it is 400 naming it', async () => {
    const res = await list('agencies', { filter: { address: '青山县人民路 1 号' } });
    expectError(res, 400, ['filter.address']);
    expect(res.body.message).toBe('Cannot filter by "address"');
  });

  test('when empty filter values are sent (a cleared form input), then they are ignored', async () => {
    const res = await list('agencies', { filter: { kind: '', county: null } });
    expect(totalOf(res.headers['content-range'])).toBe(ALL_CODES.length);
  });

  test('when users are filtered by role, then users holding that role come back', async () => {
    const res = await list('users', { filter: { role: 'officer' }, sort: ['username', 'ASC'] });
    expect(res.body.map((u: { username: string }) => u.username)).toEqual(['officer', 'officer2', 'officer_b']);
  });
});

describe('search with q', () => {
  test('when q is typed in any letter case, then it matches case-insensitively in the searched fields', async () => {
    expect(codes((await list('agencies', { filter: { q: 'qs_scjg' } })).body)).toEqual(['QS_SCJG']);
    expect(codes((await list('agencies', { filter: { q: '  市场监督  ' } })).body)).toEqual(['QS_SCJG']);
    const users = await list('users', { filter: { q: 'OFFICER' }, sort: ['username', 'ASC'] });
    expect(users.body.map((u: { username: string }) => u.username)).toEqual(['officer', 'officer2', 'officer_b']);
    // displayName is searched too.
    expect((await list('users', { filter: { q: '周磊' } })).body.map((u: { username: string }) => u.username)).toEqual(['officer_b']);
  });

  test('when q holds regular-expression characters, then they are matched literally: no error, no match-everything', async () => {
    for (const q of ['(', '.*', '[', '\\', '^', 'QS_S.J', 'QS_S[CF]', '+', '|', '$', '?']) {
      const res = await list('agencies', { filter: { q } });
      expect([q, res.status]).toEqual([q, 200]);
      expect([q, res.body]).toEqual([q, []]);
    }
    // A literal match of such characters still works.
    const res = await t.api
      .post('/api/agencies')
      .set(supervisor)
      .send({ name: '青山县(试点)执法局', shortName: '试点局', code: 'PILOT_1', kind: 'enforcement', county: '青山县' });
    expect(res.status).toBe(201);
    expect(codes((await list('agencies', { filter: { q: '(试点)' } })).body)).toEqual(['PILOT_1']);
    await t.api.delete(`/api/agencies/${res.body.id}`).set(supervisor).expect(200);
  });

  test('when q is not a string, then it is 400', async () => {
    expectError(await list('agencies', { filter: { q: { $regex: '.*' } } }), 400, ['filter.q']);
    expectError(await list('agencies', { filter: { q: ['a'] } }), 400, ['filter.q']);
  });
});

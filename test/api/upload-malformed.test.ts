// Malformed multipart requests are the client's fault: the shared upload middleware answers 400 with a
// message naming the problem, writes nothing and leaves no file behind — for every upload route.
import { agencyIdOf, expectError } from '../support/api-expectations';
import { filesBelow, officerNamed, settledUploads, TINY_PNG, uploadsDir } from '../support/enforcement-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { OfficerModel } from '../../api/src/officers/officer.model';
import { PowerItemModel } from '../../api/src/powers/power-item.model';

let t: TestApp;
let admin: { Authorization: string };
let officerId: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('agency_admin');
  officerId = (await officerNamed('马丽')).id;
  await agencyIdOf('QS_SCJG');
});
afterAll(async () => {
  await t.close();
});

const BOUNDARY = '----enforcementTestBoundary7MA4YWxkTrZu0gW';

function part(name: string, body: Buffer | string, filename?: string, contentType = 'image/png'): Buffer {
  const head = filename
    ? `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`
    : `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body), Buffer.from('\r\n')]);
}
const end = Buffer.from(`--${BOUNDARY}--\r\n`);

interface Shape {
  name: string;
  contentType: string;
  body: (field: string, type: string) => Buffer;
  /** The field the answer names. */
  names: (field: string) => string;
}

const shapes: Shape[] = [
  {
    name: 'multipart/form-data without a boundary',
    contentType: 'multipart/form-data',
    body: (field, type) => Buffer.concat([part(field, TINY_PNG, 'a.png', type), end]),
    names: (field) => field,
  },
  {
    name: 'a boundary that the body never uses',
    contentType: 'multipart/form-data; boundary=nothing-like-it',
    body: (field, type) => Buffer.concat([part(field, TINY_PNG, 'a.png', type), end]),
    names: (field) => field,
  },
  {
    name: 'a truncated body (no closing boundary)',
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: (field, type) => part(field, TINY_PNG, 'a.png', type).subarray(0, 120),
    names: (field) => field,
  },
  {
    name: 'a file in an unknown field',
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: (_field, type) => Buffer.concat([part('unexpected', TINY_PNG, 'a.png', type), end]),
    names: () => 'unexpected',
  },
  {
    name: 'two files in the file field',
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: (field, type) => Buffer.concat([part(field, TINY_PNG, 'a.png', type), part(field, TINY_PNG, 'b.png', type), end]),
    names: (field) => field,
  },
  {
    name: 'a field name with control characters',
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: (field, type) => Buffer.concat([part('note\u0001\u0007', 'x'), part(field, TINY_PNG, 'a.png', type), end]),
    // The part's header cannot be parsed, so its name is unknown: the answer names the file field.
    names: (field) => field,
  },
  {
    name: 'a field name that is a nested path',
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: (field, type) => Buffer.concat([part('a[b][', 'x'), part(field, TINY_PNG, 'a.png', type), end]),
    names: () => 'a[b][',
  },
  {
    name: 'a field named __proto__',
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: (field, type) => Buffer.concat([part('__proto__[polluted]', 'x'), part(field, TINY_PNG, 'a.png', type), end]),
    names: () => '__proto__[polluted]',
  },
  {
    name: 'a part without a name',
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: (field, type) => Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nx\r\n`), part(field, TINY_PNG, 'a.png', type), end]),
    names: (field) => field,
  },
];

const routes = [
  { label: 'PUT /api/officers/{id}/photo', method: 'put' as const, path: () => `/api/officers/${officerId}/photo`, field: 'photo', type: 'image/png' },
  { label: 'POST /api/powers/import', method: 'post' as const, path: () => '/api/powers/import', field: 'file', type: 'application/octet-stream' },
];

describe.each(routes)('$label', (route) => {
  test.each(shapes)('when the request has $name, then it is refused with 400 naming the problem and nothing is written', async (shape) => {
    const powersBefore = await PowerItemModel.countDocuments();
    const res = await t.api[route.method](route.path())
      .set(admin)
      .set('Accept-Language', 'zh-CN')
      .set('Content-Type', shape.contentType)
      .send(shape.body(route.field, route.type));
    expectError(res, 400, [shape.names(route.field)]);
    expect(res.body.message).toMatch(/上传/);
    expect(await settledUploads([])).toEqual([]);
    expect(await PowerItemModel.countDocuments()).toBe(powersBefore);
    expect((await OfficerModel.findById(officerId))!.photo).toBeUndefined();
  });
});

test('after every malformed request the server still accepts a well-formed upload', async () => {
  const res = await t.api.put(`/api/officers/${officerId}/photo`).set(admin).attach('photo', TINY_PNG, { filename: 'ok.png', contentType: 'image/png' });
  expect(res.status).toBe(200);
  expect(filesBelow(uploadsDir()).filter((f) => !f.startsWith('.incoming'))).toHaveLength(1);
});

// The built console is served from wherever the project was installed — also from a folder below a
// dot-directory (~/.local/src/…), which the file sender refuses for absolute paths — with the
// single-page-app fallback for deep links; library errors keep their 4xx status.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import supertest from 'supertest';
import type { buildApp as BuildApp } from '../../api/src/app';

const root = mkdtempSync(join(tmpdir(), 'console-static-'));
const uiDist = join(root, '.local', 'src', 'enforcement', 'admin-ui', 'dist');
const INDEX = '<!doctype html><html><head><title>行政执法三项制度</title></head><body><div id="root"></div></body></html>';
let api: ReturnType<typeof supertest>;

beforeAll(() => {
  mkdirSync(join(uiDist, 'assets'), { recursive: true });
  writeFileSync(join(uiDist, 'index.html'), INDEX);
  writeFileSync(join(uiDist, 'assets', 'app-1a2b3c.js'), 'console.log("console");');
  // The configuration is read once per test file: set the console folder before the app is loaded.
  process.env.UI_DIST = uiDist;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildApp } = require('../../api/src/app') as { buildApp: typeof BuildApp };
  api = supertest(buildApp());
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

test('when the console lives below a dot-directory, then / serves its index page', async () => {
  const res = await api.get('/');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  expect(res.headers['cache-control']).toBe('no-cache');
  expect(res.text).toBe(INDEX);
});

test('when a deep link such as /cases/123 is opened, then the index page is served for the console to route', async () => {
  for (const path of ['/cases/123', '/cases/123/show', '/public/agencies/abc']) {
    const res = await api.get(path);
    expect(res.status).toBe(200);
    expect(res.text).toBe(INDEX);
  }
});

test('when a built asset is requested, then it is served with a long-lived cache header', async () => {
  const res = await api.get('/assets/app-1a2b3c.js');
  expect(res.status).toBe(200);
  expect(res.text).toContain('console');
  expect(res.headers['cache-control']).toContain('immutable');
});

test('when a request tries to climb out of the console folder, then it gets the index page or a client error, never a file outside it', async () => {
  for (const path of ['/assets/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2f..%2f..%2f..%2fpackage.json', '/assets/%00', '/%E0%A4%A']) {
    const res = await api.get(path).set('Accept-Language', 'zh-CN');
    if (res.status === 200) expect(res.text).toBe(INDEX);
    else {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(Object.keys(res.body).sort()).toEqual(['errors', 'message']);
    }
  }
});

test('when a library error with a 4xx status reaches the error handler, then its status is kept with a translated message', async () => {
  // body-parser: a JSON body over the limit (413) and a wrong charset (415) are client errors.
  const tooLarge = await api.post('/api/auth/login').set('Content-Type', 'application/json').set('Accept-Language', 'zh-CN').send(`{"username":"${'x'.repeat(2 * 1024 * 1024)}"}`);
  expect(tooLarge.status).toBe(413);
  expect(tooLarge.body.message).toMatch(/请求内容过大/);
  const charset = await api.post('/api/auth/login').set('Content-Type', 'application/json; charset=klingon').set('Accept-Language', 'zh-CN').send('{}');
  expect(charset.status).toBe(415);
  expect(charset.body.message).toMatch(/请求无法处理/);
  expect(charset.body.errors).toEqual({});
});

// The OpenAPI 3.1 document: every route the app really serves under /api is in it (checked against the
// route table and against the Express router layers of the built app), every $ref resolves, and the
// browsable docs are served.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../api/src/config';
import { routeTable } from '../../api/src/routes';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let doc: {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown>; security?: unknown[]; parameters?: Array<{ name: string; in: string }> }>>;
  components: { schemas: Record<string, unknown> };
};
beforeAll(async () => {
  t = await startTestApp({ seed: false });
  const res = await t.api.get('/api/openapi.json');
  if (res.status !== 200) throw new Error(`openapi.json: ${res.status}`);
  doc = res.body;
});
afterAll(async () => {
  await t.close();
});

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** "/api/agencies/:id" → "/api/agencies/{id}" */
const toOpenApi = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/**
 * Routes that exist for the docs page itself and are not API operations: the Swagger UI start script.
 * (Its static assets are served by middleware, not routes, so the walk does not see them.)
 */
const NOT_OPERATIONS = new Set(['get /api/docs/init.js']);

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: RouterLayer[] };
  rawPath?: unknown;
}

/** Every "method path" the Express app answers, found by walking its router layers (mounted routers included). */
function servedRoutes(stack: RouterLayer[], prefix = ''): string[] {
  const found: string[] = [];
  for (const layer of stack) {
    if (layer.route) {
      if (typeof layer.route.path !== 'string') continue; // regular-expression routes (the console's SPA fallback)
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on && HTTP_METHODS.includes(method)) found.push(`${method} ${prefix}${layer.route.path}`);
      }
    } else if (layer.handle?.stack) {
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      found.push(...servedRoutes(layer.handle.stack, prefix + mount));
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  test('when /api/openapi.json is read without signing in, then it is an OpenAPI 3.1.0 document', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toContain('行政执法三项制度');
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(5);
  });

  test('when the route table is compared with the document, then every route is there with its method', () => {
    expect(routeTable.length).toBeGreaterThan(10);
    const missing = routeTable.filter((r) => !doc.paths[toOpenApi(`/api${r.path}`)]?.[r.method]).map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });

  test('when the router layers of the built app are walked, then every route served under /api is documented, and nothing documented is unserved', () => {
    const app = t.app as unknown as { router: { stack: RouterLayer[] } };
    const served = servedRoutes(app.router.stack).filter((r) => r.split(' ')[1].startsWith('/api/'));
    // The walk must really see the routes, or this test would pass on an empty list.
    expect(served).toEqual(expect.arrayContaining(['get /api/health', 'post /api/auth/login', 'put /api/users/:id', 'get /api/openapi.json']));
    expect(served.length).toBeGreaterThanOrEqual(routeTable.length);

    const undocumented = served.filter((r) => !NOT_OPERATIONS.has(r)).filter((r) => {
      const [method, path] = r.split(' ');
      return !doc.paths[toOpenApi(path)]?.[method];
    });
    expect(undocumented).toEqual([]);

    const servedSet = new Set(served.map((r) => toOpenApi(r)));
    const unserved: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const method of Object.keys(operations)) if (!servedSet.has(`${method} ${path}`)) unserved.push(`${method} ${path}`);
    }
    expect(unserved).toEqual([]);
  });

  test('when any $ref in the document is followed, then it resolves inside the document', () => {
    const refs: string[] = [];
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          if (k === '$ref' && typeof v === 'string') refs.push(v);
          else walk(v);
        }
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(20);

    const resolve = (ref: string): unknown => {
      if (!ref.startsWith('#/')) return undefined;
      let node: unknown = doc;
      for (const raw of ref.slice(2).split('/')) {
        const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
        if (!node || typeof node !== 'object' || !(key in node)) return undefined;
        node = (node as Record<string, unknown>)[key];
      }
      return node;
    };
    const broken = [...new Set(refs)].filter((ref) => resolve(ref) === undefined);
    expect(broken).toEqual([]);
  });

  test('when the components are listed, then every schema file is among them', () => {
    const files = readdirSync(join(projectRoot, 'schemas')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect(Object.keys(doc.components.schemas).sort()).toEqual(files.sort());
  });

  test('when operations are read, then ids are unique, path parameters are declared, and access is described', () => {
    const ids: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(operations)) {
        ids.push(op.operationId);
        const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        expect([method, path, declared.sort()]).toEqual([method, path, [...pathParams].sort()]);
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
      }
    }
    expect(new Set(ids).size).toBe(ids.length);

    // Public routes say so; protected ones document the 401.
    expect(doc.paths['/api/auth/login'].post.security).toEqual([]);
    expect(doc.paths['/api/health'].get.security).toEqual([]);
    expect(doc.paths['/api/users'].get.responses).toHaveProperty('401');
    expect(doc.paths['/api/users'].get.responses).toHaveProperty('403');
    expect(doc.paths['/api/users/{id}'].get.responses).toHaveProperty('404');
  });
});

describe('the browsable docs', () => {
  test('when /api/docs is opened, then an HTML page loads Swagger UI pointing at the document', async () => {
    const page = await t.api.get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('swagger-ui');
    // No inline script: the Content-Security-Policy forbids it.
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(page.text).not.toMatch(/<script>(?!<\/script>)/);

    const scripts = [...page.text.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const res = await t.api.get(src);
      expect([src, res.status]).toEqual([src, 200]);
      expect(res.headers['content-type']).toMatch(/javascript/);
    }
    const init = await t.api.get('/api/docs/init.js');
    expect(init.text).toContain("url: '/api/openapi.json'");

    const css = [...page.text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
    for (const href of css) expect((await t.api.get(href)).status).toBe(200);
  });
});

// The response contract: every response the API tests receive through `withResponseContract(supertest(app))`
// (startTestApp() wraps its `api` so) must be one the OpenAPI document promises for that operation — the
// status is listed for the method and the matched route path, and a JSON body matches the schema the document
// gives for that status (4xx/5xx: `error`). A mismatch fails the request's promise, so the test that made the
// request fails with the method, path, status and the Ajv errors. Non-JSON bodies (PDF, xlsx, images, HTML)
// are checked for their status only.
//
// The schemas are compiled from the published document itself (components with their $refs resolved), with
// the same Ajv options and keywords as the request validation but without `useDefaults`: a validator that
// filled in defaults would hide a missing field instead of reporting it.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type supertest from 'supertest';
import type { Response } from 'supertest';
import type { RouteSpec } from '../../api/src/platform/http/route';
import { buildOpenApi, openApiPath } from '../../api/src/platform/http/openapi';
import { routeTable } from '../../api/src/routes';

type Schema = Record<string, unknown>;
interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** A response as the contract sees it. */
export interface ObservedResponse {
  method: string;
  /** The request path, query string allowed (it is ignored). */
  path: string;
  status: number;
  contentType: string | undefined;
  /** The parsed JSON body (a raw Buffer or string is parsed when the content type is JSON). */
  body: unknown;
}

export interface ResponseContract {
  /** Every way `response` breaks the document: empty when it conforms. */
  violations(response: ObservedResponse): string[];
  /** Throws an Error naming method, path, status and every violation. */
  assert(response: ObservedResponse): void;
  /** How many responses were checked (the contract test proves the hook really runs). */
  readonly checked: number;
}

const COMPONENTS_ID = 'openapi-components';
const COMPONENT_REF = '#/components/schemas/';

/** The document's "#/components/schemas/x…" refs, pointed at one registered schema holding the components. */
function pointRefs(value: unknown, prefix: string): unknown {
  if (Array.isArray(value)) return value.map((v) => pointRefs(v, prefix));
  if (!value || typeof value !== 'object') return value;
  const out: Schema = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$ref' && typeof v === 'string') {
      if (!v.startsWith(COMPONENT_REF)) throw new Error(`response contract: a $ref outside the components: ${v}`);
      out.$ref = `${prefix}${v.slice(COMPONENT_REF.length)}`;
    } else if (k === '$schema') continue; // only the root of a schema may name its dialect
    else out[k] = pointRefs(v, prefix);
  }
  return out;
}

const isJson = (contentType: string | undefined) => !!contentType && /^application\/([\w.-]+\+)?json\b/i.test(contentType);

/** Express path ("/agencies/:id") → a matcher with Express's defaults (case-insensitive, trailing slash allowed). */
function pathMatcher(expressPath: string): RegExp {
  if (!/^(\/([\w.-]+|:\w+))+$/.test(expressPath)) {
    // Wildcards, optional segments and the like would need path-to-regexp's full syntax: refuse rather than mis-match.
    throw new Error(`response contract: route path "${expressPath}" uses syntax the contract cannot match`);
  }
  const source = expressPath
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.]/g, '\\.')))
    .join('/');
  return new RegExp(`^/api${source}/?$`, 'i');
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => {
      const params = e.keyword === 'additionalProperties' ? ` "${(e.params as { additionalProperty: string }).additionalProperty}"` : '';
      const data = e.keyword === 'additionalProperties' || e.keyword === 'required' ? '' : ` (got ${JSON.stringify(e.data)?.slice(0, 120)})`;
      return `${e.instancePath || '(body)'} ${e.message}${params}${data} [${e.schemaPath}]`;
    })
    .join('; ');
}

export function createResponseContract(routes: RouteSpec[] = routeTable, document?: OpenApiDocument): ResponseContract {
  const doc = document ?? (buildOpenApi(routes, '0.0.0-contract') as unknown as OpenApiDocument);
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-hint', schemaType: 'object' });
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: pointRefs(doc.components.schemas, '#/$defs/') as Schema });

  const operations = routes.map((r) => {
    const operation = doc.paths[openApiPath(r.path)]?.[r.method];
    if (!operation) throw new Error(`response contract: ${r.method.toUpperCase()} ${openApiPath(r.path)} is not in the document`);
    return { method: r.method, path: openApiPath(r.path), matcher: pathMatcher(r.path), operation };
  });
  const compiled = new Map<Schema, ValidateFunction>();
  const validatorFor = (schema: Schema) => {
    let fn = compiled.get(schema);
    if (!fn) {
      fn = ajv.compile(pointRefs(schema, `${COMPONENTS_ID}#/$defs/`) as Schema);
      compiled.set(schema, fn);
    }
    return fn;
  };
  // Every documented JSON schema compiles now, so a broken one fails at once rather than on first use.
  for (const { operation } of operations) {
    for (const response of Object.values(operation.responses)) {
      for (const [type, media] of Object.entries(response.content ?? {})) if (isJson(type) && media.schema) validatorFor(media.schema);
    }
  }
  const errorValidator = validatorFor({ $ref: `${COMPONENT_REF}error` });

  let checked = 0;

  function violations(r: ObservedResponse): string[] {
    checked++;
    const method = r.method.toLowerCase();
    // A CORS preflight is answered by the cors middleware and is no operation of the document.
    if (method === 'options') return [];
    const path = r.path.split('?')[0];
    const json = isJson(r.contentType);
    let body = r.body;
    if (json && (Buffer.isBuffer(body) || typeof body === 'string')) {
      try {
        body = JSON.parse(body.toString());
      } catch {
        return [`the content type is ${r.contentType} but the body is not JSON`];
      }
    }
    const lookup = method === 'head' ? 'get' : method;
    const found = operations.find((o) => o.method === lookup && o.matcher.test(path));

    if (!found) {
      // No operation: only the unknown-route refusal (or a refusal before routing, such as malformed JSON or the
      // public rate limit) may answer in JSON; other answers are the console and the docs assets.
      if (!json) return [];
      if (r.status < 400 || r.status >= 500) return [`no documented operation matches, yet it answered ${r.status} with JSON`];
      return errorValidator(body) ? [] : [`the error body does not match "error": ${describeErrors(errorValidator.errors)}`];
    }

    const documented = found.operation.responses[String(r.status)];
    if (!documented) {
      return [`status ${r.status} is not documented for ${found.method.toUpperCase()} ${found.path} (documented: ${Object.keys(found.operation.responses).join(', ')})`];
    }
    const jsonMedia = Object.entries(documented.content ?? {}).find(([type]) => isJson(type))?.[1];
    if (!json) {
      if (jsonMedia && method !== 'head' && r.status !== 204) return [`the document promises JSON for ${r.status}, the response is ${r.contentType ?? 'without a content type'}`];
      return [];
    }
    if (!jsonMedia?.schema) return [`the response is JSON but the document gives no JSON schema for ${r.status}`];
    const fn = validatorFor(jsonMedia.schema);
    return fn(body) ? [] : [describeErrors(fn.errors)];
  }

  return {
    violations,
    assert(r) {
      const found = violations(r);
      if (found.length === 0) return;
      const body = JSON.stringify(r.body instanceof Buffer ? `<${r.body.length} bytes>` : r.body) ?? '';
      throw new Error(
        `Response does not match the OpenAPI document: ${r.method.toUpperCase()} ${r.path.split('?')[0]} → ${r.status}\n` +
          found.map((v) => `  - ${v}`).join('\n') +
          `\n  body: ${body.length > 1500 ? `${body.slice(0, 1500)}…` : body}`,
      );
    },
    get checked() {
      return checked;
    },
  };
}

let shared: ResponseContract | undefined;
/** The contract of the real route table, built once per test file. */
export function responseContract(): ResponseContract {
  shared ??= createResponseContract();
  return shared;
}

/** What the contract needs of a supertest response (the request is superagent's, `res.req`). */
export function observed(res: Response): ObservedResponse {
  const req = (res as unknown as { req: { method: string; path: string } }).req;
  return { method: req.method, path: req.path, status: res.status, contentType: res.headers['content-type'], body: res.body };
}

type Agent = ReturnType<typeof supertest>;
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options']);

/**
 * The one hook: every request made through the returned agent carries, as its first assertion, the check of
 * its response against the contract. A violation rejects the request's promise (or reaches `.end(cb)` as the
 * error), exactly as a failed `.expect()` does.
 */
export function withResponseContract(agent: Agent, contract: ResponseContract = responseContract()): Agent {
  return new Proxy(agent, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof prop !== 'string' || !HTTP_METHODS.has(prop) || typeof value !== 'function') return value;
      return (url: string) => (value as (u: string) => supertest.Test).call(target, url).expect((res: Response) => contract.assert(observed(res)));
    },
  });
}

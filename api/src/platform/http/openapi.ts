// OpenAPI 3.1 assembled from the route table and the JSON Schema files (3.1 speaks JSON Schema
// 2020-12, so the files are embedded as they are, with their cross-file $refs rewritten).
import type { RouteSpec } from './route';
import { schemas } from '../validation';

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$id') continue;
    if (k === '$ref' && typeof v === 'string') {
      const [file, pointer = ''] = v.split('#');
      out.$ref = `#/components/schemas/${file}${pointer}`;
    } else out[k] = rewriteRefs(v);
  }
  return out;
}

/** "/agencies/:id" → "/api/agencies/{id}" */
export function openApiPath(expressPath: string): string {
  return '/api' + expressPath.replace(/:(\w+)/g, '{$1}');
}

/** A JSON error body: `error`, or the schema(s) a route names for it (several: exactly one of them). */
const errorResponse = (description: string, schemaIds: string | string[] = 'error') => {
  const refs = (Array.isArray(schemaIds) ? schemaIds : [schemaIds]).map((id) => ({ $ref: `#/components/schemas/${id}` }));
  return { description, content: { 'application/json': { schema: refs.length === 1 ? refs[0] : { oneOf: refs } } } };
};

export function buildOpenApi(routes: RouteSpec[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = openApiPath(r.path);
    const parameters: unknown[] = [];
    for (const name of r.path.match(/:(\w+)/g) ?? []) {
      const paramSchema = r.schemas?.params ? (schemas.get(r.schemas.params)?.properties as Record<string, unknown> | undefined)?.[name.slice(1)] : undefined;
      parameters.push({ name: name.slice(1), in: 'path', required: true, schema: rewriteRefs(paramSchema ?? { type: 'string' }) });
    }
    if (r.schemas?.query) {
      const q = schemas.get(r.schemas.query)!;
      const required = (q.required as string[] | undefined) ?? [];
      for (const [name, s] of Object.entries((q.properties as Record<string, Record<string, unknown>>) ?? {})) {
        parameters.push({ name, in: 'query', required: required.includes(name), description: s.description, schema: rewriteRefs(s) });
      }
    }
    const status = String(r.response?.status ?? (r.method === 'post' ? 201 : 200));
    const responseSchema = r.response?.schema
      ? r.response.list
        ? { type: 'array', items: { $ref: `#/components/schemas/${r.response.schema}` } }
        : { $ref: `#/components/schemas/${r.response.schema}` }
      : undefined;
    const responses: Record<string, unknown> = {
      [status]: {
        description: r.response?.description ?? 'Success',
        ...(r.response?.list ? { headers: { 'Content-Range': { description: 'e.g. "agencies 0-24/319"', schema: { type: 'string' } } } } : {}),
        ...(responseSchema ? { content: { [r.response?.contentType ?? 'application/json']: { schema: responseSchema } } } : {}),
      },
    };
    for (const code of r.response?.alsoStatuses ?? []) responses[String(code)] = { ...(responses[status] as object), description: 'See the body' };
    // Express answers a GET whose ETag still matches the request's If-None-Match with 304 and no body.
    if (r.method === 'get') responses['304'] = { description: 'Not modified: the representation still matches If-None-Match (no body)' };
    if (r.schemas) responses['400'] = errorResponse('Invalid input; `errors` names each bad field');
    if (r.access !== 'public') responses['401'] = errorResponse('Not signed in, or the session expired');
    if (r.access !== 'public' && r.access !== 'signedIn') responses['403'] = errorResponse(`Requires the permission ${r.access}`);
    if (/:\w+/.test(r.path)) responses['404'] = errorResponse(r.path.includes(':id') ? 'No such record, or it belongs to another agency' : 'No such record');
    if (r.upload) responses['413'] = errorResponse(`The file is larger than ${Math.round(r.upload.maxBytes / 1048576)} MB`);
    else if (r.schemas?.body) responses['413'] = errorResponse('The request body is larger than the server accepts (BODY_LIMIT)');
    for (const e of r.errors ?? []) {
      if (typeof e === 'number') responses[String(e)] ??= errorResponse('See the message');
      else responses[String(e.status)] = errorResponse(e.description ?? 'See the message', e.schema);
    }
    responses['500'] ??= errorResponse('Unexpected error; the message names the request id under which it was logged');
    // Any operation that reads or writes data: the database is restarting or unreachable (with Retry-After).
    responses['503'] ??= errorResponse('The database is temporarily unavailable; try again after the Retry-After seconds');
    paths[path] ??= {};
    paths[path][r.method] = {
      summary: r.summary,
      tags: [r.tag],
      operationId: `${r.method}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      ...(r.access === 'public' ? { security: [] } : { 'x-permission': r.access }),
      ...(parameters.length ? { parameters } : {}),
      ...(r.upload
        ? {
            requestBody: {
              required: true,
              content: {
                'multipart/form-data': {
                  schema: {
                    type: 'object',
                    required: [r.upload.field],
                    properties: {
                      [r.upload.field]: { type: 'string', format: 'binary', description: `${r.upload.types.join(', ')}; at most ${Math.round(r.upload.maxBytes / 1048576)} MB` },
                      ...((r.schemas?.body ? (rewriteRefs(schemas.get(r.schemas.body)?.properties) as object) : undefined) ?? {}),
                    },
                  },
                },
              },
            },
          }
        : r.schemas?.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${r.schemas.body}` } } } } }
        : {}),
      responses,
    };
  }
  const components: Record<string, unknown> = {};
  for (const [id, schema] of schemas) components[id] = rewriteRefs(schema);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Enforcement three systems API (行政执法三项制度)',
      version,
      description: 'Publicity, whole-process recording and legal review of major decisions for county enforcement agencies. Lists follow ra-data-simple-rest conventions; errors are `{ message, errors: { field: message } }`, in Chinese when Accept-Language asks for it.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: { schemas: components, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
  };
}

// The one validation path: JSON Schema 2020-12 files in schemas/, loaded once into one Ajv instance,
// applied to body, query and params by `validate()`. Errors name the field (react-admin shows them
// next to inputs) in English and Chinese.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import localizeZh from 'ajv-i18n/localize/zh';
import type { RequestHandler } from 'express';
import { projectRoot } from '../config';
import { AppError, type FieldError } from './errors';

export const schemasDir = join(projectRoot, 'schemas');

export type JsonSchema = Record<string, unknown> & { $id?: string };

function loadSchemas(): Map<string, JsonSchema> {
  const schemas = new Map<string, JsonSchema>();
  for (const file of readdirSync(schemasDir).filter((f) => f.endsWith('.json')).sort()) {
    const schema = JSON.parse(readFileSync(join(schemasDir, file), 'utf8')) as JsonSchema;
    const id = file.replace(/\.json$/, '');
    if (schema.$id !== id) throw new Error(`schemas/${file}: $id must be "${id}"`);
    schemas.set(id, schema);
  }
  return schemas;
}

export const schemas = loadSchemas();

export const ajv = new Ajv2020({ allErrors: true, useDefaults: true, strict: true, verbose: true });
addFormats(ajv);
// Dates as the console sends them: YYYY-MM-DD. ajv-formats' "date" already checks calendar validity.
// `x-hint: { en, zh }` on a patterned or formatted field replaces Ajv's "must match pattern ..." with words.
ajv.addKeyword({ keyword: 'x-hint', schemaType: 'object' });

type Hint = { en: string; zh: string };
const hintOf = (e: ErrorObject): Hint | undefined => (e.parentSchema as { 'x-hint'?: Hint } | undefined)?.['x-hint'];
for (const schema of schemas.values()) ajv.addSchema(schema);

export function validator(id: string): ValidateFunction {
  const fn = ajv.getSchema(id);
  if (!fn) throw new Error(`No JSON schema "${id}" in schemas/`);
  return fn;
}

function fieldPath(base: string, e: ErrorObject): string {
  const segments = e.instancePath.split('/').filter(Boolean);
  if (e.keyword === 'required') segments.push(String((e.params as { missingProperty: string }).missingProperty));
  if (e.keyword === 'additionalProperties') segments.push(String((e.params as { additionalProperty: string }).additionalProperty));
  if (e.keyword === 'propertyNames' && (e.params as { propertyName?: string }).propertyName) {
    segments.push(String((e.params as { propertyName: string }).propertyName));
  }
  return segments.length ? segments.join('.') : base;
}

function englishMessage(e: ErrorObject): string {
  if ((e.keyword === 'pattern' || e.keyword === 'format') && hintOf(e)) return hintOf(e)!.en;
  if (e.keyword === 'additionalProperties') return 'is not an allowed field';
  if (e.keyword === 'required') return 'is required';
  if (e.keyword === 'enum') return `must be one of: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  return e.message ?? 'is invalid';
}

function chineseMessage(e: ErrorObject): string {
  if ((e.keyword === 'pattern' || e.keyword === 'format') && hintOf(e)) return hintOf(e)!.zh;
  if (e.keyword === 'additionalProperties') return '不是允许的字段';
  if (e.keyword === 'required') return '为必填项';
  if (e.keyword === 'enum') return `必须是以下之一：${(e.params as { allowedValues: unknown[] }).allowedValues.join('、')}`;
  const copy = [{ ...e }];
  localizeZh(copy);
  return copy[0].message ?? '无效';
}

/** Converts Ajv errors into field errors; the first error per field wins. */
export function toFieldErrors(base: string, errors: ErrorObject[]): Record<string, FieldError> {
  const fields: Record<string, FieldError> = {};
  for (const e of errors) {
    if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    const path = fieldPath(base, e);
    if (!fields[path]) fields[path] = { en: englishMessage(e), zh: chineseMessage(e) };
  }
  if (Object.keys(fields).length === 0 && errors.length) fields[base] = { en: englishMessage(errors[0]), zh: chineseMessage(errors[0]) };
  return fields;
}

/** Throws a 400 AppError when `data` does not match schema `id`. */
export function assertValid(id: string, data: unknown, base = 'body'): void {
  const fn = validator(id);
  if (fn(data)) return;
  const fields = toFieldErrors(base, fn.errors ?? []);
  throw new AppError(400, 'request.invalid', { details: Object.keys(fields).join(', ') }, fields);
}

/**
 * Rejects keys that start with "$" or contain "." anywhere in the value (NoSQL operator injection,
 * and keys MongoDB/FerretDB cannot store).
 */
export function assertSafeKeys(value: unknown, base: string): void {
  const stack: Array<{ v: unknown; path: string }> = [{ v: value, path: base }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ v: item, path: `${path}.${i}` }));
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const childPath = path === base && base === 'body' ? k : `${path}.${k}`;
        if (k.startsWith('$') || k.includes('.')) {
          throw new AppError(400, 'request.forbidden_key', {}, { [childPath]: { key: 'request.forbidden_key' } });
        }
        stack.push({ v: child, path: childPath });
      }
    }
  }
}

export interface RequestSchemas {
  body?: string;
  query?: string;
  params?: string;
}

/** Validated query values live here (Express 5's req.query is a read-only getter). */
export function validate(s: RequestSchemas): RequestHandler {
  // Compile at route definition time so a missing schema fails at boot, not at request time.
  if (s.body) validator(s.body);
  if (s.query) validator(s.query);
  if (s.params) validator(s.params);
  return (req, res, next) => {
    if (s.params) assertValid(s.params, req.params, 'params');
    if (s.query) {
      const query = { ...(req.query as Record<string, unknown>) };
      assertSafeKeys(query, 'query');
      assertValid(s.query, query, 'query');
      res.locals.query = query;
    }
    if (s.body) {
      assertSafeKeys(req.body, 'body');
      assertValid(s.body, req.body ?? {}, 'body');
    }
    next();
  };
}

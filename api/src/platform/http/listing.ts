// ra-data-simple-rest list conventions, once for every resource: JSON-encoded `sort`, `range` and
// `filter` query parameters; `Content-Range: <resource> <start>-<end>/<total>`; `id` on every record.
// Sorting only on whitelisted fields; filters: exact match (or $in for an array), `<field>_gte` /
// `<field>_lte` ranges, and `q`, a case-insensitive search with the user's text escaped.
import type { Response } from 'express';
import mongoose, { type Model } from 'mongoose';
import { AppError } from '../errors';

export type FilterKind = 'string' | 'boolean' | 'objectId' | 'date' | 'number' | 'day';

export interface ListSpec {
  resource: string;
  /** API field → kind; `id` is always accepted (getMany). */
  filters: Record<string, FilterKind>;
  /** Fields searched by `q`. */
  search?: string[];
  sortable: string[];
  defaultSort: [string, 'ASC' | 'DESC'];
  /** Database paths for API fields whose names differ (e.g. role → roles). */
  paths?: Record<string, string>;
  /** Filters that are not a field comparison (e.g. "overdue"): value → MongoDB condition. */
  custom?: Record<string, (value: unknown) => Record<string, unknown>>;
}

export interface ListQuery {
  sort?: string;
  range?: string;
  filter?: string;
}

export interface ListResult<T> {
  records: T[];
  start: number;
  total: number;
}

export const MAX_PAGE = 1000;

function parseJson(param: string, raw: string | undefined, expected: string): unknown {
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError(400, 'request.bad_list_param', { param, expected }, { [param]: { key: 'request.bad_list_param', params: { param, expected } } });
  }
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function badFilter(field: string): AppError {
  return new AppError(400, 'request.bad_filter_value', { field }, { [`filter.${field}`]: { key: 'request.bad_filter_value', params: { field } } });
}

function convert(kind: FilterKind | 'id', field: string, value: unknown): unknown {
  if (Array.isArray(value)) return { $in: value.map((v) => convert(kind, field, v)) };
  switch (kind) {
    case 'id':
    case 'objectId':
      if (typeof value !== 'string' || !/^[0-9a-f]{24}$/i.test(value)) throw badFilter(field);
      return new mongoose.Types.ObjectId(value);
    case 'boolean':
      if (typeof value !== 'boolean') throw badFilter(field);
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw badFilter(field);
      return value;
    case 'date': {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw badFilter(field);
      return new Date(value);
    }
    case 'string':
      if (typeof value !== 'string') throw badFilter(field);
      return value;
    case 'day':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw badFilter(field);
      return value;
  }
}

/** Builds the MongoDB filter from the parsed `filter` parameter. Exported for unit tests. */
export function buildFilter(spec: ListSpec, filter: unknown): Record<string, unknown> {
  if (filter === undefined) return {};
  if (!filter || typeof filter !== 'object' || Array.isArray(filter)) {
    throw new AppError(400, 'request.bad_list_param', { param: 'filter', expected: '{"field": value}' });
  }
  const query: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'q') {
      if (typeof value !== 'string' || !spec.search?.length) throw badFilter('q');
      const pattern = new RegExp(escapeRegex(value.trim().slice(0, 100)), 'i');
      query.$or = spec.search.map((f) => ({ [f]: pattern }));
      continue;
    }
    if (key === 'id') {
      query._id = convert('id', 'id', value);
      continue;
    }
    const custom = spec.custom?.[key];
    if (custom) {
      query.$and = [...((query.$and as unknown[]) ?? []), custom(value)];
      continue;
    }
    const range = /^(.+)_(gte|lte)$/.exec(key);
    const field = range ? range[1] : key;
    const kind = spec.filters[field];
    if (!kind) throw new AppError(400, 'request.bad_filter_field', { field: key }, { [`filter.${key}`]: { key: 'request.bad_filter_field', params: { field: key } } });
    const path = spec.paths?.[field] ?? field;
    if (range) {
      if (kind !== 'date' && kind !== 'number' && kind !== 'day') throw badFilter(key);
      const existing = (query[path] as Record<string, unknown> | undefined) ?? {};
      query[path] = { ...existing, [`$${range[2]}`]: convert(kind, key, value) };
    } else {
      query[path] = convert(kind, key, value);
    }
  }
  return query;
}

export function parseListQuery(spec: ListSpec, q: ListQuery) {
  const sort = parseJson('sort', q.sort, '["field","ASC"|"DESC"]') ?? spec.defaultSort;
  if (!Array.isArray(sort) || sort.length !== 2 || typeof sort[0] !== 'string' || !['ASC', 'DESC'].includes(String(sort[1]).toUpperCase())) {
    throw new AppError(400, 'request.bad_list_param', { param: 'sort', expected: '["field","ASC"|"DESC"]' });
  }
  const sortField = sort[0] === 'id' ? 'id' : sort[0];
  if (sortField !== 'id' && !spec.sortable.includes(sortField)) {
    throw new AppError(400, 'request.bad_sort_field', { field: sortField }, { sort: { key: 'request.bad_sort_field', params: { field: sortField } } });
  }
  const range = parseJson('range', q.range, '[start, end]') ?? [0, 24];
  if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isInteger(n) && n >= 0) || range[1] < range[0] || range[1] - range[0] >= MAX_PAGE) {
    throw new AppError(400, 'request.bad_list_param', { param: 'range', expected: `[start, end] with at most ${MAX_PAGE} items` });
  }
  const dbSortField = sortField === 'id' ? '_id' : (spec.paths?.[sortField] ?? sortField);
  const direction = String(sort[1]).toUpperCase() === 'ASC' ? 1 : -1;
  return {
    filter: buildFilter(spec, parseJson('filter', q.filter, '{"field": value}')),
    // _id as a tie-breaker keeps pages stable when many records share the sort value.
    sort: { [dbSortField]: direction, ...(dbSortField === '_id' ? {} : { _id: direction }) } as Record<string, 1 | -1>,
    skip: range[0] as number,
    limit: (range[1] as number) - (range[0] as number) + 1,
  };
}

/** Runs a list query. `scope` (from agency-scope.ts) is always AND-ed in and cannot be overridden by the filter. */
export async function listRecords<T>(model: Model<T>, spec: ListSpec, q: ListQuery, scope: Record<string, unknown>): Promise<ListResult<unknown>> {
  const parsed = parseListQuery(spec, q);
  const where = !Object.keys(scope).length ? parsed.filter : !Object.keys(parsed.filter).length ? scope : { $and: [parsed.filter, scope] };
  const [records, total] = await Promise.all([
    model.find(where).sort(parsed.sort).skip(parsed.skip).limit(parsed.limit),
    model.countDocuments(where),
  ]);
  return { records: records.map((r) => r.toJSON()), start: parsed.skip, total };
}

export function sendList(res: Response, resource: string, result: ListResult<unknown>): void {
  const end = result.records.length ? result.start + result.records.length - 1 : result.start;
  res.set('Content-Range', `${resource} ${result.start}-${end}/${result.total}`);
  res.json(result.records);
}

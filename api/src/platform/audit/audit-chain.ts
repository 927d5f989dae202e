// The hash chain over audit entries. Each entry's hash covers its content and the previous entry's
// hash, so altering, removing or reordering any entry breaks every check after it.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

const HASHED_FIELDS = [
  'seq', 'at', 'action', 'entity', 'entityId', 'agencyId', 'caseId', 'actorId', 'actorName', 'actorRoles', 'actorAgencyId',
  'changes', 'note', 'requestId', 'ip', 'userAgent', 'prevHash',
] as const;

/** JSON with sorted keys, ids and dates as strings: the same bytes before storage and after reading. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    if (typeof (value as { toHexString?: unknown }).toHexString === 'function') return JSON.stringify(String(value));
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function entryHash(entry: Record<string, unknown>): string {
  const picked: Record<string, unknown> = {};
  for (const f of HASHED_FIELDS) {
    const v = entry[f];
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) continue;
    picked[f] = v;
  }
  return createHash('sha256').update(canonicalJson(picked)).digest('hex');
}

export interface ChainProblem {
  seq: number;
  id?: string;
  problem: 'missing' | 'altered' | 'out_of_order';
  detail: string;
}

/** Walks entries in seq order; returns the first problem, or undefined when the chain is intact. */
export async function verifyChain(entries: AsyncIterable<Record<string, unknown>>): Promise<{ checked: number; problem?: ChainProblem }> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for await (const e of entries) {
    const seq = Number(e.seq);
    const id = e._id ? String(e._id) : undefined;
    if (seq !== expectedSeq) {
      return { checked, problem: { seq: expectedSeq, id, problem: seq > expectedSeq ? 'missing' : 'out_of_order', detail: `expected entry ${expectedSeq}, found ${seq}` } };
    }
    if (e.prevHash !== prevHash) {
      return { checked, problem: { seq, id, problem: 'out_of_order', detail: `entry ${seq} does not follow entry ${seq - 1} (previous hash differs)` } };
    }
    if (entryHash(e) !== e.hash) return { checked, problem: { seq, id, problem: 'altered', detail: `entry ${seq} was changed after it was written` } };
    prevHash = String(e.hash);
    expectedSeq++;
    checked++;
  }
  return { checked };
}

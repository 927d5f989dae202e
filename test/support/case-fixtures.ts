// Helpers for the issue-4 API tests (cases, written records, audit chain): case bodies with parties,
// filing through the API, adding documents, and stepping the lifecycle with the version just read.
import { randomBytes } from 'node:crypto';
import { CaseModel } from '../../api/src/cases/case.model';
import { addCalendarDays, chinaDate } from '../../api/src/platform/calendar/dates';
import { residentIdCheckChar } from '../../api/src/platform/identifiers/resident-id';
import { officerNamed } from './enforcement-fixtures';
import type { TestApp } from './test-app';

export type Headers = { Authorization: string } & Record<string, string>;

/** A valid 18-digit resident ID number for a birth date (YYYY-MM-DD), region 110105 by default. */
export function residentId(birthDate: string, serial = '123', region = '110105'): string {
  const first17 = `${region}${birthDate.replace(/-/g, '')}${serial}`;
  return first17 + residentIdCheckChar(first17);
}

/** A unique, valid ID number of an adult (born 1980-1999) and a unique mobile number. */
export function uniquePerson() {
  const n = randomBytes(4).readUInt32BE(0);
  const birth = `19${80 + (n % 20)}-0${1 + (n % 9)}-1${n % 10}`;
  return {
    idNumber: residentId(birth, String(100 + (n % 900))),
    phone: `139${String(n % 100_000_000).padStart(8, '0')}`,
    address: `青山县迎宾街${(n % 900) + 100}号${(n % 9) + 1}单元${(n % 90) + 10}室`,
  };
}

export const today = () => chinaDate();
export const daysAgo = (n: number) => addCalendarDays(chinaDate(), -n);

/** Ids of demo officers of 市场监管局 by name. */
export async function officerIdsOf(...names: string[]): Promise<string[]> {
  return Promise.all(names.map(async (n) => (await officerNamed(n)).id as string));
}

export interface PartyBody {
  kind: 'person' | 'organization';
  name: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  minor?: boolean;
  creditCode?: string;
  legalRepresentative?: string;
  id?: string;
}

/** An ordinary penalty case body against one natural person (overridable). */
export function caseBody(officerIds: string[], over: Record<string, unknown> = {}) {
  const person = uniquePerson();
  return {
    category: 'penalty',
    procedure: 'ordinary',
    source: 'inspection',
    cause: '销售超过保质期的食品',
    facts: '执法人员在日常检查中发现当事人货架上摆放超过保质期的饮料12瓶。',
    legalBasis: [{ law: '中华人民共和国食品安全法', article: '第一百二十四条' }],
    parties: [{ kind: 'person', name: '王小二', ...person }] as PartyBody[],
    officerIds,
    ...over,
  };
}

/** Files a case through the API and returns the response body (throws unless 201). */
export async function fileCase(t: TestApp, as: Headers, body: Record<string, unknown>) {
  const res = await t.api.post('/api/cases').set(as).send(body);
  if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CaseBody;
}

export interface CaseBody {
  id: string;
  number: string;
  seq: number;
  year: number;
  status: string;
  version: number;
  filedOn: string;
  parties: Array<Record<string, unknown> & { id: string }>;
  history: Array<Record<string, unknown> & { action: string }>;
  [k: string]: unknown;
}

/** Adds a written record (throws unless 201). */
export async function addDocument(t: TestApp, as: Headers, caseId: string, type: string, date = today(), extra: Record<string, unknown> = {}) {
  const res = await t.api.post('/api/case-documents').set(as).send({ caseId, type, date, number: `${type}-${randomBytes(3).toString('hex')}`, ...extra });
  if (res.status !== 201) throw new Error(`adding ${type} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number; [k: string]: unknown };
}

/** Posts a transition with the case's current version (the response is returned whatever its status). */
export async function step(t: TestApp, as: Headers, caseId: string, action: string, extra: { date?: string; reason?: string; version?: number } = {}) {
  const version = extra.version ?? (await CaseModel.findById(caseId))!.version;
  return t.api.post(`/api/cases/${caseId}/transitions`).set(as).send({ action, version, ...extra });
}

/** Posts a transition that must succeed; returns the case. */
export async function stepOk(t: TestApp, as: Headers, caseId: string, action: string, extra: { date?: string; reason?: string } = {}) {
  const res = await step(t, as, caseId, action, extra);
  if (res.status !== 200) throw new Error(`${action} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CaseBody;
}

/** The list query of ra-data-simple-rest. */
export const listQuery = (filter: Record<string, unknown>, range: [number, number] = [0, 99], sort?: [string, 'ASC' | 'DESC']) => ({
  filter: JSON.stringify(filter),
  range: JSON.stringify(range),
  ...(sort ? { sort: JSON.stringify(sort) } : {}),
});

// The tamper-evident audit trail: every entry chained to the previous one by its hash, consecutive
// positions under concurrent writers, any altered, removed or reordered entry detected (in process and
// by `npm run audit:verify`), and the case timeline built from the chain.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import { projectRoot } from '../../../api/src/config';
import { databaseNameOf } from '../../../api/src/platform/database/connection';
import { GENESIS_HASH, entryHash, verifyChain } from '../../../api/src/platform/audit/audit-chain';
import { AuditEntryModel, AuditHeadModel } from '../../../api/src/platform/audit/audit.model';
import { recordAudit, verifyAuditChain } from '../../../api/src/platform/audit/audit.service';
import { addDocument, caseBody, fileCase, officerIdsOf, stepOk, type Headers } from '../../support/case-fixtures';
import { startTestApp, type TestApp } from './demo-app';

// Long flows of sequential requests on a shared (and at times busy) embedded database.
jest.setTimeout(120_000);

const run = promisify(execFile);

let t: TestApp;
let officer: Headers;
let zhang: string;
let liu: string;
beforeAll(async () => {
  t = await startTestApp();
  officer = await t.as('officer');
  [zhang, liu] = await officerIdsOf('张伟', '刘洋');
});
afterAll(async () => {
  await t.close();
});

const log = () => mongoose.connection.db!.collection('audit_log');
const ctx = { requestId: 'audit-chain-test', ip: '127.0.0.1', userAgent: 'jest' };
const lastSeq = async () => (await AuditEntryModel.findOne({}, { seq: 1 }).sort({ seq: -1 }).lean())?.seq ?? 0;
/** The entry at a position (raw, as stored), to tamper with it by _id (the embedded database looks _id up directly). */
const rawAt = async (seq: number) => (await log().findOne({ seq }))!;

/** Changes the stored chain for the length of `check`, then puts it back exactly as it was. */
async function tampered(change: () => Promise<() => Promise<void>>, check: () => Promise<void>) {
  const restore = await change();
  try {
    await check();
  } finally {
    await restore();
  }
  expect((await verifyAuditChain()).problem).toBeUndefined();
}

/** A short chain of entries written by this test, to tamper with: their seqs (from the head, checked above to name the last entry). */
async function someEntries(n: number): Promise<number[]> {
  for (let i = 0; i < n; i++) await recordAudit(ctx, { action: 'test.tamper_target', entity: 'test', entityId: `target-${i}`, note: `目标 ${i}` });
  const top = (await AuditHeadModel.findById('head').lean())!.seq;
  return Array.from({ length: n }, (_, i) => top - n + 1 + i);
}

describe('the hash chain', () => {
  test('entries have consecutive positions from 1, each naming the previous entry’s hash and carrying its own', async () => {
    await fileCase(t, officer, caseBody([zhang, liu]));
    const entries = await AuditEntryModel.find({}).sort({ seq: 1 }).lean();
    expect(entries.length).toBeGreaterThan(1);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries[0].prevHash).toBe(GENESIS_HASH);
    entries.forEach((e, i) => {
      if (i > 0) expect(e.prevHash).toBe(entries[i - 1].hash);
      expect(e.hash).toBe(entryHash(e as unknown as Record<string, unknown>));
    });
    // The head kept beside the chain names its last entry.
    expect(await AuditHeadModel.findById('head').lean()).toEqual({ _id: 'head', seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash });
  });

  test('an API write records who (user, name, roles, agency), what (entity, changes), and from where (request id, IP, user agent)', async () => {
    const c = await fileCase(t, officer, caseBody([zhang, liu]));
    const res = await t.api.put(`/api/cases/${c.id}`).set(officer).set('User-Agent', 'audit-test/1.0').send({ version: 0, facts: '补充的事实' });
    expect(res.status).toBe(200);
    const entry = await AuditEntryModel.findOne({ action: 'case.update', entityId: c.id }).lean();
    expect(entry).toMatchObject({
      entity: 'case', actorName: '张伟 (officer)', actorRoles: ['officer'], userAgent: 'audit-test/1.0',
      changes: [{ field: 'facts', before: c.facts, after: '补充的事实' }],
    });
    expect(String(entry!.actorAgencyId)).toBe(c.agencyId);
    expect(String(entry!.agencyId)).toBe(c.agencyId);
    expect(String(entry!.caseId)).toBe(c.id);
    expect(entry!.requestId).toEqual(expect.any(String));
    expect(entry!.ip).toEqual(expect.any(String));
  });

  test('30 concurrent recordAudit calls and 10 concurrent API writes take 40 consecutive positions and leave the chain intact', async () => {
    const c = await fileCase(t, officer, caseBody([zhang, liu]));
    const before = await lastSeq();
    const results = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => recordAudit(ctx, { action: 'test.concurrent', entity: 'test', entityId: String(i) })),
      ...Array.from({ length: 10 }, (_, i) => t.api.post('/api/case-documents').set(officer).send({ caseId: c.id, type: 'other', date: c.filedOn, number: `并发-${i}` })),
    ]);
    expect(results.slice(30).map((r) => (r as { status: number }).status)).toEqual(Array(10).fill(201));
    const written = await AuditEntryModel.find({ seq: { $gt: before } }).sort({ seq: 1 }).lean();
    expect(written.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => before + 1 + i));
    expect(written.filter((e) => e.action === 'test.concurrent').map((e) => Number(e.entityId)).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(written.filter((e) => e.action === 'case_document.create')).toHaveLength(10);
    const verified = await verifyAuditChain();
    expect(verified).toEqual({ checked: before + 40 });
    expect((await AuditHeadModel.findById('head').lean())!.seq).toBe(before + 40);
  });

  test('a head left behind (a writer stopped between its entry and the head) is repaired by the next writer', async () => {
    const before = await lastSeq();
    await AuditHeadModel.updateOne({ _id: 'head' }, { $set: { seq: before - 3, hash: 'stale' } });
    await recordAudit(ctx, { action: 'test.after_stale_head', entity: 'test' });
    expect(await lastSeq()).toBe(before + 1);
    expect((await AuditHeadModel.findById('head').lean())!.seq).toBe(before + 1);
    expect((await verifyAuditChain()).problem).toBeUndefined();
  });

  test('verifyChain reports an empty chain as intact', async () => {
    async function* none() { /* no entries */ }
    expect(await verifyChain(none())).toEqual({ checked: 0 });
  });
});

describe('tampering is detected, naming the first broken entry', () => {
  test('an entry whose note was changed is reported as altered', async () => {
    const [, k] = await someEntries(3);
    const { _id } = await rawAt(k);
    await tampered(
      async () => {
        await log().updateOne({ _id }, { $set: { note: '已篡改' } });
        return async () => { await log().updateOne({ _id }, { $set: { note: '目标 1' } }); };
      },
      async () => {
        const { problem, checked } = await verifyAuditChain();
        expect(problem).toMatchObject({ seq: k, problem: 'altered' });
        expect(checked).toBe(k - 1);
      },
    );
  });

  test('an entry altered with its hash recomputed is caught at the next entry (its previous hash no longer matches)', async () => {
    const [, k] = await someEntries(3);
    const original = await rawAt(k);
    await tampered(
      async () => {
        const forged = { ...(await AuditEntryModel.findById(original._id).lean())!, note: '伪造' };
        await log().updateOne({ _id: original._id }, { $set: { note: '伪造', hash: entryHash(forged as unknown as Record<string, unknown>) } });
        return async () => { await log().updateOne({ _id: original._id }, { $set: { note: original.note, hash: original.hash } }); };
      },
      async () => expect((await verifyAuditChain()).problem).toMatchObject({ seq: k + 1, problem: 'out_of_order' }),
    );
  });

  test('a removed entry is reported as missing', async () => {
    const [, k] = await someEntries(3);
    await tampered(
      async () => {
        const doc = await rawAt(k);
        await log().deleteOne({ _id: doc._id });
        return async () => { await log().insertOne(doc); };
      },
      async () => expect((await verifyAuditChain()).problem).toMatchObject({ seq: k, problem: 'missing', detail: `expected entry ${k}, found ${k + 1}` }),
    );
  });

  test('two entries whose positions were swapped are reported at the first of them', async () => {
    const [, k] = await someEntries(3);
    const a = (await rawAt(k))._id;
    const b = (await rawAt(k + 1))._id;
    const place = async (first: typeof a, second: typeof a) => {
      await log().updateOne({ _id: first }, { $set: { seq: -1 } });
      await log().updateOne({ _id: second }, { $set: { seq: k } });
      await log().updateOne({ _id: first }, { $set: { seq: k + 1 } });
    };
    await tampered(
      async () => { await place(a, b); return () => place(b, a); },
      async () => expect((await verifyAuditChain()).problem).toMatchObject({ seq: k, problem: 'out_of_order' }),
    );
  });

  test('removing the last entry is detected once the next entry is written (the head remembers the position)', async () => {
    const [k] = await someEntries(1);
    const doc = await rawAt(k);
    await log().deleteOne({ _id: doc._id });
    try {
      await recordAudit(ctx, { action: 'test.after_truncation', entity: 'test' });
      expect((await verifyAuditChain()).problem).toMatchObject({ seq: k, problem: 'missing' });
    } finally {
      await log().insertOne(doc);
    }
    expect((await verifyAuditChain()).problem).toBeUndefined();
  });
});

describe('npm run audit:verify', () => {
  /** The test database's address: TEST_MONGODB_URI with this file's database in its path (see databaseNameOf). */
  const uri = () => process.env.TEST_MONGODB_URI!.replace(/^(mongodb(?:\+srv)?:\/\/[^/?]+)(\/[^?]*)?/, `$1/${t.dbName}`);
  const verify = () =>
    run('npm', ['run', '--silent', 'audit:verify'], {
      cwd: projectRoot,
      env: { ...process.env, MONGODB_URI: uri(), NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: join(projectRoot, 'data', 'never-written') },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
    );

  test('the URI names this test’s database', () => {
    expect(databaseNameOf(uri())).toBe(t.dbName);
  });

  test('exits 0 on an intact chain, saying how many entries it checked', async () => {
    const count = await AuditEntryModel.countDocuments();
    const res = await verify();
    expect(res).toMatchObject({ code: 0, stdout: expect.stringContaining(`Audit chain intact: ${count} entries verified.`) });
  });

  test('exits non-zero naming the first broken entry when an entry was altered', async () => {
    const [k] = await someEntries(2);
    const { _id } = await rawAt(k);
    const id = String(_id);
    await tampered(
      async () => {
        await log().updateOne({ _id }, { $set: { actorName: '他人' } });
        return async () => { await log().updateOne({ _id }, { $unset: { actorName: '' } }); };
      },
      async () => {
        const res = await verify();
        expect(res.code).toBe(1);
        expect(res.stderr).toContain(`Audit chain BROKEN at entry ${k} (id ${id}): altered`);
        expect(res.stderr).toContain(`${k - 1} entries before it are intact`);
      },
    );
  });
});

describe('the case timeline', () => {
  test('lists the case’s own entries in chain order: filing, documents, steps, reveals; not other cases’', async () => {
    const c = await fileCase(t, officer, caseBody([zhang, liu]));
    const other = await fileCase(t, officer, caseBody([zhang, liu]));
    await addDocument(t, officer, c.id, 'filing_approval');
    await addDocument(t, officer, other.id, 'filing_approval');
    await stepOk(t, officer, c.id, 'start_investigation');
    await addDocument(t, officer, c.id, 'inquiry_record');
    await t.api.post(`/api/cases/${c.id}/parties/${c.parties[0].id}/reveal`).set(officer);
    const res = await t.api.get(`/api/cases/${c.id}/timeline`).set(officer);
    expect(res.status).toBe(200);
    expect(res.body.map((e: { action: string }) => e.action)).toEqual([
      'case.create', 'case_document.create', 'case.start_investigation', 'case_document.create', 'case.reveal_personal_data',
    ]);
    const seqs = res.body.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => a - b));
    expect(res.body[2]).toMatchObject({ entity: 'case', entityId: c.id, actorName: '张伟 (officer)', changes: [{ field: 'status', before: 'filed', after: 'investigating' }] });
    for (const e of res.body) expect(Object.keys(e).sort()).toEqual(expect.arrayContaining(['action', 'at', 'entity', 'id', 'seq']));
  });
});

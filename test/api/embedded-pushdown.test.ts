// The embedded database's query pushdown (tools/embedded-db/README.md) translates filters, sorts,
// skip/limit and counts to SQL. It must not change a single answer: the same documents go into the
// shared embedded database (pushdown on) and into a second one started with -disable-pushdown (every
// query evaluated by FerretDB's own handler, as upstream), and many query shapes must give identical
// results there — on consistently typed data (where the pushdown is exact and uses indexes, checked
// with explain), on data with mixed types, arrays, missing and null values (where it must fall back),
// after writes that change the types seen, and through the case list's own code (listRecords).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import mongoose from 'mongoose';
import { CaseDocumentModel } from '../../api/src/cases/case-document.model';
import { caseListSpec } from '../../api/src/cases/case.service';
import { CaseModel } from '../../api/src/cases/case.model';
import { addCalendarDays, chinaDate } from '../../api/src/platform/calendar/dates';
import { personalHash } from '../../api/src/platform/crypto/personal-data';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../api/src/platform/database/embedded';
import { listRecords } from '../../api/src/platform/http/listing';

const { MongoClient, ObjectId, Long, Double, Int32 } = mongoose.mongo;
type Doc = Record<string, unknown>;
type Filter = Record<string, unknown>;
type Sort = Record<string, 1 | -1>;

// Only meaningful on the embedded database.
const suite = process.env.MONGODB_URI ? describe.skip : describe;

// --- deterministic data ---------------------------------------------------------------------------
let state = 20261126;
const rnd = () => { state = (state * 1_103_515_245 + 12_345) % 2_147_483_648; return state / 2_147_483_648; };
const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];

const AGENCIES = Array.from({ length: 4 }, (_, i) => new ObjectId(`65a00000000000000000000${i}`));
const OFFICERS = Array.from({ length: 8 }, (_, i) => new ObjectId(`65b00000000000000000000${i}`));
const STATUSES = ['filed', 'investigating', 'notified', 'closed', 'archived', 'Closed', 'closed '];
// Chinese, case variants, the Kelvin sign (folds to k), characters JSON escapes.
const NAMES = ['王伟', '李娜', '张三丰', 'Ann', 'ann', 'Bob', 'K\u212Aate', 'x<y>&"z'];
const today = chinaDate();
const day = (offset: number) => addCalendarDays(today, offset);

function cleanDoc(): Doc {
  const d: Doc = {
    _id: new ObjectId(),
    agencyId: pick(AGENCIES),
    status: pick(STATUSES),
    category: pick(['penalty', 'inspection', 'coercion']),
    major: rnd() < 0.2,
    filedOn: day(-int(0, 120)),
    officerIds: [pick(OFFICERS), pick(OFFICERS)],
    number: `N${String(int(1, 400)).padStart(4, '0')}`,
    parties: Array.from({ length: int(0, 2) }, () => ({ name: pick(NAMES), idNumberHash: `h${int(1, 12)}` })),
    decisionDeadline: { dueOn: day(int(-60, 60)) },
    seq: int(1, 40),
    fine: rnd() < 0.5 ? int(1, 9) * 100 : 1.5 * int(1, 9),
    createdAt: new Date(Date.UTC(2026, 0, 1) + int(0, 2000) * 3_600_000),
    cause: `${pick(NAMES)}违法${int(1, 5)}`,
  };
  if (rnd() < 0.2) delete d.decisionDeadline;
  if (rnd() < 0.1) d.decidedOn = null;
  else if (rnd() < 0.5) d.decidedOn = day(-int(0, 60));
  return d;
}

/** The same, with the values a schema-less collection may hold: other types, arrays, objects, null, missing. */
function dirtyDoc(): Doc {
  const d = cleanDoc();
  const r = rnd();
  if (r < 0.05) d.status = int(1, 3);
  else if (r < 0.08) d.status = ['closed', 'filed'];
  else if (r < 0.1) d.status = null;
  else if (r < 0.12) delete d.status;
  else if (r < 0.14) d.status = { x: 1 };
  if (rnd() < 0.05) d.agencyId = AGENCIES[0].toHexString(); // a string that looks like the ObjectId
  if (rnd() < 0.05) d.officerIds = pick(OFFICERS); // a scalar instead of an array
  if (rnd() < 0.05) d.filedOn = new Date(Date.UTC(2026, 0, int(1, 60))); // a date instead of a string
  if (rnd() < 0.05) d.major = pick([0, 1, 'true']);
  if (rnd() < 0.05) d.parties = { name: pick(NAMES) }; // an object instead of an array
  if (rnd() < 0.05) d.decisionDeadline = pick(['none', [{ dueOn: day(10) }], { dueOn: 5 }]);
  if (rnd() < 0.05) d.fine = pick([new Long(300), new Double(300), new Int32(300), '300', true]);
  if (rnd() < 0.03) d.cause = /违法/;
  return d;
}

function filtersFor(sample: Doc[]): Filter[] {
  const d = pick(sample);
  const officers = Array.isArray(d.officerIds) ? (d.officerIds as unknown[]) : [d.officerIds ?? OFFICERS[0]];
  const re = new RegExp(pick(['N00', 'n01', 'ann', '王', 'kate', 'x<y', '违法2', '^N', '张三']), pick(['', 'i']));
  const dueOn = day(int(-30, 30));
  return [
    {},
    { status: d.status ?? 'filed' },
    { agencyId: d.agencyId ?? AGENCIES[1] },
    { category: d.category },
    { major: d.major ?? true },
    { officerIds: officers[0] },
    { 'parties.name': (d.parties as Array<{ name: string }> | undefined)?.[0]?.name ?? pick(NAMES) },
    { 'parties.idNumberHash': `h${int(1, 12)}` },
    { filedOn: { $gte: day(-int(60, 120)), $lte: day(-int(0, 60)) } },
    { filedOn: { $lt: day(-int(0, 120)) } },
    { filedOn: { $gt: day(-int(0, 120)) } },
    { status: { $in: ['filed', 'investigating', pick(STATUSES)] }, 'decisionDeadline.dueOn': { $lt: dueOn } },
    { $or: [{ status: { $nin: ['filed', 'investigating'] } }, { 'decisionDeadline.dueOn': { $gte: dueOn } }] },
    { $and: [{ status: pick(STATUSES) }, { agencyId: pick(AGENCIES) }] },
    { $and: [{ officerIds: pick(OFFICERS) }, { agencyId: pick(AGENCIES) }] },
    { $and: [{ $or: [{ number: re }, { cause: re }, { 'parties.name': re }] }, { agencyId: pick(AGENCIES) }] },
    { number: re },
    { 'parties.name': { $regex: re.source, $options: 'i' } },
    { decidedOn: null },
    { decidedOn: { $exists: pick([true, false]) } },
    { decidedOn: { $ne: null } },
    { status: { $ne: pick(STATUSES) } },
    { status: { $nin: [pick(STATUSES), 3] } },
    { officerIds: { $nin: [pick(OFFICERS)] } },
    { fine: { $gte: int(1, 9) * 100 } },
    { fine: int(1, 9) * 100 },
    { fine: { $lt: 300 } },
    { fine: { $in: [300, 1.5, '300'] } },
    { seq: { $gt: int(1, 30), $lte: 35 } },
    { createdAt: { $gte: new Date(Date.UTC(2026, 0, int(1, 60))) } },
    { _id: d._id },
    { _id: { $in: [d._id, pick(sample)._id] } },
    { _id: /^65/ },
    { number: d.number },
    { major: { $ne: true } },
    { $nor: [{ status: 'closed' }, { major: true }] },
    { 'decisionDeadline.dueOn': null },
    { 'decisionDeadline.dueOn': { $exists: false } },
    { officerIds: { $in: [pick(OFFICERS), pick(OFFICERS)] }, status: { $in: [pick(STATUSES)] } },
    { agencyId: AGENCIES[0].toHexString() },
    { status: 2 },
    { major: 1 },
    { filedOn: { $gte: new Date(Date.UTC(2026, 0, 10)) } },
    { parties: { $exists: true }, 'parties.name': { $in: [pick(NAMES), /^a/i] } },
  ];
}

const SORTS: Sort[] = [
  { filedOn: -1, _id: -1 }, { filedOn: 1, _id: 1 }, { status: 1, _id: -1 }, { number: 1, _id: 1 }, { decidedOn: -1, _id: 1 },
  { createdAt: -1, _id: 1 }, { fine: 1, _id: 1 }, { major: -1, filedOn: -1, _id: -1 }, { 'decisionDeadline.dueOn': 1, _id: 1 },
  { agencyId: 1, _id: 1 }, { _id: -1 },
];

const INDEXES: Array<[Record<string, 1 | -1>, { unique?: boolean }?]> = [
  [{ agencyId: 1, filedOn: -1 }], [{ agencyId: 1, status: 1, filedOn: -1 }], [{ officerIds: 1, filedOn: -1 }],
  [{ status: 1, filedOn: -1 }], [{ filedOn: -1 }], [{ 'decisionDeadline.dueOn': 1 }], [{ 'parties.name': 1 }],
  [{ 'parties.idNumberHash': 1 }], [{ cause: 1 }], [{ createdAt: -1 }], [{ number: 1, seq: 1, agencyId: 1 }, { unique: true }],
];

// --- the two servers ------------------------------------------------------------------------------
type Db = ReturnType<InstanceType<typeof MongoClient>['db']>;

suite('embedded database query pushdown (differential against -disable-pushdown)', () => {
  const dbName = `pushdown_${randomBytes(5).toString('hex')}`;
  let referenceDir: string;
  let reference: EmbeddedDatabase;
  let clients: Array<InstanceType<typeof MongoClient>> = [];
  let withPushdown: Db;
  let withoutPushdown: Db;

  beforeAll(async () => {
    referenceDir = mkdtempSync(join(tmpdir(), 'pushdown-reference-'));
    reference = await startEmbeddedDatabase({ dataDir: referenceDir, disablePushdown: true });
    clients = [new MongoClient(process.env.TEST_MONGODB_URI!, { directConnection: true }), new MongoClient(reference.uri, { directConnection: true })];
    await Promise.all(clients.map((c) => c.connect()));
    [withPushdown, withoutPushdown] = clients.map((c) => c.db(dbName));
  }, 60_000);

  afterAll(async () => {
    await withPushdown?.dropDatabase().catch(() => undefined);
    await Promise.all(clients.map((c) => c.close()));
    await reference?.stop();
    if (referenceDir) rmSync(referenceDir, { recursive: true, force: true });
  });

  /** Runs the same write on both servers; errors (duplicate keys) must be the same too. */
  async function both(write: (db: Db) => Promise<unknown>) {
    const results = await Promise.all([withPushdown, withoutPushdown].map((db) => write(db).then(() => 'ok', (e: { code?: number }) => `error ${e.code}`)));
    expect(results[0]).toBe(results[1]);
  }

  /** find (with sort, skip, limit), countDocuments (with and without skip/limit) and the count command, on both servers. */
  async function answers(db: Db, coll: string, filter: Filter, sort: Sort | undefined, skip: number, limit: number) {
    const c = db.collection(coll);
    const settle = <T>(p: Promise<T>) => p.then((v) => v, (e: { code?: number }) => `error ${e.code}`);
    let cursor = c.find(filter);
    if (sort) cursor = cursor.sort(sort);
    if (skip) cursor = cursor.skip(skip);
    if (limit) cursor = cursor.limit(limit);
    const found = await settle(cursor.toArray());
    return {
      // without a sort the order is unspecified: compare the set
      found: !sort && Array.isArray(found) ? found.sort((a, b) => String(a._id).localeCompare(String(b._id))) : found,
      count: await settle(c.countDocuments(filter)),
      countPage: await settle(c.countDocuments(filter, { skip: 2, limit: 10 })),
      countCommand: await settle(db.command({ count: coll, query: filter, skip: 1 }).then((r) => r.n as number)),
    };
  }

  async function compareAll(coll: string, sample: Doc[], rounds: number): Promise<string[]> {
    const mismatches: string[] = [];
    let compared = 0;
    for (let round = 0; round < rounds; round++) {
      for (const filter of filtersFor(sample)) {
        for (const sort of [undefined, pick(SORTS), pick(SORTS)]) {
          // skip/limit without a sort pick an arbitrary subset
          const [skip, limit] = sort ? [pick([0, 0, 3, 17]), pick([0, 25, 5])] : [0, 0];
          const [a, b] = await Promise.all([answers(withPushdown, coll, filter, sort, skip, limit), answers(withoutPushdown, coll, filter, sort, skip, limit)]);
          compared++;
          if (!isDeepStrictEqual(a, b)) {
            const ids = (x: typeof a) => (Array.isArray(x.found) ? x.found.map((d) => String(d._id).slice(-6)).join(',') : x.found);
            mismatches.push(`${coll} ${JSON.stringify(filter)} sort ${JSON.stringify(sort)} skip ${skip} limit ${limit}: ` +
              `pushdown [${ids(a)}] ${a.count}/${a.countPage}/${a.countCommand}, reference [${ids(b)}] ${b.count}/${b.countPage}/${b.countCommand}`);
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
    return mismatches;
  }

  async function explain(db: Db, coll: string, filter: Filter, sort: Sort, limit: number) {
    const r = await db.command({ explain: { find: coll, filter, sort, limit: Long.fromNumber(limit) } });
    return { exact: r.exactPushdown as boolean, filter: r.filterPushdown as boolean, plan: (r.queryPlanner.Plan as string[]).join('\n') };
  }

  async function load(coll: string, docs: Doc[]) {
    await both(async (db) => {
      for (const [keys, options] of INDEXES) await db.collection(coll).createIndex(keys, options ?? {});
    });
    // ordered: the same duplicate-key error stops both at the same document
    await both((db) => db.collection(coll).insertMany(docs.map((d) => ({ ...d }))));
  }

  test('consistently typed data: identical answers, exact pushdown served by indexes', async () => {
    const docs = Array.from({ length: 150 }, cleanDoc);
    const unique = new Map(docs.map((d) => [`${d.number}|${d.seq}|${d.agencyId}`, d]));
    await load('clean', [...unique.values()]);

    // The case list's shape is translated exactly and read from an index in order (no sort of the
    // matches); the reference server does not push anything down.
    const agency = AGENCIES[1];
    for (const filter of [{ agencyId: agency }, { $and: [{ status: 'filed' }, { agencyId: agency }] }, { status: 'closed' }]) {
      const e = await explain(withPushdown, 'clean', filter, { filedOn: -1, _id: -1 }, 25);
      expect(e).toMatchObject({ exact: true, filter: true });
      expect(e.plan).toMatch(/USING INDEX/);
      expect(e.plan).not.toMatch(/TEMP B-TREE/);
      expect(await explain(withoutPushdown, 'clean', filter, { filedOn: -1, _id: -1 }, 25)).toMatchObject({ exact: false, filter: false });
    }
    const officer = await explain(withPushdown, 'clean', { $and: [{ officerIds: OFFICERS[2] }, { agencyId: agency }] }, { filedOn: -1, _id: -1 }, 25);
    expect(officer.exact).toBe(true);
    const search = await explain(withPushdown, 'clean', { $or: [{ number: /N01/i }, { cause: /王/i }, { 'parties.name': /王/i }] }, { filedOn: -1, _id: -1 }, 25);
    expect(search.exact).toBe(true);

    expect(await compareAll('clean', docs, 1)).toEqual([]);

    // Writes that bring new types into the collection (a number and an array as status, an
    // ObjectId-like string as agencyId): the census learns them and the pushdown falls back.
    const more = [{ ...cleanDoc(), status: 7 }, { ...cleanDoc(), status: ['closed', 'filed'] }, { ...cleanDoc(), agencyId: agency.toHexString() }];
    await both((db) => db.collection('clean').insertMany(more.map((d) => ({ ...d }))));
    await both((db) => db.collection('clean').updateMany({ seq: { $lt: 4 } }, { $set: { officerIds: OFFICERS[3], filedOn: new Date(Date.UTC(2026, 0, 5)) } }));
    await both((db) => db.collection('clean').deleteMany({ seq: 40 }));
    expect((await explain(withPushdown, 'clean', { status: 'filed' }, { filedOn: -1, _id: -1 }, 25)).exact).toBe(false);
    expect(await compareAll('clean', docs, 1)).toEqual([]);
  }, 300_000);

  test('mixed types, arrays, objects, missing and null values: identical answers', async () => {
    const docs = Array.from({ length: 160 }, dirtyDoc);
    const unique = new Map(docs.map((d) => [`${d.number}|${d.seq}|${d.agencyId}`, d]));
    await load('dirty', [...unique.values()]);
    expect(await compareAll('dirty', docs, 1)).toEqual([]);

    // A capped collection (record ids, natural order) keeps upstream's handling apart from the filter.
    // ({$natural: -1} is left out: with pushdown disabled, upstream ignores it.)
    const capped = docs.slice(0, 60);
    await both((db) => db.createCollection('capped', { capped: true, size: 1_000_000 }));
    await both((db) => db.collection('capped').insertMany(capped.map((d) => ({ ...d }))));
    const mismatches: string[] = [];
    for (const filter of filtersFor(capped).slice(0, 20)) {
      for (const sort of [undefined, { filedOn: -1, _id: -1 } as Sort]) {
        const [a, b] = await Promise.all([answers(withPushdown, 'capped', filter, sort, 0, 5), answers(withoutPushdown, 'capped', filter, sort, 0, 5)]);
        if (!isDeepStrictEqual(a, b)) mismatches.push(`capped ${JSON.stringify(filter)} ${JSON.stringify(sort)}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);

  test('the case list (listRecords) and the completeness look-up give identical answers', async () => {
    const conns = await Promise.all([process.env.TEST_MONGODB_URI!, reference.uri].map((uri) => mongoose.createConnection(uri, { dbName }).asPromise()));
    try {
      const models = conns.map((c) => ({ cases: c.model('Case', CaseModel.schema), documents: c.model('CaseDocument', CaseDocumentModel.schema) }));
      await Promise.all(models.flatMap((m) => [m.cases.init(), m.documents.init()]));

      const hashes = ['110105198001011234', '110105199002023456', '110105197503035678'].map((n) => personalHash(n));
      const cases: Doc[] = [];
      const documents: Doc[] = [];
      for (let i = 0; i < 240; i++) {
        const age = int(0, 200);
        const filedOn = day(-age);
        const status = pick(['filed', 'investigating', 'notified', 'hearing', 'legal_review', 'decided', 'served', 'closed', 'archived', 'withdrawn']);
        const c: Doc = {
          _id: new ObjectId(), agencyId: pick(AGENCIES), number: `罚〔2026〕${i + 1}号`, year: 2026, seq: i + 1,
          category: pick(['penalty', 'inspection', 'coercion', 'license']), procedure: pick(['simple', 'ordinary']),
          source: pick(['inspection', 'complaint', 'referral']), cause: `${pick(NAMES)}销售过期食品案`, status, filedOn,
          parties: Array.from({ length: int(1, 2) }, () => ({ _id: new ObjectId(), kind: 'person', name: pick(NAMES), idNumberHash: pick(hashes) })),
          officerIds: [pick(OFFICERS), pick(OFFICERS)], major: rnd() < 0.15, history: [], version: 0,
          decisionDeadline: { dueOn: addCalendarDays(filedOn, 90), days: 90 },
          ...(rnd() < 0.4 ? { decidedOn: addCalendarDays(filedOn, int(10, 80)) } : {}),
          createdAt: new Date(`${filedOn}T09:00:00+08:00`), updatedAt: new Date(`${filedOn}T10:00:00+08:00`),
        };
        cases.push(c);
        for (const type of ['filing_approval', 'inspection_record', 'notice'].slice(0, int(0, 3))) {
          documents.push({ caseId: c._id, agencyId: c.agencyId, type, date: filedOn, version: 1, current: rnd() < 0.9, officerIds: [] });
        }
      }
      await Promise.all(models.map(async (m) => {
        await m.cases.collection.insertMany(cases.map((c) => ({ ...c })));
        await m.documents.collection.insertMany(documents.map((d) => ({ ...d })));
      }));

      const filters: Array<Record<string, unknown>> = [
        {}, { status: 'investigating' }, { status: ['filed', 'notified'] }, { category: 'inspection' }, { major: true }, { major: false },
        { officerId: String(OFFICERS[2]) }, { overdue: true }, { overdue: false }, { filedOn_gte: day(-30), filedOn_lte: today },
        { decidedOn_gte: day(-100) }, { procedure: 'simple' }, { source: 'complaint' }, { number: '罚〔2026〕7号' },
        { q: '罚〔2026〕1' }, { q: pick(NAMES) }, { q: 'ANN' }, { q: 'k' }, { q: '销售' }, { partyIdNumber: '110105199002023456' },
        { agencyId: String(AGENCIES[2]), status: 'closed' }, { id: [String(cases[3]._id), String(cases[9]._id)] },
      ];
      const sorts = [['filedOn', 'DESC'], ['filedOn', 'ASC'], ['number', 'ASC'], ['status', 'DESC'], ['decidedOn', 'DESC'], ['updatedAt', 'DESC'], ['id', 'ASC']];
      const mismatches: string[] = [];
      for (const scope of [{}, { agencyId: AGENCIES[1] }]) {
        for (const filter of filters) {
          for (const [sort, range] of [[['filedOn', 'DESC'], [0, 24]], [pick(sorts), pick([[0, 24], [25, 49], [5, 9]])]] as const) {
            const query = { sort: JSON.stringify(sort), range: JSON.stringify(range), filter: JSON.stringify(filter) };
            const [a, b] = await Promise.all(models.map(async (m) => {
              const list = await listRecords(m.cases, caseListSpec, query, scope);
              const ids = (list.records as Array<{ id: string }>).map((r) => r.id);
              const types = await m.documents.find({ caseId: { $in: ids }, current: true }, { caseId: 1, type: 1 });
              return { list, types: types.map((t) => `${t.caseId}:${t.type}`).sort() };
            }));
            if (!isDeepStrictEqual(a, b)) {
              mismatches.push(`${JSON.stringify(scope)} ${JSON.stringify(query)}: pushdown ${a.list.total} [${(a.list.records as Array<{ id: string }>).map((r) => r.id.slice(-4))}], ` +
                `reference ${b.list.total} [${(b.list.records as Array<{ id: string }>).map((r) => r.id.slice(-4))}]`);
            }
          }
        }
      }
      expect(mismatches).toEqual([]);

      // The list's page query is exact and read in order from an index on the embedded database.
      const page = await explain(withPushdown, 'cases', { $and: [{ category: 'inspection' }, { agencyId: AGENCIES[1] }] }, { filedOn: -1, _id: -1 }, 25);
      expect(page.exact).toBe(true);
      expect(page.plan).not.toMatch(/TEMP B-TREE/);
    } finally {
      await Promise.all(conns.map((c) => c.close()));
    }
  }, 300_000);
});

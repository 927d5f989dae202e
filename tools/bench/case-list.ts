// `npm run bench`: the case list with 100,000 cases in the embedded database (issue 4, "Performance").
//
// Starts its own embedded database (FerretDB on SQLite) in a temporary directory (or uses MONGODB_URI), creates the
// indexes, seeds the cases (and their written records, which the list reads for the completeness
// column) with insertMany, then runs the list through the real code path — listCases() of
// api/src/cases/case.service.ts with the RequestContext of an agency officer (scoped to the agency)
// and of a supervisor (all agencies) — for every filter the console offers, sorted by filing date,
// page of 25 and a deep page. Each query runs a few times to warm up, then N times; prints median
// and p95 (ms), the share of the count, and a Markdown table for docs/performance.md.
//
// Options (environment):
//   BENCH_CASES     number of cases (100000), or several sizes separated by commas (e.g. 1000,3000,10000):
//                   each size gets a fresh database and its share of the time budget
//   BENCH_REPEAT    runs per query after warm-up (30); a query slower than 5 s runs once
//   BENCH_BUDGET_S  time budget for the measurements, seeding excluded (240); queries left over are
//                   reported as not measured
//   BENCH_DIR       keep the database in this directory and reuse it on the next run (one size only)
//   BENCH_DOCS=0    no written records (the list then skips most of its completeness look-up cost)
//   MONGODB_URI     measure against that server instead of an embedded one (database bench_case_list, dropped)
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose, { Types } from 'mongoose';
import { AgencyModel } from '../../api/src/agencies/agency.model';
import { settingsOf } from '../../api/src/agencies/agency-settings.service';
import { CaseDocumentModel } from '../../api/src/cases/case-document.model';
import { CLOSED, type CaseStatus } from '../../api/src/cases/case-lifecycle';
import { revealParty, sealParties, type PartyInput, type StoredParty } from '../../api/src/cases/case-parties';
import { CaseCounterModel, CaseModel } from '../../api/src/cases/case.model';
import { caseListSpec, listCases } from '../../api/src/cases/case.service';
import { OfficerModel } from '../../api/src/officers/officer.model';
import type { RequestContext } from '../../api/src/platform/auth/actor';
import { agencyScope } from '../../api/src/platform/auth/agency-scope';
import { permissionsOf } from '../../api/src/platform/auth/permissions';
import { addCalendarDays, chinaDate } from '../../api/src/platform/calendar/dates';
import { startEmbeddedDatabase } from '../../api/src/platform/database/embedded';
import { parseListQuery } from '../../api/src/platform/http/listing';
import { creditCodeCheckChar } from '../../api/src/platform/identifiers/credit-code';
import { residentIdCheckChar } from '../../api/src/platform/identifiers/resident-id';

const SIZES = String(process.env.BENCH_CASES ?? '100000').split(',').map((n) => Number(n.trim())).filter((n) => n > 0);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 30);
const BUDGET_MS = Number(process.env.BENCH_BUDGET_S ?? 240) * 1000;
const WITH_DOCS = process.env.BENCH_DOCS !== '0';

// --- deterministic data ----------------------------------------------------------------------
let state = 42;
const rnd = () => { state = (state * 1_103_515_245 + 12_345) % 2_147_483_648; return state / 2_147_483_648; };
const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
function weighted<T>(pairs: Array<[T, number]>): T {
  let x = rnd() * pairs.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of pairs) if ((x -= w) < 0) return v;
  return pairs[pairs.length - 1][0];
}

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶'];
const GIVEN = ['建军', '志刚', '国强', '海涛', '磊', '勇', '杰', '秀英', '丽', '敏', '静', '艳', '娟', '红兵', '永胜', '文博', '春梅', '晓红', '桂兰', '卫东'];
const BRANDS = ['惠民', '家家乐', '金穗', '福源', '兴隆', '万家', '利民', '鑫源', '佳美', '诚信', '百佳', '众合', '华联', '盛达'];
const CAUSES: Record<string, string[]> = {
  penalty: ['销售超过保质期的食品', '未取得食品经营许可从事食品经营', '不执行政府指导价收费', '擅自占用城市道路', '未取得建设工程规划许可证擅自建设', '随意倾倒生活垃圾', '未取得道路运输经营许可擅自从事道路运输经营', '车辆擅自超限行驶'],
  inspection: ['食品安全监督检查', '道路运输安全监督检查'],
  coercion: ['扣押不符合食品安全标准的食品', '强制拆除违法建筑'],
  license: ['食品经营许可申请', '道路旅客运输经营许可申请'],
};
const AGENCIES = [
  { code: 'B_SCJG', name: '基准县市场监督管理局', abbr: '基市监', weight: 35 },
  { code: 'B_ZHZF', name: '基准县综合行政执法局', abbr: '基综执', weight: 30 },
  { code: 'B_JTYS', name: '基准县交通运输局', abbr: '基交运', weight: 20 },
  { code: 'B_STHJ', name: '基准县生态环境分局', abbr: '基环', weight: 10 },
  { code: 'B_YJGL', name: '基准县应急管理局', abbr: '基应急', weight: 5 },
];
const PATH: CaseStatus[] = ['filed', 'investigating', 'notified', 'decided', 'served', 'executed', 'closed', 'archived'];
const DOCS_BY_STATUS: Partial<Record<CaseStatus, string[]>> = {
  filed: ['filing_approval'],
  investigating: ['filing_approval', 'inspection_record'],
  notified: ['filing_approval', 'inspection_record', 'notice'],
  hearing: ['filing_approval', 'inspection_record', 'notice', 'hearing_notice'],
  legal_review: ['filing_approval', 'inspection_record', 'notice', 'review_application'],
  decided: ['filing_approval', 'inspection_record', 'notice', 'decision'],
  served: ['filing_approval', 'inspection_record', 'notice', 'decision', 'service_receipt'],
  executed: ['filing_approval', 'inspection_record', 'notice', 'decision', 'service_receipt', 'execution_record'],
  closed: ['filing_approval', 'inspection_record', 'inquiry_record', 'notice', 'decision', 'service_receipt', 'execution_record', 'closing_report'],
  archived: ['filing_approval', 'inspection_record', 'inquiry_record', 'notice', 'decision', 'service_receipt', 'execution_record', 'closing_report'],
  withdrawn: ['filing_approval'],
  terminated: ['filing_approval', 'inspection_record'],
};

function personParty(): PartyInput {
  const year = int(1955, 2003);
  const first17 = `141122${year}${String(int(1, 12)).padStart(2, '0')}${String(int(1, 28)).padStart(2, '0')}${String(int(0, 999)).padStart(3, '0')}`;
  return { kind: 'person', name: pick(SURNAMES) + pick(GIVEN), idNumber: first17 + residentIdCheckChar(first17), phone: `139${String(int(0, 99_999_999)).padStart(8, '0')}`, address: `青山县城关镇人民路${int(1, 200)}号` };
}
function orgParty(): PartyInput {
  const first17 = `92141122MA${String(int(0, 9_999_999)).padStart(7, '0')}`;
  return { kind: 'organization', name: `青山县${pick(BRANDS)}${pick(['超市', '商贸有限公司', '物流有限公司', '餐馆'])}`, creditCode: first17 + creditCodeCheckChar(first17), legalRepresentative: pick(SURNAMES) + pick(GIVEN) };
}

function statusFor(ageDays: number): CaseStatus {
  if (ageDays < 30) return weighted<CaseStatus>([['filed', 15], ['investigating', 45], ['notified', 15], ['hearing', 3], ['legal_review', 2], ['decided', 8], ['served', 6], ['withdrawn', 3], ['terminated', 3]]);
  if (ageDays < 120) return weighted<CaseStatus>([['investigating', 8], ['notified', 6], ['hearing', 2], ['legal_review', 2], ['decided', 6], ['served', 10], ['executed', 20], ['closed', 36], ['withdrawn', 5], ['terminated', 5]]);
  return weighted<CaseStatus>([['investigating', 1], ['notified', 1], ['executed', 4], ['closed', 20], ['archived', 66], ['withdrawn', 4], ['terminated', 4]]);
}

async function seed(CASES: number) {
  const today = chinaDate();
  const agencies = [];
  for (const a of AGENCIES) {
    const agency = await AgencyModel.create({
      code: a.code, name: a.name, shortName: a.name.replace('基准县', '县'), kind: 'enforcement', county: '基准县', active: true,
      categories: ['license', 'penalty', 'coercion', 'inspection'],
      qualification: { status: 'announced', publicationDate: addCalendarDays(today, -800), history: [] },
    });
    const settings = await settingsOf(agency.id);
    settings.caseAbbreviation = a.abbr;
    await settings.save();
    const officers = await OfficerModel.insertMany(Array.from({ length: 12 }, (_, i) => ({ name: `${pick(SURNAMES)}${pick(GIVEN)}${i}`, agencyId: agency._id, status: 'active' })));
    agencies.push({ ...a, id: agency._id, officers: officers.map((o) => o._id), seq: new Map<number, number>() });
  }
  await AgencyModel.create({ code: 'B_SFJ', name: '基准县司法局', shortName: '县司法局', kind: 'legal_office', county: '基准县', active: true });

  const started = Date.now();
  let docsWritten = 0;
  const BATCH = 1000;
  // Filing dates over two years, oldest first, so that numbers follow the filing order.
  const dates = Array.from({ length: CASES }, () => int(0, 729)).sort((x, y) => y - x);
  for (let i = 0; i < CASES; i += BATCH) {
    const cases: Array<Record<string, unknown>> = [];
    const documents: Array<Record<string, unknown>> = [];
    for (let j = i; j < Math.min(i + BATCH, CASES); j++) {
      const age = dates[j];
      const filedOn = addCalendarDays(today, -age);
      const agency = weighted(agencies.map((a) => [a, a.weight] as [typeof a, number]));
      const category = weighted<string>([['penalty', 70], ['inspection', 15], ['coercion', 8], ['license', 7]]);
      const status = statusFor(age);
      const year = Number(filedOn.slice(0, 4));
      const seq = (agency.seq.get(year) ?? 0) + 1;
      agency.seq.set(year, seq);
      const number = `${agency.abbr}${{ penalty: '罚', inspection: '检', coercion: '强', license: '许' }[category]}〔${year}〕${seq}号`;
      const parties = sealParties(rnd() < 0.55 ? [personParty()] : rnd() < 0.8 ? [orgParty()] : [orgParty(), personParty()], [], filedOn);
      const major = rnd() < 0.08;
      const procedure = category === 'penalty' && rnd() < 0.08 ? 'simple' : 'ordinary';
      const o1 = int(0, agency.officers.length - 1);
      const o2 = (o1 + int(1, agency.officers.length - 1)) % agency.officers.length;
      const reachedIdx = PATH.indexOf(status);
      const stepDates: Record<string, string> = {};
      const step = (k: number) => addCalendarDays(filedOn, Math.min(age, k));
      if (reachedIdx >= 2) stepDates.notifiedOn = step(20);
      if (reachedIdx >= 3) stepDates.decidedOn = step(45);
      if (reachedIdx >= 4) stepDates.servedOn = step(48);
      if (reachedIdx >= 5) stepDates.executedOn = step(60);
      if (reachedIdx >= 6) stepDates.closedOn = step(70);
      if (reachedIdx >= 7) stepDates.archivedOn = step(90);
      const history = [{ action: 'file', from: 'filed', to: 'filed', at: new Date(`${filedOn}T09:00:00+08:00`), date: filedOn, byName: '基准' }];
      for (let k = 1; k <= Math.max(0, reachedIdx); k++) history.push({ action: 'step', from: PATH[k - 1], to: PATH[k], at: new Date(`${step(k * 10)}T10:00:00+08:00`), date: step(k * 10), byName: '基准' });
      const _id = new Types.ObjectId();
      const partyName = parties[0].name;
      cases.push({
        _id, agencyId: agency.id, number, year, seq, category, procedure,
        source: pick(['inspection', 'complaint', 'referral', 'transfer']),
        cause: `${partyName}${pick(CAUSES[category])}案`,
        facts: `经查，当事人${partyName}于${filedOn}在青山县城关镇人民路${int(1, 200)}号${pick(CAUSES[category])}，违法事实清楚，证据确凿。当事人对上述事实无异议。执法人员制作了现场检查笔录并拍照取证。`,
        legalBasis: [{ law: '中华人民共和国食品安全法', article: '第一百二十四条' }],
        ...(reachedIdx >= 2 && category === 'penalty' ? { fineAmount: int(1, 200) * 500, penaltyTypes: ['fine'], discretion: { level: 'normal', standardRef: '裁量基准第1项' } } : {}),
        parties, officerIds: [agency.officers[o1], agency.officers[o2]],
        status, filedOn, ...stepDates,
        major, majorReasons: major ? ['罚款金额达到重大执法决定标准'] : [],
        legalReview: { status: major && reachedIdx >= 3 ? 'approved' : status === 'legal_review' ? 'pending' : 'none' },
        decisionDeadline: { dueOn: addCalendarDays(filedOn, 90), days: 90, basis: '行政处罚法第六十条 / agency setting decisionDeadlineDays=90 (settings version 1)' },
        ...(CLOSED.includes(status) && ['withdrawn', 'terminated'].includes(status) ? { endReason: '经调查，违法事实不能成立' } : {}),
        history, version: history.length - 1,
        createdAt: new Date(`${filedOn}T09:00:00+08:00`), updatedAt: new Date(`${(stepDates.archivedOn ?? stepDates.closedOn ?? filedOn)}T10:00:00+08:00`),
      });
      if (WITH_DOCS) {
        for (const type of DOCS_BY_STATUS[status] ?? []) {
          documents.push({ caseId: _id, agencyId: agency.id, type, title: type, date: filedOn, officerIds: [agency.officers[o1], agency.officers[o2]], version: 1, current: true, createdByName: '基准' });
        }
      }
    }
    await CaseModel.insertMany(cases, { timestamps: false, lean: true });
    if (documents.length) await CaseDocumentModel.insertMany(documents, { lean: true });
    docsWritten += documents.length;
    if ((i / BATCH) % 10 === 9) process.stdout.write(`  ${i + BATCH} cases, ${docsWritten} records (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  for (const a of agencies) for (const [year, seq] of a.seq) await CaseCounterModel.create({ _id: `${a.id}-${year}`, seq });
  return { seconds: (Date.now() - started) / 1000, documents: docsWritten };
}

// --- measurement -------------------------------------------------------------------------------
const ms = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(0));
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

interface Row { actor: string; label: string; median: number; p95: number; n: number; total: number; countMedian: number; findMedian: number; viewsMedian: number }

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = process.hrtime.bigint();
  const r = await fn();
  return [Number(process.hrtime.bigint() - t) / 1e6, r];
}

async function main() {
  const reuse = process.env.BENCH_DIR;
  if (reuse && SIZES.length > 1) throw new Error('BENCH_DIR keeps one database: give one size in BENCH_CASES');
  // With MONGODB_URI the same measurements run against that server (database bench_case_list, dropped at the end).
  const external = process.env.MONGODB_URI;
  const dir = external ? undefined : reuse ?? mkdtempSync(join(tmpdir(), 'case-bench-'));
  const db = dir ? await startEmbeddedDatabase({ dataDir: dir }) : undefined;
  const begun = Date.now();
  const summary: Array<{ size: number; rows: Row[] }> = [];
  try {
    await mongoose.connect(db?.uri ?? external!, { dbName: external ? 'bench_case_list' : 'bench' });
    const server = external ? `MongoDB-compatible server at MONGODB_URI` : `FerretDB 1.24 (SQLite) in ${dir}`;
    console.log(`Case-list benchmark · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model.trim()} · load ${loadavg()[0].toFixed(1)} · ${server}`);
    for (const size of SIZES) {
      const existing = reuse ? await CaseModel.estimatedDocumentCount() : 0;
      if (!existing) {
        await mongoose.connection.dropDatabase();
        await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
        console.log(`\n== ${size} cases ==\nSeeding ${size} cases${WITH_DOCS ? ' and their written records' : ''} (insertMany, batches of 1000)…`);
        const s = await seed(size);
        console.log(`Seeded in ${s.seconds.toFixed(1)} s (${Math.round(size / s.seconds)} cases/s, ${s.documents} written records).`);
      } else console.log(`\n== Reusing the seeded database (${existing} cases) ==`);
      summary.push({ size: existing || size, rows: await measure(BUDGET_MS / SIZES.length) });
    }
    if (summary.length > 1) {
      console.log('\nMedian ms by size (officer / supervisor):');
      console.log(`| Query | ${summary.map((x) => `${x.size} cases`).join(' | ')} |`);
      console.log(`|---|${summary.map(() => '---:').join('|')}|`);
      for (const label of summary[0].rows.filter((r) => r.actor.startsWith('officer')).map((r) => r.label)) {
        const cell = (x: (typeof summary)[number]) => ['officer', 'supervisor'].map((a) => x.rows.find((r) => r.label === label && r.actor.startsWith(a))?.median.toFixed(0) ?? '–').join(' / ');
        console.log(`| ${label} | ${summary.map(cell).join(' | ')} |`);
      }
    }
    console.log(`\nTotal ${((Date.now() - begun) / 1000).toFixed(0)} s; load average now ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min).`);
  } finally {
    if (external) await mongoose.connection.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
    await db?.stop();
    if (dir && !reuse) rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs every query for both actors within the budget; prints and returns the figures. */
async function measure(BUDGET_MS: number): Promise<Row[]> {
  const agency = (await AgencyModel.findOne({ code: 'B_SCJG' }))!;
  const officer = (await OfficerModel.findOne({ agencyId: agency._id }).sort({ _id: 1 }))!;
  const sample = (await CaseModel.findOne({ agencyId: agency._id, status: 'archived' }).sort({ filedOn: 1 }))!;
  const ctxOf = (roles: Array<'officer' | 'supervisor'>, agencyId: string): RequestContext => ({
    actor: { userId: new Types.ObjectId().toHexString(), username: roles[0], displayName: roles[0], roles, agencyId, permissions: permissionsOf(roles) },
    requestId: 'bench', ip: '127.0.0.1',
  });
  const actors = [
    { name: 'officer (one agency)', ctx: ctxOf(['officer'], agency.id) },
    { name: 'supervisor (all agencies)', ctx: ctxOf(['supervisor'], (await AgencyModel.findOne({ code: 'B_SFJ' }))!.id) },
  ];
  const today = chinaDate();
  const numberPrefix = sample.number.slice(0, sample.number.indexOf('〕') + 1) + '1';
  // A person's ID number, for the exact search through its keyed hash.
  const withPerson = (await CaseModel.findOne({ agencyId: agency._id, 'parties.kind': 'person' }))!;
  const idNumber = revealParty((withPerson.parties as StoredParty[]).find((p) => p.kind === 'person')!).idNumber!;
  console.log(`(q searches: number prefix "${numberPrefix}", party name "${sample.parties[0].name}")`);
  const queries: Array<{ label: string; filter?: Record<string, unknown>; range?: [number, number] }> = [
    { label: 'no filter' },
    { label: 'status = investigating', filter: { status: 'investigating' } },
    { label: 'category = inspection', filter: { category: 'inspection' } },
    { label: 'major = true', filter: { major: true } },
    { label: 'officerId = one officer', filter: { officerId: officer.id } },
    { label: 'overdue = true', filter: { overdue: true } },
    { label: 'filedOn in the last 30 days', filter: { filedOn_gte: addCalendarDays(today, -30), filedOn_lte: today } },
    { label: 'procedure = simple', filter: { procedure: 'simple' } },
    { label: 'source = complaint', filter: { source: 'complaint' } },
    { label: 'decidedOn in a 30-day range', filter: { decidedOn_gte: addCalendarDays(today, -90), decidedOn_lte: addCalendarDays(today, -60) } },
    { label: 'number = one case', filter: { number: sample.number } },
    { label: 'partyIdNumber = one person', filter: { partyIdNumber: idNumber } },
    { label: 'q = number prefix', filter: { q: numberPrefix } },
    { label: 'q = party name', filter: { q: sample.parties[0].name } },
    { label: 'no filter, deep page [5000, 5024]', range: [5000, 5024] },
  ];

  const rows: Row[] = [];
  const deadline = Date.now() + BUDGET_MS;
  const perQueryBudget = BUDGET_MS / (queries.length * actors.length);
  for (const actor of actors) {
    for (const q of queries) {
      if (Date.now() > deadline) {
        console.log(`${actor.name.padEnd(26)} ${q.label.padEnd(44)} not measured: time budget (BENCH_BUDGET_S) used up`);
        continue;
      }
      const listQuery = { sort: JSON.stringify(['filedOn', 'DESC']), range: JSON.stringify(q.range ?? [0, 24]), filter: JSON.stringify(q.filter ?? {}) };
      // The parts of listRecords + listViews, timed alone once: the page, the count, the completeness lookup.
      const parsed = parseListQuery(caseListSpec, listQuery);
      const scope = agencyScope(actor.ctx.actor!);
      const where = !Object.keys(scope).length ? parsed.filter : !Object.keys(parsed.filter).length ? scope : { $and: [parsed.filter, scope] };
      const [warm, first] = await time(() => listCases(actor.ctx, listQuery));
      // A query slower than 5 s is not repeated: its one (cold) run is the figure.
      const samples: number[] = warm >= 5000 ? [warm] : [];
      if (warm < 5000) {
        await listCases(actor.ctx, listQuery);
        const n = Math.max(3, Math.min(REPEAT, Math.floor(perQueryBudget / Math.max(1, warm) / 1.5)));
        for (let k = 0; k < n; k++) samples.push((await time(() => listCases(actor.ctx, listQuery)))[0]);
      }
      const n = samples.length;
      let [countMs, findMs, viewsMs] = [NaN, NaN, NaN];
      if (Date.now() + 3 * warm < deadline) {
        [countMs] = await time(() => CaseModel.countDocuments(where));
        let page: Array<{ _id: Types.ObjectId }> = [];
        [findMs, page] = await time(() => CaseModel.find(where).sort(parsed.sort).skip(parsed.skip).limit(parsed.limit));
        [viewsMs] = await time(() => CaseDocumentModel.find({ caseId: { $in: page.map((p) => p._id) }, current: true }, { caseId: 1, type: 1 }));
      }
      samples.sort((a, b) => a - b);
      const row = { actor: actor.name, label: q.label, median: quantile(samples, 0.5), p95: quantile(samples, 0.95), n, total: first.total, countMedian: countMs, findMedian: findMs, viewsMedian: viewsMs };
      rows.push(row);
      console.log(`${row.actor.padEnd(26)} ${row.label.padEnd(44)} median ${row.median.toFixed(0).padStart(6)} ms  p95 ${row.p95.toFixed(0).padStart(6)} ms  (n=${n}, ${row.total} matches; alone: find ${ms(findMs)} ms, count ${ms(countMs)} ms, records ${ms(viewsMs)} ms)`);
    }
  }

  // Reference points: reading one case by _id (the one query shape the embedded database answers
  // without reading the whole collection), and a full read of the collection.
  const ids = (await CaseModel.find({}, { _id: 1 }).limit(25)).map((c) => c._id);
  const byId: number[] = [];
  for (let k = 0; k < 10; k++) byId.push((await time(() => Promise.all(ids.map((id) => CaseModel.findById(id)))))[0]);
  byId.sort((a, b) => a - b);
  const [scanMs] = await time(() => CaseModel.countDocuments({ _id: { $exists: true } }));
  console.log(`\nReference: 25 cases by _id (parallel findById) median ${quantile(byId, 0.5).toFixed(0)} ms, p95 ${quantile(byId, 0.95).toFixed(0)} ms; one full read of the cases collection (countDocuments on a non-_id condition) ${scanMs.toFixed(0)} ms.`);

  console.log('\n| Actor | Query (sorted by filedOn desc, 25 per page) | Matches | Median ms | p95 ms | × no filter | find alone | count alone | records alone | n |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const base = rows.find((x) => x.actor === r.actor && x.label === 'no filter');
    console.log(`| ${r.actor} | ${r.label} | ${r.total} | ${r.median.toFixed(0)} | ${r.p95.toFixed(0)} | ${base ? (r.median / base.median).toFixed(2) : '–'} | ${ms(r.findMedian)} | ${ms(r.countMedian)} | ${ms(r.viewsMedian)} | ${r.n} |`);
  }
  return rows;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

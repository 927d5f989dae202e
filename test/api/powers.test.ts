// Power lists (权责清单): CRUD within the agency, and Excel import/export (exceljs) where a bad row
// is reported with its row number and nothing is half-imported.
import ExcelJS from 'exceljs';
import { PowerItemModel } from '../../api/src/powers/power-item.model';
import { AuditEntryModel } from '../../api/src/platform/audit/audit.model';
import { agencyIdOf, expectError, UNKNOWN_ID } from '../support/api-expectations';
import { filesBelow, incomingDir, settledUploads, uploadsDir } from '../support/enforcement-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = ['事项编码', '事项名称', '类别', '法律依据', '办理程序', '法定时限', '裁量基准', '救济途径'];
const GOOD_ROWS = [
  ['SCJG-CF-101', '对食品生产经营者未按规定建立食品安全管理制度的行政处罚', '行政处罚', '《中华人民共和国食品安全法》第一百二十六条', '立案—调查—告知—决定—送达', '立案之日起九十日内', '食品类第8项', '行政复议或行政诉讼'],
  ['SCJG-CF-102', '对销售不合格产品的行政处罚', '行政处罚', '《中华人民共和国产品质量法》第四十九条；《中华人民共和国行政处罚法》第二十八条', '', '立案之日起九十日内', '', ''],
  ['', '对集中交易市场开办者的监督检查', '行政检查', '《中华人民共和国食品安全法》第六十一条', '', '', '', ''],
];

async function workbook(rows: string[][], headers: string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('清单');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const binary = (r: import('supertest').Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = r as unknown as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

let t: TestApp;
let supervisor: { Authorization: string };
let admin: { Authorization: string };
let scjg: string;
let jtys: string;
beforeAll(async () => {
  t = await startTestApp();
  supervisor = await t.as('supervisor');
  admin = await t.as('agency_admin');
  scjg = await agencyIdOf('QS_SCJG');
  jtys = await agencyIdOf('QS_JTYS');
});
afterAll(async () => {
  await t.close();
});

const countIn = (agencyId: string) => PowerItemModel.countDocuments({ agencyId });
const importAs = (who: { Authorization: string }, file: Buffer, contentType = XLSX, filename = 'powers.xlsx') =>
  t.api.post('/api/powers/import').set(who).attach('file', file, { filename, contentType });

describe('power-list items (CRUD)', () => {
  let id: string;

  test('agency_admin lists only its own agency’s items; an officer may read them too', async () => {
    const res = await t.api.get('/api/powers').query({ range: '[0,99]' }).set(admin);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(6);
    for (const p of res.body) expect(p.agencyId).toBe(scjg);
    expect(res.body.map((p: { code: string }) => p.code)).toContain('SCJG-CF-001');
    expect(res.body[0]).not.toHaveProperty('importBatch');
    expect((await t.api.get('/api/powers').set(await t.as('officer'))).status).toBe(200);
  });

  test('when agency_admin adds an item, then it is 201 in its agency, stored and audited', async () => {
    const body = { code: 'SCJG-CF-010', name: '对无照经营的行政处罚', category: 'penalty', legalBasis: [{ law: '无证无照经营查处办法', article: '第十三条' }], timeLimit: '立案之日起九十日内' };
    const res = await t.api.post('/api/powers').set(admin).send(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...body, agencyId: scjg, active: true });
    id = res.body.id;
    expect(await PowerItemModel.findById(id)).toMatchObject({ code: 'SCJG-CF-010', category: 'penalty' });
    expect(await AuditEntryModel.countDocuments({ action: 'power.create', entityId: id })).toBe(1);
  });

  test('when the code is already used in the agency, then it is 409 naming code', async () => {
    const res = await t.api.post('/api/powers').set(admin).send({ code: 'SCJG-CF-001', name: '重复编码事项', category: 'penalty', legalBasis: [{ law: '中华人民共和国食品安全法' }] });
    expectError(res, 409, ['code']);
    expect(await PowerItemModel.countDocuments({ code: 'SCJG-CF-001' })).toBe(1);
  });

  test('when the category is unknown or the legal basis is missing, then it is 400 naming the field', async () => {
    expectError(await t.api.post('/api/powers').set(admin).send({ name: '某事项', category: 'fine', legalBasis: [{ law: '某法' }] }), 400, ['category']);
    expectError(await t.api.post('/api/powers').set(admin).send({ name: '某事项', category: 'penalty' }), 400, ['legalBasis']);
    expectError(await t.api.post('/api/powers').set(admin).send({ name: '某事项', category: 'penalty', legalBasis: [] }), 400, ['legalBasis']);
  });

  test('when agency_admin updates and deletes its item, then the database follows', async () => {
    const updated = await t.api.put(`/api/powers/${id}`).set(admin).send({ remedy: '六十日内申请行政复议' });
    expect(updated.status).toBe(200);
    expect((await PowerItemModel.findById(id))!.remedy).toBe('六十日内申请行政复议');
    const deleted = await t.api.delete(`/api/powers/${id}`).set(admin);
    expect(deleted.status).toBe(200);
    expect(await PowerItemModel.findById(id)).toBeNull();
  });

  test('another agency’s item is 404 for agency_admin (read, update, delete) and unchanged', async () => {
    const other = await PowerItemModel.findOne({ agencyId: jtys });
    expectError(await t.api.get(`/api/powers/${other!.id}`).set(admin), 404);
    expectError(await t.api.put(`/api/powers/${other!.id}`).set(admin).send({ name: '改掉别人的事项' }), 404);
    expectError(await t.api.delete(`/api/powers/${other!.id}`).set(admin), 404);
    expect((await PowerItemModel.findById(other!.id))!.name).toBe(other!.name);
    expectError(await t.api.get(`/api/powers/${UNKNOWN_ID}`).set(admin), 404);
  });

  test('when agency_admin adds an item to another agency, then it is 403 naming agencyId', async () => {
    const before = await countIn(jtys);
    expectError(await t.api.post('/api/powers').set(admin).send({ agencyId: jtys, name: '越权事项', category: 'penalty', legalBasis: [{ law: '某法' }] }), 403, ['agencyId']);
    expect(await countIn(jtys)).toBe(before);
  });

  test('the supervisor adds items for a named agency; without one (the legal office is no enforcement subject) it is 400 naming agencyId', async () => {
    const res = await t.api.post('/api/powers').set(supervisor).send({ agencyId: jtys, name: '对道路运输站场经营的监督检查', category: 'inspection', legalBasis: [{ law: '中华人民共和国道路运输条例', article: '第五十八条' }] });
    expect(res.status).toBe(201);
    expect(res.body.agencyId).toBe(jtys);
    expectError(await t.api.post('/api/powers').set(supervisor).send({ name: '司法局事项', category: 'other', legalBasis: [{ law: '某法' }] }), 400, ['agencyId']);
  });

  test('when an officer writes, then it is 403', async () => {
    const officer = await t.as('officer');
    expectError(await t.api.post('/api/powers').set(officer).send({ name: '某事项', category: 'penalty', legalBasis: [{ law: '某法' }] }), 403);
    const own = await PowerItemModel.findOne({ agencyId: scjg });
    expectError(await t.api.delete(`/api/powers/${own!.id}`).set(officer), 403);
    expect(await PowerItemModel.exists({ _id: own!._id })).not.toBeNull();
  });
});

describe('Excel import', () => {
  test('a good workbook imports every row into the caller’s agency, with categories and legal bases parsed', async () => {
    const before = await countIn(scjg);
    const res = await importAs(admin, await workbook(GOOD_ROWS));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imported: 3, agencyId: scjg });
    expect(await countIn(scjg)).toBe(before + 3);

    const second = await PowerItemModel.findOne({ agencyId: scjg, code: 'SCJG-CF-102' });
    expect(second).toMatchObject({ name: '对销售不合格产品的行政处罚', category: 'penalty', timeLimit: '立案之日起九十日内' });
    expect(second!.legalBasis.map((b) => ({ law: b.law, article: b.article }))).toEqual([
      { law: '中华人民共和国产品质量法', article: '第四十九条' },
      { law: '中华人民共和国行政处罚法', article: '第二十八条' },
    ]);
    expect(second!.procedure).toBeUndefined();
    const third = await PowerItemModel.findOne({ agencyId: scjg, name: '对集中交易市场开办者的监督检查' });
    expect(third).toMatchObject({ category: 'inspection' });
    expect(third!.code).toBeUndefined();
    const batches = await PowerItemModel.distinct('importBatch', { agencyId: scjg, importBatch: { $exists: true } });
    expect(batches).toHaveLength(1);
    expect(await AuditEntryModel.countDocuments({ action: 'power.import', agencyId: scjg })).toBe(1);
    expect(await settledUploads([])).toEqual([]);
  });

  test.each([
    ['an unknown 类别', 'rows.3.category', ['SCJG-CF-201', '某事项', '行政罚款', '《中华人民共和国食品安全法》第一百二十二条']],
    ['a missing 法律依据', 'rows.3.legalBasis', ['SCJG-CF-201', '某事项', '行政处罚', '']],
    ['a 法律依据 without 《》', 'rows.3.legalBasis', ['SCJG-CF-201', '某事项', '行政处罚', '食品安全法第一百二十二条']],
    ['a missing 事项名称', 'rows.3.name', ['SCJG-CF-201', '', '行政处罚', '《中华人民共和国食品安全法》第一百二十二条']],
    ['a 事项编码 already in the agency’s list', 'rows.3.code', ['SCJG-CF-001', '某事项', '行政处罚', '《中华人民共和国食品安全法》第一百二十二条']],
  ])('a workbook whose second item has %s is 400 naming %s, and nothing is inserted', async (_what, key, badRow) => {
    const before = await countIn(scjg);
    const rows = [
      ['SCJG-CF-301', '对未按规定公示信息的行政处罚', '行政处罚', '《中华人民共和国食品安全法》第一百二十六条'],
      badRow,
      ['SCJG-CF-302', '对虚假宣传的行政处罚', '行政处罚', '《中华人民共和国反不正当竞争法》第二十条'],
    ];
    const res = await importAs(admin, await workbook(rows));
    expectError(res, 400, [key]);
    expect(Object.keys(res.body.errors)).toEqual([key]);
    expect(res.body.errors[key]).toMatch(/^Row 3: /);
    expect(res.body.message).toMatch(/1 row\(s\) have errors; nothing was imported/);
    expect(await countIn(scjg)).toBe(before);
    expect(await PowerItemModel.exists({ code: { $in: ['SCJG-CF-301', 'SCJG-CF-302'] } })).toBeNull();
    expect(await settledUploads([])).toEqual([]);
  });

  test('a 事项编码 repeated inside the file is reported on the later row, and every bad row is listed at once', async () => {
    const before = await countIn(scjg);
    const rows = [
      ['SCJG-CF-401', '事项甲', '行政处罚', '《中华人民共和国食品安全法》第一百二十二条'],
      ['SCJG-CF-402', '事项乙', '未知类别', '《中华人民共和国食品安全法》第一百二十二条'],
      ['SCJG-CF-401', '事项丙', '行政处罚', '《中华人民共和国食品安全法》第一百二十四条'],
    ];
    const res = await importAs(admin, await workbook(rows));
    expectError(res, 400, ['rows.3.category', 'rows.4.code']);
    expect(res.body.errors['rows.4.code']).toMatch(/repeats row 2/);
    expect(res.body.message).toMatch(/^2 row\(s\)/);
    expect(await countIn(scjg)).toBe(before);
  });

  test('Chinese messages name the row as 第 N 行', async () => {
    const res = await importAs(admin, await workbook([['X-1', '事项', '行政罚款', '《某法》第一条']])).set('Accept-Language', 'zh-CN');
    expectError(res, 400, ['rows.2.category']);
    expect(res.body.errors['rows.2.category']).toMatch(/^第 2 行：类别“行政罚款”无效/);
  });

  test('when a required column is missing, then it is 400 on file naming the column, and nothing is inserted', async () => {
    const before = await countIn(scjg);
    const res = await importAs(admin, await workbook([['SCJG-CF-501', '某事项', '行政处罚']], ['事项编码', '事项名称', '类别']));
    expectError(res, 400, ['file']);
    expect(res.body.message).toContain('法律依据');
    expect(await countIn(scjg)).toBe(before);
  });

  test('when the file is not an xlsx (random bytes), then it is 400 on file', async () => {
    const before = await countIn(scjg);
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expectError(await importAs(admin, junk, 'application/octet-stream', 'powers.xlsx'), 400, ['file']);
    expectError(await importAs(admin, junk, XLSX, 'powers.xlsx'), 400, ['file']);
    expect(await countIn(scjg)).toBe(before);
    expect(await settledUploads([])).toEqual([]);
  });

  test('when the file is text/plain, then it is 415 naming file', async () => {
    expectError(await importAs(admin, Buffer.from('事项编码,事项名称\n'), 'text/plain', 'powers.csv'), 415, ['file']);
    expect(await settledUploads([])).toEqual([]);
  });

  test('when the workbook has only its header row, then it is 400 on file', async () => {
    expectError(await importAs(admin, await workbook([])), 400, ['file']);
  });

  test('when no file is sent, then it is 400 naming file', async () => {
    expectError(await t.api.post('/api/powers/import').set(admin).field('agencyId', scjg), 400, ['file']);
  });

  test('when an officer imports, then it is 403 and nothing is inserted', async () => {
    const before = await countIn(scjg);
    expectError(await importAs(await t.as('officer'), await workbook([['SCJG-CF-601', '某事项', '行政处罚', '《某法》第一条']])), 403);
    expect(await countIn(scjg)).toBe(before);
    expect(await settledUploads([])).toEqual([]);
  });

  test('when agency_admin imports into another agency, then it is 403 naming agencyId and nothing is inserted', async () => {
    const before = await countIn(jtys);
    const res = await t.api.post('/api/powers/import').set(admin).field('agencyId', jtys)
      .attach('file', await workbook([['JTYS-X-1', '某事项', '行政处罚', '《某法》第一条']]), { filename: 'p.xlsx', contentType: XLSX });
    expectError(res, 403, ['agencyId']);
    expect(await countIn(jtys)).toBe(before);
  });

  test('when the database fails part-way through the insert, then the rows already written are removed again', async () => {
    const before = await countIn(scjg);
    const original = PowerItemModel.insertMany.bind(PowerItemModel);
    const spy = jest.spyOn(PowerItemModel, 'insertMany').mockImplementationOnce((async (docs: Array<Record<string, unknown>>) => {
      await original(docs.slice(0, 1));
      throw new Error('connection lost');
    }) as never);
    try {
      const res = await importAs(admin, await workbook([['SCJG-CF-701', '事项一', '行政处罚', '《某法》第一条'], ['SCJG-CF-702', '事项二', '行政处罚', '《某法》第二条']]));
      expect(res.status).toBe(500);
    } finally {
      spy.mockRestore();
    }
    expect(await PowerItemModel.exists({ code: 'SCJG-CF-701' })).toBeNull();
    expect(await countIn(scjg)).toBe(before);
  });
});

describe('Excel export', () => {
  async function exportAs(who: { Authorization: string }, agencyId?: string) {
    const req = t.api.get('/api/powers/export.xlsx').set(who);
    if (agencyId) req.query({ agencyId });
    return req.buffer(true).parse(binary);
  }

  test('agency_admin exports its list as an xlsx that re-reads with exceljs and holds every item', async () => {
    const res = await exportAs(admin);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''.+\.xlsx$/);
    expect(decodeURIComponent(res.headers['content-disposition'])).toContain('青山县市场监督管理局-权责清单');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const sheet = wb.getWorksheet('权责清单')!;
    expect(sheet).toBeDefined();
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['事项编码', '事项名称*', '类别*', '法律依据*', '办理程序', '法定时限', '裁量基准', '救济途径']);
    const rows: string[][] = [];
    sheet.eachRow((row, n) => { if (n > 1) rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))); });
    expect(rows).toHaveLength(await countIn(scjg));
    const first = rows.find((r) => r[0] === 'SCJG-CF-001')!;
    expect(first.slice(0, 4)).toEqual(['SCJG-CF-001', '对未取得食品生产经营许可从事食品生产经营活动的行政处罚', '行政处罚', '《中华人民共和国食品安全法》第一百二十二条']);
    expect(rows.find((r) => r[0] === 'SCJG-CF-003')![3]).toBe('《中华人民共和国价格法》第三十九条；《价格违法行为行政处罚规定》第七条');
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['SCJG-CF-002', 'SCJG-XK-001', 'SCJG-QZ-001', 'SCJG-JC-001', 'SCJG-CF-101']));
    expect(wb.getWorksheet('填写说明')).toBeDefined();
  });

  test('an officer may export (read); the supervisor exports a named agency; agency_admin may not export another agency (403)', async () => {
    expect((await exportAs(await t.as('officer'))).status).toBe(200);
    const res = await exportAs(supervisor, jtys);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    let items = 0;
    wb.getWorksheet('权责清单')!.eachRow((row, n) => { if (n > 1 && row.getCell(2).text) items++; });
    expect(items).toBe(await countIn(jtys));
    expectError(await t.api.get('/api/powers/export.xlsx').query({ agencyId: jtys }).set(admin), 403);
  });

  test('an exported list imports back into another agency unchanged (round trip)', async () => {
    await PowerItemModel.deleteMany({ agencyId: jtys });
    const exported = await exportAs(admin);
    const res = await t.api.post('/api/powers/import').set(supervisor).field('agencyId', jtys)
      .attach('file', exported.body as Buffer, { filename: 'export.xlsx', contentType: XLSX });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imported: await countIn(scjg), agencyId: jtys });
    const strip = (items: Array<{ code?: string | null; name: string; category: string; legalBasis: Array<{ law: string; article?: string | null }> }>) =>
      items.map((i) => [i.code ?? '', i.name, i.category, i.legalBasis.map((b) => `${b.law}|${b.article ?? ''}`).join(';')]).sort();
    expect(strip(await PowerItemModel.find({ agencyId: jtys }))).toEqual(strip(await PowerItemModel.find({ agencyId: scjg })));
  });

  test('after all the imports, no temporary file is left in UPLOADS_DIR/.incoming or anywhere under UPLOADS_DIR', async () => {
    expect(await settledUploads([])).toEqual([]);
    expect(filesBelow(incomingDir())).toEqual([]);
    expect(uploadsDir()).not.toContain('/work/main');
  });
});

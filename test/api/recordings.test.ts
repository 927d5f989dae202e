// Recorder footage (执法全过程记录): ingest hashed while streamed, type read from the content, late uploads
// marked, nothing left behind by a refused upload, originals streamed with HTTP Range and their SHA-256,
// every access a custody entry, metadata corrected only as versions with a reason, other agencies 404.
import { createHash, randomBytes } from 'node:crypto';
import { RecordingModel } from '../../api/src/recordings/recording.model';
import { AuditEntryModel } from '../../api/src/platform/audit/audit.model';
import { verifyAuditChain } from '../../api/src/platform/audit/audit.service';
import { expectError, UNKNOWN_ID } from '../support/api-expectations';
import { caseBody, fileCase, officerIdsOf, type Headers } from '../support/case-fixtures';
import { settledUploads } from '../support/enforcement-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let officer: Headers;
let caseId: string;
let zhang: string;

/** An MPEG-4 file: an `ftyp` box (what players and file-type recognise) followed by media bytes. */
function mp4(bytes = 64 * 1024): Buffer {
  const ftyp = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');
  return Buffer.concat([ftyp, randomBytes(bytes - ftyp.length)]);
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();

function upload(file: Buffer, fields: Record<string, string>, name = 'DSJ_0001.mp4', as: Headers = officer) {
  let req = t.api.post('/api/recordings').set(as).set('Accept-Language', 'zh-CN');
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  return req.attach('file', file, { filename: name, contentType: 'video/mp4' });
}
const fields = (over: Record<string, string> = {}) => ({
  caseId, officerId: zhang, deviceSerial: 'DSJ-QS-0107', recordedFrom: hoursAgo(3), recordedTo: hoursAgo(2), location: '青山县建设路 18 号', ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.as('officer');
  const [a, b] = await officerIdsOf('张伟', '刘洋');
  zhang = a;
  caseId = (await fileCase(t, officer, caseBody([a, b]))).id;
});
afterAll(async () => {
  await t.close();
});

describe('ingest', () => {
  let id: string;
  const video = mp4(256 * 1024);

  test('when an officer uploads a video with its metadata, then 201 returns the record with the SHA-256 computed at ingest and the detected type', async () => {
    const res = await upload(video, fields({ important: 'true', sha256: sha(video) }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ caseId, officerId: zhang, deviceSerial: 'DSJ-QS-0107', sha256: sha(video), size: video.length, contentType: 'video/mp4', important: true, late: false, lateLimitHours: 24, metadataVersion: 1 });
    expect(res.body.uploadedAt).toEqual(expect.any(String));
    expect(res.body).not.toHaveProperty('file');
    id = res.body.id;
    const files = await settledUploads([]).catch(() => []);
    expect(files.filter((f) => !f.startsWith('.incoming')).length).toBeLessThanOrEqual(1);
    expect(await AuditEntryModel.countDocuments({ action: 'recording.upload', entityId: id })).toBe(1);
  });

  test('when the upload comes more than 24 hours after the recording ended, then it is marked late with the delay', async () => {
    const res = await upload(mp4(), fields({ recordedFrom: hoursAgo(30), recordedTo: hoursAgo(26) }));
    expect(res.status).toBe(201);
    expect(res.body.late).toBe(true);
    expect(res.body.lateByMinutes).toBeGreaterThanOrEqual(26 * 60 - 1);
  });

  test('when the client-sent sha256 differs, then 400 names sha256 and nothing is stored', async () => {
    const before = await RecordingModel.countDocuments();
    const stored = await settledUploads(await settledUploads([]));
    expectError(await upload(mp4(), fields({ sha256: 'a'.repeat(64) })), 400, ['sha256']);
    expect(await RecordingModel.countDocuments()).toBe(before);
    expect(await settledUploads(stored)).toEqual(stored);
  });

  test('when a file named .mp4 is not a video, then 415 names file and nothing is stored', async () => {
    const before = await RecordingModel.countDocuments();
    const stored = await settledUploads(await settledUploads([]));
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2048)]);
    expectError(await upload(pdf, fields(), 'DSJ_0002.mp4'), 415, ['file']);
    expectError(await upload(randomBytes(8192), fields(), 'DSJ_0003.mp4'), 415, ['file']);
    expect(await RecordingModel.countDocuments()).toBe(before);
    expect(await settledUploads(stored)).toEqual(stored);
  });

  test('when the metadata is wrong, then 400 names the field and no file is left', async () => {
    const stored = await settledUploads(await settledUploads([]));
    expectError(await upload(mp4(), fields({ recordedTo: hoursAgo(4) })), 400, ['recordedTo']);
    expectError(await upload(mp4(), fields({ recordedTo: new Date(Date.now() + 3600_000).toISOString() })), 400, ['recordedTo']);
    expectError(await upload(mp4(), fields({ officerId: UNKNOWN_ID })), 400, ['officerId']);
    expectError(await upload(mp4(), fields({ caseId: UNKNOWN_ID })), 400, ['caseId']);
    expectError(await upload(mp4(), { caseId, officerId: zhang }), 400, ['deviceSerial']);
    expect(await settledUploads(stored)).toEqual(stored);
  });

  test('when another agency uploads to this case, then the case is unknown to it', async () => {
    expectError(await upload(mp4(), fields(), 'x.mp4', await t.as('officer_b')), 400, ['caseId']);
  });

  describe('content with HTTP Range', () => {
    test('when the whole file is requested, then it is the original byte for byte with its SHA-256 in the headers', async () => {
      const res = await t.api.get(`/api/recordings/${id}/content`).set(officer).buffer(true).parse((r, cb) => { const c: Buffer[] = []; r.on('data', (d: Buffer) => c.push(d)); r.on('end', () => cb(null, Buffer.concat(c))); });
      expect(res.status).toBe(200);
      expect((res.body as Buffer).equals(video)).toBe(true);
      expect(res.headers['accept-ranges']).toBe('bytes');
      expect(res.headers['content-type']).toBe('video/mp4');
      expect(res.headers['x-content-sha256']).toBe(sha(video));
      expect(res.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(sha(video), 'hex').toString('base64')}:`);
    });

    test.each([
      ['bytes=100-199', 100, 200],
      ['bytes=1000-', 1000, 256 * 1024],
      ['bytes=-500', 256 * 1024 - 500, 256 * 1024],
    ])('when %s is requested, then 206 returns exactly those bytes', async (range, from, to) => {
      const res = await t.api.get(`/api/recordings/${id}/content`).set(officer).set('Range', range).buffer(true).parse((r, cb) => { const c: Buffer[] = []; r.on('data', (d: Buffer) => c.push(d)); r.on('end', () => cb(null, Buffer.concat(c))); });
      expect(res.status).toBe(206);
      expect(res.headers['content-range']).toBe(`bytes ${from}-${to - 1}/${video.length}`);
      expect(Number(res.headers['content-length'])).toBe(to - from);
      expect((res.body as Buffer).equals(video.subarray(from, to))).toBe(true);
    });

    test('when the range starts beyond the end, then 416 names the size', async () => {
      const res = await t.api.get(`/api/recordings/${id}/content`).set(officer).set('Range', `bytes=${video.length + 10}-`);
      expect(res.status).toBe(416);
      expect(res.headers['content-range']).toBe(`bytes */${video.length}`);
    });

    test('then the custody history lists the upload, one view for the player\'s range requests, and each download', async () => {
      await t.api.get(`/api/recordings/${id}/content?purpose=download&reason=${encodeURIComponent('移送司法机关')}`).set(officer);
      const res = await t.api.get(`/api/recordings/${id}/custody`).set(officer);
      expect(res.status).toBe(200);
      const actions = (res.body as Array<{ action: string; note?: string; ip?: string }>).map((e) => e.action);
      expect(actions).toEqual(['recording.upload', 'recording.view', 'recording.download']);
      expect(res.body[2].note).toBe('移送司法机关');
      expect((await verifyAuditChain()).problem).toBeUndefined();
    });

    test('when another agency asks for the recording or its content, then it is 404', async () => {
      const other = await t.as('officer_b');
      expectError(await t.api.get(`/api/recordings/${id}`).set(other), 404);
      expectError(await t.api.get(`/api/recordings/${id}/content`).set(other), 404);
      expectError(await t.api.get(`/api/recordings/${id}/custody`).set(other), 404);
      const list = await t.api.get(`/api/recordings?filter=${encodeURIComponent(JSON.stringify({ caseId }))}`).set(other);
      expect(list.status).toBe(200);
      expect(list.body).toEqual([]);
    });

    test('when an inspector without write permission uploads, then it is 403', async () => {
      expectError(await upload(mp4(), fields(), 'x.mp4', await t.as('inspector')), 403);
    });
  });

  describe('metadata corrections', () => {
    test('when an officer corrects the device serial with a reason, then a new metadata version keeps the old value and the file is unchanged', async () => {
      const res = await t.api.put(`/api/recordings/${id}`).set(officer).send({ reason: '设备编号录入错误', deviceSerial: 'DSJ-QS-0108' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ deviceSerial: 'DSJ-QS-0108', metadataVersion: 2, sha256: sha(video) });
      expect(res.body.metadataHistory).toEqual([expect.objectContaining({ version: 1, reason: '设备编号录入错误', before: { deviceSerial: 'DSJ-QS-0107' } })]);
    });

    test('when a correction has no reason or changes nothing, then 400', async () => {
      expectError(await t.api.put(`/api/recordings/${id}`).set(officer).send({ deviceSerial: 'X' }), 400, ['reason']);
      expectError(await t.api.put(`/api/recordings/${id}`).set(officer).send({ reason: '无变化', deviceSerial: 'DSJ-QS-0108' }), 400);
    });
  });
});

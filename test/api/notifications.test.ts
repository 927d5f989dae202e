// In-app notifications (站内通知): notify() from other components, idempotent with a dedupe key; each
// signed-in user lists, counts and marks read only their own; another person's notification reads as 404.
import { NotificationModel } from '../../api/src/notifications/notification.model';
import { notify } from '../../api/src/notifications/notification.service';
import { agencyIdOf, expectError, UNKNOWN_ID, userIdOf } from '../support/api-expectations';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let market: string;
let reviewer: { userId: string; agencyId: string };
let officer: { userId: string; agencyId: string };
beforeAll(async () => {
  t = await startTestApp();
  market = await agencyIdOf('QS_SCJG');
  reviewer = { userId: await userIdOf('reviewer'), agencyId: market };
  officer = { userId: await userIdOf('officer'), agencyId: market };
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await NotificationModel.deleteMany({});
});

const reviewId = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const assigned = (over: Record<string, unknown> = {}) => ({
  kind: 'review_assigned',
  title: '法制审核任务已分配给您：青市监罚〔2026〕12号',
  body: '请于2026年3月10日前完成审核。',
  link: { resource: 'reviews', id: reviewId },
  ...over,
});

describe('notify()', () => {
  test('when the same event is announced twice with its dedupe key, then the recipient has it once', async () => {
    const key = `review_due_soon:${reviewId}:2026-03-10`;
    expect(await notify([reviewer], { ...assigned(), kind: 'review_due_soon', dedupeKey: key })).toBe(1);
    expect(await notify([reviewer], { ...assigned(), kind: 'review_due_soon', dedupeKey: key })).toBe(0);
    expect(await NotificationModel.countDocuments({ userId: reviewer.userId })).toBe(1);
  });

  test('when several recipients share one dedupe key, then each of them gets it once; a new recipient later still gets it', async () => {
    const key = `review_opinion_issued:${reviewId}:1`;
    expect(await notify([officer, reviewer, officer], { ...assigned(), dedupeKey: key })).toBe(2);
    expect(await notify([officer, reviewer], { ...assigned(), dedupeKey: key })).toBe(0);
    const officer2 = { userId: await userIdOf('officer2'), agencyId: market };
    expect(await notify([officer, officer2], { ...assigned(), dedupeKey: key })).toBe(1);
    expect(await NotificationModel.countDocuments({})).toBe(3);
  });

  test('when no dedupe key is given, then every call notifies (the stored key is unique all the same)', async () => {
    expect(await notify([reviewer], assigned())).toBe(1);
    expect(await notify([reviewer], assigned())).toBe(1);
    const keys = (await NotificationModel.find({}, { dedupeKey: 1 })).map((n) => n.dedupeKey);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
  });

  test('when kind or title is missing or the link is malformed, then notify refuses', async () => {
    await expect(notify([reviewer], { kind: 'review_assigned', title: '  ' })).rejects.toThrow(/title/);
    await expect(notify([reviewer], { kind: '', title: '标题' })).rejects.toThrow(/kind/);
    await expect(notify([reviewer], { ...assigned(), link: { resource: '../cases', id: '1' } })).rejects.toThrow(/link/);
    await expect(notify([{ userId: 'nobody', agencyId: market }], assigned())).rejects.toThrow(/recipient/);
    expect(await NotificationModel.countDocuments({})).toBe(0);
  });

  test('the stored dedupe key never leaves the API', async () => {
    await notify([reviewer], { ...assigned(), dedupeKey: 'k' });
    const list = await t.api.get('/api/notifications').set(await t.as('reviewer'));
    expect(list.status).toBe(200);
    expect(list.body[0]).not.toHaveProperty('dedupeKey');
  });
});

describe('notification API', () => {
  test('when a user lists notifications, then only their own are there, newest first, with Content-Range', async () => {
    await notify([reviewer], assigned({ title: '第一条' }));
    await notify([reviewer], assigned({ title: '第二条' }));
    await notify([officer], assigned({ title: '执法人员的通知' }));
    const res = await t.api.get('/api/notifications').set(await t.as('reviewer'));
    expect(res.status).toBe(200);
    expect(res.body.map((n: { title: string }) => n.title)).toEqual(['第二条', '第一条']);
    expect(res.headers['content-range']).toBe('notifications 0-1/2');
    expect(res.body[0]).toMatchObject({ kind: 'review_assigned', link: { resource: 'reviews', id: reviewId }, readAt: null, userId: reviewer.userId, agencyId: market });
    expect(res.body[0].id).toMatch(/^[0-9a-f]{24}$/);
  });

  test('when a supervisor lists notifications, then they see their own only, not those of the agencies they supervise', async () => {
    await notify([reviewer], assigned());
    const supervisor = { userId: await userIdOf('supervisor'), agencyId: await agencyIdOf('QS_SFJ') };
    await notify([supervisor], assigned({ title: '监督通知' }));
    const res = await t.api.get('/api/notifications').set(await t.as('supervisor'));
    expect(res.body.map((n: { title: string }) => n.title)).toEqual(['监督通知']);
  });

  test('when the filter asks for unread (or read) ones, then only those come back; a bad filter value is 400', async () => {
    await notify([reviewer], assigned({ title: '已读' }));
    await notify([reviewer], assigned({ title: '未读' }));
    const auth = await t.as('reviewer');
    const read = await NotificationModel.findOne({ title: '已读' });
    expect((await t.api.post(`/api/notifications/${read!.id}/read`).set(auth)).status).toBe(200);

    const unread = await t.api.get('/api/notifications').query({ filter: JSON.stringify({ unread: true }) }).set(auth);
    expect(unread.body.map((n: { title: string }) => n.title)).toEqual(['未读']);
    const done = await t.api.get('/api/notifications').query({ filter: JSON.stringify({ unread: false }) }).set(auth);
    expect(done.body.map((n: { title: string }) => n.title)).toEqual(['已读']);
    expectError(await t.api.get('/api/notifications').query({ filter: JSON.stringify({ unread: 'yes' }) }).set(auth), 400, ['filter.unread']);
    // The owner cannot be chosen by a filter.
    expectError(await t.api.get('/api/notifications').query({ filter: JSON.stringify({ userId: officer.userId }) }).set(auth), 400, ['filter.userId']);
  });

  test('the unread count follows marking one read and marking all read', async () => {
    await notify([reviewer], assigned());
    await notify([reviewer], assigned());
    await notify([reviewer], assigned());
    await notify([officer], assigned());
    const auth = await t.as('reviewer');
    const count = async () => {
      const res = await t.api.get('/api/notifications/unread-count').set(auth);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      return res.body.count;
    };
    expect(await count()).toBe(3);

    const [first] = (await t.api.get('/api/notifications').set(auth)).body;
    const read = await t.api.post(`/api/notifications/${first.id}/read`).set(auth);
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(first.id);
    expect(Date.parse(read.body.readAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await count()).toBe(2);

    // Reading it again keeps the first time.
    const again = await t.api.post(`/api/notifications/${first.id}/read`).set(auth);
    expect(again.body.readAt).toBe(read.body.readAt);
    expect(await count()).toBe(2);

    const all = await t.api.post('/api/notifications/read-all').set(auth);
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ updated: 2 });
    expect(await count()).toBe(0);
    expect(await NotificationModel.countDocuments({ userId: reviewer.userId, readAt: null })).toBe(0);
    // The officer's notification is untouched by the reviewer's "all read".
    expect(await NotificationModel.countDocuments({ userId: officer.userId, readAt: null })).toBe(1);
    expect((await t.api.post('/api/notifications/read-all').set(auth)).body).toEqual({ updated: 0 });
  });

  test('when a user reads or marks another person’s notification, then it is 404 and nothing changes', async () => {
    await notify([officer], assigned());
    const theirs = (await NotificationModel.findOne({ userId: officer.userId }))!;
    for (const role of ['reviewer', 'supervisor', 'officer_b']) {
      const auth = await t.as(role);
      const get = await t.api.get(`/api/notifications/${theirs.id}`).set(auth);
      expectError(get, 404);
      expect(get.body.message).toBe('The notification does not exist or is not visible to you');
      expectError(await t.api.post(`/api/notifications/${theirs.id}/read`).set(auth), 404);
    }
    expect((await NotificationModel.findById(theirs.id))!.readAt).toBeNull();
    const mine = await t.api.get(`/api/notifications/${theirs.id}`).set(await t.as('officer'));
    expect(mine.status).toBe(200);
    expect(mine.body.title).toBe(assigned().title);
  });

  test('when the id is malformed it is 400 naming the field; when no notification has it, 404 (in Chinese for the console)', async () => {
    const auth = await t.as('reviewer');
    expectError(await t.api.post('/api/notifications/not-an-id/read').set(auth), 400, ['id']);
    expectError(await t.api.get('/api/notifications/12345').set(auth), 400, ['id']);
    const missing = await t.api.post(`/api/notifications/${UNKNOWN_ID}/read`).set(auth).set('Accept-Language', 'zh-CN');
    expectError(missing, 404);
    expect(missing.body.message).toBe('通知不存在或您无权查看');
  });

  test.each(['officer', 'reviewer', 'dept_head', 'inspector', 'agency_admin', 'supervisor'])('when %s calls the notification endpoints, then they are allowed', async (role) => {
    const auth = await t.as(role);
    expect((await t.api.get('/api/notifications').set(auth)).status).toBe(200);
    expect((await t.api.get('/api/notifications/unread-count').set(auth)).status).toBe(200);
    expect((await t.api.post('/api/notifications/read-all').set(auth)).status).toBe(200);
  });

  test('without signing in, every notification endpoint is 401', async () => {
    expectError(await t.api.get('/api/notifications'), 401);
    expectError(await t.api.get('/api/notifications/unread-count'), 401);
    expectError(await t.api.post('/api/notifications/read-all'), 401);
    expectError(await t.api.post(`/api/notifications/${UNKNOWN_ID}/read`), 401);
  });
});

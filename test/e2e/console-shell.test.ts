// The console shell in a real browser: sign-in, dashboard in Chinese, language switch, sign-out,
// and a supervisor creating an agency through the form.
import { openBrowser, type BrowserSession } from '../support/browser';
import { apiAsPage, signIn, signOut } from '../support/console';

let b: BrowserSession;
beforeEach(async () => { b = await openBrowser(); });
afterEach(async () => { await b.close(); });

describe('console shell', () => {
  test('an officer signs in, sees the dashboard in Chinese, switches to English and signs out', async () => {
    const { page } = b;
    await signIn(page, 'officer');
    await page.getByText('您好，张伟').waitFor();
    await page.getByText('青山县市场监督管理局').first().waitFor();
    await page.getByText('执法人员').first().waitFor();
    // Only what the officer may see is in the menu.
    await page.getByRole('menuitem', { name: '工作台' }).waitFor();
    expect(await page.getByRole('menuitem', { name: '用户账号' }).count()).toBe(0);
    await b.screenshot('officer-dashboard-zh');

    await page.getByRole('button', { name: '切换语言 / Switch language' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText('Welcome, 张伟').waitFor();
    await page.getByRole('menuitem', { name: 'Dashboard' }).waitFor();
    expect(await page.getByText('您好，张伟').count()).toBe(0);
    await b.screenshot('officer-dashboard-en');

    await signOut(page, 'Profile', 'Logout');
    await page.getByRole('button', { name: /Sign in|登录/ }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('ets.auth.token'))).toBeNull();
    await b.screenshot('signed-out');
  });

  test('a wrong password is refused with a message and no session', async () => {
    const { page } = b;
    await signIn(page, 'officer', 'wrong-password-1');
    await page.getByText('用户名或密码错误').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('ets.auth.token'))).toBeNull();
  });

  test('a supervisor creates an agency and finds it in the list', async () => {
    const { page } = b;
    await signIn(page, 'supervisor');
    await page.getByText('您好，李明华').waitFor();
    await page.getByRole('menuitem', { name: '机关单位' }).click();
    await page.getByRole('link', { name: '新增', exact: true }).click();
    // Wait for the create form itself: until it renders, the list's sort header carries the same label.
    await page.waitForURL(/#\/agencies\/create$/);
    await page.getByRole('textbox', { name: '机关名称' }).fill('青山县生态环境分局');
    await page.getByLabel('简称').fill('县生态环境分局');
    await page.getByLabel('机关代码').fill('qs_sthj');
    await page.getByLabel('机关类别').click();
    await page.getByRole('option', { name: '行政执法机关' }).click();
    await page.getByLabel('所属县（区）').fill('青山县');
    await page.getByLabel('联系电话').fill('0352-6010045');
    await b.screenshot('supervisor-agency-create');
    await page.getByRole('button', { name: '保存' }).click();

    // The show page of the new record, then the list.
    await page.getByText('QS_STHJ').first().waitFor();
    const created = await apiAsPage<Array<{ name: string; code: string; kind: string }>>(page, '/api/agencies?filter=' + encodeURIComponent(JSON.stringify({ code: 'QS_STHJ' })));
    expect(created).toEqual([expect.objectContaining({ name: '青山县生态环境分局', code: 'QS_STHJ', kind: 'enforcement' })]);
    await page.getByRole('menuitem', { name: '机关单位' }).click();
    await page.getByRole('cell', { name: '青山县生态环境分局' }).first().waitFor();
    await b.screenshot('supervisor-agency-list');
  });

  test('a required field left empty is named next to the input, and nothing is created', async () => {
    const { page } = b;
    await signIn(page, 'supervisor');
    await page.getByText('您好，李明华').waitFor();
    await page.goto('/#/agencies/create');
    await page.getByLabel('机关名称').fill('青山县应急管理局');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('必填').first().waitFor();
    const found = await apiAsPage<unknown[]>(page, '/api/agencies?filter=' + encodeURIComponent(JSON.stringify({ q: '应急管理' })));
    expect(found).toEqual([]);
  });
});

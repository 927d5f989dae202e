// The heart of the product in a real browser: an officer files a case with two officers, adds an
// inspection record and the notice, sends the notice; the timeline shows each step.
import { openBrowser, type BrowserSession } from '../support/browser';
import { apiCallAsPage, signIn } from '../support/console';

let b: BrowserSession;
beforeEach(async () => { b = await openBrowser(); });
afterEach(async () => { await b.close(); });

async function addDocument(page: BrowserSession['page'], type: string, title: string) {
  await page.getByRole('button', { name: '添加文书' }).click();
  const dialog = page.getByRole('dialog', { name: '添加文书' });
  await dialog.getByLabel('文书类型').click();
  await page.getByRole('option', { name: type }).click();
  await dialog.getByLabel('标题').fill(title);
  await dialog.getByRole('button', { name: '保存' }).click();
  await page.getByText('文书已添加').first().waitFor();
  await dialog.waitFor({ state: 'detached' });
}

async function step(page: BrowserSession['page'], name: string) {
  await page.getByRole('toolbar', { name: '办案操作' }).getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name, exact: true }).click();
  await page.getByText(`已完成：${name}`).first().waitFor();
  await dialog.waitFor({ state: 'detached' });
}

test('an officer files a case with two officers, adds an inspection record, sends the notice; the timeline shows each step', async () => {
  const { page } = b;
  await signIn(page, 'officer');
  await page.getByText('您好，张伟').waitFor();
  await page.getByRole('menuitem', { name: '案件' }).click();
  await page.getByRole('link', { name: '立案' }).click();
  // The list's column headers carry the same labels ("按类别排序"): wait for the form itself.
  await page.waitForURL(/#\/cases\/create$/);

  // 基本信息
  await page.getByRole('combobox', { name: '类别' }).click();
  await page.getByRole('option', { name: '行政处罚' }).click();
  await page.getByLabel('案件来源').click();
  await page.getByRole('option', { name: '检查发现' }).click();
  await page.getByLabel('案由').fill('涉嫌销售超过保质期食品案');
  await page.getByLabel('违法事实').fill('执法人员在日常检查中发现当事人货架上摆放超过保质期的饮料12瓶。');

  // 当事人: an ID number with a wrong check digit is refused next to the field.
  await page.getByRole('tab', { name: '当事人' }).click();
  await page.getByLabel('姓名/名称').first().fill('王小二');
  await page.getByLabel('身份证号码').first().fill('110105199003071230');
  await page.getByLabel('联系电话').first().fill('13912345678');
  await page.getByLabel('住址').first().fill('青山县迎宾街26号3单元302室');

  // 执法人员: 张伟 is pre-selected; add 马丽 (certificate expiring soon but valid).
  await page.getByRole('tab', { name: '执法人员' }).click();
  await page.getByRole('combobox', { name: '承办执法人员' }).click();
  await page.getByRole('option', { name: /马丽/ }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '立案' }).click();
  await page.getByRole('tab', { name: '当事人' }).click();
  await page.getByText('身份证号码校验码不符，请核对').first().waitFor();
  await b.screenshot('case-create-bad-id');

  await page.getByLabel('身份证号码').first().fill('11010519491231002X');
  await page.getByRole('button', { name: '立案' }).click();

  // The case page: number in the agency's pattern, two officers, status filed.
  await page.getByRole('toolbar', { name: '办案操作' }).waitFor();
  const caseId = page.url().match(/cases\/([0-9a-f]{24})/)![1];
  const filed = await apiCallAsPage<{ number: string; officerIds: string[]; status: string; parties: Array<{ idNumber: string }> }>(page, 'GET', `/api/cases/${caseId}`);
  expect(filed.body.number).toMatch(/^青市监罚〔\d{4}〕\d+号$/);
  expect(filed.body.officerIds).toHaveLength(2);
  expect(filed.body.status).toBe('filed');
  expect(filed.body.parties[0].idNumber).toBe('1101**********002X');
  await b.screenshot('case-filed');

  await step(page, '开始调查取证');
  await page.getByRole('tab', { name: '文书' }).click();
  await addDocument(page, '现场检查（勘验）笔录', '现场检查笔录');
  await addDocument(page, '行政处罚告知书', '行政处罚告知书');
  await step(page, '告知');
  const notified = await apiCallAsPage<{ status: string; notifiedOn: string }>(page, 'GET', `/api/cases/${caseId}`);
  expect(notified.body.status).toBe('notified');

  await page.getByRole('tab', { name: '时间线' }).click();
  const timeline = page.getByRole('table', { name: '时间线' });
  for (const action of ['立案', '开始调查取证', '添加文书', '告知']) {
    await timeline.getByRole('cell', { name: action, exact: true }).first().waitFor();
  }
  expect(await timeline.getByRole('cell', { name: '添加文书', exact: true }).count()).toBe(2);
  await b.screenshot('case-timeline');
});

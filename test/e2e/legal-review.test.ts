// Legal review of a major decision (法制审核, issue 5) in a real browser: 张伟 submits a notified,
// hearing-waived major case; the administrator assigns 陈晓燕 from the queue; she fills the checklist
// and returns the file for supplement (退回补充); 张伟 resubmits; she approves (同意); the head of
// department records the decision, which art. 58 allows only now; the opinion's PDF is previewed and
// downloads as a PDF.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { residentIdCheckChar } from '../../api/src/platform/identifiers/resident-id';
import { baseUrl, openBrowser, screenshotDir, type BrowserSession } from '../support/browser';
import { apiCallAsPage, signIn, signOut } from '../support/console';

let b: BrowserSession;
beforeEach(async () => {
  b = await openBrowser({ viewport: { width: 1440, height: 900 } });
  // A console crash shows as react-admin's error page; its cause goes to the test output.
  b.page.on('pageerror', (error) => console.error(`page error: ${error.message}\n${error.stack ?? ''}`));
  b.page.on('console', (message) => {
    // Refusals the test provokes (4xx) are logged by the browser as failed loads: not errors of the console.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) console.error(`console error: ${message.text()}`);
  });
});
afterEach(async () => { await b.close(); });

type Page = BrowserSession['page'];
const PASSWORD = process.env.DEMO_PASSWORD ?? 'Demo@2026';

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Calls the API as a demo user (setup that is not what this test is about). */
async function api<T = Record<string, unknown>>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Accept-Language': 'zh-CN' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json as T;
}

async function tokenOf(username: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** A unique, valid resident ID number (born in the 1980s). */
function residentId(): string {
  const n = Math.floor(Math.random() * 1_000_000);
  const first17 = `110105198${n % 10}0${1 + (n % 9)}1${n % 10}${String(100 + (n % 900))}`;
  return first17 + residentIdCheckChar(first17);
}

/**
 * A major case of 张伟 and 刘洋 by default (fine of 20,000 yuan on a person: over the catalog's 10,000), with its
 * draft decision and discretion reasoning, investigated, notified, and the hearing waived.
 */
async function notifiedMajorCase(officer: string, names = ['张伟', '刘洋']): Promise<{ id: string; number: string }> {
  const officers = await api<Array<{ id: string; name: string }>>(officer, 'GET', '/api/officers?range=[0,199]');
  const ids = names.map((name) => officers.find((o) => o.name === name)!.id);
  const c = await api<{ id: string; number: string; major: boolean }>(officer, 'POST', '/api/cases', {
    category: 'penalty',
    procedure: 'ordinary',
    source: 'inspection',
    cause: '销售超过保质期的食品',
    facts: '执法人员在日常检查中发现当事人货架上摆放超过保质期的饮料120瓶，货值金额一万二千元。',
    legalBasis: [{ law: '中华人民共和国食品安全法', article: '第一百二十四条' }],
    parties: [{ kind: 'person', name: '王小二', idNumber: residentId(), phone: '13912345678', address: '青山县迎宾街26号' }],
    officerIds: ids,
    fineAmount: 20_000,
    penaltyTypes: ['fine'],
    draftDecision: '拟对当事人作出罚款人民币贰万元的行政处罚。',
    discretion: { level: 'normal', standardRef: '市场监管行政处罚裁量基准第12条', reasoning: '当事人初次违法，积极配合调查，按一般情形裁量。' },
  });
  expect(c.major).toBe(true);
  const document = (type: string, title: string) =>
    api(officer, 'POST', '/api/case-documents', { caseId: c.id, type, title, date: today(), number: `${type}-${Date.now()}` });
  const step = async (action: string) => {
    const current = await api<{ version: number }>(officer, 'GET', `/api/cases/${c.id}`);
    await api(officer, 'POST', `/api/cases/${c.id}/transitions`, { action, version: current.version, date: today() });
  };
  await document('filing_approval', '立案审批表');
  await step('start_investigation');
  await document('inspection_record', '现场检查笔录');
  await document('notice', '行政处罚告知书');
  await step('notify');
  await step('waive_hearing');
  return c;
}

/** A full-page screenshot from the top (the console's app bar is fixed). */
async function shot(name: string) {
  await b.page.mouse.move(0, 0);
  await b.page.evaluate(() => window.scrollTo(0, 0));
  return b.screenshot(name);
}

async function signInAs(page: Page, username: string, greeting: string) {
  await signIn(page, username);
  await page.getByText(`您好，${greeting}`).waitFor();
}

async function openReviewFromQueue(page: Page, tab: string, caseNumber: string) {
  await page.getByRole('menuitem', { name: '法制审核', exact: true }).click();
  await page.getByRole('tab', { name: tab }).click();
  await page.getByRole('cell', { name: caseNumber }).click();
  await page.getByRole('heading', { name: caseNumber }).waitFor();
}

/** Every review point 无问题, except the given ones 有问题 with a note. */
async function fillChecklist(page: Page, problems: Record<number, string> = {}) {
  const form = page.getByRole('region', { name: '审核意见', exact: true });
  for (let i = 0; i < 7; i++) {
    const point = form.getByRole('group').nth(i);
    if (problems[i]) {
      await point.getByRole('radio', { name: '有问题' }).check();
      await form.getByLabel(`第 ${i + 1} 项说明`).fill(problems[i]);
    } else {
      await point.getByRole('radio', { name: '无问题' }).check();
    }
  }
  return form;
}

async function issue(page: Page, outcome: string, text: string) {
  const form = page.getByRole('region', { name: '审核意见', exact: true });
  await form.getByRole('combobox', { name: /^审核结论/ }).click();
  await page.getByRole('option', { name: outcome, exact: true }).click();
  await form.getByRole('textbox', { name: /^审核意见/ }).fill(text);
  await form.getByRole('button', { name: '签发审核意见' }).click();
  const confirm = page.getByRole('dialog', { name: '签发审核意见' });
  await confirm.getByText(`签发审核意见“${outcome}”`).waitFor();
  await confirm.getByRole('button', { name: '确认签发' }).click();
  await page.getByText(/审核意见书 .+ 已签发/).first().waitFor();
  await confirm.waitFor({ state: 'detached' });
}

test('officer submits → reviewer returns for supplement → officer resubmits → reviewer approves → the head decides; the opinion PDF downloads', async () => {
  try {
    await walkThrough();
  } catch (error) {
    // What the page showed when a step failed.
    await b.screenshot('legal-review-failure').catch(() => undefined);
    throw error;
  }
});

async function walkThrough() {
  const { page } = b;
  const officerToken = await tokenOf('officer');
  const c = await notifiedMajorCase(officerToken);
  // Another case, on which 陈晓燕 is an officer herself: she may not review it (submitted through the API).
  const other = await notifiedMajorCase(officerToken, ['张伟', '陈晓燕']);
  const otherCase = await api<{ version: number }>(officerToken, 'GET', `/api/cases/${other.id}`);
  await api(officerToken, 'POST', '/api/reviews', { caseId: other.id, caseVersion: otherCase.version });

  // 张伟 submits the case for review from the case page.
  await signInAs(page, 'officer', '张伟');
  await page.goto(`/#/cases/${c.id}/show`);
  const toolbar = page.getByRole('toolbar', { name: '办案操作' });
  await toolbar.getByRole('button', { name: '提交法制审核', exact: true }).click();
  const submit = page.getByRole('dialog', { name: `提交法制审核：${c.number}` });
  await submit.getByLabel('申请说明').fill('拟罚款贰万元，属于重大执法决定，请予审核。');
  await submit.getByRole('button', { name: '提交法制审核' }).click();
  await page.getByText(/已提交法制审核，截止日期 \d{4}-\d{2}-\d{2}/).first().waitFor();
  await page.getByRole('heading', { name: c.number }).waitFor();
  const reviewId = page.url().match(/reviews\/([0-9a-f]{24})/)![1];
  await page.getByRole('region', { name: '审核材料' }).getByText('拟对当事人作出罚款人民币贰万元的行政处罚。').waitFor();
  // The officer has nothing to do on it now; the reviewer is still to be assigned.
  await page.getByText('等待分配审核人员。').waitFor();
  await signOut(page);

  // The administrator assigns 陈晓燕 from the queue of unassigned reviews (bulk action, all or none):
  // with the other case selected too, the API's reason is shown in the dialog and nothing is assigned.
  await signInAs(page, 'agency_admin', '王建国');
  await page.getByRole('menuitem', { name: '法制审核', exact: true }).click();
  await page.getByRole('tab', { name: '待分配' }).click();
  const rowOf = (number: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name: number, exact: true }) });
  await rowOf(c.number).getByRole('checkbox').check();
  await rowOf(other.number).getByRole('checkbox').check();
  const assignTo = async (count: number) => {
    await page.getByRole('button', { name: '分配审核人员' }).click();
    const dialog = page.getByRole('dialog', { name: `分配审核人员（${count} 件）` });
    await dialog.getByRole('combobox', { name: /审核人员/ }).click();
    await page.getByRole('option', { name: '陈晓燕' }).click();
    await dialog.getByRole('button', { name: '分配', exact: true }).click();
    return dialog;
  };
  const refused = await assignTo(2);
  await refused.getByText('陈晓燕是本案执法人员，不得审核本案').first().waitFor();
  await refused.getByRole('button', { name: '取消' }).click();
  await rowOf(other.number).getByRole('checkbox').uncheck();
  await assignTo(1);
  await page.getByText('已将 1 件审核分配给陈晓燕').first().waitFor();
  await page.getByRole('tab', { name: '未办结' }).click();
  await rowOf(c.number).getByText('陈晓燕').waitFor();
  await rowOf(other.number).getByText('待分配').waitFor();
  // (Chips fade to their new colour.)
  await page.waitForTimeout(500);
  await shot('legal-review-queue');
  await signOut(page);

  // 陈晓燕 finds it in her queue; a problem without a note is refused before anything is sent.
  await signInAs(page, 'reviewer', '陈晓燕');
  await openReviewFromQueue(page, '我的待办', c.number);
  const form = await fillChecklist(page);
  await form.getByRole('group').nth(2).getByRole('radio', { name: '有问题' }).check();
  await form.getByRole('button', { name: '签发审核意见' }).click();
  await form.getByText('结论为“有问题”的须填写说明').first().waitFor();
  await form.getByLabel('第 3 项说明').fill('违法所得的计算依据不足，请补充进货凭证和销售记录。');
  await shot('legal-review-page');
  await form.getByRole('button', { name: '保存草稿' }).click();
  await page.getByText('草稿已保存').first().waitFor();
  await issue(page, '退回补充', '请补充当事人违法所得的计算依据及相关证据后重新提交。');
  await page.getByText('已退回补充：承办人员补充案件材料后重新提交，审核继续。').waitFor();
  const returned = await apiCallAsPage<{ status: string; state: string; opinions: Array<{ outcome: string; number: string }> }>(page, 'GET', `/api/reviews/${reviewId}`);
  expect(returned.body).toMatchObject({ status: 'returned', state: 'paused', opinions: [{ outcome: 'return' }] });
  await signOut(page);

  // 张伟 adds the evidence list and resubmits from the case's 法制审核 tab.
  await api(officerToken, 'POST', '/api/case-documents', { caseId: c.id, type: 'evidence_list', title: '证据清单（进货凭证、销售记录）', date: today(), number: `EL-${Date.now()}` });
  await signInAs(page, 'officer', '张伟');
  await page.goto(`/#/cases/${c.id}/show/reviews`);
  await page.getByRole('cell', { name: '对公民罚款一万元以上' }).waitFor();
  await page.getByRole('cell', { name: returned.body.opinions[0].number }).waitFor();
  await page.getByRole('link', { name: '打开审核' }).click();
  await page.getByRole('toolbar', { name: '审核操作' }).getByRole('button', { name: '补充后重新提交' }).click();
  const resubmit = page.getByRole('dialog', { name: '补充后重新提交' });
  await resubmit.getByLabel('申请说明').fill('已补充证据清单（进货凭证、销售记录）。');
  await resubmit.getByRole('button', { name: '补充后重新提交' }).click();
  await page.getByText('已重新提交审核').first().waitFor();
  await page.getByRole('table', { name: '证据材料' }).getByRole('cell', { name: /^证据清单（进货凭证、销售记录）/ }).waitFor();
  await signOut(page);

  // 陈晓燕 approves; the PDF of the opinion is previewed and downloaded.
  await signInAs(page, 'reviewer', '陈晓燕');
  await openReviewFromQueue(page, '我的待办', c.number);
  await fillChecklist(page);
  await issue(page, '同意', '经审核，事实清楚，证据确凿，适用法律正确，程序合法，裁量适当，同意作出该行政处罚决定。');
  const approved = await apiCallAsPage<{ status: string; outcome: string; opinions: Array<{ number: string }> }>(page, 'GET', `/api/reviews/${reviewId}`);
  expect(approved.body).toMatchObject({ status: 'completed', outcome: 'approve' });
  const number = approved.body.opinions[1].number;
  const opinions = page.getByRole('region', { name: '审核意见书', exact: true });
  await opinions.getByRole('row').filter({ hasText: number }).getByRole('button', { name: '预览/下载 PDF' }).click();
  const preview = page.getByRole('dialog', { name: `审核意见书 ${number}` });
  await preview.locator('iframe').waitFor();
  // The viewer needs a moment to draw the first page; the dialog is what matters, not the page behind it.
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(screenshotDir, 'legal-review-pdf-preview.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), preview.getByRole('link', { name: '下载 PDF' }).click()]);
  expect(download.suggestedFilename()).toBe(`${number}.pdf`);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await preview.getByRole('button', { name: '关闭' }).click();
  await shot('legal-review-approved');
  await signOut(page);

  // The decision document, then the head of department decides (art. 58: allowed after approval).
  await api(officerToken, 'POST', '/api/case-documents', { caseId: c.id, type: 'decision', title: '行政处罚决定书', date: today(), number: `JD-${Date.now()}` });
  await signInAs(page, 'dept_head', '孙志强');
  await page.goto(`/#/cases/${c.id}/show`);
  await page.getByRole('toolbar', { name: '办案操作' }).getByRole('button', { name: '作出决定', exact: true }).click();
  const decide = page.getByRole('dialog');
  await decide.getByRole('button', { name: '作出决定', exact: true }).click();
  await page.getByText('已完成：作出决定').first().waitFor();
  const decided = await apiCallAsPage<{ status: string; legalReview: { status: string; opinionNumber: string } }>(page, 'GET', `/api/cases/${c.id}`);
  expect(decided.body).toMatchObject({ status: 'decided', legalReview: { status: 'approved', opinionNumber: number } });
  await page.getByRole('tab', { name: '法制审核' }).click();
  await page.getByText(`法制审核状态：审核通过（意见书 ${number}）`).waitFor();
  await shot('legal-review-case-tab');
}

// Enforcement subjects and the public portal in a real browser: the supervisor confirms and
// announces an agency; its officer appears in the public directory; the certificate's QR address
// says "valid" on a phone, and "invalid" right after the certificate is revoked.
import { openBrowser, type BrowserSession } from '../support/browser';
import { apiCallAsPage, signIn } from '../support/console';

let b: BrowserSession;
beforeEach(async () => { b = await openBrowser(); });
afterEach(async () => { await b.close(); });

const AGENCY = { name: '青山县林业局', shortName: '县林业局', code: 'QS_LYJ', kind: 'enforcement', county: '青山县', categories: ['penalty', 'inspection'] };

test('the supervisor confirms and announces an agency; its officer is listed publicly; the QR check says valid, then invalid after revocation', async () => {
  const { page } = b;
  await signIn(page, 'supervisor');
  await page.getByText('您好，李明华').waitFor();
  const agency = await apiCallAsPage<{ id: string }>(page, 'POST', '/api/agencies', AGENCY);
  expect(agency.status).toBe(201);

  // Confirm (with its basis) and announce through the console.
  await page.goto(`/#/agencies/${agency.body.id}/show`);
  await page.getByRole('heading', { name: '执法主体资格' }).waitFor();
  await page.getByRole('button', { name: '确认主体资格' }).click();
  const confirm = page.getByRole('dialog');
  await confirm.getByLabel('确认依据').fill('青山县人民政府关于确认县林业局行政执法主体资格的决定（青政发〔2026〕9号）');
  await confirm.getByRole('button', { name: '确认主体资格' }).click();
  await page.getByText('已确认主体资格').first().waitFor();
  await page.getByRole('button', { name: '公告', exact: true }).click();
  const announce = page.getByRole('dialog');
  await announce.getByLabel('公告文号').fill('青山县司法局公告〔2026〕5号');
  await announce.getByRole('button', { name: '公告', exact: true }).click();
  await page.getByText('可以执法').first().waitFor();
  await b.screenshot('agency-announced');

  const state = await apiCallAsPage<{ qualification: { status: string; history: unknown[] }; mayEnforce: boolean }>(page, 'GET', `/api/agencies/${agency.body.id}`);
  expect(state.body.qualification.status).toBe('announced');
  expect(state.body.qualification.history).toHaveLength(2);
  expect(state.body.mayEnforce).toBe(true);

  // An officer with a certificate in the new agency.
  const officer = await apiCallAsPage<{ id: string }>(page, 'POST', '/api/officers', { name: '林晓峰', agencyId: agency.body.id, post: '森林资源执法队队员', areas: ['森林资源保护'] });
  expect(officer.status).toBe(201);
  const certificate = await apiCallAsPage<{ id: string; verifyUrl: string; valid: boolean }>(page, 'POST', '/api/certificates', {
    officerId: officer.body.id, number: '14112299001', issuer: '青山县人民政府', issueDate: '2026-01-05', expiryDate: '2031-01-04',
  });
  expect(certificate.status).toBe(201);
  expect(certificate.body.valid).toBe(true);

  // The public, on a phone: the directory lists the officer, and the QR address says valid.
  const phone = await openBrowser({ viewport: { width: 390, height: 844 } });
  try {
    await phone.page.goto('/public/officers');
    await phone.page.getByRole('heading', { name: '执法人员公示' }).waitFor();
    await phone.page.getByLabel('按姓名搜索').fill('林晓峰');
    await phone.page.getByLabel('按姓名搜索').press('Enter');
    const entry = phone.page.getByRole('listitem').filter({ hasText: '林晓峰' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('青山县林业局');
    expect(await entry.textContent()).toContain('有效');
    await phone.screenshot('portal-officers-phone');

    const verifyPath = new URL(certificate.body.verifyUrl).pathname;
    await phone.page.goto(verifyPath);
    await phone.page.getByRole('heading', { name: '有效执法证件' }).waitFor();
    await phone.page.getByText('林晓峰').first().waitFor();
    await phone.page.getByText('14112299001').first().waitFor();
    await phone.screenshot('portal-verify-valid-phone');

    // Revoked in the console: the same QR address says invalid at once.
    await page.goto(`/#/certificates/${certificate.body.id}/show`);
    await page.getByRole('button', { name: '注销' }).click();
    const revoke = page.getByRole('dialog');
    await revoke.getByLabel('注销原因').fill('调离执法岗位，收回执法证');
    await revoke.getByRole('button', { name: '注销' }).click();
    await page.getByText('执法证已注销').first().waitFor();

    await phone.page.reload();
    await phone.page.getByRole('heading', { name: '证件无效' }).waitFor();
    expect(await phone.page.getByRole('status').textContent()).toContain('已注销');
    await phone.screenshot('portal-verify-revoked-phone');
  } finally {
    await phone.close();
  }
});

test('the public portal works without signing in and never shows the staff console', async () => {
  const { page } = b;
  await page.goto('/public/agencies');
  await page.getByRole('heading', { name: '执法主体公示' }).waitFor();
  await page.getByText('青山县市场监督管理局').first().waitFor();
  // The legal office is not an enforcement subject and is not listed.
  expect(await page.getByText('青山县司法局').count()).toBe(0);
  expect(await page.getByRole('button', { name: '登录' }).count()).toBe(0);
  await b.screenshot('portal-agencies');
});

// The working-day calendar in a real browser: the supervisor sees the announced 2026 schedule
// (National Day, the adjusted working Saturday), makes a Friday a rest day with a reason and sees
// the grid, the calculator and the change history follow; imports the missing year 2027 (a wrong
// file refused with the API's reason first); an officer reads the calendar but cannot change it.
import { openBrowser, type BrowserSession } from '../support/browser';
import { apiCallAsPage, signIn } from '../support/console';

let b: BrowserSession;
beforeEach(async () => { b = await openBrowser(); });
afterEach(async () => { await b.close(); });

type Page = BrowserSession['page'];

async function openCalendar(page: Page, year: number, missing = false) {
  await page.getByRole('menuitem', { name: '工作日历' }).click();
  await page.getByRole('heading', { name: '工作日历', level: 1 }).waitFor();
  await page.getByRole('combobox', { name: '年度' }).click();
  await page.getByRole('option', { name: missing ? `${year} 年（无数据）` : `${year} 年`, exact: true }).click();
  await page.locator('.MuiMenu-root').waitFor({ state: 'detached' });
  await page.getByRole('table', { name: `${year}年12月` }).waitFor();
}

/** A full-page screenshot from the top (the console's app bar is fixed). */
async function shot(name: string) {
  await b.page.mouse.move(0, 0);
  await b.page.evaluate(() => window.scrollTo(0, 0));
  await b.screenshot(name);
}

async function workdaysAfter(page: Page, from: string, days: number): Promise<string> {
  const res = await apiCallAsPage<{ date: string }>(page, 'GET', `/api/calendar/add-workdays?from=${from}&days=${days}`);
  expect(res.status).toBe(200);
  return res.body.date;
}

test('the supervisor sees the 2026 holidays, makes a Friday a rest day with a reason, and imports the missing year 2027', async () => {
  const { page } = b;
  await signIn(page, 'supervisor');
  await page.getByText('您好，李明华').waitFor();
  await openCalendar(page, 2026);

  // The announced schedule: 1 October is National Day, Saturday 10 October an adjusted working day,
  // Saturday 17 October an ordinary weekend.
  await page.getByRole('button', { name: '2026年10月1日 星期四：法定节假日 国庆节', exact: true }).waitFor();
  await page.getByRole('button', { name: '2026年10月10日 星期六：调休上班 国庆节', exact: true }).waitFor();
  await page.getByRole('button', { name: '2026年10月17日 星期六：周末', exact: true }).waitFor();
  await page.getByText('放假 33 天 · 调休上班 6 天 · 司法局单独调整 0 天').waitFor();
  await shot('calendar-supervisor-2026');

  // Friday 4 December becomes a rest day.
  expect(await workdaysAfter(page, '2026-12-03', 1)).toBe('2026-12-04');
  await page.getByRole('button', { name: '2026年12月4日 星期五：工作日', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '调整 2026年12月4日 星期五' });
  await dialog.getByText('现为：工作日').waitFor();
  // The reason is required: nothing is sent without it.
  await dialog.getByRole('button', { name: '保存调整' }).click();
  await dialog.getByText('必填').waitFor();
  await dialog.getByLabel('名称（可选）').fill('县庆');
  await dialog.getByRole('textbox', { name: '原因' }).fill('青山县人民政府关于县庆日放假一天的通知（青政发〔2026〕30号）');
  await shot('calendar-day-dialog');
  await dialog.getByRole('button', { name: '保存调整' }).click();
  await page.getByText(/^已调整 2026年12月4日 星期五，日历版本 chinese-days@[\d.]+\+1$/).waitFor();
  await dialog.waitFor({ state: 'detached' });

  // The grid, the summary, the history and the deadlines follow.
  await page.getByRole('button', { name: '2026年12月4日 星期五：休息日 县庆（司法局调整）', exact: true }).waitFor();
  await page.getByText('放假 34 天 · 调休上班 6 天 · 司法局单独调整 1 天').waitFor();
  const history = page.getByRole('table', { name: '变更记录' });
  const row = history.getByRole('row').filter({ hasText: '2026年12月4日 星期五' });
  await row.getByRole('cell', { name: '设为休息日（县庆）' }).waitFor();
  await row.getByRole('cell', { name: '李明华' }).waitFor();
  await row.getByRole('cell', { name: '青山县人民政府关于县庆日放假一天的通知（青政发〔2026〕30号）' }).waitFor();
  await row.getByRole('cell', { name: /^chinese-days@[\d.]+\+1$/ }).waitFor();
  expect(await workdaysAfter(page, '2026-12-03', 1)).toBe('2026-12-07');

  // The calculator uses the calendar in force.
  const calculator = page.getByRole('form', { name: '若干工作日后的日期' });
  await calculator.getByLabel('起算日').fill('2026-12-03');
  await calculator.getByLabel('工作日数').fill('1');
  await calculator.getByRole('button', { name: '计算' }).click();
  await calculator.getByText('2026年12月3日 星期四后 1 个工作日为 2026年12月7日 星期一').waitFor();
  await calculator.getByText(/^所用日历版本：chinese-days@[\d.]+\+1$/).waitFor();
  await shot('calendar-after-change');

  // 2027 has no data: the page says so, and a count reaching into it carries the warning.
  await calculator.getByLabel('起算日').fill('2026-12-28');
  await calculator.getByLabel('工作日数').fill('5');
  await calculator.getByRole('button', { name: '计算' }).click();
  await calculator.getByText('2027 年无节假日数据，结果只按周末计算，可能不准确').waitFor();
  await openCalendar(page, 2027, true);
  const banner = page.getByRole('alert').filter({ hasText: '该年度无节假日数据，截止日期计算将带有警告' });
  await banner.waitFor();
  await shot('calendar-2027-missing');

  // A file with a date of another year is refused with the API's reason, and nothing changes.
  await banner.getByRole('button', { name: '导入年度安排' }).click();
  const importDialog = page.getByRole('dialog', { name: '导入 2027 年节假日安排' });
  await importDialog.locator('input[type=file]').setInputFiles({
    name: '2027.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({
      holidays: [{ date: '2027-01-01', name: '元旦' }, { date: '2028-01-01', name: '元旦' }],
      workdays: [],
      reason: '国务院办公厅关于2027年部分节假日安排的通知',
    })),
  });
  await importDialog.getByRole('textbox', { name: '依据（原因）' }).waitFor();
  expect(await importDialog.getByRole('textbox', { name: '依据（原因）' }).inputValue()).toBe('国务院办公厅关于2027年部分节假日安排的通知');
  await importDialog.getByRole('button', { name: '下一步' }).click();
  const confirm = page.getByRole('dialog', { name: '确认替换 2027 年安排' });
  await confirm.getByText('将以 2 个放假日、0 个调休上班日作为 2027 年的安排。').waitFor();
  await confirm.getByRole('button', { name: '确认替换' }).click();
  await importDialog.getByRole('alert').getByText('2028-01-01 不属于 2027 年').waitFor();
  await shot('calendar-import-refused');
  expect((await apiCallAsPage<{ known: boolean }>(page, 'GET', '/api/calendar/years/2027')).body.known).toBe(false);

  // Corrected, confirmed, imported: the banner goes, New Year's Day 2027 is a holiday.
  await importDialog.getByRole('textbox', { name: '年度安排（JSON）' }).fill(JSON.stringify({
    holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-13'].map((date) => ({ date, name: date === '2027-01-01' ? '元旦' : '春节' })),
    workdays: [{ date: '2027-02-14', name: '春节' }],
  }, null, 2));
  await importDialog.getByRole('button', { name: '下一步' }).click();
  await confirm.getByText('将以 9 个放假日、1 个调休上班日作为 2027 年的安排。').waitFor();
  await confirm.getByRole('button', { name: '确认替换' }).click();
  await page.getByText(/^已导入 2027 年安排，日历版本 chinese-days@[\d.]+\+\d+$/).waitFor();
  await confirm.waitFor({ state: 'detached' });
  // The imported schedule is the announced one: holidays, not single changes of the legal office.
  await page.getByRole('button', { name: '2027年1月1日 星期五：法定节假日 元旦', exact: true }).waitFor();
  await page.getByRole('button', { name: '2027年2月14日 星期日：调休上班 春节', exact: true }).waitFor();
  await page.getByText('放假 9 天 · 调休上班 1 天 · 司法局单独调整 0 天').waitFor();
  expect(await banner.count()).toBe(0);
  // The calculator's answer follows the new calendar: 1 January is now a holiday, no warning.
  await calculator.getByText('2026年12月28日 星期一后 5 个工作日为 2027年1月5日 星期二').waitFor();
  expect(await calculator.getByText('2027 年无节假日数据，结果只按周末计算，可能不准确').count()).toBe(0);
  // The import is one row of the history, opening to its days.
  const importRow = history.getByRole('row').filter({ hasText: '导入 2027 年安排：放假 9 天，调休上班 1 天' });
  await importRow.getByRole('cell', { name: '2027 年全年' }).waitFor();
  await importRow.getByRole('button', { name: '显示各日' }).click();
  await history.getByRole('row').filter({ hasText: '2027年2月14日 星期日' }).getByRole('cell', { name: '设为工作日（春节）' }).waitFor();
  await shot('calendar-2027-imported');
  expect((await apiCallAsPage<{ known: boolean }>(page, 'GET', '/api/calendar/years/2027')).body.known).toBe(true);
  expect(await workdaysAfter(page, '2026-12-31', 1)).toBe('2027-01-04');

  // Friday 4 December back to the announced schedule (other tests count deadlines with the calendar).
  await openCalendar(page, 2026);
  await page.getByRole('button', { name: '2026年12月4日 星期五：休息日 县庆（司法局调整）', exact: true }).click();
  const undo = page.getByRole('dialog', { name: '调整 2026年12月4日 星期五' });
  await undo.getByRole('combobox', { name: '调整为' }).click();
  await page.getByRole('option', { name: '恢复为国务院发布的安排' }).click();
  await undo.getByRole('textbox', { name: '原因' }).fill('县庆日放假通知已撤回');
  await undo.getByRole('button', { name: '保存调整' }).click();
  await undo.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: '2026年12月4日 星期五：工作日', exact: true }).waitFor();
  await history.getByRole('cell', { name: '恢复发布的安排' }).first().waitFor();
  expect(await workdaysAfter(page, '2026-12-03', 1)).toBe('2026-12-04');

  // The running deadlines are recomputed under the current calendar on purpose, with a confirmation.
  const recompute = page.getByRole('region', { name: '重新计算期限' });
  await recompute.getByRole('button', { name: '按当前日历重新计算' }).click();
  await page.getByRole('dialog', { name: '重新计算期限？' }).getByRole('button', { name: /确认|Confirm/ }).click();
  await recompute.getByText(/^日历版本 chinese-days@[\d.]+\+\d+：法制审核期限变化 \d+ 件（共检查 \d+ 件），听证申请期限变化 \d+ 件（共检查 \d+ 件）。/).waitFor();
  await shot('calendar-recomputed');
});

test('an officer reads the calendar and counts working days but cannot change a day', async () => {
  const { page } = b;
  await signIn(page, 'officer');
  await page.getByText('您好，张伟').waitFor();
  await openCalendar(page, 2026);
  await page.getByText('您可以查看工作日历和计算工作日；调整日历由司法局监督人员负责。').waitFor();
  await page.getByRole('cell', { name: '2026年10月1日 星期四：法定节假日 国庆节', exact: true }).waitFor();
  await page.getByRole('cell', { name: '2026年10月10日 星期六：调休上班 国庆节', exact: true }).waitFor();
  // No day is a button, there is no import, and the API refuses a change.
  expect(await page.getByRole('button', { name: /^2026年10月1日/ }).count()).toBe(0);
  expect(await page.getByRole('button', { name: '导入年度安排' }).count()).toBe(0);
  await page.getByRole('cell', { name: '2026年10月1日 星期四：法定节假日 国庆节', exact: true }).click();
  expect(await page.getByRole('dialog').count()).toBe(0);
  const refused = await apiCallAsPage(page, 'POST', '/api/calendar/days', { date: '2026-12-04', kind: 'holiday', reason: '越权尝试' });
  expect(refused.status).toBe(403);

  // Over the National Day week, 5 working days after 30 September end on 13 October.
  const calculator = page.getByRole('form', { name: '若干工作日后的日期' });
  await calculator.getByLabel('起算日').fill('2026-09-30');
  await calculator.getByLabel('工作日数').fill('5');
  await calculator.getByRole('button', { name: '计算' }).click();
  await calculator.getByText('2026年9月30日 星期三后 5 个工作日为 2026年10月13日 星期二').waitFor();
  // A bad count is refused next to the input.
  await calculator.getByLabel('工作日数').fill('-3');
  await calculator.getByRole('button', { name: '计算' }).click();
  await calculator.getByText('须为 0–999 的整数天数').waitFor();
  const between = page.getByRole('form', { name: '两个日期之间的工作日' });
  await between.getByLabel('起算日').fill('2026-09-30');
  await between.getByLabel('截止日').fill('2026-10-13');
  await between.getByRole('button', { name: '计算' }).click();
  await between.getByText('2026年9月30日 星期三之后至 2026年10月13日 星期二（含）共 5 个工作日').waitFor();
  await shot('calendar-officer');

  // The same page in English.
  await page.getByRole('button', { name: '切换语言 / Switch language' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Working-day calendar', level: 1 }).waitFor();
  await page.getByRole('cell', { name: 'Thursday, 1 October 2026: public holiday 国庆节', exact: true }).waitFor();
  await page.getByText('You can view the calendar and count working days; the legal office’s supervisors maintain the calendar.').waitFor();
  await shot('calendar-officer-en');
});

// Steps a person takes in the console, with the locators they would use (roles and labels).
import type { Page } from 'playwright-core';

export async function signIn(page: Page, username: string, password = process.env.DEMO_PASSWORD ?? 'Demo@2026'): Promise<void> {
  await page.goto('/');
  await page.getByLabel('用户名').fill(username);
  await page.getByRole('textbox', { name: '密码' }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

export async function signOut(page: Page, menuName = '个人菜单', logoutName = '退出登录'): Promise<void> {
  await page.getByRole('button', { name: menuName }).click();
  await page.getByRole('menuitem', { name: logoutName }).click();
}

/** Fetches the API as the page's signed-in user (token from the console's storage). */
export async function apiAsPage<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const token = localStorage.getItem('ets.auth.token');
    const res = await fetch(p, { headers: { Authorization: `Bearer ${token}` } });
    return res.json();
  }, path);
}

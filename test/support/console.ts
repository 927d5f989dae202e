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

/** Calls the API as the page's signed-in user; returns status and body. */
export async function apiCallAsPage<T = unknown>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const token = localStorage.getItem('ets.auth.token');
      const res = await fetch(path, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    { method, path, body },
  );
}

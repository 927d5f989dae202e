// Chromium driven by playwright-core (its own browser download cannot work here): a system Chromium when
// there is one, else the npm package @sparticuz/chromium, with a Chinese font from npm when the system
// has none (test/support/chromium.ts).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumLaunch } from './chromium';

export const baseUrl = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run through test/e2e/jest.config.js');
  return url;
};

export const screenshotDir = join(__dirname, '..', '..', 'test-artifacts', 'screenshots');

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openBrowser(options: { viewport?: { width: number; height: number }; locale?: string } = {}): Promise<BrowserSession> {
  const browser = await chromiumLaunch();
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browser.executablePath,
    headless: true,
    args: [...args, ...browser.args.filter((flag) => !args.includes(flag))],
    env: browser.env,
    viewport: options.viewport ?? { width: 1366, height: 860 },
    locale: options.locale ?? 'zh-CN',
    // The users' clock: the console's default dates are the browser's local day, the server's are China's.
    timezoneId: 'Asia/Shanghai',
    baseURL: baseUrl(),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  mkdirSync(screenshotDir, { recursive: true });
  return {
    context,
    page,
    async screenshot(name: string) {
      const path = join(screenshotDir, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Fenhe 汾河: what the headless-Chromium scripts share — the checks they print, Debian's chromium
// launched headless, a Chinese (zh-CN) browser context, logging in to Tasklist as a user, opening a task.
import { chromium } from 'playwright-core';

const results = [];

/** Records one check and prints it ("ok …" / "FAIL … — detail"). */
export const check = (name, ok, detail = '') => {
  results.push(ok);
  console.log(`${ok ? 'ok' : 'FAIL'} ${name}${detail ? ' — ' + detail : ''}`);
};

/** Prints "N passed, N failed" and exits, non-zero on a failure. */
export const finish = () => {
  const failed = results.filter((ok) => !ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
};

/** Chromium (CHROMIUM_PATH, else /usr/bin/chromium), headless, without background traffic. */
export const launch = () => chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** A browser context asking for Chinese. */
export const chineseContext = (browser) =>
  browser.newContext({ locale: 'zh-CN', extraHTTPHeaders: { 'Accept-Language': 'zh-CN' } });

/** Opens Tasklist and logs in as the user (the page is left on Tasklist's start page). */
export const logIn = async (page, baseUrl, user, password) => {
  await page.goto(`${baseUrl}/camunda/app/tasklist/`, { waitUntil: 'networkidle' });
  await page.waitForSelector('input[ng-model="username"]', { timeout: 30000 });
  await page.locator('input[ng-model="username"]').first().fill(user);
  await page.locator('input[type="password"]').first().fill(password);
  await page.locator('button[type="submit"]').first().click();
  await page.waitForLoadState('networkidle');
};

/** Opens the task in Tasklist and waits for its Camunda Form. */
export const openTask = async (page, baseUrl, taskId) => {
  await page.goto(`${baseUrl}/camunda/app/tasklist/default/#/?task=${taskId}`, { waitUntil: 'networkidle' });
  await page.waitForSelector('.fjs-container', { timeout: 30000 });
};

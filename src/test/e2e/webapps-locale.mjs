// Fenhe 汾河: the Camunda webapps in Chinese, in a real headless Chromium.
// Usage: node src/test/e2e/webapps-locale.mjs <baseUrl> <password> [screenshotDir]
// Prints one line per check ("ok …" / "FAIL …") and "N passed, N failed"; exits non-zero on a failure.
import { chromium } from 'playwright-core';

const [baseUrl, password, shots] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const results = [];
const check = (name, ok, detail = '') => {
  results.push(ok);
  console.log(`${ok ? 'ok' : 'FAIL'} ${name}${detail ? ' — ' + detail : ''}`);
};

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function visit({ app, user, locale, expect, forbid }) {
  const context = await browser.newContext({ locale, extraHTTPHeaders: { 'Accept-Language': locale } });
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/camunda/app/${app}/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('input[ng-model="username"]', { timeout: 20000 });
    const loginText = await page.locator('body').innerText();
    await page.locator('input[ng-model="username"]').first().fill(user);
    await page.locator('input[type="password"]').first().fill(password);
    await page.locator('button[type="submit"]').first().click();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500);
    const text = await page.locator('body').innerText();
    if (shots) await page.screenshot({ path: `${shots}/${app}-${locale}.png`, fullPage: false });
    for (const word of expect) {
      check(`${app} [${locale}] shows "${word}"`, (loginText + text).includes(word));
    }
    for (const word of forbid) {
      check(`${app} [${locale}] does not show "${word}"`, !text.includes(word));
    }
    const bannerVisible = await page.locator('.ce-eol-banner').isVisible().catch(() => false);
    check(`${app} [${locale}] hides the Camunda 8 migration banner`, !bannerVisible && !text.includes('migrate to Camunda 8'));
  } catch (e) {
    check(`${app} [${locale}] loads and logs in`, false, e.message.split('\n')[0]);
  } finally {
    await context.close();
  }
}

await visit({ app: 'tasklist', user: 'demo-reform-office', locale: 'zh-CN', expect: ['任务', '发起流程', '键盘快捷键'], forbid: ['Create a filter', 'Start process'] });
await visit({ app: 'cockpit', user: 'demo-supervisors', locale: 'zh-CN', expect: ['流程定义'], forbid: ['Process Definitions'] });
await visit({ app: 'admin', user: 'admin', locale: 'zh-CN', expect: ['用户', '用户组', '授权'], forbid: ['Authorizations'] });
await visit({ app: 'welcome', user: 'admin', locale: 'zh-CN', expect: ['欢迎'], forbid: ['Welcome'] });
await visit({ app: 'tasklist', user: 'demo-reform-office', locale: 'en-US', expect: ['Start process', 'Select a task in the list'], forbid: ['发起流程'] });

await browser.close();
const passed = results.filter(Boolean).length;
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

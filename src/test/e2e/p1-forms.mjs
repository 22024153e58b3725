// Fenhe 汾河: P1 tasks opened in Tasklist (zh) in a real headless Chromium, as their users:
// the Camunda Form renders (form-js of the 7.24 webapps), shows its Chinese labels and the case's values.
// Usage: node src/test/e2e/p1-forms.mjs <baseUrl> <password> '<json [{user, taskId, expect:[…]}]>'
// Prints one line per check ("ok …" / "FAIL …") and "N passed, N failed"; exits non-zero on a failure.
import { chromium } from 'playwright-core';

const [baseUrl, password, visitsJson] = process.argv.slice(2);
const visits = JSON.parse(visitsJson);
const results = [];
const check = (name, ok, detail = '') => {
  results.push(ok);
  console.log(`${ok ? 'ok' : 'FAIL'} ${name}${detail ? ' — ' + detail : ''}`);
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

for (const { user, taskId, name, expect } of visits) {
  const context = await browser.newContext({ locale: 'zh-CN', extraHTTPHeaders: { 'Accept-Language': 'zh-CN' } });
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/camunda/app/tasklist/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('input[ng-model="username"]', { timeout: 30000 });
    await page.locator('input[ng-model="username"]').first().fill(user);
    await page.locator('input[type="password"]').first().fill(password);
    await page.locator('button[type="submit"]').first().click();
    await page.waitForLoadState('networkidle');
    await page.goto(`${baseUrl}/camunda/app/tasklist/default/#/?task=${taskId}`, { waitUntil: 'networkidle' });
    await page.waitForSelector('.fjs-container', { timeout: 30000 });
    await page.waitForTimeout(1500);
    const form = await page.locator('.fjs-container').first().innerText();
    const values = await page.locator('.fjs-container input, .fjs-container textarea')
      .evaluateAll((fields) => fields.map((f) => f.value).join(' '));
    const all = form + ' ' + values;
    for (const word of expect) {
      check(`${name} as ${user} shows "${word}"`, all.includes(word), all.includes(word) ? '' : form.slice(0, 300));
    }
    const broken = await page.locator('.fjs-form-error, .fjs-error').count();
    check(`${name} as ${user} renders without form errors`, broken === 0, `${broken} error element(s)`);
  } catch (e) {
    check(`${name} as ${user} opens in Tasklist`, false, e.message.split('\n')[0]);
  } finally {
    await context.close();
  }
}

await browser.close();
const failed = results.filter((ok) => !ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

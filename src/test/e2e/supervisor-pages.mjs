// Fenhe 汾河: the supervisors' pages in headless Chromium — anonymous, they ask in Chinese to log in;
// logged in to Tasklist as a supervisor, they show who is logged in and no error.
// Usage: node src/test/e2e/supervisor-pages.mjs <baseUrl> <password>
import { check, finish, launch, chineseContext, logIn } from './browser.mjs';

const [baseUrl, password] = process.argv.slice(2);
const PAGES = ['/fenhe/deadlines.html', '/fenhe/scrap-steel-rounds.html', '/fenhe/coal-sellers.html', '/fenhe/coal-coverage.html',
  '/fenhe/supervision-summary.html'];

const browser = await launch();
try {
  for (const [who, user] of [['anonymous', null], ['supervisor', 'demo-supervisors']]) {
    const context = await chineseContext(browser);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    if (user) {
      await logIn(page, baseUrl, user, password);
      // the Tasklist session is there once the platform API answers with it
      for (let i = 0; i < 30 && (await context.request.get(baseUrl + '/api/me')).status() !== 200; i++) {
        await page.waitForTimeout(500);
      }
    }
    for (const path of PAGES) {
      errors.length = 0;
      await page.goto(baseUrl + path, { waitUntil: 'load' });
      const shown = async (selector) => (await page.locator(selector).textContent()) || '';
      if (user) {
        await page.waitForFunction(() => document.getElementById('who').textContent !== '', null, { timeout: 15000 })
          .catch(() => {});
        check(`${who} ${path}: shows the user`, (await shown('#who')).includes('当前用户：' + user), await shown('#who'));
        check(`${who} ${path}: no error`, (await shown('#error')) === '', await shown('#error'));
      } else {
        await page.waitForFunction(() => document.getElementById('error').textContent !== '', null, { timeout: 15000 })
          .catch(() => {});
        check(`${who} ${path}: asks to log in, in Chinese`, (await shown('#error')).includes('请先登录汾河'), await shown('#error'));
      }
      check(`${who} ${path}: no script error`, errors.length === 0, errors.join('; '));
    }
    await context.close();
  }
} finally {
  await browser.close();
}
finish();

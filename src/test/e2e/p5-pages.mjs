// Fenhe 汾河: the P5 page (/fenhe/supervision-summary.html) in headless Chromium (zh), as the users it is
// for — anonymous: asked in Chinese to log in; the approval service bureau: every county and department
// with the month's figures (as the API gives them); 尧都区's approval service: his county only.
// Usage: node src/test/e2e/p5-pages.mjs <baseUrl> <password> '<json {bureau, officer, month, monthLabel,
//   department, departmentRow:[…], countyRow:[…]}>'
// Prints "ok …" / "FAIL …" lines and "N passed, N failed"; exits non-zero on a failure.
import { check, chineseContext, finish, launch, logIn } from './browser.mjs';

const [baseUrl, password, expectedJson] = process.argv.slice(2);
const x = JSON.parse(expectedJson);
const PAGE = `/fenhe/supervision-summary.html?month=${x.month}`;
const latin = (texts) => texts.filter((t) => /[A-Za-z]{2,}/.test(t));
const browser = await launch();

const as = async (user, viewport) => {
  const context = await chineseContext(browser);
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await logIn(page, baseUrl, user, password);
  for (let i = 0; i < 30 && (await context.request.get(baseUrl + '/api/me')).status() !== 200; i++) {
    await page.waitForTimeout(500);
  }
  return { context, page, errors };
};
const text = async (page, selector) => ((await page.locator(selector).first().textContent()) || '').trim();
const words = (page) => page.locator('header h1, h2, p, th, label, option, button, .summary, .error')
  .evaluateAll((nodes) => nodes.map((n) => n.childNodes.length ? [...n.childNodes]
    .filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent.trim()).join('') : '').filter((t) => t));
const opened = async (page) => {
  await page.goto(baseUrl + PAGE, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelectorAll('#counties tr').length > 0
    || document.getElementById('error').textContent !== '', null, { timeout: 15000 }).catch(() => {});
};

try {
  {
    const context = await chineseContext(browser);
    const page = await context.newPage();
    await page.goto(baseUrl + PAGE, { waitUntil: 'load' });
    await page.waitForFunction(() => document.getElementById('error').textContent !== '', null, { timeout: 15000 }).catch(() => {});
    check('anonymous: asks to log in, in Chinese', (await text(page, '#error')).includes('请先登录汾河'), await text(page, '#error'));
    await context.close();
  }
  for (const [who, viewport] of [['desktop', null], ['phone', { width: 390, height: 844 }]]) {
    const { context, page, errors } = await as(x.bureau, viewport);
    await opened(page);
    check(`bureau (${who}): shows the user`, (await text(page, '#who')).includes('当前用户：' + x.bureau), await text(page, '#who'));
    check(`bureau (${who}): no error`, (await text(page, '#error')) === '', await text(page, '#error'));
    check(`bureau (${who}): titled ${x.monthLabel}`, (await text(page, '#title')) === `${x.monthLabel} 全市互联网+监管情况`, await text(page, '#title'));
    check(`bureau (${who}): all 17 counties`, (await page.locator('#counties tr').count()) === 17);
    const dept = await page.locator('#departments tr', { hasText: x.department }).first().locator('td').allTextContents();
    check(`bureau (${who}): the department's figures ${x.departmentRow.join(' ')}`, dept.join('|') === x.departmentRow.join('|'), dept.join('|'));
    const county = await page.locator('#counties tr', { hasText: x.countyRow[0] }).first().locator('td').allTextContents();
    check(`bureau (${who}): ${x.countyRow[0]}'s figures ${x.countyRow.join(' ')}`, county.join('|') === x.countyRow.join('|'), county.join('|'));
    check(`bureau (${who}): the city's total`, (await text(page, '#summary')).startsWith('全市：监管行为 '), await text(page, '#summary'));
    const shown = await words(page);
    check(`bureau (${who}): ${shown.length} headings, labels and options, all in Chinese`, shown.length > 20 && latin(shown).length === 0,
      latin(shown).join(' | '));
    if (viewport) {
      const wide = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
      check('bureau (phone): the page itself does not scroll sideways (the tables scroll in their box)', wide);
    }
    check(`bureau (${who}): no script error`, errors.length === 0, errors.join('; '));
    await context.close();
  }
  {
    const { context, page, errors } = await as(x.officer);
    await opened(page);
    const rows = await page.locator('#counties tr td:first-child').allTextContents();
    check(`officer: only ${x.countyRow[0]}`, rows.length === 1 && rows[0] === x.countyRow[0], rows.join(','));
    const levels = await page.locator('#departments tr td:nth-child(2)').allTextContents();
    check(`officer: only his county's departments`, levels.every((l) => l === x.countyRow[0]), levels.join(','));
    check('officer: no error', (await text(page, '#error')) === '', await text(page, '#error'));
    check('officer: no script error', errors.length === 0, errors.join('; '));
    await context.close();
  }
} catch (e) {
  check('the P5 page opens', false, e.message.split('\n')[0]);
} finally {
  await browser.close();
}
finish();

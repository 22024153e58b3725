// Fenhe 汾河: the two P4 pages in headless Chromium (zh), as the users they are for — the seller register
// (/fenhe/coal-sellers.html) as 尧都区's market supervision officer: his county's sellers, a seller
// registered on the page, a refusal in Chinese; the coverage (/fenhe/coal-coverage.html) as the city bureau
// (every county) and as the officer (his county only): the month's figures. Headings, labels, options and
// messages are Chinese.
// Usage: node src/test/e2e/p4-pages.mjs <baseUrl> <password> '<json {officer, bureau, month, monthLabel,
//   sellerCode, sellerName, sellerTotal, newCode, yaoduRow:[…]}>'
// Prints "ok …" / "FAIL …" lines and "N passed, N failed"; exits non-zero on a failure.
import { check, chineseContext, finish, launch, logIn } from './browser.mjs';

const [baseUrl, password, expectedJson] = process.argv.slice(2);
const x = JSON.parse(expectedJson);
const SELLERS = '/fenhe/coal-sellers.html';
const COVERAGE = `/fenhe/coal-coverage.html?month=${x.month}`;
const latin = (texts) => texts.filter((t) => /[A-Za-z]{2,}/.test(t));
const browser = await launch();

/** A page as the user (logged in to Tasklist first), script errors collected. */
const as = async (user) => {
  const context = await chineseContext(browser);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await logIn(page, baseUrl, user, password);
  for (let i = 0; i < 30 && (await context.request.get(baseUrl + '/api/me')).status() !== 200; i++) {
    await page.waitForTimeout(500);
  }
  return { context, page, errors };
};
const text = async (page, selector) => ((await page.locator(selector).first().textContent()) || '').trim();
const words = (page) => page.locator('header h1, h2, p, th, label, option, button, .summary, .error, .ok')
  .evaluateAll((nodes) => nodes.map((n) => n.childNodes.length ? [...n.childNodes]
    .filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent.trim()).join('') : '').filter((t) => t));

try {
  // anonymous: both pages ask to log in, in Chinese
  {
    const context = await chineseContext(browser);
    const page = await context.newPage();
    for (const path of [SELLERS, COVERAGE]) {
      await page.goto(baseUrl + path, { waitUntil: 'load' });
      await page.waitForFunction(() => document.getElementById('error').textContent !== '', null, { timeout: 15000 }).catch(() => {});
      check(`anonymous ${path}: asks to log in, in Chinese`, (await text(page, '#error')).includes('请先登录汾河'), await text(page, '#error'));
    }
    await context.close();
  }

  // the county officer keeps his register
  {
    const { context, page, errors } = await as(x.officer);
    await page.goto(baseUrl + SELLERS, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelectorAll('#rows tr').length > 0, null, { timeout: 15000 }).catch(() => {});
    check(`officer ${SELLERS}: shows the user`, (await text(page, '#who')).includes('当前用户：' + x.officer), await text(page, '#who'));
    check(`officer ${SELLERS}: no error`, (await text(page, '#error')) === '', await text(page, '#error'));
    const title = await text(page, '#title');
    check(`officer ${SELLERS}: counts his county's ${x.sellerTotal} sellers`, title === `已登记的销售单位（${x.sellerTotal} 家）`, title);
    const row = await page.locator('#rows tr', { hasText: x.sellerCode }).first().innerText().catch(() => '');
    for (const word of [x.sellerCode, x.sellerName, '民用煤供应点', '尧都区', '禁煤区', x.officer]) {
      check(`officer ${SELLERS}: the seller's row shows "${word}"`, row.includes(word), row);
    }
    const counties = await page.locator('#rows tr td:nth-child(4)').allTextContents();
    check(`officer ${SELLERS}: only 尧都区's sellers`, counties.length > 0 && counties.every((c) => c === '尧都区'), [...new Set(counties)].join(','));
    check(`officer ${SELLERS}: the county preset to 尧都区`, (await page.locator('#county').inputValue()) === '尧都区');
    const shown = await words(page);
    check(`officer ${SELLERS}: ${shown.length} headings, labels and options, all in Chinese`, shown.length > 20 && latin(shown).length === 0,
      latin(shown).join(' | '));

    await page.locator('#creditCode').fill(x.newCode);
    await page.locator('#sellerName').fill('尧都区页面登记民用煤供应点');
    await page.locator('#sellerKind').selectOption({ label: '民用煤供应点' });
    await page.locator('#zone').selectOption({ label: '禁煤区' });
    await page.locator('#address').fill('尧都区鼓楼南大街 8 号');
    await page.locator('#save').click();
    await page.waitForFunction(() => document.getElementById('ok').textContent !== '' || document.getElementById('error').textContent !== '',
      null, { timeout: 15000 }).catch(() => {});
    check(`officer ${SELLERS}: registers a seller on the page`, (await text(page, '#ok')) === '已登记：尧都区页面登记民用煤供应点（禁煤区）',
      (await text(page, '#ok')) + (await text(page, '#error')));
    await page.waitForFunction((n) => document.getElementById('title').textContent.includes(`（${n} 家）`), x.sellerTotal + 1, { timeout: 15000 })
      .catch(() => {});
    check(`officer ${SELLERS}: the register counts it`, (await text(page, '#title')).includes(`（${x.sellerTotal + 1} 家）`), await text(page, '#title'));

    await page.locator('#save').click();
    await page.waitForFunction(() => document.getElementById('error').textContent !== '', null, { timeout: 15000 }).catch(() => {});
    const refusal = await text(page, '#error');
    check(`officer ${SELLERS}: the same seller again is refused in Chinese, naming the field by its label`,
      refusal.includes('该销售单位已登记') && refusal.includes('统一社会信用代码') && latin([refusal]).length === 0, refusal);
    check(`officer ${SELLERS}: no script error`, errors.length === 0, errors.join('; '));

    // the officer's coverage: his county only
    await page.goto(baseUrl + COVERAGE, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelectorAll('#rows tr').length > 0, null, { timeout: 15000 }).catch(() => {});
    const rows = await page.locator('#rows tr td:first-child').allTextContents();
    check(`officer ${COVERAGE}: only 尧都区`, rows.length === 1 && rows[0] === '尧都区', rows.join(','));
    check(`officer ${COVERAGE}: no error`, (await text(page, '#error')) === '', await text(page, '#error'));
    await context.close();
  }

  // the city bureau reads every county's coverage of the month
  {
    const { context, page, errors } = await as(x.bureau);
    await page.goto(baseUrl + COVERAGE, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelectorAll('#rows tr').length > 0, null, { timeout: 15000 }).catch(() => {});
    check(`bureau ${COVERAGE}: shows the user`, (await text(page, '#who')).includes('当前用户：' + x.bureau), await text(page, '#who'));
    check(`bureau ${COVERAGE}: no error`, (await text(page, '#error')) === '', await text(page, '#error'));
    const title = await text(page, '#title');
    check(`bureau ${COVERAGE}: titled ${x.monthLabel}`, title === `${x.monthLabel} 各县（市、区）抽检情况`, title);
    check(`bureau ${COVERAGE}: the month selected`, (await page.locator('#year').inputValue()) + '-' + (await page.locator('#month').inputValue()) === x.month);
    check(`bureau ${COVERAGE}: all 17 counties`, (await page.locator('#rows tr').count()) === 17, String(await page.locator('#rows tr').count()));
    const cells = await page.locator('#rows tr', { hasText: '尧都区' }).first().locator('td').allTextContents();
    check(`bureau ${COVERAGE}: 尧都区's figures ${x.yaoduRow.join(' ')}`,
      [cells[0], cells[1], cells[2], cells[3], cells[7], cells[10]].join('|') === x.yaoduRow.join('|'), cells.join('|'));
    check(`bureau ${COVERAGE}: the city's total`, (await text(page, '#summary')).startsWith('全市：登记 '), await text(page, '#summary'));
    const shown = await words(page);
    check(`bureau ${COVERAGE}: ${shown.length} headings, labels and options, all in Chinese`, shown.length > 20 && latin(shown).length === 0,
      latin(shown).join(' | '));
    check(`bureau ${COVERAGE}: no script error`, errors.length === 0, errors.join('; '));
    await context.close();
  }
} catch (e) {
  check('the P4 pages open', false, e.message.split('\n')[0]);
} finally {
  await browser.close();
}
finish();

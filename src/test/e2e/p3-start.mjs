// Fenhe 汾河: the scrap-steel application started from Tasklist (zh) in a real headless Chromium, as the
// enterprise: 发起流程 → the process → the Chinese start form filled in → 发起. The vouchers are materials that
// Tasklist cannot upload (no file field in form-js): the start is refused naming them (docs/materials.md).
// Usage: node src/test/e2e/p3-start.mjs <baseUrl> <user> <password> '<json {enterpriseName, creditCode, county, taxes:{label:value}, refusedWith?}>'
// Prints "ok …" / "FAIL …" lines and "N passed, N failed"; exits non-zero on a failure.
import { check, chineseContext, finish, launch, logIn } from './browser.mjs';

const [baseUrl, user, password, applicationJson] = process.argv.slice(2);
const application = JSON.parse(applicationJson);
const browser = await launch();
const context = await chineseContext(browser);
const page = await context.newPage();
try {
  await logIn(page, baseUrl, user, password);
  await page.getByText('发起流程').first().click();
  const process = page.locator('.modal-dialog').getByText('废钢铁加工企业奖励资金申请、确认与拨付').first();
  await process.click();
  // under load Tasklist may miss the first click while its list is still rendering: once more
  if (!(await page.waitForSelector('.fjs-container', { timeout: 20000 }).then(() => true).catch(() => false))) {
    if (await process.isVisible().catch(() => false)) await process.click();
    await page.waitForSelector('.fjs-container', { timeout: 30000 });
  }
  const form = await page.locator('.fjs-container').first().innerText();
  for (const word of ['废钢铁加工企业奖励资金申请', '上一个半年度', '企业名称', '统一社会信用代码', '所在县(市、区)', '增值税', '印花税',
    '税收缴纳凭证和销售凭证', '材料', '真实性负责']) {
    check(`the start form shows "${word}"`, form.includes(word), form.includes(word) ? '' : form.slice(0, 300));
  }
  await page.getByLabel('企业名称').fill(application.enterpriseName);
  await page.getByLabel('统一社会信用代码（18 位）').fill(application.creditCode);
  await page.locator('.fjs-form-field-select').first().click();
  const counties = await page.locator('.fjs-dropdownlist').first().innerText().catch(() => '');
  check('the county list offers Linfen\'s counties', counties.includes('尧都区') && counties.includes('汾西县'), counties.slice(0, 100));
  await page.locator('.fjs-dropdownlist-item', { hasText: application.county }).first().click();
  for (const [label, value] of Object.entries(application.taxes)) {
    await page.getByLabel(label).first().fill(value);
  }
  check('the start form has no tick boxes for the vouchers any more', !form.includes('已附税收缴纳凭证') && !form.includes('已附销售凭证'), '');
  await page.getByLabel(/真实性负责/).check();
  await page.getByRole('button', { name: '发起' }).last().click();
  await page.waitForSelector('text=/流程已发起|流程发起失败/', { timeout: 30000 });
  await page.waitForTimeout(500);
  const shown = await page.locator('body').innerText();
  if (application.refusedWith) {
    check(`the refusal is shown in Chinese: "${application.refusedWith}"`, shown.includes('流程发起失败') && shown.includes(application.refusedWith),
      shown.slice(0, 400));
  } else {
    check('the application is started from Tasklist', shown.includes('流程已发起'), shown.slice(0, 400));
  }
} catch (e) {
  check('the application is started from Tasklist', false, e.message.split('\n')[0]);
  await page.screenshot({ path: process.env.P3_SCREENSHOT || '/tmp/p3-start-failure.png' }).catch(() => {});
} finally {
  await context.close();
  await browser.close();
}
finish();

// Fenhe 汾河: a P2 step walked in Tasklist (zh) in a real headless Chromium, as its user: claim the
// task (认领), fill the Camunda Form (radio options, selects, text, date, checkboxes) and submit it (提交).
// Usage: node src/test/e2e/p2-walk.mjs <baseUrl> <password> '<json {user, taskId, radios:[option label], selects:{label:option label},
//   text:{label:value}, dates:{label:yyyy-MM-dd}, checks:[label]}>'
// Prints one line per check ("ok …" / "FAIL …") and "N passed, N failed"; exits non-zero on a failure.
import { check, chineseContext, finish, launch, logIn, openTask } from './browser.mjs';

const [baseUrl, password, stepJson] = process.argv.slice(2);
const { user, taskId, radios = [], selects = {}, text = {}, dates = {}, checks = [] } = JSON.parse(stepJson);
const browser = await launch();
const context = await chineseContext(browser);
const page = await context.newPage();
try {
  await logIn(page, baseUrl, user, password);
  await openTask(page, baseUrl, taskId);
  const claim = page.getByRole('button', { name: '认领' });
  if (await claim.count()) {
    await claim.first().click();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
  }
  check(`${user} claimed the task`, (await page.getByRole('button', { name: '认领' }).count()) === 0);
  for (const option of radios) {
    await page.getByLabel(option, { exact: true }).first().check();
  }
  for (const [label, option] of Object.entries(selects)) {
    await page.locator('.fjs-form-field-select', { hasText: label }).first().click();
    await page.locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
  }
  for (const [label, value] of Object.entries(text)) {
    await page.getByLabel(label, { exact: false }).first().fill(value);
  }
  for (const [label, value] of Object.entries(dates)) {
    const input = page.getByLabel(label, { exact: false }).first();
    await input.click();
    await input.fill(value);
    await input.press('Enter');
    await page.locator('.fjs-container').first().click({ position: { x: 5, y: 5 } });
  }
  for (const label of checks) {
    await page.getByLabel(label, { exact: false }).first().check();
  }
  await page.waitForTimeout(500);
  await page.getByRole('button', { name: '提交', exact: true }).first().click();
  await page.waitForTimeout(3000);
  const notice = await page.locator('body').innerText();
  check(`${user} submitted the form`, notice.includes('任务已办理完成') || !(await page.locator('.fjs-container').count()),
    notice.slice(0, 400).replace(/\s+/g, ' '));
} catch (e) {
  check(`${user} walks the task in Tasklist`, false, e.message.split('\n')[0]);
} finally {
  await context.close();
  await browser.close();
}
finish();

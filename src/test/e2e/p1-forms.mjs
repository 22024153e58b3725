// Fenhe 汾河: P1 tasks opened in Tasklist (zh) in a real headless Chromium, as their users:
// the Camunda Form renders (form-js of the 7.24 webapps), shows its Chinese labels and the case's values.
// Usage: node src/test/e2e/p1-forms.mjs <baseUrl> <password> '<json [{user, taskId, expect:[…], chineseLabels?}]>'
// chineseLabels: every label, heading, description and option of the form is Chinese (no English word,
// no variable name; "GB" of a national standard aside; the date picker's own calendar, whose month
// names form-js leaves in English, aside).
// Prints one line per check ("ok …" / "FAIL …") and "N passed, N failed"; exits non-zero on a failure.
import { check, chineseContext, finish, launch, logIn, openTask } from './browser.mjs';

const [baseUrl, password, visitsJson] = process.argv.slice(2);
const visits = JSON.parse(visitsJson);
const browser = await launch();

for (const { user, taskId, name, expect, chineseLabels } of visits) {
  const context = await chineseContext(browser);
  const page = await context.newPage();
  try {
    await logIn(page, baseUrl, user, password);
    await openTask(page, baseUrl, taskId);
    await page.waitForTimeout(1500);
    const form = await page.locator('.fjs-container').first().innerText();
    const values = await page.locator('.fjs-container input, .fjs-container textarea')
      .evaluateAll((fields) => fields.map((f) => f.value).join(' '));
    const all = form + ' ' + values;
    for (const word of expect) {
      check(`${name} as ${user} shows "${word}"`, all.includes(word), all.includes(word) ? '' : form.slice(0, 300));
    }
    if (chineseLabels) {
      const labels = await page.locator('.fjs-container label, .fjs-container legend, .fjs-container .fjs-form-field-text,'
        + ' .fjs-container .fjs-form-field-description, .fjs-container .fjs-select-display, .fjs-container option')
        .evaluateAll((nodes) => nodes.filter((n) => !n.closest('.flatpickr-calendar')).map((n) => n.textContent.trim()).filter((t) => t));
      const latin = labels.filter((t) => /[A-Za-z]{2,}/.test(t.replace(/GB/g, '')));
      check(`${name} as ${user}: ${labels.length} labels, all in Chinese`, labels.length > 0 && latin.length === 0, latin.join(' | '));
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
finish();

// Fenhe 汾河: the workbench (/fenhe/) in a real headless Chromium, at 1440×900 and 390×844.
// Usage: node src/test/e2e/workbench.mjs <baseUrl> <password> '<json plan>'
//   plan.step = "screens": the login (wrong password refused in Chinese), log in as plan.user, every screen
//               (待办 已办 我发起的 抄送我的 发起 消息) ≥ 95% Chinese lines, log out; at both sizes.
//   plan.step = "start":   plan.user starts plan.procedure from 发起 with its form (plan.fill: [{label, value, kind, exact}];
//               kind: none (the field labelled so; exact: the label exactly), "text" (a text box named exactly so),
//               "date" (ISO date typed in the browser's format), "select", "check" (a checkbox or a radio option),
//               "file" (material, path));
//               plan.refusedWith: the refusal expected; else the business key shown (printed "businessKey=…").
//   plan.step = "work":    plan.user finds plan.businessKey in 待办 (when plan.list), opens the task, sees
//               plan.expect words, presses plan.decision (通过/不通过/提交), sees the result.
//   plan.step = "lists":   plan.user searches plan.businessKey in each of plan.lists [{hash, expect}].
//   plan.step = "case":    plan.user opens the case plan.businessKey: header, timeline (plan.expect), diagram drawn.
// Prints "ok …" / "FAIL …" lines and "N passed, N failed"; exits non-zero on a failure.
import { check, finish, launch } from './browser.mjs';

const [baseUrl, password, planJson] = process.argv.slice(2);
const plan = JSON.parse(planJson);
const SIZES = plan.sizes || [[1440, 900], [390, 844]];
const shots = process.env.WORKBENCH_SCREENSHOTS || '/tmp';

/** The share of a screen's text lines that are Chinese (codes, numbers and dates are not counted). */
export const chineseShare = (text) => {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => /[\p{L}]/u.test(l))
    .filter((l) => !/^[A-Z0-9〔〕号()（）\s:：/.\-_+×,，%]+$/.test(l));
  const english = lines.filter((l) => !/[\u4e00-\u9fff]/.test(l));
  return { share: lines.length ? (lines.length - english.length) / lines.length : 1, english };
};

const browser = await launch();

async function page(size) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    extraHTTPHeaders: { 'Accept-Language': 'zh-CN' } });
  const p = await context.newPage();
  await p.setViewportSize({ width: size[0], height: size[1] });
  p.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  return { context, p };
}

/** A case number (business key such as SRF-20261128-7KQ2MX): an identifier read like a 文号, not English. */
const CASE_NUMBER = /^[A-Z][A-Z0-9]*(-[A-Za-z0-9]+)+$/;

async function screenIsChinese(p, name, size) {
  await p.waitForTimeout(400);
  const text = await p.locator('body').innerText();
  const words = text.split('\n').filter((line) => !CASE_NUMBER.test(line.trim())).join('\n');
  const { share, english } = chineseShare(words);
  check(`${name} at ${size[0]}×${size[1]}: ≥ 95% Chinese lines`, share >= 0.95,
    `${Math.round(share * 100)}%; not Chinese: ${english.slice(0, 5).join(' | ')}`);
  return text;
}

async function logIn(p, user, size, wrongFirst = false) {
  await p.goto(`${baseUrl}/fenhe/`, { waitUntil: 'networkidle' });
  await p.waitForSelector('text=汾河工作台', { timeout: 30000 });
  if (wrongFirst) {
    await screenIsChinese(p, 'the login screen', size);
    await p.getByPlaceholder('请输入用户名').fill(user);
    await p.getByPlaceholder('请输入密码').fill('wrong-password-1');
    await p.getByRole('button', { name: '登录' }).click();
    const alert = await p.waitForSelector('.el-alert', { timeout: 15000 }).then((e) => e.innerText()).catch(() => '');
    check(`a wrong password is refused in Chinese at ${size[0]}×${size[1]}`, alert.includes('用户名或密码错误'), alert);
    await p.waitForTimeout(4000); // the engine's login delay after a wrong password
  }
  await p.getByPlaceholder('请输入用户名').fill(user);
  await p.getByPlaceholder('请输入密码').fill(password);
  await p.getByRole('button', { name: '登录' }).click();
  await p.waitForURL(/#\/todo|#\/task|#\/case|#\/start/, { timeout: 30000 });
  await p.waitForLoadState('networkidle');
}

async function go(p, hash) {
  const target = `${baseUrl}/fenhe/#${hash}`;
  // the same address again only changes nothing in a page routed by its hash: load it afresh
  if (p.url() === target) await p.reload({ waitUntil: 'networkidle' });
  else await p.goto(target, { waitUntil: 'networkidle' });
  await p.waitForTimeout(300);
}

async function screens(size) {
  const { context, p } = await page(size);
  try {
    await logIn(p, plan.user, size, true);
    check(`${plan.user} logged in at ${size[0]}×${size[1]} sees 待办`, (await p.locator('body').innerText()).includes('待办'));
    for (const [hash, name] of [['/todo', '待办'], ['/done', '已办'], ['/started', '我发起的'], ['/cc', '抄送我的'],
      ['/start', '发起'], ['/messages', '消息']]) {
      await go(p, hash);
      const text = await screenIsChinese(p, `the screen ${name}`, size);
      check(`the screen ${name} at ${size[0]}×${size[1]} shows its title`, text.includes(name), text.slice(0, 200));
    }
    await p.screenshot({ path: `${shots}/workbench-todo-${size[0]}.png` }).catch(() => {});
    if (size[0] < 768) {
      check('the phone layout has the tab bar', await p.locator('.tabbar').isVisible());
    } else {
      check('the desktop layout has the side menu', await p.locator('.aside').isVisible());
    }
    await p.locator('.user').click();
    await p.getByText('退出登录').click();
    await p.waitForSelector('text=请用您的账号登录', { timeout: 15000 });
    const me = await p.evaluate(async () => (await fetch('/api/me', { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).status);
    check(`logged out at ${size[0]}×${size[1]}: the session is gone`, me === 401, String(me));
  } finally {
    await context.close();
  }
}

async function fill(p, field) {
  if (field.kind === 'file') {
    await p.locator(`input[data-material="${field.material}"]`).setInputFiles(field.path);
    await p.waitForSelector(`text=已上传：${field.path.split('/').pop()}`, { timeout: 30000 });
  } else if (field.kind === 'select') {
    await p.locator('.fjs-form-field-select', { hasText: field.label }).first().locator('.fjs-input-group').first().click();
    await p.locator('.fjs-dropdownlist-item', { hasText: field.value }).first().click();
  } else if (field.kind === 'date') {
    // form-js's date picker takes a date typed in the browser's own format (zh-CN: 2026/9/28) on Enter
    const input = p.getByRole('textbox', { name: field.label, exact: true }).first();
    const typed = await p.evaluate((iso) => new Intl.DateTimeFormat().format(new Date(`${iso}T12:00:00`)), field.value);
    await input.fill(typed);
    await input.press('Enter');
  } else if (field.kind === 'text') {
    // a text box whose label is exactly this one (another field's label or a radio option may contain it)
    await p.getByRole('textbox', { name: field.label, exact: true }).first().fill(field.value);
  } else if (field.kind === 'check') {
    // a blur re-validates the previous field and moves the page: check again once it has settled
    const box = p.getByLabel(field.label).first();
    await box.check().catch(async () => { await p.waitForTimeout(500); await box.check(); });
  } else {
    // exact: a label that is also part of another (初审意见 in 企业主管部门初审意见)
    const input = p.getByLabel(field.label, { exact: Boolean(field.exact) }).first();
    // form-js keeps a typed value when the field is left (or after a pause); the form's re-render for
    // the field left just before may reset a value typed at once: leave the field, fill again if so
    for (let attempt = 0; attempt < 3; attempt++) {
      await input.fill(field.value);
      await input.blur();
      await p.waitForTimeout(150);
      if ((await input.inputValue()) === field.value) break;
    }
  }
}

/** The input a typed field went into (null for files, choices and boxes). */
function typedInput(p, field) {
  if (field.kind === 'text' || field.kind === 'date') return p.getByRole('textbox', { name: field.label, exact: true }).first();
  if (field.kind) return null;
  return p.getByLabel(field.label, { exact: Boolean(field.exact) }).first();
}

/**
 * Before pressing submit: a late re-render of the form for a field left earlier can still empty a
 * field typed after it; type again whatever was lost.
 */
async function settle(p, fields) {
  await p.waitForTimeout(300);
  for (const field of fields || []) {
    const input = typedInput(p, field);
    if (!input || field.kind === 'date' || !(await input.isVisible().catch(() => false))) continue;
    if ((await input.inputValue().catch(() => field.value)) !== field.value) await fill(p, field);
  }
}

/** Fills a task's form and presses the decision; fields shown only after the decision get it pressed first. */
async function decide(p, fields, decision) {
  let pressed = false;
  for (const field of fields || []) {
    const visible = await p.getByLabel(field.label, { exact: Boolean(field.exact) }).first().isVisible().catch(() => false);
    if (!visible && !pressed) {
      await p.getByRole('button', { name: decision, exact: true }).click();
      await p.waitForTimeout(800);
      pressed = true;
      // nothing else was required: the decision went through already
      if (await p.getByText('已提交').first().isVisible().catch(() => false)) return p.locator('body').innerText();
    }
    await fill(p, field);
  }
  await settle(p, fields);
  await p.getByRole('button', { name: decision, exact: true }).click();
  await p.waitForSelector('text=/已提交|未能提交/', { timeout: 30000 });
  return p.locator('body').innerText();
}

/** The page's text with the values of its inputs (a form's values are not in its text). */
async function textAndValues(p) {
  const values = await p.$$eval('input, textarea', (els) => els.map((e) => e.value).filter(Boolean).join('\n'));
  return `${await p.locator('body').innerText()}\n${values}`;
}

async function start(size) {
  const { context, p } = await page(size);
  try {
    await logIn(p, plan.user, size);
    await go(p, '/start');
    await p.getByText(plan.procedure).first().click();
    await p.waitForSelector('.fjs-container', { timeout: 30000 });
    await screenIsChinese(p, 'the start form', size);
    // the form's own validation, in Chinese, before anything is sent
    await p.getByRole('button', { name: '提交申请' }).click();
    const errors = await p.locator('.fjs-form-field-error').allInnerTexts();
    check('an empty start form is refused in Chinese by the form', errors.length > 0 && errors.every((e) => /[\u4e00-\u9fff]/.test(e)),
      errors.slice(0, 3).join(' | '));
    for (const field of plan.fill) await fill(p, field);
    await settle(p, plan.fill);
    await p.getByRole('button', { name: '提交申请' }).click();
    let answered = await p.waitForSelector('text=/申请已提交|申请未提交/', { timeout: 30000 }).then(() => true).catch(() => false);
    if (!answered) {
      // a value typed while the form re-rendered for the field before may be in the box but not in the
      // form's data: type the marked fields once more, as a person would, and submit again
      const marked = await p.locator('.fjs-form-field:has(.fjs-form-field-error)').allInnerTexts();
      const again = plan.fill.filter((f) => f.kind !== 'file' && marked.some((t) => t.includes(f.label)));
      console.log(`typed again after the form's refusal: ${again.map((f) => f.label).join('、')}`);
      for (const field of again) {
        const input = typedInput(p, field);
        if (input) await input.fill('');
        await fill(p, field);
      }
      if (again.length) {
        await p.getByRole('button', { name: '提交申请' }).click();
        answered = await p.waitForSelector('text=/申请已提交|申请未提交/', { timeout: 30000 }).then(() => true).catch(() => false);
      }
    }
    if (!answered) {
      // the form refused before sending: name the fields it marked
      const marked = await p.locator('.fjs-form-field:has(.fjs-form-field-error)').allInnerTexts();
      check('the start form is accepted by the form', false, marked.map((t) => t.replace(/\s+/g, ' ')).join(' | ').slice(0, 600));
      return;
    }
    const shown = await p.locator('body').innerText();
    if (plan.refusedWith) {
      check(`the refusal is shown in Chinese: "${plan.refusedWith}"`, shown.includes('申请未提交') && shown.includes(plan.refusedWith),
        shown.slice(0, 300));
    } else {
      const key = /业务编号：(\S+)/.exec(shown);
      check('the application is started from the workbench with its business key', Boolean(key), shown.slice(0, 300));
      if (key) console.log(`businessKey=${key[1]}`);
      await screenIsChinese(p, 'the start result', size);
    }
  } finally {
    await p.screenshot({ path: `${shots}/workbench-start-${size[0]}.png` }).catch(() => {});
    await context.close();
  }
}

async function work(size) {
  const { context, p } = await page(size);
  try {
    await logIn(p, plan.user, size);
    if (plan.list) {
      await go(p, '/todo');
      await p.getByPlaceholder('按业务编号或企业名称搜索').fill(plan.businessKey);
      await p.getByRole('button', { name: '搜索' }).click();
      await p.waitForLoadState('networkidle');
      const row = p.getByText(plan.businessKey).first();
      check(`${plan.businessKey} is in the 待办 of ${plan.user}`, await row.isVisible().catch(() => false));
      await row.click();
    } else {
      await go(p, `/task/${plan.taskId}`);
    }
    await p.waitForSelector('.fjs-container', { timeout: 30000 });
    if (await p.getByRole('button', { name: '签收' }).isVisible().catch(() => false)) {
      await p.getByRole('button', { name: '签收' }).click();
      await p.waitForSelector('text=已签收', { timeout: 15000 });
      await p.waitForTimeout(500);
    }
    await screenIsChinese(p, `the task ${plan.name}`, size);
    const form = await textAndValues(p);
    for (const word of plan.expect || []) check(`the task shows "${word}"`, form.includes(word), form.slice(0, 200));
    const shown = await decide(p, plan.fill, plan.decision);
    check(`the task is done from the workbench (${plan.decision})`, shown.includes('已提交'), shown.slice(0, 300));
  } finally {
    await p.screenshot({ path: `${shots}/workbench-work-${size[0]}.png` }).catch(() => {});
    await context.close();
  }
}

async function caseView(size) {
  const { context, p } = await page(size);
  try {
    await logIn(p, plan.user, size);
    await go(p, `/case/${encodeURIComponent(plan.businessKey)}`);
    await p.waitForSelector('.el-descriptions', { timeout: 30000 });
    const text = await screenIsChinese(p, 'the case', size);
    check('the case shows its business key', text.includes(plan.businessKey));
    for (const word of plan.expect || []) check(`the timeline shows "${word}"`, text.includes(word), text.slice(0, 300));
    await p.getByRole('tab', { name: '流程图' }).click();
    const drawn = await p.waitForSelector('.diagram .djs-element', { timeout: 30000 }).then(() => true).catch(() => false);
    check('the diagram is drawn', drawn);
    const marked = await p.locator('.diagram .djs-element.done, .diagram .djs-element.current').count();
    check('the diagram marks finished and current steps', marked > 0, String(marked));
  } finally {
    await p.screenshot({ path: `${shots}/workbench-case-${size[0]}.png` }).catch(() => {});
    await context.close();
  }
}

async function lists(size) {
  const { context, p } = await page(size);
  try {
    await logIn(p, plan.user, size);
    for (const list of plan.lists) {
      await go(p, list.hash);
      await p.getByPlaceholder('按业务编号或企业名称搜索').fill(plan.businessKey);
      await p.getByRole('button', { name: '搜索' }).click();
      await p.waitForLoadState('networkidle');
      await p.waitForTimeout(300);
      const text = await screenIsChinese(p, `the list ${list.hash}`, size);
      for (const word of [plan.businessKey, ...(list.expect || [])]) {
        check(`${list.hash} of ${plan.user} shows "${word}"`, text.includes(word), text.slice(0, 300));
      }
    }
  } finally {
    await context.close();
  }
}

// plan.step = "actions": plan.ops in order, each as its user (one logged-in page per user):
//   {user, op: "act", businessKey, action: 转办|委派|加签|抄送|退回, target?, reason, position?, returnTo?, done}
//   {user, op: "resolve", businessKey, reason}   {user, op: "decide", businessKey, decision, fill?}
//   {user, op: "list", hash, businessKey, expect, absent?}   {user, op: "case", businessKey, expect, absent?}
//   {user, op: "urge", businessKey, message}
//   {user, op: "upload", businessKey, material, path}: the step's material, on the task screen
//   {user, op: "open-material", businessKey, name, via?: "task"|"case", contentType?}: a file opens in a new tab
//   {user, op: "open-document", businessKey, name, contentType?}: a 公文 of the case opens in a new tab
//   {user, op: "withdraw", businessKey, reason}: the applicant withdraws (撤回) from the case screen
async function actions(size) {
  const pages = {};
  const as = async (user) => {
    if (!pages[user]) {
      pages[user] = await page(size);
      await logIn(pages[user].p, user, size);
    }
    return pages[user].p;
  };
  const openTask = async (p, businessKey) => {
    await go(p, '/todo');
    await p.getByPlaceholder('按业务编号或企业名称搜索').fill(businessKey);
    await p.getByRole('button', { name: '搜索' }).click();
    await p.waitForLoadState('networkidle');
    await p.getByText(businessKey).first().click();
    await p.waitForSelector('.actions', { timeout: 30000 });
    if (await p.getByRole('button', { name: '签收', exact: true }).isVisible().catch(() => false)) {
      await p.getByRole('button', { name: '签收', exact: true }).click();
      await p.waitForSelector('text=已签收', { timeout: 15000 });
    }
    // the task is mine once its completion button shows (after a claim the page loads the task again
    // and draws its form anew); then its form is drawn (a signer's sub-task has none, only its note)
    await p.locator('.actions').getByRole('button', { name: /^(通过|提交|办完交回)$/ }).first().waitFor({ timeout: 30000 });
    await p.locator('.fjs-container').or(p.getByText('请先办理“')).first().waitFor({ timeout: 30000 });
  };
  try {
    for (const op of plan.ops) {
      const p = await as(op.user);
      const name = `${op.user}: ${op.op} ${op.action || op.decision || op.hash || ''}`;
      try {
        if (op.op === 'act' || op.op === 'resolve') {
          await openTask(p, op.businessKey);
          await p.getByRole('button', { name: op.op === 'resolve' ? '办完交回' : op.action, exact: true }).click();
          const dialog = p.locator('.el-dialog').filter({ visible: true }).last();
          await dialog.waitFor({ timeout: 15000 });
          if (op.target) {
            await dialog.locator('.el-select').first().click();
            await p.keyboard.type(op.target);
            // Enter chooses the first option: wait until the list shows the one typed (a colleague
            // of the group is listed before it was filtered)
            await p.locator('.el-select-dropdown__item', { hasText: op.target }).filter({ visible: true }).first()
              .waitFor({ timeout: 10000 }).catch(() => {});
            await p.keyboard.press('Enter');
            await p.keyboard.press('Escape').catch(() => {});
            await dialog.waitFor({ timeout: 5000 });
          }
          if (op.position === 'after') await dialog.getByText('后加签').click();
          if (op.returnTo) {
            await dialog.locator('.el-select').first().click();
            await p.locator('.el-select-dropdown__item', { hasText: op.returnTo }).first().click();
          }
          if (op.reason) await dialog.locator('textarea').fill(op.reason);
          await dialog.getByRole('button', { name: '确定' }).click();
          const shown = await p.waitForSelector(`text=${op.done || (op.op === 'resolve' ? '已交回委派人' : '已')}`, { timeout: 30000 }).then(() => true).catch(() => false);
          const text = await p.locator('body').innerText();
          check(name, shown, shown ? '' : text.slice(0, 400));
        } else if (op.op === 'decide') {
          await openTask(p, op.businessKey);
          const text = await decide(p, op.fill, op.decision);
          check(name, text.includes('已提交') && !text.includes('未能提交'), text.slice(0, 400));
        } else if (op.op === 'list') {
          await go(p, op.hash);
          await p.getByPlaceholder('按业务编号或企业名称搜索').fill(op.businessKey);
          await p.getByRole('button', { name: '搜索' }).click();
          await p.waitForLoadState('networkidle');
          await p.waitForTimeout(300);
          const text = await screenIsChinese(p, `the list ${op.hash} of ${op.user}`, size);
          for (const word of op.expect || []) check(`${name} shows "${word}"`, text.includes(word), text.slice(0, 300));
          for (const word of op.absent || []) check(`${name} no longer shows "${word}"`, !text.includes(word), text.slice(0, 300));
        } else if (op.op === 'case') {
          await go(p, `/case/${encodeURIComponent(op.businessKey)}`);
          await p.waitForSelector('.el-timeline, .el-empty', { timeout: 30000 });
          const text = await screenIsChinese(p, `the case for ${op.user}`, size);
          for (const word of op.expect) check(`${name}: the case shows "${word}"`, text.includes(word), text.slice(0, 500));
          for (const word of op.absent || []) check(`${name}: the case does not show "${word}"`, !text.includes(word), text.slice(0, 500));
        } else if (op.op === 'upload') {
          // a material of the step, uploaded on the task screen (办理) by the task's holder
          await openTask(p, op.businessKey);
          await p.locator(`input[data-material="${op.material}"]`).setInputFiles(op.path);
          const fileName = op.path.split('/').pop();
          const shown = await p.waitForSelector(`a.file:has-text("${fileName}")`, { timeout: 30000 }).then(() => true).catch(() => false);
          check(`${name} ${op.material}: listed on the task screen`, shown, shown ? '' : (await p.locator('body').innerText()).slice(0, 400));
        } else if (op.op === 'open-material' || op.op === 'open-document') {
          // a file opened in the browser as a person does: the link opens a new tab showing it
          if (op.op === 'open-material' && op.via === 'task') {
            await openTask(p, op.businessKey);
          } else {
            await go(p, `/case/${encodeURIComponent(op.businessKey)}`);
            await p.getByRole('tab', { name: '材料与公文' }).click();
          }
          const link = p.locator('a', { hasText: op.name }).first();
          await link.waitFor({ timeout: 30000 });
          // the file's own response, listened for before the click (the new tab may load it at once)
          const path = new URL(await link.getAttribute('href'), baseUrl).pathname;
          const responded = p.context().waitForEvent('response',
            { predicate: (r) => new URL(r.url()).pathname === path, timeout: 30000 }).catch(() => null);
          const [tab] = await Promise.all([p.context().waitForEvent('page', { timeout: 30000 }), link.click()]);
          const response = await responded;
          // allHeaders: a document shown by the browser's viewer has its headers only there
          const headers = response ? await response.allHeaders() : {};
          const type = headers['content-type'] || '';
          const disposition = headers['content-disposition'] || '';
          check(`${name} "${op.name}" opens in the browser (${type})`, response !== null && response.status() === 200
            && (op.contentType ? type.startsWith(op.contentType) : true) && !disposition.startsWith('attachment'),
          `${response && response.status()} ${type} ${disposition}`);
          await tab.close();
        } else if (op.op === 'withdraw') {
          await go(p, `/case/${encodeURIComponent(op.businessKey)}`);
          await p.getByRole('button', { name: '撤回申请', exact: true }).click();
          const box = p.locator('.el-message-box');
          await box.locator('input, textarea').first().fill(op.reason);
          await box.getByRole('button', { name: '撤回', exact: true }).click();
          const shown = await p.waitForSelector('text=已撤回', { timeout: 30000 }).then(() => true).catch(() => false);
          check(name, shown, shown ? '' : (await p.locator('body').innerText()).slice(0, 400));
        } else if (op.op === 'urge') {
          await go(p, `/case/${encodeURIComponent(op.businessKey)}`);
          await p.getByRole('button', { name: '催办', exact: true }).click();
          const dialog = p.locator('.el-dialog').filter({ visible: true }).last();
          await dialog.locator('textarea').fill(op.message);
          await dialog.getByRole('button', { name: '发送' }).click();
          const shown = await p.waitForSelector('text=已催办', { timeout: 30000 }).then(() => true).catch(() => false);
          check(name, shown, shown ? '' : (await p.locator('body').innerText()).slice(0, 400));
        }
      } catch (e) {
        // the end of the screen (the materials, the buttons, a refusal) tells most failures
        const tail = await p.locator('body').innerText().then((t) => t.slice(-600).replace(/\s+/g, ' ')).catch(() => '');
        check(name, false, `${e.message.split('\n')[0]} — the screen ends: ${tail}`);
        await p.screenshot({ path: `${shots}/workbench-actions-failure.png` }).catch(() => {});
      }
    }
  } finally {
    for (const { context } of Object.values(pages)) await context.close();
  }
}

const STEPS = { screens, start, work, case: caseView, lists, actions };
try {
  for (const size of SIZES) {
    try {
      await STEPS[plan.step](size);
    } catch (e) {
      check(`${plan.step} at ${size[0]}×${size[1]}`, false, e.message.split('\n')[0]);
    }
  }
} finally {
  await browser.close();
}
finish();

// Camunda Forms (the models' .form files, the same as Tasklist shows) rendered with form-js, in Chinese:
// form-js has no translations, so its validation messages are replaced by a Validator that says them in
// Chinese, and the few English words of its widgets (Search, Select) are translated where they appear.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must match pattern (.*)\.$/, () => '格式不正确。'],
  [/^Field must have minimum value of (.*)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.*)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Field must have minimum length of (.*)\.$/, (m) => `至少需要 ${m[1]} 个字符。`],
  [/^Field must have maximum length of (.*)\.$/, (m) => `最多 ${m[1]} 个字符。`],
  [/^Field must be a valid\s+international phone number.*$/, () => '请输入有效的电话号码（含国际区号，如 +8635712345678）。'],
  [/^Field must be a valid email\.$/, () => '请输入有效的电子邮箱地址。'],
  [/^Value is not a number\.$/, () => '请输入数字。'],
  [/^Value is expected to be an integer\.$/, () => '请输入整数。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `最多保留 ${m[1]} 位小数。`],
  [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/,
    (m) => `数值不符合步长要求，最接近的有效值为 ${m[1]} 和 ${m[2]}。`],
  [/^Date and time must both be entered\.$/, () => '日期和时间都需要填写。'],
  [/^(Min|Max) validation value is not a valid number\.$/, () => '表单的数值范围设置有误，请联系管理员。'],
];

/** A form-js message in Chinese (a message the form itself sets, e.g. patternErrorMessage, is kept). */
export function chinese(message) {
  for (const [pattern, text] of MESSAGES) {
    const match = pattern.exec(message);
    if (match) return text(match);
  }
  return message;
}

/** Wraps form-js's validator (not exported) so that every message it answers is in Chinese. */
function ChineseValidation(validator) {
  for (const method of ['validateField', 'validateFieldInstance']) {
    const original = validator[method].bind(validator);
    validator[method] = (...args) => original(...args).map(chinese);
  }
}
ChineseValidation.$inject = ['validator'];

const chineseModule = { __init__: ['chineseValidation'], chineseValidation: ['type', ChineseValidation] };

const WORDS = { Search: '搜索', Select: '请选择', 'No results': '无匹配项', Remove: '移除' };

/** Translates the widgets' English placeholders and labels inside the container, now and later. */
function translateWidgets(container) {
  const translate = () => {
    container.querySelectorAll('input[placeholder]').forEach((input) => {
      const word = WORDS[input.getAttribute('placeholder')];
      if (word) input.setAttribute('placeholder', word);
    });
    // text nodes changed in place (not replaced), so the form's own rendering keeps its nodes
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue.trim();
      if (!text || /[\u4e00-\u9fff]/.test(text)) continue;
      const zh = WORDS[text] || chinese(text);
      if (zh !== text) node.nodeValue = zh;
    }
  };
  const observer = new MutationObserver(translate);
  observer.observe(container, { childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['placeholder'] });
  translate();
  return observer;
}

/** Renders the schema into the container with the data; answers the form (submit(), destroy()). */
export async function renderForm(container, schema, data, { readOnly = false } = {}) {
  const form = new Form({ container, additionalModules: [chineseModule], properties: { readOnly } });
  await form.importSchema(schema, data);
  const observer = translateWidgets(container);
  const destroy = form.destroy.bind(form);
  form.destroy = () => { observer.disconnect(); destroy(); };
  return form;
}

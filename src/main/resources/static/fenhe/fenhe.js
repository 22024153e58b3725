// 汾河 pages: what every page of /fenhe/ shares (loaded before the page's own script).
'use strict';

/** A value as table text: null and undefined are empty. */
function text(value) {
  return value === null || value === undefined ? '' : String(value);
}

/** Appends a cell with the value as text (and an optional class) to a table row. */
function cell(row, value, className) {
  const td = document.createElement('td');
  td.textContent = text(value);
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

/** GETs a platform API as the logged-in user; a refusal becomes an Error with the reason in Chinese. */
async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin',
    headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    if (response.status === 401) throw new Error('请先登录汾河（任务列表或监控中心），再打开本页。');
    throw new Error((body.reason || '查询失败') + (body.field ? '（' + body.field + '）' : ''));
  }
  return body;
}

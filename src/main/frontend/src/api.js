// The platform's APIs as the logged-in user: the session of the Camunda webapps (the same login as
// Tasklist), changes with the session's CSRF token (X-XSRF-TOKEN). Refusals become ApiError with the
// Chinese reason and the refused field.
import { reactive } from 'vue';

export const session = reactive({ user: null, name: '', groups: [], csrf: null, checked: false });

/** The engine REST API as the webapps serve it (session-authenticated, unlike /engine-rest). */
export const engine = (path) => `/camunda/api/engine/engine/default${path}`;

export class ApiError extends Error {
  constructor(status, body) {
    super(body.reason || body.message || `操作失败（${status}）`);
    this.status = status;
    this.field = body.field || null;
    this.body = body;
  }
}

let onLoggedOut = () => {};
export const whenLoggedOut = (callback) => { onLoggedOut = callback; };

/** Asks the webapps for the session's CSRF token (they hand it out in a response header). */
export async function refreshToken() {
  const response = await fetch('/camunda/api/admin/auth/user/default', {
    credentials: 'same-origin', headers: { Accept: 'application/json' },
  });
  const token = response.headers.get('X-XSRF-TOKEN');
  if (token) session.csrf = token;
  return session.csrf;
}

export async function request(method, url, body, options = {}) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (method !== 'GET' && session.csrf) headers['X-XSRF-TOKEN'] = session.csrf;
  let payload = body;
  if (body !== undefined && !(body instanceof FormData) && !(body instanceof URLSearchParams)) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(url, { method, credentials: 'same-origin', headers, body: payload });
  if (response.status === 204) return null;
  const text = await response.text();
  let json = {};
  try { json = text ? JSON.parse(text) : {}; } catch { json = { reason: null }; }
  if (!response.ok) {
    if (response.status === 401 && !options.quiet) {
      session.user = null;
      onLoggedOut();
    }
    if (!json.reason && response.status === 401) json.reason = '登录已过期，请重新登录。';
    if (!json.reason && response.status === 403) json.reason = '您无权进行此操作。';
    if (!json.reason && response.status === 404) json.reason = '未找到，或您无权查看。';
    if (!json.reason && response.status >= 500) json.reason = '服务器暂时无法处理，请稍后再试。';
    throw new ApiError(response.status, json);
  }
  return json;
}

export const get = (url, options) => request('GET', url, undefined, options);
export const post = (url, body) => request('POST', url, body === undefined ? {} : body);

/** Who is logged in (null when nobody): /api/me, and the user's name from the engine. */
export async function loadMe() {
  try {
    const me = await get('/api/me', { quiet: true });
    session.user = me.id;
    session.groups = me.groups || [];
    session.csrf = me.csrfToken || (await refreshToken());
    try {
      const profile = await get(engine(`/user/${encodeURIComponent(me.id)}/profile`), { quiet: true });
      session.name = [profile.lastName, profile.firstName].filter(Boolean).join('') || me.id;
    } catch {
      session.name = me.id;
    }
  } catch {
    session.user = null;
  }
  session.checked = true;
  return session.user;
}

/** Logs in like Tasklist's login page does; a wrong password is refused in Chinese. */
export async function logIn(username, password) {
  const token = await refreshToken();
  const form = new URLSearchParams({ username, password });
  const response = await fetch('/camunda/api/admin/auth/user/default/login/welcome', {
    method: 'POST', credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': token || '' }, body: form,
  });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    if (response.status === 401 || response.status === 400) {
      // the engine answers a wrong password and a login during the delay after one alike
      throw new Error('用户名或密码错误，请重新输入（连续输错后请稍等几秒再试）。');
    }
    if (response.status === 403 && body.reason && /CSRF|过期/.test(body.reason + (body.reasonEn || ''))) {
      throw new Error('页面已过期，请刷新页面后重新登录。');
    }
    throw new Error(body.reason || '登录失败，请稍后再试。');
  }
  await refreshToken();
  await loadMe();
}

export async function logOut() {
  await fetch('/camunda/api/admin/auth/user/default/logout', {
    method: 'POST', credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': session.csrf || '' },
  }).catch(() => {});
  session.user = null;
  session.name = '';
  session.csrf = null;
}

/** Engine variables ({name: {type, value}}) as form data: JSON values parsed. */
export function variablesToData(variables) {
  const data = {};
  for (const [name, v] of Object.entries(variables || {})) {
    let value = v.value;
    if ((v.type === 'Json' || v.type === 'Object') && typeof value === 'string') {
      try { value = JSON.parse(value); } catch { /* keep the text */ }
    }
    data[name] = value;
  }
  return data;
}

/** Form data as engine variables, as Tasklist sends them: objects as Json (or their existing type). */
export function dataToVariables(data, existing = {}) {
  const variables = {};
  for (const [name, value] of Object.entries(data)) {
    if (value !== null && typeof value === 'object') {
      const known = existing[name];
      variables[name] = { type: known ? known.type : 'Json', valueInfo: known ? known.valueInfo : undefined,
        value: JSON.stringify(value) };
    } else {
      variables[name] = { value };
    }
  }
  return variables;
}

// Dates, states and decisions as a person in Linfen reads them.
const ZONE = 'Asia/Shanghai';
const parts = (value) => {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  const p = {};
  new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: 'numeric', day: 'numeric',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d).forEach((x) => { p[x.type] = x.value; });
  return p;
};

/** 2026年12月9日 14:05, in the platform's zone (the API answers instants in UTC). */
export function dateTime(value) {
  if (!value) return '';
  const p = parts(value);
  return p ? `${p.year}年${Number(p.month)}月${Number(p.day)}日 ${p.hour}:${p.minute}` : String(value);
}

export function date(value) {
  if (!value) return '';
  const p = parts(value);
  return p ? `${p.year}年${Number(p.month)}月${Number(p.day)}日` : String(value);
}

const STATES = {
  running: '办理中', completed: '已办结', withdrawn: '已撤回', terminated: '已终止',
};

export function stateText(state, ended) {
  if (state && STATES[state]) return STATES[state];
  if (state && /[\u4e00-\u9fff]/.test(state)) return state;
  return ended ? '已办结' : '办理中';
}

const ACTIONS = {
  complete: '办理', transfer: '转办', delegate: '委派', resolve: '委派办结', 'add-signer': '加签',
  'remove-signer': '减签', cc: '抄送', urge: '催办', return: '退回', withdraw: '撤回', claim: '签收', unclaim: '取消签收',
};

export const actionText = (action) => ACTIONS[action] || '';

// Dates, states and decisions as a person in Linfen reads them.
const pad = (n) => String(n).padStart(2, '0');

/** 2026年12月9日 14:05 (the platform's zone is the browser's; the engine answers with an offset). */
export function dateTime(value) {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function date(value) {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

const STATES = {
  running: '办理中', active: '办理中', ACTIVE: '办理中', ended: '已办结', completed: '已办结', COMPLETED: '已办结',
  withdrawn: '已撤回', rejected: '未通过', approved: '已通过', suspended: '已挂起', SUSPENDED: '已挂起',
  EXTERNALLY_TERMINATED: '已终止', INTERNALLY_TERMINATED: '已终止', terminated: '已终止',
};

export function stateText(state, ended) {
  if (state && STATES[state]) return STATES[state];
  if (state && /[\u4e00-\u9fff]/.test(state)) return state;
  return ended ? '已办结' : '办理中';
}

const ACTIONS = {
  start: '发起申请', complete: '办理', transfer: '转办', delegate: '委派', resolve: '委派办结', 'add-signer': '加签',
  'remove-signer': '减签', cc: '抄送', urge: '催办', return: '退回', withdraw: '撤回', claim: '签收', unclaim: '退回待签',
  approved: '通过', rejected: '不通过',
};

export const actionText = (action) => ACTIONS[action] || action || '';

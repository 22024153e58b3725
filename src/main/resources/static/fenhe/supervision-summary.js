// 汾河: 互联网+监管月度情况 (/fenhe/supervision-summary.html) — GET /api/supervision/summary?month=yyyy-MM.
'use strict';
(function () {
  const today = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
  const yearSelect = document.getElementById('year');
  const monthSelect = document.getElementById('month');
  for (let y = today.getFullYear(); y >= 2021; y--) {
    const o = document.createElement('option'); o.value = String(y); o.textContent = y + '年'; yearSelect.appendChild(o);
  }
  for (let m = 1; m <= 12; m++) {
    const o = document.createElement('option'); o.value = String(m).padStart(2, '0'); o.textContent = m + '月'; monthSelect.appendChild(o);
  }
  const asked = /^(\d{4})-(\d{2})$/.exec(new URLSearchParams(location.search).get('month') || '');
  if (asked && yearSelect.querySelector('option[value="' + asked[1] + '"]')) { yearSelect.value = asked[1]; monthSelect.value = asked[2]; }
  else { yearSelect.value = String(today.getFullYear()); monthSelect.value = String(today.getMonth() + 1).padStart(2, '0'); }

  const pct = (value) => (value === null || value === undefined ? '—' : value + '%');
  const figures = (row, r) => {
    cell(row, r.acts, 'num');
    cell(row, pct(r.onTimePercent), 'num');
    cell(row, pct(r.abnormalPercent), 'num');
    cell(row, pct(r.correctedInTimePercent), 'num');
    cell(row, r.dynamicsQuota === undefined ? '—' : r.dynamics + ' / ' + r.dynamicsQuota, 'num');
    cell(row, r.openClues.total, 'num');
    cell(row, r.openClues.withinVerify, 'num');
    cell(row, r.openClues.withinHandle, 'num');
    cell(row, r.openClues.beyondHandle, 'num');
  };

  async function load() {
    document.getElementById('error').textContent = '';
    try {
      const me = await getJson('/api/me');
      document.getElementById('who').textContent = '当前用户：' + me.id;
      const data = await getJson('/api/supervision/summary?month=' + yearSelect.value + '-' + monthSelect.value);
      document.getElementById('title').textContent = data.monthLabel + ' ' + data.scope + '互联网+监管情况';
      const t = data.total;
      document.getElementById('summary').textContent = data.scope + '：监管行为 ' + t.acts + ' 条，按时报送率 ' + pct(t.onTimePercent)
        + '（逾期 ' + t.late + ' 条），异常数据 ' + t.abnormal + ' 条（' + pct(t.abnormalPercent) + '），按时整改率 '
        + pct(t.correctedInTimePercent) + '，未办结风险预警线索 ' + t.openClues.total + ' 条。';
      const counties = document.getElementById('counties'); counties.replaceChildren();
      for (const r of data.counties) {
        const row = document.createElement('tr'); row.className = r.belowQuota ? 'below' : '';
        cell(row, r.county); figures(row, r); counties.appendChild(row);
      }
      const departments = document.getElementById('departments'); departments.replaceChildren();
      for (const r of data.departments) {
        const row = document.createElement('tr'); row.className = r.belowQuota ? 'below' : '';
        cell(row, r.department); cell(row, r.levelLabel); figures(row, r); departments.appendChild(row);
      }
    } catch (e) { document.getElementById('error').textContent = e.message; }
  }
  document.getElementById('show').onclick = load;
  load();
})();

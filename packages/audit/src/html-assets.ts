/** The HTML report's style sheet. */
export const HTML_STYLE = `
:root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2330; background: #f6f7fb; }
body { margin: 0 auto; max-width: 1180px; padding: 24px; }
h1 { margin: 0 0 4px; font-size: 26px; }
h2 { margin: 32px 0 12px; font-size: 19px; }
.context { color: #5b6476; margin: 0 0 16px; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 12px; margin: 0; }
.figures div { background: #fff; border-radius: 10px; padding: 12px 14px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
.figures dt { color: #5b6476; font-size: 13px; }
.figures dd { margin: 4px 0 0; font-size: 24px; font-weight: 650; }
.figures .alert dd { color: #b3261e; }
.charts { display: grid; grid-template-columns: 1fr 1fr 2fr; gap: 12px; }
figure { margin: 0; background: #fff; border-radius: 10px; padding: 12px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
figcaption { font-weight: 600; margin-bottom: 8px; }
.chart { position: relative; height: 240px; }
table { border-collapse: collapse; width: 100%; background: #fff; border-radius: 10px; overflow: hidden; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
th, td { padding: 7px 10px; text-align: left; border-bottom: 1px solid #e6e8ef; font-size: 14px; vertical-align: top; }
th { background: #eef0f6; }
th button { all: unset; cursor: pointer; font-weight: 650; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.kind { display: inline-block; padding: 1px 8px; border-radius: 999px; background: #fde7e4; color: #8c1d18; font-size: 12px; font-weight: 600; }
.timeline { list-style: none; margin: 0; padding: 0 0 0 18px; border-left: 3px solid #c9cfe0; }
.timeline li { position: relative; margin: 0 0 10px; padding-left: 10px; }
.timeline li::before { content: ""; position: absolute; left: -26px; top: 5px; width: 11px; height: 11px; border-radius: 50%; background: #4361ee; }
.timeline time { color: #5b6476; font-size: 13px; margin-right: 8px; }
.rules { font-family: ui-monospace, monospace; font-size: 12px; color: #3a0ca3; }
article.case { background: #fff; border-radius: 10px; padding: 12px 16px; margin-bottom: 12px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
article.case h3 { margin: 0 0 10px; font-size: 16px; }
.empty { color: #5b6476; }
`;

/** The HTML report's script: the charts from the embedded data, and sortable tables. */
export const HTML_SCRIPT = `
(() => {
  const data = JSON.parse(document.getElementById('audit-data').textContent);
  const palette = ['#4361ee', '#f72585', '#4cc9f0', '#7209b7', '#adb5bd', '#f8961e', '#43aa8b'];
  const major = (minor) => minor / Math.pow(10, data.mainDigits);
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  new Chart(document.getElementById('chart-liability'), {
    type: 'doughnut',
    data: {
      labels: data.figures.liability.map((entry) => entry.liability),
      datasets: [{ data: data.figures.liability.map((entry) => entry.orders), backgroundColor: palette }],
    },
    options: { plugins: { legend: { position: 'right' } } },
  });
  new Chart(document.getElementById('chart-kinds'), {
    type: 'bar',
    data: {
      labels: data.figures.kinds.map((entry) => entry.kind),
      datasets: [{ label: 'orders', data: data.figures.kinds.map((entry) => entry.count), backgroundColor: '#f72585' }],
    },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  const periods = data.figures.periods;
  new Chart(document.getElementById('chart-money'), {
    type: 'line',
    data: {
      labels: periods.map((period) => period.period),
      datasets: [
        { label: 'order value stopped', data: periods.map((period) => major(period.orderValue)), borderColor: '#4361ee', backgroundColor: '#4361ee' },
        { label: 'policy payout, recomputed', data: periods.map((period) => major(period.expectedPayout)), borderColor: '#43aa8b', backgroundColor: '#43aa8b' },
        { label: 'policy payout, booked', data: periods.map((period) => major(period.bookedPayout)), borderColor: '#f72585', backgroundColor: '#f72585', borderDash: [6, 4] },
      ],
    },
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: data.figures.mainCurrency } } } },
  });
  for (const table of document.querySelectorAll('table.sortable')) {
    const headers = [...table.tHead.rows[0].cells];
    headers.forEach((header, column) => {
      header.querySelector('button').addEventListener('click', () => {
        const ascending = header.getAttribute('aria-sort') !== 'ascending';
        for (const other of headers) other.removeAttribute('aria-sort');
        header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const numeric = header.classList.contains('number');
        const key = (row) => row.cells[column].dataset.sort ?? row.cells[column].textContent;
        const body = table.tBodies[0];
        const rows = [...body.rows].sort((a, b) => {
          const order = numeric ? Number(key(a)) - Number(key(b)) : key(a).localeCompare(key(b));
          return ascending ? order : -order;
        });
        for (const row of rows) body.appendChild(row);
      });
    });
  }
})();
`;

// The dialogue statistics as a chart: per period, requests sent, accepted, declined and left
// without an answer (all levels together), from the table the page shows (data-stats).
(function () {
  'use strict';
  var el = document.getElementById('stats-chart');
  var rows = JSON.parse(el.dataset.stats || '[]');
  // The statistics give each level and an ALL row per period: chart the ALL rows when there are.
  var all = rows.filter(function (r) { return r.level === 'ALL'; });
  if (all.length > 0) { rows = all; }
  var periods = [], sums = {};
  rows.forEach(function (r) {
    if (!sums[r.period]) { sums[r.period] = [0, 0, 0, 0]; periods.push(r.period); }
    var s = sums[r.period];
    s[0] += r.sent || 0; s[1] += r.accepted || 0; s[2] += r.declined || 0; s[3] += r.unanswered || 0;
  });
  periods.sort();
  var xs = periods.map(function (p, i) { return i; });
  function column(k) { return periods.map(function (p) { return sums[p][k]; }); }
  var bars = uPlot.paths.bars({ size: [0.8, 40] });
  var labels = (el.dataset.labels || 'sent,accepted,declined,unanswered').split(',');
  var colours = ['#12263a', '#1e7b34', '#b00020', '#9a4a00'];
  var series = [{}];
  // Requests sent as bars, and what became of them as lines with points over the bars.
  series.push({ label: labels[0], stroke: colours[0], fill: 'rgba(18,38,58,0.25)', paths: bars, points: { show: false } });
  for (var k = 1; k < 4; k++) {
    series.push({ label: labels[k], stroke: colours[k], width: 2, points: { show: true, size: 8 } });
  }
  new uPlot({
    width: Math.max(320, el.clientWidth || 600),
    height: 220,
    scales: { x: { time: false, range: [-0.5, Math.max(0.5, periods.length - 0.5)] } },
    axes: [{ splits: function () { return xs; }, values: function () { return periods; } }, {}],
    series: series
  }, [xs, column(0), column(1), column(2), column(3)], el);
  el.dataset.periods = String(periods.length);
})();

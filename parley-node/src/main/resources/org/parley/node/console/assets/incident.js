// The incident view: both units' predicted paths and the CPA point on the offline map, and the
// range between them over the look-ahead as a chart (uPlot). The numbers come from the node
// (/console/incidents/{id} renders them into data-plot); this script only draws them.
(function () {
  'use strict';
  var el = document.getElementById('incident-map');
  var raw = el.dataset.plot;
  var plot = raw ? JSON.parse(raw) : null;
  var party = document.body.dataset.party;
  var colourA = el.dataset.partyA === party ? '#1f5fbf' : '#c0392b';
  var colourB = colourA === '#1f5fbf' ? '#c0392b' : '#1f5fbf';
  var map = L.map(el, { worldCopyJump: true }).setView([24, 120], 5);
  map.attributionControl.addAttribution('Natural Earth');
  fetch(el.dataset.coastline, { credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (land) {
      if (land) {
        L.geoJSON(land, { style: { color: '#5a6b7b', weight: 1, fillColor: '#e8e4d8', fillOpacity: 1 } }).addTo(map);
        el.dataset.coastline = 'loaded';
      }
    });
  if (!plot) {
    el.dataset.drawn = 'none';
    return;
  }
  var a = L.polyline(plot.paths.a, { color: colourA, weight: 3, className: 'path-a' }).addTo(map);
  var b = L.polyline(plot.paths.b, { color: colourB, weight: 3, className: 'path-b' }).addTo(map);
  L.circleMarker(plot.paths.a[0], { radius: 5, color: colourA }).addTo(map);
  L.circleMarker(plot.paths.b[0], { radius: 5, color: colourB }).addTo(map);
  L.polyline([plot.cpa.a, plot.cpa.b], { color: '#000', weight: 2, dashArray: '4 3', className: 'cpa-line' }).addTo(map);
  L.circleMarker(plot.cpa.a, { radius: 6, color: '#000', fillColor: '#ffd27a', fillOpacity: 1, className: 'cpa-point' }).addTo(map);
  map.fitBounds(a.getBounds().extend(b.getBounds()), { padding: [20, 20] });
  el.dataset.drawn = 'paths';

  var cpa = document.getElementById('predicted-cpa');
  cpa.textContent = plot.cpa.metres + ' m, ' + plot.cpa.time + ' (+' + plot.cpa.inSeconds + ' s)';

  var chart = document.getElementById('range-chart');
  var xs = plot.range.map(function (p) { return p[0]; });
  var ys = plot.range.map(function (p) { return p[1]; });
  var width = Math.max(320, chart.clientWidth || 600);
  new uPlot({
    width: width,
    height: 240,
    scales: { x: { time: true } },
    series: [{}, { label: 'm', stroke: '#12263a', width: 2 }],
    axes: [{}, { label: 'm' }]
  }, [xs, ys], chart);
  chart.dataset.points = String(xs.length);
})();

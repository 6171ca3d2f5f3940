// The encounter map: Leaflet over the offline Natural Earth coastline (no tiles, no internet).
// Tracks and incidents come from the node's watch when it serves them (/api/v1/tracks,
// /api/v1/incidents, read through /console/data/); without them the map is empty.
(function () {
  'use strict';
  var el = document.getElementById('map');
  var params = new URLSearchParams(location.search);
  var lat = Number(params.get('lat') || 24), lon = Number(params.get('lon') || 120), zoom = Number(params.get('zoom') || 5);
  var map = L.map(el, { worldCopyJump: true, preferCanvas: false }).setView([lat, lon], zoom);
  map.attributionControl.addAttribution('Natural Earth');

  // Every view is a URL: the place and zoom are kept in the address.
  map.on('moveend', function () {
    var c = map.getCenter();
    params.set('lat', c.lat.toFixed(4));
    params.set('lon', c.lng.toFixed(4));
    params.set('zoom', String(map.getZoom()));
    history.replaceState(null, '', location.pathname + '?' + params.toString());
  });

  function json(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; });
  }

  json(el.dataset.coastline).then(function (land) {
    if (land) {
      L.geoJSON(land, { style: { color: '#5a6b7b', weight: 1, fillColor: '#e8e4d8', fillOpacity: 1 } }).addTo(map);
      el.dataset.coastline = 'loaded';
    }
  });

  var overlay = L.layerGroup().addTo(map);
  var party = document.body.dataset.party;
  function colour(p) { return p === party ? '#1f5fbf' : '#c0392b'; }

  function refresh() {
    var b = map.getBounds();
    var bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(4); }).join(',');
    Promise.all([json('/console/data/tracks?bbox=' + bbox), json('/console/data/incidents')]).then(function (r) {
      overlay.clearLayers();
      var tracks = r[0], incidents = r[1];
      if (tracks && tracks.features) {
        L.geoJSON(tracks, {
          pointToLayer: function (f, ll) {
            return L.circleMarker(ll, { radius: 4, color: colour(f.properties && f.properties.party) });
          }
        }).addTo(overlay);
      }
      var list = (incidents && incidents.incidents) || [];
      el.dataset.incidents = String(list.length);
      var note = document.getElementById('incidents');
      if (note) {
        note.textContent = list.length > 0 ? note.dataset.label + ': ' + list.length : note.dataset.none;
      }
      showIncidents(list);
    });
  }

  // Each incident: its closest approach so far on the map (both units and the line between them,
  // in the level's colour) and a link to its own view in the list under the map.
  function showIncidents(list) {
    var ul = document.getElementById('incident-list');
    if (ul) { ul.textContent = ''; }
    list.slice(0, 50).forEach(function (inc) {
      if (ul) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = '/console/incidents/' + encodeURIComponent(inc.id);
        a.textContent = inc.id + ' \u00b7 ' + inc.level + ' \u00b7 ' + inc.unitA + ' / ' + inc.unitB + (inc.open ? '' : ' \u00b7 closed');
        li.appendChild(a);
        ul.appendChild(li);
      }
      json('/console/data/incidents/' + encodeURIComponent(inc.id)).then(function (d) {
        var changes = (d && d.changes) || [];
        if (changes.length === 0) { return; }
        var c = changes[changes.length - 1];
        var pa = [c.positionA.lat, c.positionA.lon], pb = [c.positionB.lat, c.positionB.lon];
        var colour = inc.level === 'HOTLINE' ? '#b00020' : (inc.level === 'UNSAFE' ? '#9a4a00' : '#00538a');
        var line = L.polyline([pa, pb], { color: colour, weight: 4, className: 'incident-line' }).addTo(overlay);
        L.circleMarker(pa, { radius: 6, color: colour, className: 'incident-unit' }).addTo(overlay);
        L.circleMarker(pb, { radius: 6, color: colour, className: 'incident-unit' }).addTo(overlay);
        line.bindTooltip(inc.id + ' ' + inc.level);
        line.on('click', function () { location.href = '/console/incidents/' + encodeURIComponent(inc.id); });
        el.dataset.drawn = String((Number(el.dataset.drawn) || 0) + 1);
      });
    });
  }
  map.on('moveend', refresh);
  document.body.addEventListener('parley-map', refresh);
  refresh();
})();

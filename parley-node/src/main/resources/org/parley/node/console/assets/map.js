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
      var list = (incidents && (incidents.incidents || incidents.features)) || [];
      var note = document.getElementById('incidents');
      el.dataset.incidents = String(list.length);
      if (list.length > 0 && note) {
        note.textContent = list.length + ' incident(s)';
      }
      if (incidents && incidents.type === 'FeatureCollection') {
        L.geoJSON(incidents, { style: { color: '#b00020', weight: 2 } }).addTo(overlay);
      }
    });
  }
  map.on('moveend', refresh);
  document.body.addEventListener('parley-map', refresh);
  refresh();
})();

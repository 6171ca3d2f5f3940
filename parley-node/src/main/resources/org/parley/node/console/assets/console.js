// Parley duty officer console. Loaded from the node ('self' only: the CSP allows no inline script).
// Live updates: the node's event stream (/console/events) tells htmx to reload the affected parts.
(function () {
  'use strict';
  var body = document.body;
  var csrf = document.querySelector('meta[name="csrf-token"]');

  // Every htmx request that changes state carries the session's CSRF token.
  body.addEventListener('htmx:configRequest', function (e) {
    if (csrf) { e.detail.headers['X-CSRF-Token'] = csrf.content; }
  });

  function pad(n) { return n < 10 ? '0' + n : String(n); }
  function span(ms) {
    var s = Math.floor(ms / 1000);
    return Math.floor(s / 3600) + ':' + pad(Math.floor(s / 60) % 60) + ':' + pad(s % 60);
  }

  // Times are shown in UTC as the node sends them; the local time is on hover.
  function localTimes(root) {
    root.querySelectorAll('time[datetime]').forEach(function (t) {
      var d = new Date(t.dateTime);
      if (!isNaN(d)) { t.title = d.toString(); }
    });
  }

  // The countdown to the ack deadline: amber from half of it (the re-alert), red once overdue.
  function tick() {
    var now = Date.now();
    document.querySelectorAll('tr[data-deadline]').forEach(function (tr) {
      var cell = tr.querySelector('.countdown');
      if (!cell) { return; }
      if (tr.dataset.status === 'ACKNOWLEDGED') {
        cell.textContent = '\u2014';
        tr.dataset.phase = 'done';
        return;
      }
      var since = Date.parse(tr.dataset.since), deadline = Date.parse(tr.dataset.deadline);
      var left = deadline - now, total = deadline - since;
      var half = total <= 0 || now - since >= total / 2;
      tr.dataset.phase = left <= 0 ? 'red' : (half ? 'amber' : 'green');
      cell.textContent = left > 0 ? span(left) : '-' + span(-left);
    });
    alarm(document.querySelector('tr[data-alarm="on"]') !== null);
  }

  // A FLASH not yet acknowledged sounds until someone acknowledges it (Web Audio, no sound file).
  var audio = null, beeping = null;
  function beep() {
    if (!audio) { return; }
    if (audio.state === 'suspended') { audio.resume(); }
    var o = audio.createOscillator(), g = audio.createGain();
    o.frequency.value = 880;
    g.gain.value = 0.2;
    o.connect(g);
    g.connect(audio.destination);
    o.start();
    o.stop(audio.currentTime + 0.3);
    body.dataset.beeps = String((Number(body.dataset.beeps) || 0) + 1);
  }
  function alarm(on) {
    body.dataset.alarm = on ? 'on' : 'off';
    var banner = document.getElementById('alarm-banner');
    if (banner) { banner.hidden = !on; }
    if (on && beeping === null) {
      try {
        audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      } catch (e) {
        audio = null;
      }
      beep();
      beeping = setInterval(beep, 1000);
    } else if (!on && beeping !== null) {
      clearInterval(beeping);
      beeping = null;
    }
  }

  // Keyboard: 'a' acknowledges the focused message, Enter opens it.
  document.addEventListener('keydown', function (e) {
    var tr = document.activeElement && document.activeElement.closest ? document.activeElement.closest('tr[data-id]') : null;
    if (!tr || e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (e.key === 'a') {
      var ack = tr.querySelector('button.ack');
      if (ack) { ack.click(); e.preventDefault(); }
    } else if (e.key === 'Enter' && document.activeElement === tr) {
      var link = tr.querySelector('a');
      if (link) { link.click(); }
    }
  });

  body.addEventListener('htmx:afterSwap', function (e) { localTimes(e.target); tick(); });

  if (body.dataset.view) {
    var events = new EventSource('/console/events');
    events.onopen = function () { body.dataset.live = 'on'; };
    events.onerror = function () { body.dataset.live = 'off'; };
    ['message', 'ack'].forEach(function (name) {
      events.addEventListener(name, function () { htmx.trigger(body, 'parley-refresh'); });
    });
    // An alarm (re-alert, escalation) also changes a message's status (OVERDUE): reload both.
    events.addEventListener('alarm', function () {
      htmx.trigger(body, 'parley-alarm');
      htmx.trigger(body, 'parley-refresh');
    });
    ['incident', 'tracks'].forEach(function (name) {
      events.addEventListener(name, function () { body.dispatchEvent(new CustomEvent('parley-map')); });
    });
  }

  if (document.getElementById('map')) {
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = '/console/assets/leaflet.css';
    document.head.appendChild(css);
    var leaflet = document.createElement('script');
    leaflet.src = '/console/assets/leaflet.js';
    leaflet.onload = function () {
      var map = document.createElement('script');
      map.src = '/console/assets/map.js';
      document.head.appendChild(map);
    };
    document.head.appendChild(leaflet);
  }

  localTimes(document);
  tick();
  setInterval(tick, 250);
})();

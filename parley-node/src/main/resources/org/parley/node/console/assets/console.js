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
    alarm(document.querySelector('tr[data-alarm="emergency"]') !== null ? 'emergency'
      : (document.querySelector('tr[data-alarm="on"]') !== null ? 'on' : 'off'));
  }

  // A FLASH not yet acknowledged sounds until someone acknowledges it (Web Audio, no sound file):
  // one 880 Hz beep a second. An EMERGENCY (a distress call) sounds a different alarm that cannot
  // be mistaken for it: a two-tone 650/1000 Hz warble, four tones a second.
  var audio = null, beeping = null, sound = 'off';
  var SOUNDS = {
    on: { period: 1000, tones: [[880, 0, 0.3]] },
    emergency: { period: 500, tones: [[650, 0, 0.12], [1000, 0.125, 0.12], [650, 0.25, 0.12], [1000, 0.375, 0.12]] }
  };
  function beep() {
    if (!audio) { return; }
    if (audio.state === 'suspended') { audio.resume(); }
    SOUNDS[sound].tones.forEach(function (t) {
      var o = audio.createOscillator(), g = audio.createGain();
      o.type = sound === 'emergency' ? 'square' : 'sine';
      o.frequency.value = t[0];
      g.gain.value = 0.2;
      o.connect(g);
      g.connect(audio.destination);
      o.start(audio.currentTime + t[1]);
      o.stop(audio.currentTime + t[1] + t[2]);
    });
    body.dataset.beeps = String((Number(body.dataset.beeps) || 0) + 1);
  }
  function alarm(kind) {
    body.dataset.alarm = kind;
    var banner = document.getElementById('alarm-banner');
    if (banner) {
      banner.hidden = kind === 'off';
      banner.textContent = kind === 'emergency' ? banner.dataset.emergency : banner.dataset.flash;
      banner.className = kind === 'emergency' ? 'emergency' : '';
    }
    body.dataset.sound = kind;
    if (kind === sound) { return; }
    if (beeping !== null) {
      clearInterval(beeping);
      beeping = null;
    }
    sound = kind;
    if (kind !== 'off') {
      try {
        audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      } catch (e) {
        audio = null;
      }
      beep();
      beeping = setInterval(beep, SOUNDS[kind].period);
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

  // Scripts loaded one after the other (each may need the one before), with their style sheets.
  function load(styles, scripts) {
    styles.forEach(function (href) {
      var css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = href;
      document.head.appendChild(css);
    });
    (function next(i) {
      if (i >= scripts.length) { return; }
      var s = document.createElement('script');
      s.src = scripts[i];
      s.onload = function () { next(i + 1); };
      document.head.appendChild(s);
    })(0);
  }
  if (document.getElementById('map')) {
    load(['/console/assets/leaflet.css'], ['/console/assets/leaflet.js', '/console/assets/map.js']);
  }
  if (document.getElementById('incident-map')) {
    load(['/console/assets/leaflet.css', '/console/assets/uPlot.min.css'],
      ['/console/assets/leaflet.js', '/console/assets/uPlot.iife.min.js', '/console/assets/incident.js']);
  }
  if (document.getElementById('stats-chart')) {
    load(['/console/assets/uPlot.min.css'], ['/console/assets/uPlot.iife.min.js', '/console/assets/stats.js']);
  }

  localTimes(document);
  tick();
  setInterval(tick, 250);
})();

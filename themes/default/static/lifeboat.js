// lifeboat: what every page does in the reader's browser. Dates are printed as dates;
// how far each is from today is said here, since the site is read long after it was
// built, and banners for an old copy or an overdue review appear from their date.
// Served over HTTP(S), a service worker keeps the whole site for offline use.
(function () {
  "use strict";
  // The interface's words, in the plan's language: `window.lifeboatText` (written
  // before this script by the build) holds each message, those with a number in
  // each plural form of the language.
  function tr(id, vars) {
    var m = (window.lifeboatText || {})[id];
    if (m === undefined || m === null) { return id; }
    if (typeof m === "object") {
      var form = "other";
      try { form = new Intl.PluralRules(document.documentElement.lang || "en").select(vars && vars.n); } catch (e) { /* unknown language */ }
      m = m[form] !== undefined ? m[form] : m.other;
    }
    return String(m).replace(/\{([\w-]+)\}/g, function (all, k) {
      return vars && vars[k] !== undefined && vars[k] !== null ? String(vars[k]) : all;
    });
  }
  window.lifeboatTr = tr;
  // What the reader keeps in this browser (ticks, the incident log). Chromium now and
  // then loses a localStorage write made just before the page is loaded again: the
  // new page reads a copy without it and keeps that copy. So each value is also kept
  // in the state of the history entry, which the browser gives back to the page
  // loaded again, with the time it was saved; a read takes the newer of the two and
  // puts it back into storage. With storage off, a value still lasts as long as the
  // history entry.
  window.lifeboatStore = (function () {
    var store = null;
    try { store = window.localStorage; store.getItem("lifeboat"); } catch (e) { store = null; }
    var memory = {};
    function entry(v) {
      return v && typeof v === "object" && typeof v.saved === "number" && "value" in v ? v : { saved: 0, value: v };
    }
    function put(key, kept) {
      memory[key] = kept;
      if (store) {
        try {
          if (kept.value === null) { store.removeItem(key); } else { store.setItem(key, JSON.stringify(kept)); }
        } catch (e) { /* storage full: the page and its history entry keep it */ }
      }
      var all = Object.assign({}, historyState().lifeboat);
      all[key] = kept;
      mark("lifeboat", all);
    }
    function historyState() {
      try { return history.state && typeof history.state === "object" ? history.state : {}; } catch (e) { return {}; }
    }
    // Sets NAME in this history entry's state, keeping the rest.
    function mark(name, value) {
      try {
        var state = Object.assign({}, historyState());
        state[name] = value;
        history.replaceState(state, "");
      } catch (e) { /* too many history calls: storage has it */ }
    }
    function read(key) {
      var kept = memory[key] || null;
      if (store) {
        try {
          var raw = store.getItem(key);
          kept = raw === null ? null : entry(JSON.parse(raw));
        } catch (e) { kept = null; }
      }
      var state = (historyState().lifeboat || {})[key];
      if (state && typeof state.saved === "number" && (!kept || state.saved > kept.saved)) {
        put(key, state);
        kept = state;
      }
      return kept ? kept.value : null;
    }
    return {
      read: read,
      write: function (key, value) { put(key, { saved: Date.now(), value: value }); },
      state: historyState,
      mark: mark,
    };
  })();
  var now = new Date();
  var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  function daysTo(iso) {
    var p = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return p ? Math.round((Date.UTC(+p[1], +p[2] - 1, +p[3]) - today) / 86400000) : NaN;
  }
  document.querySelectorAll("time.relative[datetime]").forEach(function (el) {
    var d = daysTo(el.getAttribute("datetime"));
    if (isNaN(d)) { return; }
    var s = document.createElement("span");
    s.className = "relative-days";
    s.textContent = " " + (d === 0 ? tr("js-today") : d > 0 ? tr("js-in-days", { n: d }) : tr("js-days-ago", { n: -d }));
    el.parentNode.insertBefore(s, el.nextSibling);
  });
  document.querySelectorAll("[data-show-after]").forEach(function (el) {
    if (daysTo(el.getAttribute("data-show-after")) < 0) { el.hidden = false; }
  });

  // Offline copy: only where service workers exist (HTTPS or localhost), never on
  // file:// nor in the single file, nor under `lifeboat serve` (which shows each
  // edit live: its script, added after this one, carries data-generation).
  var me = document.currentScript;
  var http = /^https?:$/.test(location.protocol);
  if (http && me && "serviceWorker" in navigator &&
      !document.documentElement.hasAttribute("data-single-file")) {
    window.addEventListener("load", function () {
      if (!document.querySelector("script[data-generation]")) { offline(); }
    });
  }
  function offline() {
    var root = me.getAttribute("src").replace(/lifeboat\.js$/, "");
    var scope = new URL(root || "./", location.href).href;
    var showOffline = function () {
      var el = document.querySelector(".offline-status");
      if (!el || !window.caches) { return; }
      caches.keys().then(function (keys) {
        // A copy is named "lifeboat-" + version + " " + build time + " " + scope.
        var held = keys.filter(function (k) {
          return k.indexOf("lifeboat-") === 0 && k.slice(k.lastIndexOf(" ") + 1) === encodeURIComponent(scope);
        }).pop();
        if (!held) { return; }
        var about = held.slice("lifeboat-".length).split(" ");
        var v = decodeURIComponent(about[0] || "");
        el.textContent = " · " + (about[1]
          ? tr("js-offline-copy-built", { version: v, built: decodeURIComponent(about[1]) })
          : tr("js-offline-copy", { version: v }));
        el.hidden = false;
      }).catch(function () { /* storage off */ });
    };
    navigator.serviceWorker.register(root + "sw.js").then(function () {
      return navigator.serviceWorker.ready;
    }).then(showOffline).catch(function () { /* no offline copy */ });
    navigator.serviceWorker.addEventListener("message", function (e) {
      if (e.data && e.data.type === "lifeboat-cached") { showOffline(); }
    });
  }
  // A page whose layout (a plan's override of layout.html) leaves out a script its
  // content needs gets it here.
  if (me && !document.documentElement.hasAttribute("data-single-file")) {
    var base = me.getAttribute("src").replace(/lifeboat\.js$/, "");
    var complete = function () {
      [[".checklist", "checklist.js"], [".log-app", "log.js"], ["#lb-search", "search.js"], [".fill-in", "fill-in.js"]]
        .forEach(function (need) {
          if (!document.querySelector(need[0]) || document.querySelector("script[src$='" + need[1] + "']")) { return; }
          var s = document.createElement("script");
          s.src = base + need[1];
          document.body.appendChild(s);
        });
    };
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", complete);
    } else {
      complete();
    }
  }
  document.documentElement.setAttribute("data-lifeboat", "ready");
})();

// lifeboat serve: reloads the page when a new build is live, keeping the reader's
// place; shows the errors of a failed build over the last good one, and takes them
// away when the plan is fixed. Served with pages by `lifeboat serve` only, never
// part of a built site. Its address comes from the page's own location.
(function () {
  "use strict";
  var me = document.currentScript;
  var generation = me ? me.getAttribute("data-generation") : "";
  var version = me ? me.getAttribute("data-version") : "0";
  var key = "lifeboat-serve-scroll:" + location.pathname;
  // The place kept across the reload.
  try {
    var saved = sessionStorage.getItem(key);
    if (saved !== null) {
      sessionStorage.removeItem(key);
      var y = parseInt(saved, 10);
      var restore = function () { window.scrollTo(0, y); };
      if (document.readyState === "complete") { restore(); } else { window.addEventListener("load", restore); }
    }
  } catch (e) { /* storage off */ }
  function reload() {
    try { sessionStorage.setItem(key, String(window.scrollY || 0)); } catch (e) { /* storage off */ }
    location.reload();
  }
  function overlay(errors) {
    var old = document.getElementById("lifeboat-overlay");
    if (old) { old.parentNode.removeChild(old); }
    if (!errors || !errors.length) { return; }
    var box = document.createElement("div");
    box.id = "lifeboat-overlay";
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
      "background:#fff5f5;color:#000;border-top:4px solid #b00;padding:12px 16px;font:14px/1.4 system-ui,sans-serif;" +
      "box-shadow:0 -4px 16px rgba(0,0,0,.2)";
    var title = document.createElement("strong");
    title.textContent = "The plan has errors: this is the last version that built.";
    box.appendChild(title);
    box.appendChild(document.createTextNode(" Fix them and the page updates by itself."));
    var list = document.createElement("ul");
    errors.forEach(function (e) {
      var li = document.createElement("li");
      var place = e.file ? e.file + (e.line ? ":" + e.line + (e.column ? ":" + e.column : "") : "") : "";
      li.textContent = e.severity + "[" + e.code + "] " + place + " " + e.message;
      list.appendChild(li);
    });
    box.appendChild(list);
    document.body.appendChild(box);
  }
  var delay = 500;
  function wait() {
    fetch(location.origin + "/_lifeboat/wait?v=" + encodeURIComponent(version) +
      "&g=" + encodeURIComponent(generation || ""), { cache: "no-store" })
      .then(function (r) {
        if (!r.ok) { throw new Error("status " + r.status); }
        return r.json();
      })
      .then(function (s) {
        delay = 500;
        if (s.generation !== generation) { reload(); return; }
        version = String(s.version);
        overlay(s.errors);
        wait();
      })
      .catch(function () {
        // The server is gone or busy: ask again, less often, until it is back.
        setTimeout(wait, delay);
        delay = Math.min(delay * 2, 5000);
      });
  }
  wait();
})();

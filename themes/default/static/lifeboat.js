// lifeboat: ticked runbook steps are kept when the page is opened again (in this browser only).
(function () {
  "use strict";
  var steps = document.querySelectorAll("input.step");
  var key = "lifeboat:" + location.pathname;
  var store = null;
  try { store = window.localStorage; store.getItem(key); } catch (e) { store = null; }
  function save() {
    if (!store) { return; }
    var ticked = [];
    steps.forEach(function (s, i) { if (s.checked) { ticked.push(i); } });
    try { store.setItem(key, JSON.stringify(ticked)); } catch (e) { /* storage full or off */ }
  }
  if (steps.length && store) {
    var saved = null;
    try { saved = JSON.parse(store.getItem(key) || "null"); } catch (e) { saved = null; }
    if (Array.isArray(saved)) {
      steps.forEach(function (s, i) { s.checked = saved.indexOf(i) >= 0; });
    }
    steps.forEach(function (s) { s.addEventListener("change", save); });
    var reset = document.querySelector("button.reset-steps");
    if (reset) {
      reset.hidden = false;
      reset.addEventListener("click", function () {
        steps.forEach(function (s) { s.checked = false; });
        save();
      });
    }
  }
  // Dates are printed as dates; how far each is from today is said here, in the
  // reader's browser, since the site is read long after it was built.
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
    var n = Math.abs(d) + (Math.abs(d) === 1 ? " day" : " days");
    s.textContent = d === 0 ? " (today)" : d > 0 ? " (in " + n + ")" : " (" + n + " ago)";
    el.parentNode.insertBefore(s, el.nextSibling);
  });
  document.querySelectorAll("[data-show-after]").forEach(function (el) {
    if (daysTo(el.getAttribute("data-show-after")) < 0) { el.hidden = false; }
  });
  document.documentElement.setAttribute("data-lifeboat", "ready");
})();

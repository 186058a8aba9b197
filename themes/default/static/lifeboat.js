// lifeboat: ticked runbook steps survive a reload (kept in this browser only).
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
  document.documentElement.setAttribute("data-lifeboat", "ready");
})();

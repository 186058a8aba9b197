// lifeboat: runbooks as live checklists. Every numbered step and task item can be
// ticked; each tick keeps its time. Ticks are kept in this browser per plan, plan
// version and runbook (a new version of the plan starts clean), are there when the page is opened again,
// and can be cleared. A clock shows the time since the first tick against the
// runbook's estimate. The first tick also notes "runbook started" in the incident log.
(function () {
  "use strict";
  var tr = window.lifeboatTr || function (id) { return id; };
  var keep = window.lifeboatStore || { read: function () { return null; }, write: function () {} };
  var body = document.body;
  var plan = body.getAttribute("data-plan") || "";
  var version = body.getAttribute("data-plan-version") || "";
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function hhmm(ms) { var d = new Date(ms); return pad(d.getHours()) + ":" + pad(d.getMinutes()); }
  function minutes(m) {
    m = Math.max(0, Math.round(m));
    // One piece on a line: "(environ 3" ended a line and "h 30 min)" began the next.
    var text = m < 60 ? tr("js-minutes", { n: m }) : tr("js-hours-minutes", { h: Math.floor(m / 60), m: pad(m % 60) });
    return text.replace(/ /g, "\u00a0");
  }
  var read = keep.read;
  var write = keep.write;
  function logStarted(title) {
    var key = "lifeboat:log:" + plan;
    var log = read(key);
    if (!Array.isArray(log)) { log = []; }
    log.push({ t: Date.now(), text: tr("js-runbook-started", { title: title }), auto: true });
    write(key, log);
  }

  document.querySelectorAll(".checklist[data-runbook]").forEach(function (list) {
    var id = list.getAttribute("data-runbook");
    var key = "lifeboat:ticks:" + plan + ":" + version + ":" + id;
    var estimate = parseInt(list.getAttribute("data-estimated") || "", 10);
    var title = (list.closest("section.print-section, .sf-page, main") || document).querySelector("h1");
    title = title ? title.textContent.trim() : id;
    // Numbered steps get a box of their own (task items have one already).
    list.querySelectorAll("ol > li").forEach(function (li) {
      // A step that is itself a task item (`2. - [ ] …`) has its box already.
      if (li.closest(".outline") || li.querySelector(":scope > input.step, :scope > ul:first-child > li:first-child > input.step")) { return; }
      var box = document.createElement("input");
      box.type = "checkbox";
      box.className = "step";
      // A space after it, as after a task item's box: the text of every step
      // starts at the same distance from its box.
      li.insertBefore(document.createTextNode(" "), li.firstChild);
      li.insertBefore(box, li.firstChild);
    });
    var steps = Array.prototype.slice.call(list.querySelectorAll("input.step"));
    if (!steps.length) { return; }
    steps.forEach(function (box) {
      var text = (box.parentNode.textContent || "").trim().replace(/\s+/g, " ");
      if (text.length > 80) { text = text.slice(0, 77) + "…"; }
      box.setAttribute("aria-label", tr("js-step-done", { step: text || tr("js-step") }));
    });
    var tools = document.querySelector('.checklist-tools[data-for="' + id.replace(/["\\]/g, "\\$&") + '"]');
    var clock = tools ? tools.querySelector(".runbook-clock") : null;
    var reset = tools ? tools.querySelector("button.reset-steps") : null;
    var ticks = read(key);
    if (!ticks || typeof ticks !== "object") { ticks = null; }

    function show(box, i) {
      var stamp = box.parentNode.querySelector(":scope > time.tick-time");
      var at = ticks && ticks[i];
      if (box.checked && at) {
        if (!stamp) {
          stamp = document.createElement("time");
          stamp.className = "tick-time";
          box.parentNode.insertBefore(stamp, box.nextSibling);
        }
        stamp.dateTime = new Date(at).toISOString();
        stamp.textContent = hhmm(at);
      } else if (stamp) {
        stamp.remove();
      }
    }
    function tick() {
      if (!clock) { return; }
      var times = ticks ? Object.keys(ticks).map(function (k) { return ticks[k]; }) : [];
      if (!times.length) {
        clock.textContent = isNaN(estimate) ? tr("js-tick-each-step") : tr("js-tick-each-step-about", { time: minutes(estimate) });
        clock.classList.remove("over");
        return;
      }
      var first = Math.min.apply(null, times);
      var done = steps.filter(function (b) { return b.checked; }).length;
      var took = (Date.now() - first) / 60000;
      var text = tr("js-started-ago", { time: hhmm(first), took: minutes(took) });
      if (!isNaN(estimate)) { text += " " + tr("js-estimated", { time: minutes(estimate) }); }
      clock.textContent = text + ". " + tr("js-steps-done", { done: done, total: steps.length });
      clock.classList.toggle("over", !isNaN(estimate) && took > estimate);
    }
    if (ticks) {
      steps.forEach(function (box, i) { box.checked = Object.prototype.hasOwnProperty.call(ticks, i); show(box, i); });
    }
    steps.forEach(function (box, i) {
      box.addEventListener("change", function () {
        var fresh = !ticks || !Object.keys(ticks).length;
        if (!ticks) { ticks = {}; }
        if (box.checked) { ticks[i] = Date.now(); } else { delete ticks[i]; }
        if (fresh && box.checked) { logStarted(title); }
        write(key, ticks);
        show(box, i);
        tick();
      });
    });
    if (tools) { tools.hidden = false; }
    if (reset) {
      reset.addEventListener("click", function () {
        ticks = {};
        steps.forEach(function (box, i) { box.checked = false; show(box, i); });
        write(key, ticks);
        tick();
      });
    }
    tick();
    setInterval(tick, 20000);
  });
})();

// lifeboat: the incident log. Entries (time, text, who) are kept in this browser's
// storage for the plan, survive restarts, and export as text or Markdown to paste
// into the ticket afterwards. Runbook checklists add "runbook started" entries.
(function () {
  "use strict";
  var tr = window.lifeboatTr || function (id) { return id; };
  var app = document.querySelector(".log-app");
  if (!app) { return; }
  var store = null;
  try { store = window.localStorage; store.getItem("lifeboat"); } catch (e) { store = null; }
  var memory = [];
  var keep = window.lifeboatStore || { read: function () { return memory; }, write: function (k, v) { memory = v; } };
  var plan = document.body.getAttribute("data-plan") || "";
  var version = document.body.getAttribute("data-plan-version") || "";
  var key = "lifeboat:log:" + plan;
  function load() {
    var v = keep.read(key);
    return Array.isArray(v) ? v : [];
  }
  function save(entries) { keep.write(key, entries); }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function stamp(ms) {
    var d = new Date(ms);
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " +
      pad(d.getHours()) + ":" + pad(d.getMinutes());
  }
  var list = app.querySelector(".log-entries");
  var empty = app.querySelector(".log-empty");
  var text = document.getElementById("log-text");
  var who = document.getElementById("log-who");
  try { who.value = (store && store.getItem("lifeboat:log-who")) || ""; } catch (e) { /* off */ }

  function draw() {
    var entries = load();
    list.textContent = "";
    entries.forEach(function (e) {
      var li = document.createElement("li");
      var t = document.createElement("time");
      t.dateTime = new Date(e.t).toISOString();
      t.textContent = stamp(e.t);
      li.appendChild(t);
      li.appendChild(document.createTextNode(" " + e.text + (e.who ? " (" + e.who + ")" : "")));
      list.appendChild(li);
    });
    empty.hidden = entries.length > 0;
  }
  function add(entry) {
    if (!entry.trim()) { return; }
    var entries = load();
    var by = who.value.trim();
    entries.push({ t: Date.now(), text: entry.trim(), who: by || undefined });
    save(entries);
    if (store) { try { store.setItem("lifeboat:log-who", by); } catch (e) { /* off */ } }
    draw();
  }
  app.querySelector(".log-add-button").addEventListener("click", function () {
    add(text.value);
    text.value = "";
    text.focus();
  });
  text.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); add(text.value); text.value = ""; }
  });
  app.querySelectorAll("button[data-entry]").forEach(function (b) {
    b.addEventListener("click", function () { add(b.getAttribute("data-entry")); });
  });
  var pick = document.getElementById("log-runbook");
  var started = app.querySelector(".log-runbook-start");
  if (pick && started) {
    started.addEventListener("click", function () { add(tr("js-runbook-started", { title: pick.value })); });
  }
  function asText(markdown) {
    var entries = load();
    var name = app.querySelector(".log-plan");
    var head = (markdown ? "# " : "") + tr("js-log-title", { plan: name ? name.textContent : "", version: version });
    var lines = [head, ""];
    if (markdown) {
      lines.push("| " + tr("log-time") + " | " + tr("log-decision") + " | " + tr("log-by") + " |", "| --- | --- | --- |");
      entries.forEach(function (e) {
        var cell = function (s) { return String(s || "").replace(/\|/g, "\\|").replace(/\s+/g, " "); };
        lines.push("| " + stamp(e.t) + " | " + cell(e.text) + " | " + cell(e.who) + " |");
      });
    } else {
      entries.forEach(function (e) { lines.push(stamp(e.t) + "  " + e.text + (e.who ? " (" + e.who + ")" : "")); });
    }
    return lines.join("\n") + "\n";
  }
  var out = document.getElementById("log-out");
  var outLabel = app.querySelector(".log-out-label");
  app.querySelectorAll("button[data-export]").forEach(function (b) {
    b.addEventListener("click", function () {
      var value = asText(b.getAttribute("data-export") === "markdown");
      out.value = value;
      out.hidden = false;
      outLabel.hidden = false;
      out.focus();
      out.select();
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(value).catch(function () { /* selected for copying instead */ });
      }
    });
  });
  var download = app.querySelector(".log-download");
  download.addEventListener("click", function () {
    var blob = new Blob([asText(true)], { type: "text/markdown" });
    var a = document.createElement("a");
    a.download = "incident-log.md";
    a.href = URL.createObjectURL(blob);
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
  app.querySelector(".log-clear").addEventListener("click", function () {
    var entries = load();
    if (!entries.length) { return; }
    // The old log stays in storage under its date, never silently lost.
    if (store) { try { store.setItem(key + ":" + Date.now(), JSON.stringify(entries)); } catch (e) { /* full */ } }
    save([]);
    draw();
  });
  window.addEventListener("storage", function (e) { if (e.key === key) { draw(); } });
  app.hidden = false;
  draw();
})();

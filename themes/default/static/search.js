// lifeboat: search the plan from any page, also from file:// (the index is a classic
// script, search-index.js, added when the box is first used; typing goes on while it
// loads). Words are folded as the index folds them: lower case, accents off. A
// phone fragment ("555 0126", "5550126") is matched against the digits of every
// number. "/" focuses the box; arrows choose a result and Enter opens it.
(function () {
  "use strict";
  var tr = window.lifeboatTr || function (id) { return id; };
  var box = document.getElementById("lb-search");
  var list = document.getElementById("lb-search-results");
  if (!box || !list) { return; }
  var wrap = box.closest(".search");
  if (wrap) { wrap.hidden = false; }
  var me = document.currentScript || document.querySelector("script[src$='search.js']");
  var root = me && me.getAttribute("src") ? me.getAttribute("src").replace(/search\.js$/, "") : "";
  var single = document.documentElement.hasAttribute("data-single-file");
  var index = null, loading = false, active = -1, decoded = {};

  function load() {
    if (index || loading) { return; }
    if (window.lifeboatIndex) { prepare(); return; }
    loading = true;
    var s = document.createElement("script");
    s.src = root + "search-index.js";
    s.onload = function () { loading = false; prepare(); };
    s.onerror = function () { loading = false; status(tr("js-search-unavailable")); };
    document.head.appendChild(s);
  }
  function prepare() {
    index = window.lifeboatIndex || null;
    if (index) { run(); }
  }

  var special = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i" };
  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")
      .replace(/[ßæœøłđðþı]/g, function (c) { return special[c]; });
  }
  // Runs of letters and digits, folded.
  function runs(s) { return fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean); }
  // Chinese and Japanese put no space between words: the index holds their letters
  // two side by side (and each run's last alone), and a query is split into the same
  // pairs (src/render/search_index/words.rs, `unspaced`, names the same letters); a
  // letter alone is looked up as the start of a pair.
  var CJK = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f";
  var unspaced = new RegExp("[" + CJK + "]");
  var pieces = new RegExp("[" + CJK + "]+|[^" + CJK + "]+", "g");
  function words(s) {
    var out = [];
    runs(s).forEach(function (run) {
      run.match(pieces).forEach(function (p) {
        if (!unspaced.test(p) || p.length === 1) { out.push(p); return; }
        for (var i = 0; i + 1 < p.length; i++) { out.push(p.slice(i, i + 2)); }
      });
    });
    return out;
  }

  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  // The hits of word i: {title: Map target->weight, body: array of targets}.
  function hits(i) {
    if (decoded[i]) { return decoded[i]; }
    var p = index.p[i], bar = p.indexOf("|"), high = new Map(), body = [], t = 0;
    if (bar > 0) {
      p.slice(0, bar).split(",").forEach(function (x) {
        var n = parseInt(x, 36); t += n >> 1; high.set(t, n & 1 ? 3 : 2);
      });
    }
    var rest = p.slice(bar + 1);
    if (rest.charAt(0) === "~") {
      for (var c = 1; c < rest.length; c++) {
        var v = DIGITS.indexOf(rest.charAt(c));
        for (var b = 0; b < 6; b++) { if (v & (1 << b)) { body.push((c - 1) * 6 + b); } }
      }
    } else if (rest) {
      t = 0;
      rest.split(",").forEach(function (x) { t += parseInt(x, 36); body.push(t); });
    }
    return (decoded[i] = { high: high, body: body });
  }
  // Index of the first word >= w (words are sorted as JavaScript compares).
  function lower(w) {
    var lo = 0, hi = index.w.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (index.w[mid] < w) { lo = mid + 1; } else { hi = mid; } }
    return lo;
  }
  // target -> score for one query word: exact words count more than longer ones.
  function scoreWord(q, prefix) {
    var scores = new Map();
    var i = lower(q), seen = 0;
    for (; i < index.w.length && seen < 60; i++) {
      var w = index.w[i];
      if (w !== q && !(prefix && w.lastIndexOf(q, 0) === 0)) { break; }
      seen++;
      var exact = w === q ? 1 : 0.6, h = hits(i);
      h.high.forEach(function (weight, t) {
        var s = (weight === 3 ? 30 : 10) * exact;
        if ((scores.get(t) || 0) < s) { scores.set(t, s); }
      });
      for (var k = 0; k < h.body.length; k++) {
        var s2 = 3 * exact, t2 = h.body[k];
        if ((scores.get(t2) || 0) < s2) { scores.set(t2, s2); }
      }
    }
    return scores;
  }
  // Digits of a number as a reader dials it: at home with the trunk 0 (07700 900001,
  // 052-123-4567), abroad with 00; the index holds the plan's +44 7700 900001.
  function dialled(d) {
    var tries = [d], national = /^00/.test(d) ? d.slice(2) : /^0/.test(d) ? d.slice(1) : "";
    if (national.length >= 3) { tries.push(national); }
    return tries;
  }
  // The digits of a query that is a number and nothing else (null for any other query).
  function phoneQuery(raw) {
    var d = raw.replace(/\D/g, "");
    return /^[\d\s+\-().\/]+$/.test(raw) && d.length >= 3 ? d : null;
  }
  function phoneScores(d) {
    var scores = new Map();
    var first = firstTargets();
    var tries = dialled(d);
    for (var i = 0; i < index.d.length; i++) {
      var nums = index.d[i][4];
      if (nums && tries.some(function (x) { return nums.indexOf(x) >= 0; })) { scores.set(first[i], 40); }
    }
    return scores;
  }
  var firsts = null;
  function firstTargets() {
    if (firsts) { return firsts; }
    firsts = [];
    for (var t = 0; t < index.t.length; t++) {
      var d = index.t[t][0];
      if (firsts[d] === undefined) { firsts[d] = t; }
    }
    return firsts;
  }

  function search(query) {
    var raw = query.trim();
    if (!raw) { return []; }
    var parts = [];
    var phone = phoneQuery(raw);
    if (phone) {
      parts.push(phoneScores(phone));
    } else {
      var ws = words(raw);
      ws.forEach(function (w, n) {
        // A letter of Chinese or Japanese alone is found before another one too.
        var s = scoreWord(w, n === ws.length - 1 || w.length > 2 || (w.length === 1 && unspaced.test(w)));
        if (/^\d{3,}$/.test(w)) {
          phoneScores(w).forEach(function (v, t) { if ((s.get(t) || 0) < v) { s.set(t, v); } });
        }
        parts.push(s);
      });
    }
    if (!parts.length) { return []; }
    // Every word must be found in the item (anywhere in it); the best target of the
    // item is where the link goes.
    var byDoc = new Map();
    parts.forEach(function (scores, n) {
      scores.forEach(function (s, t) {
        var d = index.t[t][0];
        var e = byDoc.get(d);
        if (!e) { e = { best: [], targets: new Map() }; byDoc.set(d, e); }
        if ((e.best[n] || 0) < s) { e.best[n] = s; }
        e.targets.set(t, (e.targets.get(t) || 0) + s);
      });
    });
    var out = [];
    byDoc.forEach(function (e, d) {
      for (var n = 0; n < parts.length; n++) { if (!e.best[n]) { return; } }
      var score = e.best.reduce(function (a, b) { return a + b; }, 0);
      var bestT = -1, bestS = -1;
      e.targets.forEach(function (s, t) {
        // The item itself when it matched as well as a section; else the section.
        if (s > bestS || (s === bestS && t < bestT)) { bestS = s; bestT = t; }
      });
      var kind = index.d[d][0];
      if (kind === 8) { score += 1; } // runbooks first among equals
      out.push({ doc: d, target: bestT, score: score });
    });
    out.sort(function (a, b) { return b.score - a.score || index.d[a.doc][1].localeCompare(index.d[b.doc][1]); });
    return out.slice(0, 20);
  }

  function href(r) {
    var doc = index.d[r.doc], t = index.t[r.target], page = doc[2], anchor = t[1];
    if (!single) { return root + page + (anchor ? "#" + anchor : ""); }
    // The single file: each page is a part of this document; prose anchors carry
    // the item's id, as in print.html.
    var hash = page.indexOf("#");
    if (hash >= 0) { return page.slice(hash); }
    if (anchor) { return "#" + page.replace(/^.*\//, "").replace(/\.html$/, "") + "--" + anchor; }
    if (page === "print.html") { page = "index.html"; }
    return "#page-" + page.replace(/\.html$/, "").replace(/\//g, "-");
  }
  // Text with the query's words marked, built as DOM nodes (never as HTML).
  function marked(text, qs) {
    var frag = document.createDocumentFragment();
    if (!qs.length) { frag.appendChild(document.createTextNode(text)); return frag; }
    var folded = fold(text);
    // Folding may change lengths (ß -> ss); mark only when it did not.
    if (folded.length !== text.length) { frag.appendChild(document.createTextNode(text)); return frag; }
    var at = 0;
    // A word begins after a letter or digit only in Chinese or Japanese.
    var re = new RegExp("(^|[^\\p{L}\\p{N}]|(?=[" + CJK + "]))(" + qs.map(function (q) {
      return q.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|") + ")", "gu");
    var m;
    while ((m = re.exec(folded))) {
      var start = m.index + m[1].length, end = start + m[2].length;
      if (start > at) { frag.appendChild(document.createTextNode(text.slice(at, start))); }
      var mk = document.createElement("mark");
      mk.textContent = text.slice(start, end);
      frag.appendChild(mk);
      at = end;
      if (m[0].length === 0) { re.lastIndex++; }
    }
    if (at < text.length) { frag.appendChild(document.createTextNode(text.slice(at))); }
    return frag;
  }
  // Text with a number marked whole where its digits are those of the query, as
  // dialled ("052-123-4002" marks "52-123-4002" in "+81 52-123-4002").
  function markedNumber(text, tries) {
    var frag = document.createDocumentFragment(), done = 0, m;
    var numbers = /\d(?:[\d\s().\/-]*\d)?/g;
    while ((m = numbers.exec(text))) {
      var digits = "", at = [];
      for (var j = 0; j < m[0].length; j++) {
        if (/\d/.test(m[0][j])) { digits += m[0][j]; at.push(m.index + j); }
      }
      var t = tries.filter(function (x) { return digits.indexOf(x) >= 0; })[0];
      if (!t) { continue; }
      var k = digits.indexOf(t), start = at[k], end = at[k + t.length - 1] + 1;
      if (start > done) { frag.appendChild(document.createTextNode(text.slice(done, start))); }
      var mk = document.createElement("mark");
      mk.textContent = text.slice(start, end);
      frag.appendChild(mk);
      done = end;
    }
    if (done < text.length) { frag.appendChild(document.createTextNode(text.slice(done))); }
    return frag;
  }
  function status(text) {
    list.textContent = "";
    var li = document.createElement("li");
    li.className = "search-status";
    li.textContent = text;
    list.appendChild(li);
    list.hidden = false;
  }
  function run() {
    var q = box.value;
    active = -1;
    if (!q.trim()) { list.textContent = ""; list.hidden = true; return; }
    if (!index) { status(tr("js-search-loading")); load(); return; }
    var results = search(q);
    var personal = privateHits(q);
    list.textContent = "";
    list.hidden = false;
    personal.forEach(function (p) { list.appendChild(p); });
    if (!results.length && !personal.length) { status(tr("js-search-nothing", { query: q.trim() })); return; }
    var qs = runs(q), phone = phoneQuery(q.trim());
    var mark = phone ? function (text) { return markedNumber(text, dialled(phone)); }
      : function (text) { return marked(text, qs); };
    results.forEach(function (r, n) {
      var doc = index.d[r.doc], t = index.t[r.target];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = href(r);
      a.id = "lb-result-" + n;
      var kind = document.createElement("span");
      kind.className = "result-kind";
      kind.textContent = index.k[doc[0]];
      var title = document.createElement("span");
      title.className = "result-title";
      title.appendChild(mark(doc[1]));
      a.appendChild(kind);
      a.appendChild(title);
      if (t[2]) {
        var sec = document.createElement("span");
        sec.className = "result-section";
        sec.appendChild(mark(t[2]));
        a.appendChild(sec);
      }
      // A number searched: the item's facts, which show its number.
      var text = (phone && doc[3]) || t[3] || doc[3];
      if (text) {
        var snip = document.createElement("span");
        snip.className = "result-snippet";
        snip.appendChild(mark(text));
        a.appendChild(snip);
      }
      li.appendChild(a);
      list.appendChild(li);
    });
  }
  // An encrypted build, unlocked in this session (unlock.js sets the values): a
  // query of digits also finds private numbers.
  function privateHits(q) {
    var values = window.lifeboatUnlocked, out = [];
    var digits = phoneQuery(q.trim());
    if (!values || !values.contacts || !digits) { return out; }
    var tries = dialled(digits);
    Object.keys(values.contacts).forEach(function (id) {
      var v = values.contacts[id];
      ["home_phone", "personal_mobile"].forEach(function (k) {
        var own = v[k] ? v[k].replace(/\D/g, "") : "";
        if (!tries.some(function (x) { return own.indexOf(x) >= 0; })) { return; }
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = single ? "#page-contacts-" + id : root + "contacts/" + id + ".html";
        var kind = document.createElement("span");
        kind.className = "result-kind";
        kind.textContent = tr("js-private-result");
        var title = document.createElement("span");
        title.className = "result-title";
        title.textContent = (v.name || id) + ": " + v[k];
        a.appendChild(kind);
        a.appendChild(title);
        li.appendChild(a);
        out.push(li);
      });
    });
    return out;
  }
  function links() { return list.querySelectorAll("a"); }
  function move(step) {
    var ls = links();
    if (!ls.length) { return; }
    active = (active + step + ls.length) % ls.length;
    ls.forEach(function (a, n) { a.classList.toggle("active", n === active); });
    ls[active].scrollIntoView({ block: "nearest" });
    box.setAttribute("aria-activedescendant", ls[active].id);
  }
  box.addEventListener("focus", load);
  box.addEventListener("input", function () { load(); run(); });
  box.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { e.preventDefault(); move(1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
    else if (e.key === "Enter") {
      // Enter opens the result chosen with the arrows; before a choice it only
      // makes sure the list is up to date (the results stay in view).
      e.preventDefault();
      var a = active >= 0 ? links()[active] : null;
      if (a) { a.click(); if (single) { list.hidden = true; } } else { run(); }
    } else if (e.key === "Escape") { box.value = ""; run(); }
  });
  list.addEventListener("click", function (e) {
    if (single && e.target.closest("a")) { list.hidden = true; }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) { return; }
    var el = document.activeElement;
    if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) { return; }
    e.preventDefault();
    box.focus();
  });
})();

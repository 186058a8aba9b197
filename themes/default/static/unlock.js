// lifeboat: an encrypted build's private values (home and personal numbers), sealed
// in private.js (PBKDF2-SHA256 and AES-256-GCM), opened here with WebCrypto, which
// works from file://. The passphrase is never kept: the derived key is, in this
// tab's session storage, so that other pages of the copy open without asking again
// until the browser session ends; "Lock" forgets it.
(function () {
  "use strict";
  var tr = window.lifeboatTr || function (id) { return id; };
  var env = window.lifeboatPrivate;
  var places = document.querySelectorAll("[data-private-contact]");
  var form = document.getElementById("unlock");
  var subtle = window.crypto && window.crypto.subtle;
  if (!env || !subtle) { return; }
  var KEY = "lifeboat:private:" + (document.body.getAttribute("data-plan") || "") + ":" + env.salt;
  var store = null;
  try { store = window.sessionStorage; store.getItem(KEY); } catch (e) { store = null; }
  var keep = window.lifeboatStore;
  // The key kept in this tab, or null. It is kept with the time it was kept, and
  // "Lock" also marks the history entry with its time: Chromium now and then loses
  // a storage write made just before the page is loaded again, and a key that comes
  // back from before the mark is forgotten again, never used.
  function keptKey() {
    var raw = null;
    try { raw = store && store.getItem(KEY); } catch (e) { raw = null; }
    if (!raw) { return null; }
    var kept = null;
    try { kept = JSON.parse(raw); } catch (e) { kept = null; }
    if (!kept || typeof kept.key !== "string") { kept = { key: raw, at: 0 }; }
    var lockedAt = (keep && keep.state().lifeboatLocked) || 0;
    if (lockedAt && lockedAt >= (kept.at || 0)) {
      try { store.removeItem(KEY); } catch (e) { /* off */ }
      return null;
    }
    return kept.key;
  }
  if (!places.length || !form) {
    // A page without private values: unlocked in this session, search finds them.
    var key = keptKey();
    if (key) {
      subtle.importKey("raw", bytes(key), { name: "AES-GCM" }, false, ["decrypt"]).then(open)
        .then(function (values) { window.lifeboatUnlocked = values; }).catch(function () { /* locked */ });
    }
    return;
  }
  var status = form.querySelector(".unlock-status");
  var input = form.querySelector("input[type=password]");
  var locked = document.querySelector(".locked-note");

  function bytes(b64) {
    var s = atob(b64), out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) { out[i] = s.charCodeAt(i); }
    return out;
  }
  function text64(buf) {
    var a = new Uint8Array(buf), s = "";
    for (var i = 0; i < a.length; i++) { s += String.fromCharCode(a[i]); }
    return btoa(s);
  }
  function derive(passphrase) {
    return subtle.importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveKey"])
      .then(function (base) {
        return subtle.deriveKey(
          { name: "PBKDF2", salt: bytes(env.salt), iterations: env.iterations, hash: "SHA-256" },
          base, { name: "AES-GCM", length: 256 }, true, ["decrypt"]);
      });
  }
  function open(key) {
    return subtle.decrypt({ name: "AES-GCM", iv: bytes(env.iv) }, key, bytes(env.data))
      .then(function (plain) { return JSON.parse(new TextDecoder().decode(plain)); });
  }
  // What a phone dials for a number as written, as the build's tel: links
  // (model::values::dialled): + and digits; a trunk (0) after the country code left
  // out; an extension ("ext. 22", "x22", ", 22") after a pause (",").
  var EXTENSION_WORDS = ["x", "ext", "extn", "extension", "dw", "durchwahl", "app", "poste", "toestel", "tst", "anexo", "ramal", "interno"];
  function dialled(number) {
    var first = number.search(/[\d+]/);
    number = first < 0 ? "" : number.slice(first);
    var end = number.search(/[\p{L},;]/u);
    if (end < 0) { end = number.length; }
    var main = number.slice(0, end);
    var rest = number.slice(end).replace(/^\s+/, "");
    var open = main.lastIndexOf("(");
    if (open >= 0 && main.indexOf(")", open) < 0) { main = main.slice(0, open); }
    main = main.replace(/\s/g, "");
    if (main.charAt(0) === "+") { main = "+" + main.slice(1).replace("(0)", ""); }
    var out = main.replace(/[^+\d]/g, "");
    var after = null;
    if (/^[,;]/.test(rest)) {
      after = rest.slice(1);
    } else {
      var word = /^[\p{L}.]*/u.exec(rest)[0];
      if (EXTENSION_WORDS.indexOf(word.replace(/\./g, "").toLowerCase()) >= 0) { after = rest.slice(word.length); }
    }
    if (after !== null) {
      var ext = /^[ :.,-]*([\d -]*)/.exec(after)[1].replace(/\D/g, "");
      if (ext) { out += "," + ext; }
    }
    return out;
  }
  function link(href, label, value) {
    var line = document.createElement("span");
    line.className = "private-value";
    var l = document.createElement("span");
    l.className = "muted";
    l.textContent = label + " ";
    line.appendChild(l);
    var a = document.createElement(href ? "a" : "span");
    if (href) { a.href = href; }
    if (href && href.indexOf("tel:") === 0) { a.className = "tel"; }
    a.textContent = value;
    line.appendChild(a);
    return line;
  }
  function show(values) {
    var contacts = (values && values.contacts) || {};
    places.forEach(function (el) {
      var v = contacts[el.getAttribute("data-private-contact")] || {};
      el.textContent = "";
      var parts = [];
      if (v.home_phone) { parts.push(link("tel:" + dialled(v.home_phone), tr("js-private-home"), v.home_phone)); }
      if (v.personal_mobile) { parts.push(link("tel:" + dialled(v.personal_mobile), tr("js-private-mobile"), v.personal_mobile)); }
      if (v.personal_email) { parts.push(link("mailto:" + v.personal_email, tr("js-private-email"), v.personal_email)); }
      if (v.home_address) { parts.push(link(null, tr("js-private-address"), v.home_address)); }
      parts.forEach(function (p) {
        el.appendChild(document.createElement("br"));
        el.appendChild(p);
      });
    });
    form.hidden = true;
    if (locked) { locked.hidden = false; }
    window.lifeboatUnlocked = values;
    document.documentElement.setAttribute("data-private", "open");
  }
  function hide(message) {
    places.forEach(function (el) { el.textContent = ""; });
    form.hidden = false;
    input.value = "";
    status.textContent = message || "";
    if (locked) { locked.hidden = true; }
    window.lifeboatUnlocked = null;
    document.documentElement.setAttribute("data-private", "locked");
  }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var passphrase = input.value;
    status.textContent = tr("js-unlock-working");
    derive(passphrase).then(function (key) {
      return open(key).then(function (values) {
        show(values);
        status.textContent = "";
        return subtle.exportKey("raw", key).then(function (raw) {
          if (store) { try { store.setItem(KEY, JSON.stringify({ key: text64(raw), at: Date.now() })); } catch (err) { /* off */ } }
        });
      });
    }).catch(function () {
      hide(tr("js-unlock-wrong"));
    });
  });
  if (locked) {
    locked.querySelector("button.lock").addEventListener("click", function () {
      if (store) { try { store.removeItem(KEY); } catch (err) { /* off */ } }
      if (keep) { keep.mark("lifeboatLocked", Date.now()); }
      hide(tr("js-locked"));
    });
  }
  var kept = keptKey();
  if (kept) {
    subtle.importKey("raw", bytes(kept), { name: "AES-GCM" }, false, ["decrypt"])
      .then(open).then(show).catch(function () {
        try { store.removeItem(KEY); } catch (err) { /* off */ }
        hide();
      });
  } else {
    hide();
  }
})();

// lifeboat: fill in a communication template. Each {{placeholder}} is typed once in
// the form and every place in the message takes it; the message can be copied; an
// SMS shows its length and how many messages (segments) it takes. Nothing is sent
// or stored anywhere: it works from file:// with no network.
(function () {
  "use strict";
  var tr = window.lifeboatTr || function (id) { return id; };
  document.querySelectorAll(".template-fill").forEach(setUp);
  function setUp(box) {
  var form = box.querySelector("form.fill-in");
  var message = box.querySelector(".message");
  var tools = box.querySelector(".message-tools");
  if (!message) { return; }
  // GSM 03.38: the basic set counts one character, the extension set two. Anything
  // else makes the whole message UCS-2.
  var GSM = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  var GSM_EXT = "^{}\\[~]|€\f";
  function smsCount(text) {
    var septets = 0, gsm = true, units = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      units++;
      if (GSM.indexOf(c) >= 0) { septets += 1; }
      else if (GSM_EXT.indexOf(c) >= 0) { septets += 2; }
      else { gsm = false; }
    }
    if (gsm) {
      return { chars: septets, encoding: "GSM-7", segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
    }
    // UCS-2 counts UTF-16 code units: what String.length counts.
    return { chars: units, encoding: "UCS-2", segments: units <= 70 ? 1 : Math.ceil(units / 67) };
  }
  function text() {
    return (message.innerText || message.textContent || "").replace(/\n{3,}/g, "\n\n").trim();
  }
  var count = box.querySelector(".sms-count");
  function update() {
    if (!count) { return; }
    var n = smsCount(text());
    count.textContent = tr("js-sms-count", { chars: n.chars, encoding: n.encoding, n: n.segments });
    count.setAttribute("data-chars", String(n.chars));
    count.setAttribute("data-segments", String(n.segments));
    count.setAttribute("data-encoding", n.encoding);
  }
  if (form) {
    form.hidden = false;
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.querySelectorAll("input[data-name]").forEach(function (input) {
      input.addEventListener("input", function () {
        var name = input.getAttribute("data-name");
        message.querySelectorAll(".placeholder[data-name]").forEach(function (p) {
          if (p.getAttribute("data-name") !== name) { return; }
          p.textContent = input.value === "" ? "{{" + name + "}}" : input.value;
          p.classList.toggle("filled", input.value !== "");
        });
        update();
      });
    });
  }
  if (tools) {
    tools.hidden = false;
    var status = tools.querySelector(".copy-status");
    var button = tools.querySelector("button.copy-message");
    button.addEventListener("click", function () {
      var t = text();
      function done(ok) { if (status) { status.textContent = ok ? tr("js-copied") : tr("js-copy-by-hand"); } }
      function fallback() {
        var area = document.createElement("textarea");
        area.value = t;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.appendChild(area);
        area.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        document.body.removeChild(area);
        done(ok);
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(t).then(function () { done(true); }, fallback);
      } else {
        fallback();
      }
    });
  }
  update();
  }
})();

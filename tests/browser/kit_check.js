#!/usr/bin/env node
// The communication kit in headless Chromium, as a printer and a reader see it. Run
// by tests/testsuite/browser.rs.
//
//   node kit_check.js SITE
//
// For cards/index.html (A4) and cards/letter.html (US Letter), printed to PDF with
// the page's own page size: every page has the sheet's size and there is one page a
// sheet; under print media every card face measures 85.60 x 53.98 mm (+-0.5 mm),
// no text in it is set smaller than 6 pt, no line of text overlaps another or the QR
// code, no text sticks out of the card or is clipped by a box (or an ellipsis), and
// every QR code's module is at least 0.4 mm, and the sheet's own words (how to
// print it) lie on the sheet. Then on each
// communication template with placeholders: typing a value fills every place of it,
// and an SMS counts its characters and segments as GSM 03.38 says. Prints one line
// per problem and a last line `sheets=N faces=N templates=N problems=N`.
'use strict';
const fs = require('fs');
const path = require('path');
const { launch, fileUrl, onlyLocal } = require('./common');

const site = process.argv[2];
if (!site) { console.error('usage: kit_check.js SITE'); process.exit(2); }
const watchdog = setTimeout(() => { console.error('watchdog: the browser hung'); process.exit(3); }, 240000);
const MM = 25.4 / 96;

// Page sizes of a PDF, in mm, from its /MediaBox entries (points).
function pdfPages(buf) {
  const text = buf.toString('latin1');
  const re = /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/g;
  const out = [];
  let m;
  while ((m = re.exec(text))) out.push([(m[3] - m[1]) * 25.4 / 72, (m[4] - m[2]) * 25.4 / 72]);
  return out;
}

// An independent count of SMS characters and segments (GSM 03.38 basic and
// extension sets, else UCS-2).
function sms(text) {
  const basic = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
  const ext = '^{}\\[~]|€\f';
  let septets = 0;
  for (const c of text) {
    if (basic.includes(c)) septets += 1;
    else if (ext.includes(c)) septets += 2;
    else { const units = text.length; return { chars: units, segments: units <= 70 ? 1 : Math.ceil(units / 67) }; }
  }
  return { chars: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}

(async () => {
  const browser = await launch();
  const problems = [];
  const context = await browser.newContext();
  await onlyLocal(context, null, (url) => problems.push(`request outside the site: ${url}`));
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  let sheetsSeen = 0, faces = 0;
  for (const [file, paper] of [['cards/index.html', [210, 297]], ['cards/letter.html', [215.9, 279.4]]]) {
    await page.goto(fileUrl(path.join(site, file)));
    await page.emulateMedia({ media: 'print' });
    const state = await page.evaluate(() => {
      const out = { faces: [], sheets: document.querySelectorAll('.sheet').length, qr: [] };
      for (const card of document.querySelectorAll('.card')) {
        const r = card.getBoundingClientRect();
        const small = [], outside = [], clipped = [], overlaps = [];
        // Every line of text on the face, as drawn: its box, its text, and its size.
        const lines = [];
        const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!n.textContent.trim() || n.parentElement.closest('svg')) continue;
          const el = n.parentElement;
          const cs = getComputedStyle(el);
          if (parseFloat(cs.fontSize) < 6 * 96 / 72 - 0.01) small.push(`"${n.textContent.trim().slice(0, 30)}" ${cs.fontSize}`);
          const range = document.createRange();
          range.selectNodeContents(n);
          for (const b of range.getClientRects()) {
            if (!b.width || !b.height) continue;
            const text = n.textContent.trim().slice(0, 30);
            lines.push({ b, text, node: n });
            // Inside the card, and inside every box between the text and the card
            // that clips what sticks out of it.
            if (b.left < r.left - 0.5 || b.right > r.right + 0.5 || b.top < r.top - 0.5 || b.bottom > r.bottom + 0.5) outside.push(text);
            for (let a = el; a && a !== card.parentElement; a = a.parentElement) {
              const acs = getComputedStyle(a);
              if (acs.overflow === 'visible' && acs.overflowX === 'visible' && acs.overflowY === 'visible') continue;
              const ab = a.getBoundingClientRect();
              if (b.left < ab.left - 0.5 || b.right > ab.right + 0.5 || b.top < ab.top - 0.5 || b.bottom > ab.bottom + 0.5) { clipped.push(`${text} by ${a.className}`); break; }
            }
            if (/ellipsis/.test(cs.textOverflow) && el.scrollWidth > el.clientWidth + 1) clipped.push(`${text} (ellipsis)`);
          }
        }
        // No two lines of text overlap (the boxes of one text node's lines are apart).
        for (let i = 0; i < lines.length; i++) {
          for (let j = i + 1; j < lines.length; j++) {
            const a = lines[i].b, b = lines[j].b;
            const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (w > 0.5 && h > 1.5) overlaps.push(`"${lines[i].text}" / "${lines[j].text}"`);
          }
        }
        // Nor does text overlap the QR code.
        for (const svg of card.querySelectorAll('svg.qr')) {
          const q = svg.getBoundingClientRect();
          for (const l of lines) {
            const w = Math.min(l.b.right, q.right) - Math.max(l.b.left, q.left);
            const h = Math.min(l.b.bottom, q.bottom) - Math.max(l.b.top, q.top);
            if (w > 0.5 && h > 0.5) overlaps.push(`"${l.text}" / the QR code`);
          }
          if (q.bottom > r.bottom + 0.5 || q.right > r.right + 0.5) outside.push('the QR code');
        }
        out.faces.push({ id: card.getAttribute('data-card'), w: r.width, h: r.height, small, outside, clipped, overlaps });
      }
      // The sheet's own words (how to print it, the ruler's label) are on the sheet.
      out.marks = [];
      for (const t of document.querySelectorAll('.sheet-marks text')) {
        const s = t.closest('.sheet').getBoundingClientRect();
        const b = t.getBoundingClientRect();
        if (b.left < s.left - 0.5 || b.right > s.right + 0.5 || b.top < s.top - 0.5 || b.bottom > s.bottom + 0.5) out.marks.push(t.textContent.slice(0, 40));
      }
      for (const svg of document.querySelectorAll('svg.qr')) {
        const side = svg.viewBox.baseVal.width;
        out.qr.push(svg.getBoundingClientRect().width / side);
      }
      return out;
    });
    sheetsSeen += state.sheets;
    faces += state.faces.length;
    if (state.faces.length === 0) problems.push(`${file}: no cards`);
    for (const m of state.marks.slice(0, 3)) problems.push(`${file}: the sheet's words run off the sheet: "${m}"`);
    for (const f of state.faces) {
      const w = f.w * MM, h = f.h * MM;
      if (Math.abs(w - 85.6) > 0.5 || Math.abs(h - 53.98) > 0.5) problems.push(`${file}: ${f.id} measures ${w.toFixed(2)} x ${h.toFixed(2)} mm`);
      if (f.small.length) problems.push(`${file}: ${f.id}: text under 6 pt: ${f.small.slice(0, 3).join(', ')}`);
      if (f.outside.length) problems.push(`${file}: ${f.id}: sticks out of the card: ${f.outside.slice(0, 3).join(', ')}`);
      if (f.clipped.length) problems.push(`${file}: ${f.id}: text clipped: ${f.clipped.slice(0, 3).join(', ')}`);
      if (f.overlaps.length) problems.push(`${file}: ${f.id}: texts overlap: ${f.overlaps.slice(0, 3).join(', ')}`);
    }
    for (const q of state.qr) if (q * MM < 0.4 - 0.005) problems.push(`${file}: a QR module of ${(q * MM).toFixed(3)} mm`);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const sizes = pdfPages(pdf);
    if (sizes.length !== state.sheets) problems.push(`${file}: ${sizes.length} PDF pages for ${state.sheets} sheets`);
    for (const [w, h] of sizes) {
      if (Math.abs(w - paper[0]) > 1 || Math.abs(h - paper[1]) > 1) problems.push(`${file}: a PDF page of ${w.toFixed(1)} x ${h.toFixed(1)} mm`);
    }
    if (process.env.KIT_PDF_DIR) fs.writeFileSync(path.join(process.env.KIT_PDF_DIR, path.basename(file, '.html') + '.pdf'), pdf);
  }
  // Communication templates: fill in once, every place takes it; SMS counts.
  await page.emulateMedia({ media: 'screen' });
  let templates = 0;
  const comms = path.join(site, 'comms');
  for (const name of fs.existsSync(comms) ? fs.readdirSync(comms).sort() : []) {
    if (!name.endsWith('.html') || name === 'index.html') continue;
    await page.goto(fileUrl(path.join(comms, name)));
    const inputs = page.locator('form.fill-in input[data-name]');
    const n = await inputs.count();
    if (n === 0) continue;
    templates += 1;
    if (!(await page.locator('form.fill-in').isVisible())) problems.push(`comms/${name}: the form is hidden`);
    for (let i = 0; i < n; i++) {
      const input = inputs.nth(i);
      const key = await input.getAttribute('data-name');
      const value = `Wert ${i} – ${'x'.repeat(i * 40)}`;
      await input.fill(value);
      const places = await page.evaluate((k) => [...document.querySelectorAll('.message .placeholder')]
        .filter((p) => p.getAttribute('data-name') === k).map((p) => p.textContent), key);
      if (!places.length || places.some((t) => t !== value)) problems.push(`comms/${name}: {{${key}}} not filled everywhere: ${JSON.stringify(places)}`);
    }
    const count = await page.evaluate(() => {
      const c = document.querySelector('.sms-count');
      if (!c) return null;
      const m = document.querySelector('.message');
      return { chars: +c.dataset.chars, segments: +c.dataset.segments, text: m.innerText.replace(/\n{3,}/g, '\n\n').trim() };
    });
    if (count) {
      const want = sms(count.text);
      if (want.chars !== count.chars || want.segments !== count.segments) {
        problems.push(`comms/${name}: SMS count ${count.chars}/${count.segments}, expected ${want.chars}/${want.segments}`);
      }
    }
  }
  await browser.close();
  clearTimeout(watchdog);
  for (const p of problems) console.log(p);
  console.log(`sheets=${sheetsSeen} faces=${faces} templates=${templates} problems=${problems.length}`);
  process.exit(problems.length ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });

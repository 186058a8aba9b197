#!/usr/bin/env node
// The communication kit in headless Chromium, as a printer and a reader see it. Run
// by tests/testsuite/browser.rs.
//
//   node kit_check.js SITE
//
// For cards/index.html (A4) and cards/letter.html (US Letter), printed to PDF with
// the page's own page size: every page has the sheet's size and there is one page a
// sheet; under print media every card face measures 85.60 x 53.98 mm (+-0.5 mm),
// nothing in it is set smaller than 6.5 pt, nothing sticks out of it or is cut off
// at its bottom, and every QR code's module is at least 0.4 mm. Then on each
// communication template with placeholders: typing a value fills every place of it,
// and an SMS counts its characters and segments as GSM 03.38 says. Prints one line
// per problem and a last line `sheets=N faces=N templates=N problems=N`.
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');

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
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  const problems = [];
  const context = await browser.newContext();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    problems.push(`request outside the site: ${url}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  let sheetsSeen = 0, faces = 0;
  for (const [file, paper] of [['cards/index.html', [210, 297]], ['cards/letter.html', [215.9, 279.4]]]) {
    await page.goto(pathToFileURL(path.join(site, file)).href);
    await page.emulateMedia({ media: 'print' });
    const state = await page.evaluate(() => {
      const out = { faces: [], sheets: document.querySelectorAll('.sheet').length, qr: [] };
      for (const card of document.querySelectorAll('.card')) {
        const r = card.getBoundingClientRect();
        const small = [], outside = [];
        for (const el of card.querySelectorAll('*')) {
          if (el.closest('svg')) continue;
          const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
          const cs = getComputedStyle(el);
          if (own && parseFloat(cs.fontSize) < 6.5 * 96 / 72 - 0.01) small.push(`${el.className || el.tagName} ${cs.fontSize}`);
          const e = el.getBoundingClientRect();
          if (e.width && (e.left < r.left - 0.5 || e.right > r.right + 0.5 || e.top < r.top - 0.5 || e.bottom > r.bottom + 0.5)) {
            outside.push(el.className || el.tagName);
          }
        }
        const text = card.querySelector('.card-text');
        out.faces.push({ id: card.getAttribute('data-card'), w: r.width, h: r.height, small, outside,
          cut: text ? text.scrollHeight > text.clientHeight + 1 : false });
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
    for (const f of state.faces) {
      const w = f.w * MM, h = f.h * MM;
      if (Math.abs(w - 85.6) > 0.5 || Math.abs(h - 53.98) > 0.5) problems.push(`${file}: ${f.id} measures ${w.toFixed(2)} x ${h.toFixed(2)} mm`);
      if (f.small.length) problems.push(`${file}: ${f.id}: text under 6.5 pt: ${f.small.slice(0, 3).join(', ')}`);
      if (f.outside.length) problems.push(`${file}: ${f.id}: sticks out of the card: ${f.outside.slice(0, 3).join(', ')}`);
      if (f.cut) problems.push(`${file}: ${f.id}: its text is cut off at the bottom`);
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
    await page.goto(pathToFileURL(path.join(comms, name)).href);
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

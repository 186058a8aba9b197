// Every word a reader meets on a built site, after the theme's scripts ran: the text
// of every page (and its <title>, labels, placeholders, button values, the text of
// log entries that one tap adds), the search with and without hits, a ticked
// runbook's clock, the incident log's export, a filled-in template's SMS count and
// copy status, and both freshness banners (the reader's clock set past them).
//   node text_check.js SITE OUT.json [--today YYYY-MM-DD] [--query WORD]
// Writes {"pages": n, "texts": [...]} (each text once) to OUT.json; the Rust test
// (tests/testsuite/language.rs) judges them.
'use strict';
const fs = require('fs');
const path = require('path');
const { launch, fileUrl, htmlPages, onlyLocal } = require('./common');

const [site, outFile, ...rest] = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : dflt;
};
const today = opt('--today', '2099-01-01');
const query = opt('--query', null);

function collect() {
  const out = [];
  const push = (s) => {
    const t = (s || '').replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
  };
  push(document.title);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement;
    if (!p || p.closest('script, style')) continue;
    // Text marked as another language than the page's (the check's own English
    // message on a German health page) is not the interface's.
    const marked = p.closest('[lang]');
    if (marked && marked !== document.documentElement && marked.getAttribute('lang') !== document.documentElement.lang) continue;
    // Names that are no language's (diagnostic codes, the command's name).
    if (p.closest('[translate="no"]')) continue;
    push(n.textContent);
  }
  for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], [alt], [data-entry], [data-label]')) {
    for (const a of ['aria-label', 'placeholder', 'title', 'alt', 'data-entry', 'data-label']) {
      if (el.hasAttribute(a)) push(el.getAttribute(a));
    }
  }
  for (const el of document.querySelectorAll('textarea, input[type=text]')) push(el.value);
  // SVG <title> of charts.
  for (const el of document.querySelectorAll('svg title')) push(el.textContent);
  return out;
}

(async () => {
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  await onlyLocal(context, null);
  const texts = new Set();
  const add = (list) => list.forEach((t) => texts.add(t));
  const pages = htmlPages(site);
  const page = await context.newPage();
  // The reader's clock far ahead: both freshness banners and relative dates show.
  await page.clock.setFixedTime(new Date(`${today}T12:00:00`));
  for (const file of pages) {
    await page.goto(fileUrl(file));
    await page.waitForFunction(() => document.documentElement.getAttribute('data-lifeboat') === 'ready', null, { timeout: 10000 }).catch(() => null);
    const rel = path.relative(site, file).split(path.sep).join('/');
    // A runbook ticked: its clock speaks.
    if (rel.startsWith('runbooks/') && rel !== 'runbooks/index.html') {
      const box = page.locator('.checklist input.step').first();
      if (await box.count()) {
        await box.check().catch(() => null);
      }
    }
    // A template filled in and copied: the SMS count and the copy status.
    if (rel.startsWith('comms/')) {
      const input = page.locator('form.fill-in input[data-name]').first();
      if (await input.count()) await input.fill('x').catch(() => null);
      const copy = page.locator('button.copy-message').first();
      if (await copy.count()) await copy.click().catch(() => null);
      await page.waitForTimeout(50);
    }
    // The log: an entry, every one-tap button, the exports.
    if (rel === 'log.html') {
      await page.fill('#log-text', 'x').catch(() => null);
      await page.click('.log-add-button').catch(() => null);
      for (const b of await page.locator('button[data-entry]').all()) await b.click().catch(() => null);
      const start = page.locator('.log-runbook-start');
      if (await start.count()) await start.click().catch(() => null);
      await page.click('button[data-export="markdown"]').catch(() => null);
      add(await page.evaluate(collect));
      await page.click('button[data-export="text"]').catch(() => null);
    }
    add(await page.evaluate(collect));
    // Search, from the start page: with hits, then without.
    if (rel === 'index.html') {
      const box = page.locator('#lb-search');
      if (query) {
        await box.pressSequentially(query, { delay: 5 });
        await page.waitForSelector('#lb-search-results a', { timeout: 20000 }).catch(() => null);
        add(await page.evaluate(collect));
      }
      await box.fill('');
      await box.pressSequentially('qqzzxxwvj', { delay: 5 });
      await page.waitForSelector('#lb-search-results .search-status', { timeout: 20000 }).catch(() => null);
      add(await page.evaluate(collect));
    }
  }
  await browser.close();
  fs.writeFileSync(outFile, JSON.stringify({ pages: pages.length, texts: [...texts].sort() }));
  console.log(`pages=${pages.length} texts=${texts.size}`);
})().catch((e) => { console.error(e); process.exit(1); });

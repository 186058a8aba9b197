#!/usr/bin/env node
// The reader's features in headless Chromium, as someone in an outage uses them.
// Run by tests/testsuite/reader.rs with a JSON config:
//
//   node reader_check.js CONFIG.json
//
// {
//   "site": "/path/site",                 built site (file://)
//   "searches": [["query", "expected title", "marked text"?], ...],
//   "single": "/path/one.html",           optional: the --single-file output
//   "runbooks": ["Title", ...],           titles the single file must hold
//   "log": true,                          the incident log across a browser restart
//   "axe": ["index.html", ...],           pages for axe-core, light and dark
//   "offline": "/path/site2",             optional: serve site, go offline, then
//                                         publish site2 and see the update
//   "time": "query"                       optional: print first_result_ms for it
//   "pdf": "/path/out.pdf"                 optional: print.html printed to PDF
//   "phone": false                         skip the first-screen and checklist checks
// }
//
// Prints one line per problem and a last line `checks=N problems=N` (plus figures).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { launch, launchPersistent, fileUrl } = require('./common');

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const problems = [];
let checks = 0;
const figures = [];
const check = (ok, what) => { checks += 1; if (!ok) problems.push(what); };
const watchdog = setTimeout(() => { console.error('watchdog: the browser hung'); process.exit(3); }, 600 * 1000);

// A page that records console errors, uncaught exceptions and requests that leave `allowed`.
async function watched(context, allowed, label) {
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`${label}: console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`${label}: uncaught: ${e.message}`));
  page.on('dialog', async (d) => { problems.push(`${label}: a dialog opened`); await d.dismiss(); });
  page.on('request', (r) => {
    const url = r.url();
    if (!allowed(url)) problems.push(`${label}: request ${url}`);
  });
  return page;
}

async function typeSearch(page, query) {
  const box = page.locator('#lb-search');
  await box.click();
  await box.fill('');
  await box.pressSequentially(query, { delay: 15 });
  await page.waitForFunction(() => {
    const l = document.getElementById('lb-search-results');
    return l && !l.hidden && l.querySelector('a, .search-status') && !/Loading/.test(l.textContent);
  }, null, { timeout: 20000 });
  return page.$$eval('#lb-search-results a', (as) => as.map((a) => ({
    title: (a.querySelector('.result-title') || a).textContent, href: a.getAttribute('href'), text: a.textContent,
    marks: Array.from(a.querySelectorAll('mark')).map((m) => m.textContent),
  })));
}

async function searches(browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const site = path.resolve(config.site);
  const page = await watched(context, (u) => u.startsWith(fileUrl(site)) || u.startsWith('data:'), 'search');
  for (const [query, expected, marked] of config.searches || []) {
    // From a page in a folder, as from the start page.
    await page.goto(fileUrl(path.join(site, 'runbooks/index.html')));
    const results = await typeSearch(page, query);
    const hit = results.find((r) => r.title.includes(expected));
    check(hit, `search "${query}": no result titled "${expected}" (got ${results.map((r) => r.title).join(' | ') || 'nothing'})`);
    if (!hit) continue;
    // A third entry: the text the result marks as the query's (a Japanese word in
    // the middle of a name, an accented name found unaccented).
    if (marked) {
      check(hit.marks.includes(marked), `search "${query}": "${expected}" marks ${JSON.stringify(hit.marks)}, not "${marked}"`);
    }
    // The link leads to a file of the site and, when it has one, to an id on it.
    const url = new URL(hit.href, page.url());
    const file = decodeURIComponent(url.pathname);
    check(fs.existsSync(file), `search "${query}": result link ${hit.href} names no file`);
    if (url.hash && fs.existsSync(file)) {
      const id = decodeURIComponent(url.hash.slice(1));
      check(fs.readFileSync(file, 'utf8').includes(`id="${id}"`), `search "${query}": no id ${id} in ${hit.href}`);
    }
  }
  // "/" focuses the box; arrows and Enter open a result.
  if ((config.searches || []).length) {
    const [query, expected] = config.searches[0];
    await page.goto(fileUrl(path.join(site, 'index.html')));
    await page.locator('h1').click();
    await page.keyboard.press('/');
    check(await page.evaluate(() => document.activeElement && document.activeElement.id === 'lb-search'), '"/" does not focus the search box');
    await page.keyboard.type(query, { delay: 15 });
    await page.waitForSelector('#lb-search-results a', { timeout: 20000 });
    // Enter before any choice keeps the results in view (a search tool presses it).
    const here = page.url();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    check(page.url() === here && await page.locator('#lb-search-results a').first().isVisible(),
      'Enter with no result chosen left the page or hid the results');
    const titles = await page.$$eval('#lb-search-results .result-title', (t) => t.map((x) => x.textContent));
    const n = titles.findIndex((t) => t.includes(expected));
    for (let i = 0; i <= n; i++) await page.keyboard.press('ArrowDown');
    const active = await page.$eval('#lb-search-results a.active', (a) => a.textContent).catch(() => '');
    check(active.includes(expected), `arrows: the active result is "${active}", not "${expected}"`);
    await Promise.all([page.waitForEvent('load', { timeout: 10000 }).catch(() => null), page.keyboard.press('Enter')]);
    const h1 = await page.locator('h1').first().textContent().catch(() => '');
    check(h1.includes(expected) || page.url().includes('#'), `Enter opened ${page.url()} ("${h1}"), not "${expected}"`);
  }
  if (config.time) {
    const fresh = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const p = await fresh.newPage();
    await p.goto(fileUrl(path.join(site, 'index.html')));
    // Timed in the page: from the first key down to the first result in the list.
    await p.evaluate(() => {
      const t = (window.lifeboatTiming = {});
      const box = document.getElementById('lb-search');
      box.addEventListener('keydown', () => { if (!t.start) t.start = performance.now(); }, true);
      const list = document.getElementById('lb-search-results');
      new MutationObserver(() => {
        if (!t.first && list.querySelector('a')) t.first = performance.now();
      }).observe(list, { childList: true, subtree: true });
    });
    await p.locator('#lb-search').pressSequentially(config.time);
    await p.waitForSelector('#lb-search-results a', { timeout: 60000 });
    const t = await p.evaluate(() => window.lifeboatTiming);
    figures.push(`first_result_ms=${Math.round(t.first - t.start)}`);
    figures.push(`index_bytes=${fs.statSync(path.join(site, 'search-index.js')).size}`);
    await fresh.close();
  }
  await context.close();
}

// The start page and a runbook answer "what now?" on the first screen of a phone.
async function phone(browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const site = path.resolve(config.site);
  const page = await context.newPage();
  await page.goto(fileUrl(path.join(site, 'index.html')));
  const top = await page.evaluate(() => {
    const y = (sel) => { const e = document.querySelector(sel); return e ? e.getBoundingClientRect().top + scrollY : null; };
    return { hotline: y('.hotline-box a.tel'), severities: y('.severities'), start: y('.start-here'), trees: y('.call-tree') };
  });
  check(top.hotline !== null && top.hotline < 740, `index.html: the hotline is not on the first screen (${top.hotline})`);
  for (const k of ['severities', 'start']) {
    if (top[k] === null) continue;
    check(top.trees === null || top[k] < top.trees, `index.html: ${k} comes after the call trees`);
  }
  // The hotline stays one tap away while scrolling.
  for (const p of ['index.html', 'contacts/index.html', 'runbooks/index.html']) {
    await page.goto(fileUrl(path.join(site, p)));
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const bar = await page.evaluate(() => {
      const b = document.querySelector('.callbar');
      if (!b) return null;
      const r = b.getBoundingClientRect();
      return { inView: r.top >= 0 && r.bottom <= innerHeight && r.height >= 44, href: b.getAttribute('href') };
    });
    if (bar !== null) check(bar.inView && /^tel:/.test(bar.href), `${p}: the hotline is not one tap away after scrolling`);
  }
  // Numbers to call are thumb-sized (44 px) wherever the reader taps them.
  for (const p of ['index.html', 'contacts/index.html']) {
    await page.goto(fileUrl(path.join(site, p)));
    const small = await page.$$eval('main a[href^="tel:"]', (as) => as.filter((a) => {
      const r = a.getBoundingClientRect();
      return r.width > 0 && (r.height < 44 || r.width < 44);
    }).map((a) => a.textContent));
    check(small.length === 0, `${p}: tel: links under 44 px: ${small.slice(0, 3).join(', ')}`);
  }
  // An old copy says so, from its build date, in the reader's browser (whose clock
  // is set to config.today).
  if (config.today) {
    for (const [dir, expected] of [[site, false], [config.old, true]]) {
      if (!dir) continue;
      const p = await context.newPage();
      await p.clock.setFixedTime(new Date(`${config.today}T12:00:00`));
      await p.goto(fileUrl(path.join(path.resolve(dir), 'contacts/index.html')));
      const stale = await p.$$eval('.banner.stale', (b) => b.filter((x) => !x.hidden && x.offsetHeight > 0).map((x) => x.textContent));
      check((stale.length > 0) === expected, `${dir}: freshness banner ${JSON.stringify(stale)} on ${config.today}, expected ${expected ? 'one' : 'none'}`);
      await p.close();
    }
  }
  // On runbook pages the first step is on the first screen.
  const runbooks = fs.readdirSync(path.join(site, 'runbooks')).filter((f) => f.endsWith('.html') && f !== 'index.html').slice(0, 40);
  for (const f of runbooks) {
    await page.goto(fileUrl(path.join(site, 'runbooks', f)));
    const first = await page.evaluate(() => {
      const s = document.querySelector('.checklist input.step, .checklist ol > li, .checklist ul > li');
      return s ? s.getBoundingClientRect().top : null;
    });
    // Above the hotline button at the bottom of the screen, too.
    if (first !== null) check(first < 740 - 64, `runbooks/${f}: the first step is not on the first screen (${Math.round(first)} px)`);
  }
  // Ticks keep their time and survive a reload; the clock runs from the first.
  for (const f of runbooks) {
    await page.goto(fileUrl(path.join(site, 'runbooks', f)));
    if (await page.locator('.checklist input.step').count() < 2) continue;
    const labels = await page.$$eval('.checklist input.step', (b) => b.filter((x) => !(x.getAttribute('aria-label') || '').trim()).length);
    check(labels === 0, `runbooks/${f}: ${labels} checklist boxes without a label`);
    await page.locator('.checklist input.step').nth(1).check();
    await page.reload();
    check(await page.locator('.checklist input.step').nth(1).isChecked(), `runbooks/${f}: a tick was lost on reload`);
    const stamp = await page.locator('.checklist time.tick-time').first().textContent().catch(() => '');
    check(/^\d\d:\d\d$/.test(stamp), `runbooks/${f}: no time beside the tick ("${stamp}")`);
    const clock = await page.locator('.runbook-clock').textContent();
    check(/\d\d:\d\d/.test(clock) && /\d+\s\S+\s\d+/.test(clock), `runbooks/${f}: the clock does not run ("${clock}")`);
    await page.locator('button.reset-steps').click();
    await page.reload();
    check(!(await page.locator('.checklist input.step').nth(1).isChecked()), `runbooks/${f}: clearing did not untick`);
    // Chromium now and then loses a storage write made just before a reload; the
    // history entry keeps the tick, and the page puts it back into storage.
    const dropTicks = () => page.evaluate(() => Object.keys(localStorage)
      .filter((k) => k.startsWith('lifeboat:ticks:')).forEach((k) => localStorage.removeItem(k)));
    await page.locator('.checklist input.step').nth(0).check();
    await dropTicks();
    await page.reload();
    check(await page.locator('.checklist input.step').nth(0).isChecked(), `runbooks/${f}: a tick the browser's storage lost was lost on reload`);
    const repaired = await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('lifeboat:ticks:')));
    check(repaired, `runbooks/${f}: a tick kept by the history entry is not put back into storage`);
    // What another tab did later wins over what this tab's history entry kept.
    const other = await context.newPage();
    await other.goto(fileUrl(path.join(site, 'runbooks', f)));
    check(await other.locator('.checklist input.step').nth(0).isChecked(), `runbooks/${f}: another tab does not show the tick`);
    await other.locator('button.reset-steps').click();
    await other.close();
    await page.reload();
    check(!(await page.locator('.checklist input.step').nth(0).isChecked()), `runbooks/${f}: clearing in another tab was undone by this tab's history`);
    break;
  }
  // The incident log, too: an entry whose storage write was lost is still there.
  await page.goto(fileUrl(path.join(site, 'log.html')));
  if (await page.locator('#log-text').count()) {
    await page.fill('#log-text', 'Bridge opened');
    await page.click('.log-add-button');
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lifeboat:log:')).forEach((k) => localStorage.removeItem(k)));
    await page.reload();
    const entries = await page.locator('.log-entries li').allTextContents();
    check(entries.some((e) => e.includes('Bridge opened')), `log.html: an entry the browser's storage lost was lost on reload (${entries.join(' | ')})`);
  }
  await context.close();
  // Without JavaScript everything is still there to read.
  const plain = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  const bare = await plain.newPage();
  await bare.goto(fileUrl(path.join(site, 'index.html')));
  check(await bare.locator('main h1').first().isVisible(), 'without JavaScript: index.html shows nothing');
  if (runbooks.length) {
    await bare.goto(fileUrl(path.join(site, 'runbooks', runbooks[0])));
    const steps = await bare.$$eval('main li, main p', (l) => l.filter((x) => x.offsetHeight > 0).length);
    check(steps > 0, `without JavaScript: runbooks/${runbooks[0]} shows no text`);
  }
  await bare.goto(fileUrl(path.join(site, 'log.html')));
  check(await bare.locator('.log-sheet').isVisible(), 'without JavaScript: the log page offers no paper log');
  await plain.close();
}

// The incident log survives closing the browser (a persistent profile).
async function log() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeboat-log-'));
  const site = path.resolve(config.site);
  const entry = `Decided to fail over to DC2 ${Date.now()}`;
  const open = () => launchPersistent(profile, { viewport: { width: 360, height: 740 } });
  try {
    let context = await open();
    let page = await watched(context, (u) => u.startsWith(fileUrl(site)), 'log');
    await page.goto(fileUrl(path.join(site, 'log.html')));
    await page.fill('#log-text', entry);
    await page.click('.log-add-button');
    await page.click('button[data-entry="Incident declared"]');
    await context.close();
    context = await open();
    page = await watched(context, (u) => u.startsWith(fileUrl(site)), 'log');
    await page.goto(fileUrl(path.join(site, 'log.html')));
    const entries = await page.$$eval('.log-entries li', (l) => l.map((x) => x.textContent));
    check(entries.some((e) => e.includes(entry)), `log: the entry was lost when the browser closed (${entries.length} entries)`);
    check(entries.some((e) => /^\d{4}-\d\d-\d\d \d\d:\d\d Incident declared/.test(e)), 'log: the one-tap entry is missing or has no time');
    await page.click('button[data-export="markdown"]');
    const md = await page.inputValue('#log-out');
    check(md.includes('| Time | Decision or action | By |') && md.includes(entry), 'log: the Markdown export lacks the entry');
    await page.click('button[data-export="text"]');
    const text = await page.inputValue('#log-out');
    check(/\d\d:\d\d {2}Decided to fail over/.test(text), 'log: the text export lacks the entry');
    await context.close();
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

// The single file: no console error, no request, the whole plan, search and
// checklists inside it.
async function single(browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const url = fileUrl(config.single);
  let requests = 0;
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`single file: console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`single file: uncaught: ${e.message}`));
  page.on('request', (r) => { if (r.url().split('#')[0] !== url) { requests += 1; problems.push(`single file: request ${r.url().slice(0, 80)}`); } });
  await page.goto(url);
  check(requests === 0, 'single file: made requests');
  const text = await page.evaluate(() => document.body.textContent);
  for (const t of config.runbooks || []) check(text.includes(t), `single file: "${t}" is missing`);
  // Only the start page shows at first; a link shows its page.
  const shown = await page.$$eval('.sf-page', (s) => s.filter((x) => x.offsetHeight > 0).map((x) => x.id));
  check(shown.length === 1 && shown[0] === 'page-index', `single file: shows ${shown.join(', ')} at first`);
  const first = (config.searches || [])[0];
  if (first) {
    const results = await typeSearch(page, first[0]);
    const hit = results.find((r) => r.title.includes(first[1]));
    check(hit && hit.href.startsWith('#'), `single file: search "${first[0]}" gives no in-page result`);
    if (hit) {
      await page.click(`#lb-search-results a[href="${hit.href}"]`);
      const visible = await page.$$eval('.sf-page', (s) => s.filter((x) => x.offsetHeight > 0).map((x) => x.querySelector('h1') && x.querySelector('h1').textContent));
      check(visible.some((h) => h && h.includes(first[1])), `single file: the result's page does not show (${visible.join(', ')})`);
    }
  }
  const runbook = await page.$('.checklist[data-runbook]');
  if (runbook) {
    const id = await runbook.getAttribute('data-runbook');
    await page.goto(`${url}#page-runbooks-${id}`);
    const box = page.locator(`.checklist[data-runbook="${id}"] input.step`).first();
    await box.check();
    await page.reload();
    check(await page.locator(`.checklist[data-runbook="${id}"] input.step`).first().isChecked(), 'single file: a tick was lost on reload');
  }
  await context.close();
}

// axe-core on the main pages, light and dark.
async function axe(browser) {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const site = path.resolve(config.site);
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, colorScheme: scheme, bypassCSP: true });
    const page = await context.newPage();
    for (const p of config.axe || []) {
      await page.goto(fileUrl(path.join(site, p)));
      await page.addScriptTag({ content: source });
      const found = await page.evaluate(async () => {
        const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
      });
      check(found.length === 0, `axe ${scheme} ${p}: ${found.join(' | ')}`);
    }
    await context.close();
  }
}

// Served over HTTP: the service worker keeps every file, the site opens offline
// (pages never opened included), and a new build is picked up when published; a
// file whose bytes are not those of the build's manifest never enters the copy.
async function offline(browser) {
  let root = path.resolve(config.site);
  const poison = {};
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
  // Offline is the server gone too: Chromium (148) lets a service worker's own
  // requests through the context's offline emulation.
  let down = false;
  const server = http.createServer((req, res) => {
    if (down) { req.socket.destroy(); return; }
    const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(root, p.endsWith('/') ? p + 'index.html' : p);
    if (poison[p]) { res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }); res.end(poison[p]); return; }
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' });
    res.end(fs.readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}/`;
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const setOffline = async (on) => { down = on; await context.setOffline(on); };
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`offline: uncaught: ${e.message}`));
  try {
    await page.goto(base + 'index.html');
    await page.waitForFunction(() => { const s = document.querySelector('.offline-status'); return s && !s.hidden; }, null, { timeout: 60000 });
    const status = await page.locator('.offline-status').textContent();
    const version = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8')).plan_version;
    check(status.includes(`version ${version}`), `offline: the page does not say which version it holds ("${status}")`);
    await setOffline(true);
    const pages = fs.readdirSync(path.join(root, 'runbooks')).filter((f) => f.endsWith('.html')).slice(0, 3)
      .map((f) => `runbooks/${f}`).concat(['contacts/index.html', 'log.html', 'vendors/']);
    for (const p of pages) {
      const r = await page.goto(base + p).catch((e) => ({ ok: () => false, e }));
      const h1 = await page.locator('h1').first().textContent().catch(() => '');
      check(r && r.ok() && h1.trim().length > 0, `offline: ${p} did not open from the offline copy`);
    }
    // A new build is published: online again, the next visit fetches it.
    if (config.offline) {
      root = path.resolve(config.offline);
      const next = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8')).plan_version;
      // First a server that sends one file other than the build's: the copy held
      // stays, and the poison is never kept.
      poison['/contacts/index.html'] = '<!DOCTYPE html><h1>POISON</h1><script>document.title="POISON"</script>';
      await setOffline(false);
      await page.goto(base + 'index.html');
      await page.waitForTimeout(4000);
      const held = await page.evaluate(async () => {
        const keys = await caches.keys();
        let poisoned = false;
        for (const k of keys) {
          const r = await (await caches.open(k)).match(new URL('contacts/index.html', location.href).href);
          if (r && (await r.text()).includes('POISON')) poisoned = true;
        }
        return { keys, poisoned };
      });
      check(!held.poisoned, `offline: a file not of the build entered the copy (${held.keys.join(', ')})`);
      check(held.keys.every((k) => k.includes('(incomplete)') || !k.includes(encodeURIComponent(next))), `offline: a copy of version ${next} was made from a file not of the build`);
      delete poison['/contacts/index.html'];
      await page.goto(base + 'index.html');
      const updated = await page.waitForFunction((v) => {
        const s = document.querySelector('.offline-status');
        return s && s.textContent.includes(`version ${v}`);
      }, next, { timeout: 60000 }).then(() => true).catch(() => false);
      check(updated, `offline: the copy was not updated to version ${next}`);
      await setOffline(true);
      await page.goto(base + 'index.html');
      await page.goto(base + 'index.html');
      const footer = await page.locator('.site-footer').textContent().catch(() => '');
      check(footer.includes(`version ${next}`), 'offline: after the update, the offline copy is not the new build');
    }
  } finally {
    await context.close();
    server.close();
  }
}

// print.html printed to PDF, as a reader prints the binder. First laid out as the
// printer lays it out (print media, the A4 text column: 210 mm less 2 x 15 mm is
// 680 px): nothing may reach past the column, or Chromium shrinks the whole binder
// to fit (up to a limit) and cuts what is wider still. Every chart's labels stay
// inside the chart and off each other.
const NUMBERS = 'main a.tel, main a[href^="tel:"], .binder-hotline strong, .hotline strong';
async function pdf(browser) {
  // On screen first: the binder's code wraps as it prints, in no box scrolled
  // sideways (a long page holding one took Chromium 23 s to capture whole).
  const screen = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await screen.goto(fileUrl(path.join(path.resolve(config.site), 'print.html')));
  const scrolled = await screen.evaluate(() => [...document.querySelectorAll('pre')]
    .filter((e) => e.scrollWidth > e.clientWidth + 1)
    .map((e) => `${e.scrollWidth} > ${e.clientWidth} px: ${e.textContent.trim().slice(0, 50)}`));
  check(scrolled.length === 0, `print.html: code in a box scrolled sideways on screen: ${JSON.stringify(scrolled.slice(0, 3))}`);
  await screen.close();
  const page = await browser.newPage({ viewport: { width: 680, height: 960 } });
  await page.emulateMedia({ media: 'print' });
  await page.goto(fileUrl(path.join(path.resolve(config.site), 'print.html')));
  const layout = await page.evaluate((NUMBERS) => {
    const W = document.documentElement.clientWidth;
    const past = [];
    for (const e of document.querySelectorAll('body *')) {
      const r = e.getBoundingClientRect();
      if (r.width > 0 && r.right > W + 1 && !e.parentElement.closest('svg')) {
        const where = e.closest('[id]');
        past.push(`${e.tagName.toLowerCase()} ${Math.round(r.right)} px in #${where ? where.id : '?'}: ${e.textContent.trim().slice(0, 50)}`);
      }
    }
    const labels = [];
    for (const svg of document.querySelectorAll('svg.heat-map, svg.impact-chart')) {
      const box = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll('text')].map((t) => [t, t.getBoundingClientRect()]);
      const where = svg.closest('[id]');
      for (const [t, r] of texts) {
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
          labels.push(`"${t.textContent}" leaves its chart in #${where ? where.id : '?'}`);
        }
      }
      for (let i = 0; i < texts.length; i += 1) {
        for (let j = i + 1; j < texts.length; j += 1) {
          const [a, b] = [texts[i][1], texts[j][1]];
          if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
            labels.push(`"${texts[i][0].textContent}" overlaps "${texts[j][0].textContent}" in #${where ? where.id : '?'}`);
          }
        }
      }
    }
    // An entry of a list set in columns (the binder's contents) is read whole in one
    // column: split, its second half reads as an entry of its own.
    const split = [...document.querySelectorAll('li')]
      .filter((li) => getComputedStyle(li.parentElement).columnWidth !== 'auto' && li.getClientRects().length > 1)
      .map((li) => li.textContent.trim().slice(0, 50));
    return { W, scroll: document.documentElement.scrollWidth, past, labels, split,
      charts: document.querySelectorAll('svg.heat-map, svg.impact-chart').length,
      tables: document.querySelectorAll('table').length,
      // A number on paper is as high as its text (the screen's 44 px thumb box is not).
      tall: [...document.querySelectorAll('main a.tel, main a[href^="tel:"]')]
        .filter((a) => a.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(a).fontSize)).map((a) => a.textContent.trim()).slice(0, 3),
      // A number is dialled from one line: broken over two, half of it is easily read
      // as the whole ("+1 760" at a line's end). One line box each.
      broken: [...document.querySelectorAll(NUMBERS)].filter((a) => {
        const range = document.createRange();
        range.selectNodeContents(a);
        return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom))).size > 1;
      }).map((a) => a.textContent.trim()).slice(0, 3),
      numbers: [...document.querySelectorAll(NUMBERS)].filter((a) => a.getClientRects().length > 0)
        .map((a) => a.textContent),
      // A record's label in the 31 mm gutter breaks inside no word: each word of it,
      // set as the label is (8 pt, 600), is narrower than the gutter.
      gutter: (() => {
        const probe = document.body.appendChild(document.createElement('span'));
        probe.style.cssText = 'position:absolute;white-space:nowrap;font-size:8pt;font-weight:600';
        const mm = 96 / 25.4;
        const words = new Set([...document.querySelectorAll('table[data-print="records"]:not([data-labels="above"]) td[data-label]')]
          .flatMap((td) => td.dataset.label.split(/\s+|(?<=-)/)));
        const wide = [...words].filter((w) => { probe.textContent = w; return probe.getBoundingClientRect().width > 31 * mm; });
        probe.remove();
        return wide.slice(0, 3);
      })() };
  }, NUMBERS);
  check(layout.W === 680, `print.html: the print column is ${layout.W} px, not 680`);
  check(layout.scroll <= layout.W, `print.html: printed, the binder is ${layout.scroll} px wide, wider than the page's ${layout.W}`);
  for (const p of layout.past.slice(0, 8)) check(false, `print.html: printed, past the page's edge: ${p}`);
  for (const l of layout.labels.slice(0, 8)) check(false, `print.html: chart label: ${l}`);
  check(layout.split.length === 0, `print.html: list entries split between two columns: ${JSON.stringify(layout.split.slice(0, 3))}`);
  check(layout.tall.length === 0, `print.html: printed numbers as high as a thumb box: ${JSON.stringify(layout.tall)}`);
  check(layout.gutter.length === 0, `print.html: record labels wider than their gutter, broken inside a word: ${JSON.stringify(layout.gutter)}`);
  check(layout.broken.length === 0, `print.html: printed numbers broken over two lines: ${JSON.stringify(layout.broken)}`);
  figures.push(`print_tables=${layout.tables}`, `print_charts=${layout.charts}`);
  await page.pdf({ path: config.pdf, preferCSSPageSize: true, printBackground: true });
  check(fs.statSync(config.pdf).size > 1000, 'print.html: no PDF');
  // Every table cell a reader sees on screen is on paper whole: its text is in the
  // PDF's text (pdftotext, in the order it was drawn; spaces and line breaks aside,
  // and right-to-left script, which pdftotext writes in another order).
  const plain = (t) => t.replace(/[\s\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, '');
  // A right-to-left page: pdftotext writes its lines in the order they are drawn
  // (the runs of left-to-right text of a line in reverse, brackets mirrored, a cell's
  // lines apart), so there each word of a cell that is not right-to-left script
  // (server names, numbers, codes) must be on paper whole.
  const rtl = await page.evaluate(() => document.documentElement.dir === 'rtl');
  const RTL_SCRIPT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
  const pieces = (t) => (rtl
    ? t.replace(RTL_SCRIPT, ' ').split(/[\s()[\]{}<>«»„“”"',;:!?]+/).filter((w) => w.length > 1)
    : [plain(t)].filter((w) => w.length > 0));
  const cells = (await page.evaluate(() => [...document.querySelectorAll('main td, main th')]
    .filter((c) => c.getClientRects().length > 0)
    .map((c) => c.innerText))).map(pieces).filter((w) => w.length > 0);
  const printed = require('child_process')
    .execFileSync('pdftotext', ['-raw', config.pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const paper = rtl ? printed.replace(/\n/g, '') : plain(printed);
  const missing = cells.filter((ws) => ws.some((w) => !paper.includes(w))).map((ws) => ws.join(' '));
  check(missing.length === 0, `print.html: ${missing.length} of ${cells.length} table cells are not whole on paper, e.g. ${JSON.stringify(missing.slice(0, 3))}`);
  figures.push(`print_cells=${cells.length}`);
  // And every number is on one printed line, whole (digits and signs; the lines of
  // pdftotext, spaces aside): as many lines hold it as places print it.
  const digits = (t) => t.replace(/[^0-9+*#]/g, '');
  const lines = printed.split('\n').map(digits);
  const split = [...new Set(layout.numbers.map(digits).filter((n) => n.length > 0))].filter((n) => {
    const places = layout.numbers.filter((t) => digits(t) === n).length;
    return lines.reduce((k, l) => k + l.split(n).length - 1, 0) < places;
  });
  check(split.length === 0, `print.html: numbers not whole on one printed line: ${JSON.stringify(split.slice(0, 3))}`);
  figures.push(`print_numbers=${layout.numbers.length}`);
  await page.close();
}

(async () => {
  const browser = await launch();
  try {
    if (config.pdf) await pdf(browser);
    if (config.searches || config.time) await searches(browser);
    if (config.phone !== false) await phone(browser);
    if (config.single) await single(browser);
    if (config.axe) await axe(browser);
    if (config.serve) await offline(browser);
  } finally {
    await browser.close();
  }
  if (config.log) await log();
  clearTimeout(watchdog);
  for (const p of problems) console.log(p);
  console.log(`${figures.join(' ')}${figures.length ? ' ' : ''}checks=${checks} problems=${problems.length}`);
  process.exit(problems.length ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });

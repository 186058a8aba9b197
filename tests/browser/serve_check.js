#!/usr/bin/env node
// `lifeboat serve` in headless Chromium, as an author sees it. Run by
// tests/testsuite/serve.rs.
//
//   node serve_check.js URL FILE
//
// Opens URL (a page served from the plan file FILE), scrolls down, then edits FILE:
// the page reloads by itself with the new text at the same place. Breaks FILE: an
// overlay with the diagnostics appears without a reload, over the old text. Fixes
// it: the overlay goes and the new text shows. No console error, no failed request.
// Prints one line per problem and a last line `problems=N`.
'use strict';
const fs = require('fs');
const { launch } = require('./common');

//   node serve_check.js --restart URL
//
// Opens URL, prints `ready`, and waits for the server to be restarted (by the caller):
// the page reloads by itself from the new server.
const restart = process.argv[2] === '--restart';
const [url, file] = process.argv.slice(restart ? 3 : 2);
if (!url || (!file && !restart)) { console.error('usage: serve_check.js URL FILE | --restart URL'); process.exit(2); }
const watchdog = setTimeout(() => { console.error('watchdog: the browser hung'); process.exit(3); }, 90000);

(async () => {
  const browser = await launch();
  const problems = [];
  const page = await browser.newPage({ viewport: { width: 360, height: 500 } });
  page.on('console', (m) => { if (m.type() === 'error' && !restart) problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A long poll cut short by a reload is no failure.
    if (!restart && !r.url().includes('/_lifeboat/wait')) problems.push(`failed request: ${r.url()} ${(r.failure() || {}).errorText}`);
  });
  await page.goto(url);
  if (restart) {
    const generation = () => page.evaluate(() => {
      const s = document.querySelector('script[data-generation]');
      return s ? s.getAttribute('data-generation') : '';
    });
    const first = await generation();
    console.log('ready');
    const t = Date.now();
    let now = first;
    while (Date.now() - t < 30000) {
      try { now = await generation(); } catch (e) { /* reloading */ }
      if (now && now !== first) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (!now || now === first) console.log(`the page did not reload from the restarted server (${first})`);
    await browser.close();
    clearTimeout(watchdog);
    const ok = now && now !== first;
    console.log(`problems=${ok ? 0 : 1}`);
    process.exit(ok ? 0 : 1);
  }
  const original = fs.readFileSync(file, 'utf8');
  const title = /title = "([^"]*)"/.exec(original)[1];
  const h1 = () => page.evaluate(() => (document.querySelector('h1') || {}).textContent || '');
  const until = async (what, f, ms = 15000) => {
    const t = Date.now();
    for (;;) {
      try { if (await f()) return true; } catch (e) { /* the page is reloading */ }
      if (Date.now() - t > ms) { problems.push(`timed out: ${what}`); return false; }
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await page.evaluate(() => window.scrollTo(0, 400));
  const y = await page.evaluate(() => window.scrollY);
  if (y < 300) problems.push(`the page does not scroll (${y})`);
  // An edit: the page reloads with it, at the same place.
  fs.writeFileSync(file, original.replace(title, `${title} (edited)`));
  if (await until('the edit is shown', async () => (await h1()).includes('(edited)'))) {
    await page.waitForLoadState('load');
    await new Promise((r) => setTimeout(r, 200));
    const after = await page.evaluate(() => window.scrollY);
    if (Math.abs(after - y) > 5) problems.push(`the reload lost the place: ${y} then ${after}`);
  }
  // A break: the overlay, over the last good page, without a reload.
  await page.evaluate(() => { window.__kept = true; });
  fs.writeFileSync(file, '+++\ntitle = "unclosed\n+++\n');
  if (await until('the overlay appears', () => page.evaluate(() => !!document.getElementById('lifeboat-overlay')))) {
    const text = await page.evaluate(() => document.getElementById('lifeboat-overlay').textContent);
    if (!/syntax/.test(text) || !/:\d+:\d+/.test(text)) problems.push(`the overlay lacks code or place: ${text}`);
    if (!(await h1()).includes('(edited)')) problems.push('the old page is not shown under the overlay');
    if (!(await page.evaluate(() => window.__kept === true))) problems.push('the page reloaded for a failed build');
  }
  // The fix: the overlay goes by itself.
  fs.writeFileSync(file, original.replace(title, `${title} (fixed)`));
  await until('the fix is shown without the overlay', async () =>
    (await h1()).includes('(fixed)') && !(await page.evaluate(() => !!document.getElementById('lifeboat-overlay'))));
  await browser.close();
  clearTimeout(watchdog);
  for (const p of problems) console.log(p);
  console.log(`problems=${problems.length}`);
  process.exit(problems.length ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });

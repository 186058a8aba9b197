#!/usr/bin/env node
// Opens a built lifeboat site from file:// in headless Chromium, as a reader would,
// and exits 1 on anything wrong. Run by tests/testsuite/browser.rs.
//
//   node site_check.js SITE
//
// For every page of SITE: no console error, no uncaught exception, no failed or
// remote request; at 360 px wide, nothing wider than the screen but tables, which
// scroll in their own box; no dialog opens, nothing outside the site is requested. Then, on a runbook with a checklist: a ticked step is
// still ticked after a reload, and "Clear ticks" clears it. Printed, print.html
// hides the navigation and breaks the page before each part of the binder only. Prints one line
// per problem and a last line `pages=N problems=N`.
'use strict';
const fs = require('fs');
const path = require('path');
const { launch, fileUrl, htmlPages, onlyLocal } = require('./common');

const site = process.argv[2];
// --hostile: the site comes from a hostile plan (template overrides included). What
// the page's security policy blocks is expected there and counted, not a problem;
// a dialog, or a request that leaves the site, still is.
const hostile = process.argv.includes('--hostile');
let blocked = 0;
if (!site) { console.error('usage: site_check.js SITE'); process.exit(2); }
const pages = htmlPages(site);

const watchdog = setTimeout(() => { console.error('watchdog: the browser hung'); process.exit(3); },
  (60 + pages.length * 10) * 1000);

(async () => {
  const browser = await launch();
  const problems = [];
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  // Only files of the site itself may be loaded: nothing from another host, nothing
  // from elsewhere on the disk.
  await onlyLocal(context, site, (url) => problems.push(`request outside the site: ${url}`));
  const page = await context.newPage();
  let current = '';
  // A plan must never make a page open a dialog (alert, confirm, prompt, print).
  page.on('dialog', async (d) => { problems.push(`${current}: a dialog opened: ${d.type()} ${d.message()}`); await d.dismiss(); });
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (hostile && /Content Security Policy/.test(m.text())) { blocked += 1; return; }
    problems.push(`${current}: console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${current}: uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    const why = (r.failure() || {}).errorText || '';
    if (hostile && /BLOCKED_BY_CSP|^csp$/.test(why)) { blocked += 1; return; }
    problems.push(`${current}: failed request: ${r.url()} ${why}`);
  });
  for (const file of pages) {
    current = path.relative(site, file);
    await page.goto(fileUrl(file), { waitUntil: 'load', timeout: 15000 });
    const state = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      // Elements sticking out of the screen, other than inside a scrolling table box.
      const wide = [...document.querySelectorAll('body *')].filter((el) => {
        if (el.closest('.table-wrap, pre, svg')) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > width + 1;
      }).map((el) => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
      return { ready: document.documentElement.getAttribute('data-lifeboat'), wide: wide.slice(0, 3),
        scroll: document.documentElement.scrollWidth, width,
        dates: document.querySelectorAll('time.relative').length,
        told: [...document.querySelectorAll('time.relative')].filter((t) =>
          t.nextSibling && t.nextSibling.className === 'relative-days' && /^\s*\((.*\d.*|[^\d()]+)\)\s*$/.test(t.nextSibling.textContent)).length };
    });
    if (state.ready !== 'ready') problems.push(`${current}: the script did not run to its end`);
    if (state.told !== state.dates) problems.push(`${current}: ${state.dates - state.told} of ${state.dates} dates without how far they are from today`);
    if (!hostile && (state.scroll > state.width + 1 || state.wide.length)) {
      problems.push(`${current}: wider than a 360 px screen (${state.scroll} px): ${state.wide.join(', ')}`);
    }
  }
  // A checklist keeps its ticks across a reload, and can be cleared.
  let checklists = 0;
  for (const file of pages.filter((p) => p.includes(`${path.sep}runbooks${path.sep}`))) {
    current = path.relative(site, file);
    await page.goto(fileUrl(file));
    const boxes = page.locator('input.step');
    if ((await boxes.count()) === 0) continue;
    checklists += 1;
    await boxes.nth(0).check();
    await page.reload();
    if (!(await page.locator('input.step').nth(0).isChecked())) problems.push(`${current}: a ticked step was lost on reload`);
    const reset = page.locator('button.reset-steps');
    if (!(await reset.isVisible())) problems.push(`${current}: no visible "Clear ticked steps" button`);
    else {
      await reset.click();
      await page.reload();
      if (await page.locator('input.step').nth(0).isChecked()) problems.push(`${current}: clearing did not untick the step`);
    }
    break;
  }
  if (checklists === 0) problems.push('no runbook with a checklist to try');
  // Printed, print.html shows no navigation, and its parts flow on one after another
  // (the theme's layout; a hostile one replaces it): the only page break is the one
  // after the title page.
  if (!hostile) {
    current = 'print.html';
    await page.goto(fileUrl(path.join(site, 'print.html')));
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      nav: getComputedStyle(document.querySelector('.site-nav')).display,
      parts: document.querySelectorAll('.print-part').length,
      breaks: [...document.querySelectorAll('main *')]
        .filter((s) => getComputedStyle(s).breakBefore === 'page' || getComputedStyle(s).breakAfter === 'page')
        .map((s) => `${getComputedStyle(s).breakBefore === 'page' ? 'before' : 'after'} ${s.className}`),
    }));
    if (printed.nav !== 'none') problems.push('print.html: the navigation is printed');
    if (printed.parts < 5 || printed.breaks.join() !== 'after binder-title') {
      problems.push(`print.html: page breaks before ${JSON.stringify(printed.breaks)} (${printed.parts} parts)`);
    }
  }
  await browser.close();
  clearTimeout(watchdog);
  for (const p of problems) console.log(p);
  console.log(`pages=${pages.length} blocked=${blocked} problems=${problems.length}`);
  process.exit(problems.length ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });

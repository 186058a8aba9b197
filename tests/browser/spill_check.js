#!/usr/bin/env node
// Every page of a built site at a phone's, a tablet's and a desktop's width: no line
// of text runs out of the box drawn around it (a border or a background). A long
// call tree's name ran out of its severity level's box on a wide screen, where the
// phone's layout, which tests/browser/phone_check.js reads, wraps it. Text inside a
// box that scrolls sideways (code, wide tables) is the scroller's to show.
// Run by tests/testsuite/phone.rs.
//
//   node spill_check.js SITE
//
// Prints one line per problem and a last line `pages=N boxes=N problems=N`.
'use strict';
const { launch, fileUrl, htmlPages, onlyLocal } = require('./common');

const site = process.argv[2];
if (!site) { console.error('usage: spill_check.js SITE'); process.exit(2); }
// print.html holds every page again (and is read printed by reader_check.js).
const pages = htmlPages(site).filter((p) => !p.endsWith('/print.html'));
const WIDTHS = [360, 768, 1280];
const watchdog = setTimeout(() => { console.error('watchdog: the browser hung'); process.exit(3); },
  (60 + pages.length * WIDTHS.length * 4) * 1000);

function spills() {
  const found = [];
  const style = new Map();
  const css = (e) => {
    if (!style.has(e)) {
      const s = getComputedStyle(e);
      const drawn = s.display !== 'inline' && s.display !== 'contents' &&
        (s.backgroundColor !== 'rgba(0, 0, 0, 0)' ||
          (parseFloat(s.borderLeftWidth) > 0 && parseFloat(s.borderRightWidth) > 0));
      style.set(e, { drawn, scrolls: /auto|scroll|hidden|clip/.test(s.overflowX), hidden: s.visibility === 'hidden' });
    }
    return style.get(e);
  };
  const boxes = new Set();
  const reported = new Set();
  // Each line of text against every box drawn around it, up to the first box that
  // scrolls sideways (which shows the rest by scrolling).
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim() || n.parentElement.closest('svg, [hidden]') || css(n.parentElement).hidden) continue;
    let rects = null;
    for (let e = n.parentElement; e && e !== document.body; e = e.parentElement) {
      const c = css(e);
      if (c.scrolls) break;
      if (!c.drawn) continue;
      const box = e.getBoundingClientRect();
      if (box.width < 2 || box.height < 2) continue;
      boxes.add(e);
      if (reported.has(e)) continue;
      if (!rects) {
        const range = document.createRange();
        range.selectNodeContents(n);
        rects = [...range.getClientRects()].filter((r) => r.width > 0);
      }
      const out = rects.find((r) => r.right > box.right + 1 || r.left < box.left - 1);
      if (out) {
        reported.add(e);
        const where = e.closest('[id]');
        found.push(`${e.tagName.toLowerCase()}.${e.className} (${Math.round(box.left)}-${Math.round(box.right)} px` +
          `${where ? ` in #${where.id}` : ''}): "${n.textContent.trim().slice(0, 50)}" at ` +
          `${Math.round(out.left)}-${Math.round(out.right)} px`);
      }
    }
  }
  return { found, boxes: boxes.size };
}

(async () => {
  const browser = await launch();
  const problems = [];
  let boxes = 0;
  const context = await browser.newContext({ viewport: { width: WIDTHS[0], height: 800 } });
  await onlyLocal(context, site);
  const page = await context.newPage();
  for (const file of pages) {
    await page.goto(fileUrl(file));
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const r = await page.evaluate(spills);
      boxes += r.boxes;
      for (const f of r.found) problems.push(`${file.slice(site.length + 1)} at ${width} px: ${f}`);
    }
  }
  await context.close();
  await browser.close();
  clearTimeout(watchdog);
  for (const p of problems.slice(0, 40)) console.log(p);
  console.log(`pages=${pages.length} boxes=${boxes} problems=${problems.length}`);
  process.exit(problems.length ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });

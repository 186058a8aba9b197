#!/usr/bin/env node
// Every page of a built site on a 360 x 740 phone, and printed, as a reader sees it.
// Run by tests/testsuite/phone.rs.
//
//   node phone_check.js SITE [--shots DIR]
//
// On every page, at 360 px with every scroll position at 0:
// - numbered lists: every item of an <ol> shows its number, and the numbers shown
//   (read from Chromium's accessibility tree, which names each list marker as it is
//   drawn) are start + position, in nested lists too, before and after a step is
//   ticked; the same under print media;
// - every `tel:` link and every table cell (its whole text) lies inside 0-360 px, and
//   no box around it scrolls sideways or clips it;
// - no line of text stays under a fixed element (the hotline button) at every scroll
//   position: the page leaves room for it;
// - numbers to call are tap targets of at least 44 x 44 px;
// - a footnote's number stands on the first line of its note;
// - a step's box stands right after its number, a step that is a task item's too,
//   on screen and printed.
// - every number's digits read in the order they are dialled, on screen and printed
//   (a right-to-left page must not reverse its groups), cards too.
// - what is written against a number (the comma after it, the bracket before it)
//   stays on its line, on screen and printed: a number to call is a box of its own
//   (a tap target), and the browser may break a line on either side of a box;
// - a runbook's time keeps each number with its unit ("3 h 30 min").
// Prints one line per problem and a last line
// `pages=N ordinals=N tels=N cells=N problems=N`.
'use strict';
const fs = require('fs');
const path = require('path');
const { launch, fileUrl, htmlPages, onlyLocal } = require('./common');

const site = process.argv[2];
if (!site) { console.error('usage: phone_check.js SITE [--shots DIR]'); process.exit(2); }
const shotsAt = process.argv.indexOf('--shots');
const shots = shotsAt > 0 ? process.argv[shotsAt + 1] : null;
const pages = htmlPages(site);
const watchdog = setTimeout(() => { console.error('watchdog: the browser hung'); process.exit(3); },
  (60 + pages.length * 12) * 1000);

// What the page itself says: positions of tel links, table cells and lines of text,
// and the fixed elements.
function measure() {
  const W = document.documentElement.clientWidth;
  const out = { W, scrollW: document.documentElement.scrollWidth, tels: [], cells: [], clipped: [], small: [] };
  const visible = (el) => {
    const cs = getComputedStyle(el);
    return el.getClientRects().length > 0 && cs.visibility !== 'hidden';
  };
  // A box between the element and the page that scrolls sideways, or clips it.
  const clippedBy = (el, r) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if (cs.overflowX === 'visible') continue;
      const b = a.getBoundingClientRect();
      if (a.scrollWidth > a.clientWidth + 1 && cs.overflowX !== 'hidden') return `scrolls sideways in ${a.tagName.toLowerCase()}.${a.className}`;
      if (r.left < b.left - 1 || r.right > b.right + 1) return `clipped by ${a.tagName.toLowerCase()}.${a.className}`;
    }
    return null;
  };
  const name = (el) => (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60);
  for (const a of document.querySelectorAll('a[href^="tel:"]')) {
    if (!visible(a) || a.closest('.sheet, .search-results')) continue;
    const r = a.getBoundingClientRect();
    const why = r.left < -0.5 || r.right > W + 0.5 ? `at ${Math.round(r.left)}-${Math.round(r.right)} px` : clippedBy(a, r);
    out.tels.push(why ? `${name(a)}: ${why}` : null);
    if (a.closest('main') && !a.closest('.sheet, .card') && (r.height < 43.5 || r.width < 43.5)) {
      out.small.push(`${name(a)} is ${Math.round(r.width)} x ${Math.round(r.height)} px`);
    }
  }
  for (const c of document.querySelectorAll('td, th')) {
    if (!visible(c) || c.closest('.sheet')) continue;
    const r = c.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    let why = r.left < -0.5 || r.right > W + 0.5 ? `at ${Math.round(r.left)}-${Math.round(r.right)} px` : clippedBy(c, r);
    // Its own text, whole: nothing sticks out of the cell.
    if (!why && c.scrollWidth > c.clientWidth + 1) why = `its text is ${c.scrollWidth} px in a ${c.clientWidth} px cell`;
    if (!why) {
      const range = document.createRange();
      range.selectNodeContents(c);
      for (const line of range.getClientRects()) {
        if (line.width && (line.left < -0.5 || line.right > W + 0.5)) { why = `a line at ${Math.round(line.left)}-${Math.round(line.right)} px`; break; }
      }
    }
    out.cells.push(why ? `${c.tagName.toLowerCase()} "${name(c)}": ${why}` : null);
  }
  // A footnote's number stands on the first line of its note, not on a line alone.
  out.footnotes = [];
  for (const label of document.querySelectorAll('.footnote > .footnote-label')) {
    const note = label.nextElementSibling;
    if (!note || !visible(label) || !visible(note)) continue;
    const range = document.createRange();
    range.selectNodeContents(note);
    const first = [...range.getClientRects()].find((r) => r.width && r.height);
    const l = label.getBoundingClientRect();
    // Level with its first line, or with the top of its box (a block of code).
    const level = (top) => Math.abs(top - l.top) <= 3;
    if (first && (!(level(first.top) || level(note.getBoundingClientRect().top)) || first.left < l.right - 1)) {
      out.footnotes.push(`footnote ${name(label)} stands apart from its note "${name(note).slice(0, 30)}"`);
    }
  }
  return out;
}

// Text written against a number to call (no space between them: "+33 2 40 99 13 02,"
// or "(+33 ...") that the browser set on another line than the number. A tel link is
// an inline box (a tap target), and a line may break on either side of a box even
// where the text would not allow it (CSS Text 3, 5.1), unless the box and the text
// share a parent that does not wrap.
function strandedNextToNumbers() {
  const out = [];
  // The text node just before or after the link, or null when a line break (<br>)
  // stands between them.
  const textBeside = (a, forward) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    walker.currentNode = a;
    for (let n = forward ? walker.nextNode() : walker.previousNode(); n;
      n = forward ? walker.nextNode() : walker.previousNode()) {
      if (a.contains(n) || n.contains(a)) continue;
      if (n.nodeType === Node.TEXT_NODE) return n;
      if (n.tagName === 'BR') return null;
    }
    return null;
  };
  const center = (node, i) => {
    const r = document.createRange();
    r.setStart(node, i);
    r.setEnd(node, i + 1);
    const b = r.getBoundingClientRect();
    return b.height ? b.top + b.height / 2 : null;
  };
  // The box whose lines hold a node: its nearest ancestor that is not inline.
  const blockOf = (node) => {
    let e = node.parentElement;
    while (e && /^inline/.test(getComputedStyle(e).display)) e = e.parentElement;
    return e;
  };
  for (const a of document.querySelectorAll('main a[href^="tel:"]')) {
    if (!a.getClientRects().length || a.closest('.sheet, .card, .search-results, [hidden]')) continue;
    const box = a.getBoundingClientRect();
    const block = blockOf(a);
    const sameLines = (n) => n && blockOf(n) === block;
    const after = textBeside(a, true);
    if (sameLines(after) && after.data.length && !/\s/.test(after.data[0])) {
      const y = center(after, 0);
      if (y !== null && y > box.bottom) out.push(`"${after.data[0]}" after ${a.textContent.trim()} starts the next line`);
    }
    const before = textBeside(a, false);
    if (sameLines(before) && before.data.length && !/\s/.test(before.data[before.data.length - 1]) && !a.contains(before)) {
      const y = center(before, before.data.length - 1);
      if (y !== null && y < box.top) out.push(`"${before.data[before.data.length - 1]}" before ${a.textContent.trim()} ends the line above`);
    }
  }
  return out;
}

// Numbers whose digits a reader sees in another order than they are dialled: in a
// right-to-left page a number's groups are set in reverse ("0100 555 4 972+") unless
// it is isolated left to right. The digits and `+` of every number (tel links, the
// hotlines, cards too), line by line, left to right, against the text's order.
function misread() {
  const out = [];
  for (const el of document.querySelectorAll('a[href^="tel:"], .hotline strong, .binder-hotline strong')) {
    if (!el.getClientRects().length || el.closest('[hidden]')) continue;
    const chars = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (let i = 0; i < n.data.length; i++) {
        if (!/[0-9+]/.test(n.data[i])) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        const b = r.getBoundingClientRect();
        if (b.width) chars.push({ c: n.data[i], x: b.left + b.width / 2, y: b.top + b.height / 2 });
      }
    }
    const seen = [...chars].sort((p, q) => (Math.abs(p.y - q.y) > 4 ? p.y - q.y : p.x - q.x)).map((c) => c.c).join('');
    const said = chars.map((c) => c.c).join('');
    if (seen !== said) out.push(`"${el.textContent.trim().replace(/\s+/g, ' ').slice(0, 40)}" reads ${seen}`);
  }
  return out;
}

// Lines of text that a fixed element covers at every scroll position.
function underFixed() {
  const fixed = [...document.querySelectorAll('body *')].filter((el) => getComputedStyle(el).position === 'fixed' && el.getClientRects().length);
  if (!fixed.length) return [];
  const H = window.innerHeight;
  const max = document.documentElement.scrollHeight - H;
  const sy = window.scrollY;
  const boxes = fixed.map((el) => el.getBoundingClientRect());
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim() || fixed.some((f) => f.contains(n))) continue;
    const el = n.parentElement;
    if (!el || !el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
    const pos = getComputedStyle(el).position;
    if (pos === 'sticky') continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const line of range.getClientRects()) {
      if (!line.width || !line.height) continue;
      const top = line.top + sy, bottom = line.bottom + sy;
      for (const b of boxes) {
        const xs = line.left < b.right - 1 && line.right > b.left + 1;
        // Covered at scroll s when top - s < b.bottom and bottom - s > b.top: for
        // every s in [0, max] when both hold at the ends.
        if (xs && top - b.bottom < -1 && bottom - b.top - max > 1) {
          found.push(`"${n.textContent.trim().slice(0, 40)}"`);
        }
      }
    }
  }
  return found;
}

// A numbered step's box stands right after its number, where the step's text would
// start: also when the step is itself a task item (`3. - [ ] …`), whose box is in a
// list of its own inside the step. Returns the steps whose box is elsewhere, and how
// many boxes were looked at.
function boxesAfterNumbers() {
  const found = [];
  const gaps = [];
  let n = 0;
  for (const li of document.querySelectorAll('main ol > li')) {
    const box = li.querySelector(':scope > input.step, :scope > ul:first-child > li:first-child > input.step');
    if (!box || !box.getClientRects().length) continue;
    n += 1;
    const rtl = getComputedStyle(li).direction === 'rtl';
    const l = li.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    // The box's near edge, from the edge of the step's text (its margin aside).
    const m = parseFloat(getComputedStyle(box)[rtl ? 'marginRight' : 'marginLeft']) || 0;
    const off = rtl ? l.right - b.right - m : b.left - l.left - m;
    if (Math.abs(off) > 2) {
      found.push(`the box of step "${(li.textContent || '').trim().slice(0, 40)}" stands ${Math.round(off)} px from where its text starts`);
    }
    // The gap between the box and the first letter after it, on a step that shows
    // no tick's time.
    if (box.parentElement.querySelector(':scope > .tick-time')) continue;
    const walk = document.createTreeWalker(box.parentElement, NodeFilter.SHOW_TEXT);
    for (let t = walk.nextNode(); t; t = walk.nextNode()) {
      if (!(box.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      const at = t.data.search(/\S/);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(t, at);
      range.setEnd(t, at + 1);
      const r = range.getBoundingClientRect();
      // Only a letter on the box's own line.
      if (Math.abs(r.top + r.height / 2 - (b.top + b.height / 2)) < b.height) {
        // On a right-to-left page, the text nearest the box on its line: a step that
        // starts with left-to-right words (a name, a command) sets their first letter
        // at the run's left end, away from the box, with the run's end beside it.
        let near = r.right;
        if (rtl) {
          const all = document.createRange();
          all.setStart(t, at);
          all.setEndAfter(box.parentElement.lastChild);
          for (const q of all.getClientRects()) {
            if (q.width > 0 && q.right <= b.left + 1 && Math.abs(q.top + q.height / 2 - (b.top + b.height / 2)) < b.height) near = Math.max(near, q.right);
          }
        }
        gaps.push({ gap: rtl ? b.left - near : r.left - b.right, text: (li.textContent || '').trim().slice(0, 40) });
      }
      break;
    }
  }
  if (gaps.length) {
    const min = Math.min(...gaps.map((g) => g.gap));
    for (const g of gaps) {
      if (g.gap - min > 1.5) found.push(`the text of step "${g.text}" starts ${Math.round(g.gap - min)} px further from its box than another step's`);
    }
  }
  return { found, n };
}

(async () => {
  const browser = await launch();
  const problems = [];
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });
  await onlyLocal(context, site);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let current = '';
  page.on('pageerror', (e) => problems.push(`${current}: uncaught: ${e.message}`));
  let ordinals = 0, tels = 0, cells = 0, steps = 0;

  // The numbers drawn before each item of every ordered list, in document order,
  // from the accessibility tree, against start + position from the DOM.
  async function numbers(label) {
    const want = await page.evaluate(() => {
      const out = [];
      for (const li of document.querySelectorAll('ol > li')) {
        if (!li.getClientRects().length) continue;
        const ol = li.parentElement;
        if (ol.closest('[hidden], .sheet') || li.closest('details:not([open]) > :not(summary)')) continue;
        const items = [...ol.children].filter((c) => c.tagName === 'LI');
        const start = ol.hasAttribute('start') ? parseInt(ol.getAttribute('start'), 10) : (ol.reversed ? items.length : 1);
        const i = items.indexOf(li);
        out.push({ n: ol.reversed ? start - i : start + i, text: (li.textContent || '').trim().slice(0, 50) });
      }
      return out;
    });
    await cdp.send('Accessibility.enable');
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    // The tree in document order: depth first along each node's ordered children.
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const shown = [];
    const stack = nodes.filter((n) => !n.parentId).reverse();
    while (stack.length) {
      const n = stack.pop();
      if (n.role && n.role.value === 'ListMarker' && !n.ignored) {
        const t = (n.name && n.name.value) || '';
        if (/\d/.test(t)) shown.push(parseInt(t.replace(/[^\d]/g, ''), 10));
      }
      for (const id of [...(n.childIds || [])].reverse()) if (byId.has(id)) stack.push(byId.get(id));
    }
    ordinals += want.length;
    if (shown.length !== want.length) {
      const missing = want.filter((w, i) => shown[i] !== w.n).slice(0, 2).map((w) => `${w.n}. "${w.text}"`);
      problems.push(`${current}${label}: ${want.length} numbered items show ${shown.length} numbers (first without: ${missing.join('; ')})`);
      return;
    }
    want.forEach((w, i) => {
      if (shown[i] !== w.n) problems.push(`${current}${label}: item "${w.text}" shows ${shown[i]}, not ${w.n}`);
    });
  }

  for (const file of pages) {
    current = path.relative(site, file);
    await page.emulateMedia({ media: 'screen' });
    await page.goto(fileUrl(file), { waitUntil: 'load', timeout: 15000 });
    const m = await page.evaluate(measure);
    if (m.scrollW > m.W + 1) problems.push(`${current}: the page scrolls sideways (${m.scrollW} px)`);
    tels += m.tels.length;
    cells += m.cells.length;
    for (const t of m.tels.filter(Boolean)) problems.push(`${current}: tel link ${t}`);
    for (const c of m.cells.filter(Boolean).slice(0, 5)) problems.push(`${current}: table cell ${c}`);
    for (const s of m.small.slice(0, 3)) problems.push(`${current}: tap target ${s}`);
    for (const f of m.footnotes) problems.push(`${current}: ${f}`);
    for (const x of (await page.evaluate(misread)).slice(0, 5)) problems.push(`${current}: number ${x}`);
    for (const x of (await page.evaluate(strandedNextToNumbers)).slice(0, 5)) problems.push(`${current}: ${x}`);
    // A runbook's time ("about 3 h 30 min") keeps each number with its unit: "(environ 3"
    // ended a line and "h 30 min)" began the next. The units are the words of the
    // language's time messages (js-minutes, js-hours-minutes).
    const clock = await page.evaluate(() => {
      const c = document.querySelector('.runbook-clock');
      if (!c || !c.getClientRects().length || !window.lifeboatTr) return null;
      const units = new Set();
      for (const t of [window.lifeboatTr('js-minutes', { n: 7 }), window.lifeboatTr('js-hours-minutes', { h: 7, m: '08' })]) {
        for (const w of t.split(/[\s\d]+/)) if (w) units.add(w);
      }
      const text = c.textContent;
      const split = [...units].find((u) => text.includes(' ' + u) && new RegExp('\\d ' + u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).test(text));
      return split ? `"${text}" (at "${split}")` : null;
    });
    if (clock) problems.push(`${current}: the runbook's time may break between a number and its unit: ${clock}`);
    const under = await page.evaluate(underFixed);
    if (under.length) problems.push(`${current}: text under the hotline button at every scroll position: ${under.slice(0, 3).join(', ')}`);
    await numbers('');
    const placed = await page.evaluate(boxesAfterNumbers);
    steps += placed.n;
    for (const x of placed.found.slice(0, 3)) problems.push(`${current}: ${x}`);
    // Ticked steps keep their numbers.
    const boxes = page.locator('main input.step');
    const n = await boxes.count();
    if (n) {
      for (let i = 0; i < Math.min(n, 3); i++) {
        await boxes.nth(i).check({ timeout: 5000 }).catch((e) => problems.push(`${current}: step ${i + 1} cannot be ticked: ${e.message.split("\n")[0]}`));
      }
      await numbers(' (ticked)');
      // A tick's time stays readable: no line is drawn through it. A decoration of the
      // step reaches inline descendants, not inline blocks.
      const struck = await page.evaluate(() => {
        const t = document.querySelector('main .tick-time');
        if (!t) return 'no time shown for a ticked step';
        if (/line-through/.test(getComputedStyle(t).textDecorationLine)) return 'struck through';
        for (let a = t.parentElement, inline = getComputedStyle(t).display === 'inline'; a && inline; a = a.parentElement) {
          if (/line-through/.test(getComputedStyle(a).textDecorationLine)) return 'struck through with its step';
          inline = getComputedStyle(a).display === 'inline';
        }
        return null;
      });
      if (struck) problems.push(`${current}: the time a step was ticked: ${struck}`);
      await page.locator('button.reset-steps').click().catch(() => {});
    }
    if (shots && /runbooks\/[^/]+\.html$|call-trees\/|^index\.html$|contacts\/[^/]+\.html$/.test(current)) {
      fs.mkdirSync(shots, { recursive: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(shots, current.replace(/[\/]/g, '_') + '.png'), fullPage: true });
    }
    // Printed: the same numbers.
    await page.emulateMedia({ media: 'print' });
    await numbers(' (print)');
    for (const x of (await page.evaluate(boxesAfterNumbers)).found.slice(0, 3)) problems.push(`${current} (print): ${x}`);
    for (const x of (await page.evaluate(misread)).slice(0, 5)) problems.push(`${current} (print): number ${x}`);
    for (const x of (await page.evaluate(strandedNextToNumbers)).slice(0, 5)) problems.push(`${current} (print): ${x}`);
  }
  await browser.close();
  clearTimeout(watchdog);
  for (const p of problems) console.log(p);
  console.log(`pages=${pages.length} ordinals=${ordinals} steps=${steps} tels=${tels} cells=${cells} problems=${problems.length}`);
  process.exit(problems.length ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });

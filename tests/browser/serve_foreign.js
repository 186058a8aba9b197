#!/usr/bin/env node
// `lifeboat serve` against other sites' pages in headless Chromium, as an attacker
// would try it. Run by tests/testsuite/serve.rs.
//
//   node serve_foreign.js PORT
//
// With `lifeboat serve` listening on 127.0.0.1:PORT:
// - DNS rebinding: a page of rebind.test (resolved to 127.0.0.1, as a rebinding
//   attack makes it) that asks for plan.json and index.html on PORT gets no content;
// - another site (evil.test, its own server) that loads search-index.js as a script,
//   frames the site and fetches plan.json reads none of it;
// - a link from that site to the served site still opens it.
// Prints one line per problem and a last line `problems=N`.
'use strict';
const http = require('http');
const { launch } = require('./common');

const port = Number(process.argv[2]);
if (!port) { console.error('usage: serve_foreign.js PORT'); process.exit(2); }
const watchdog = setTimeout(() => { console.error('watchdog: the browser hung'); process.exit(3); }, 90000);
const problems = [];
const check = (ok, what) => { if (!ok) problems.push(what); };

(async () => {
  const evil = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!DOCTYPE html><title>evil</title>
<script src="http://127.0.0.1:${port}/search-index.js"></script>
<iframe id="f" src="http://127.0.0.1:${port}/index.html"></iframe>
<a id="link" href="http://127.0.0.1:${port}/index.html">the plan</a>
<script>
window.stolen = [];
fetch('http://127.0.0.1:${port}/plan.json', { mode: 'no-cors' }).then(function (r) { return r.text(); })
  .then(function (t) { window.stolen.push('fetch:' + t.length); }).catch(function () { window.stolen.push('fetch:blocked'); });
</script>`);
  });
  await new Promise((r) => evil.listen(0, '127.0.0.1', r));
  const evilPort = evil.address().port;
  const browser = await launch(['--host-resolver-rules=MAP rebind.test 127.0.0.1, MAP evil.test 127.0.0.1']);
  try {
    const page = await browser.newPage();
    // Rebinding: the browser sends the attacker's name as Host.
    for (const p of ['plan.json', 'index.html']) {
      const r = await page.goto(`http://rebind.test:${port}/${p}`);
      const body = await page.content();
      check(r.status() === 421, `rebind.test/${p}: status ${r.status()}`);
      check(!/\+44|Northwind|contacts/.test(body), `rebind.test/${p}: content came through`);
    }
    // Another site's page.
    await page.goto(`http://evil.test:${evilPort}/`);
    await page.waitForTimeout(2500);
    const got = await page.evaluate(() => ({ index: typeof window.lifeboatIndex, stolen: window.stolen }));
    check(got.index === 'undefined', `evil.test: search-index.js ran as its script (${got.index})`);
    check(!got.stolen.some((s) => /^fetch:[1-9]/.test(s)), `evil.test: fetch read ${JSON.stringify(got.stolen)}`);
    for (const f of page.frames()) {
      if (f === page.mainFrame()) continue;
      const text = await f.evaluate(() => document.body ? document.body.innerText : '').catch(() => '');
      check(!/Northwind|\+44/.test(text), `evil.test: the site shows in a frame (${f.url()})`);
    }
    // A link followed from that site opens the plan.
    await Promise.all([page.waitForNavigation(), page.click('#link')]);
    const h1 = await page.locator('h1').first().textContent().catch(() => '');
    check(/Northwind|IT Service Continuity/.test(await page.title() + h1), `a link from another site did not open the plan (${await page.title()})`);
  } finally {
    await browser.close();
    evil.close();
  }
  clearTimeout(watchdog);
  for (const p of problems) console.log(p);
  console.log(`problems=${problems.length}`);
  process.exit(problems.length ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });

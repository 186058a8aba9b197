// An encrypted build in Chromium over file://: the unlock form, a wrong passphrase
// (a message, nothing shown), the right one (the private number as a tel: link), a
// second page of the copy open without asking, and "Lock".
//   node unlock_check.js CONFIG.json   {site, passphrase, contact, second, number, tel,
//     wrong (the message for a wrong passphrase, in the plan's interface language),
//     direction (that message's own direction: "ltr" for an English fallback on a
//     right-to-left page), also, dialled}
'use strict';
const fs = require('fs');
const path = require('path');
const { launch, fileUrl, onlyLocal } = require('./common');

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const problems = [];
const check = (ok, what) => { if (!ok) problems.push(what); };

(async () => {
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await onlyLocal(context, config.site);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const shown = () => page.evaluate((tel) => !!document.querySelector(`[data-private-contact] a[href="${tel}"]`), config.tel);
  const bodyHas = () => page.evaluate((n) => document.body.innerText.includes(n), config.number);

  await page.goto(fileUrl(path.join(config.site, config.contact)));
  await page.waitForSelector('#unlock:not([hidden])', { timeout: 10000 }).catch(() => null);
  check(await page.locator('#unlock').isVisible(), 'the unlock form is not shown');
  check(!(await bodyHas()), 'the private number shows before unlocking');

  // Wrong passphrase: a message, nothing shown.
  await page.fill('#unlock input[type=password]', config.passphrase + 'x');
  await page.press('#unlock input[type=password]', 'Enter');
  await page.waitForFunction((wrong) => document.documentElement.getAttribute('data-private') === 'locked' &&
    document.querySelector('.unlock-status').textContent.trim() === wrong, config.wrong, { timeout: 30000 }).catch(() => null);
  const status = await page.locator('.unlock-status').textContent();
  check(status.trim() === config.wrong, `the message for a wrong passphrase is "${status}", not "${config.wrong}"`);
  // Read in its own direction: an English message on a Hebrew page ends with its
  // full stop, not begins with it.
  const direction = await page.$eval('.unlock-status', (s) => getComputedStyle(s).direction);
  check(direction === (config.direction || 'ltr'), `the message reads ${direction}, not ${config.direction || 'ltr'}`);
  // Whole, inside the screen.
  const box = await page.locator('.unlock-status').boundingBox();
  check(box && box.x >= 0 && box.x + box.width <= 360.5, `the message is outside the 360 px screen: ${JSON.stringify(box)}`);
  check(!(await shown()) && !(await bodyHas()), 'a wrong passphrase showed something');

  // The right one: the number, as a tel: link.
  await page.fill('#unlock input[type=password]', config.passphrase);
  await page.press('#unlock input[type=password]', 'Enter');
  await page.waitForFunction(() => document.documentElement.getAttribute('data-private') === 'open', null, { timeout: 30000 }).catch(() => null);
  check(await shown(), 'the right passphrase did not show the private number as a tel: link');
  check(await bodyHas(), 'the private number is not on the page');
  check(!(await page.locator('#unlock').isVisible()), 'the form stays after unlocking');
  // Other private numbers, each shown as written and linked as a phone dials it.
  for (const [text, tel] of config.also || []) {
    const links = await page.$$eval('[data-private-contact] a.tel', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    check(links.some(([t, h]) => t === text && h === tel), `"${text}" is not linked as ${tel}: ${JSON.stringify(links)}`);
  }
  const stored = await page.evaluate(() => JSON.stringify(Object.keys(sessionStorage).map((k) => sessionStorage.getItem(k))));
  check(!stored.includes(config.passphrase), 'the passphrase itself is kept');

  // Another page of the copy: open without asking.
  await page.goto(fileUrl(path.join(config.site, config.second)));
  await page.waitForFunction(() => document.documentElement.getAttribute('data-private') === 'open', null, { timeout: 10000 }).catch(() => null);
  check(await shown(), `${config.second}: not unlocked for the session`);
  check(!(await page.locator('#unlock').isVisible()), `${config.second}: asks again`);

  // Search finds the private number while unlocked: a part of it, and the whole as
  // dialled at home (config.dialled, with the trunk 0).
  for (const query of [config.number.replace(/\D/g, '').slice(-7), config.dialled].filter(Boolean)) {
    await page.locator('#lb-search').pressSequentially(query, { delay: 5 });
    await page.waitForSelector('#lb-search-results a', { timeout: 20000 }).catch(() => null);
    const results = await page.$$eval('#lb-search-results a', (as) => as.map((a) => a.textContent));
    check(results.some((r) => r.includes(config.number)), `search for ${query} does not find the private number (${results.join(' | ')})`);
    await page.locator('#lb-search').fill('');
  }

  // Lock: gone, and the form is back; a reload stays locked.
  const keptBefore = await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('lifeboat:private:'))
    .map((k) => [k, sessionStorage.getItem(k)]));
  check(keptBefore.length === 1, `unlocked, ${keptBefore.length} keys kept for the session`);
  await page.click('button.lock');
  check(!(await shown()) && !(await bodyHas()), 'lock left the number on the page');
  check(await page.locator('#unlock').isVisible(), 'lock did not bring the form back');
  await page.reload();
  await page.waitForSelector('#unlock:not([hidden])', { timeout: 10000 }).catch(() => null);
  check(!(await shown()), 'locked, yet a reload shows the number');
  // Chromium now and then loses a storage write made just before a reload: were the
  // lock's removal of the key lost, the key would come back. The page stays locked.
  await page.evaluate((kept) => kept.forEach(([k, v]) => sessionStorage.setItem(k, v)), keptBefore);
  await page.reload();
  // Locked or opened (from the key, after WebCrypto answers): the page says which.
  await page.waitForFunction(() => /^(open|locked)$/.test(document.documentElement.getAttribute('data-private') || ''),
    null, { timeout: 10000 }).catch(() => null);
  check(!(await shown()) && (await page.evaluate(() => document.documentElement.getAttribute('data-private'))) === 'locked',
    'locked, yet a key that came back from before the lock opens the page');
  check(errors.length === 0, `script errors: ${errors.join('; ')}`);

  await browser.close();
  for (const p of problems) console.log(p);
  console.log(`checks=18 problems=${problems.length}`);
  process.exit(problems.length ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });

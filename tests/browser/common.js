// What the browser checks share: how Chromium is started, the pages of a built site,
// file URLs, and a route that lets a context load only the site's own files.
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');

// Debian's chromium (or $CHROMIUM); playwright-core never downloads a browser.
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--no-first-run', '--disable-background-networking', '--disable-component-update'];

const launch = (extra = []) => chromium.launch({ executablePath: EXECUTABLE, args: ARGS.concat(extra) });

// A persistent profile (a service worker and local storage that outlive a restart).
const launchPersistent = (profile, options) =>
  chromium.launchPersistentContext(profile, { executablePath: EXECUTABLE, args: ARGS, ...options });

const fileUrl = (p) => pathToFileURL(path.resolve(p)).href;

// Every .html file under SITE, sorted.
function htmlPages(site) {
  const pages = [];
  (function walk(dir) {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) pages.push(p);
    }
  })(site);
  return pages.sort();
}

// Lets CONTEXT load files under ROOT (a folder, or any file: when ROOT is null) and
// data: URLs; any other request is aborted and, with OUTSIDE, reported to it.
async function onlyLocal(context, root, outside) {
  const prefix = root ? fileUrl(root) + '/' : 'file:';
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(prefix) || url.startsWith('data:')) return route.continue();
    if (outside) outside(url);
    return route.abort();
  });
}

module.exports = { launch, launchPersistent, fileUrl, htmlPages, onlyLocal };

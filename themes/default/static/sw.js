// lifeboat: the offline copy. Registered by lifeboat.js only when the site is served
// over HTTP(S). On install it keeps every file that manifest.json lists (pages never
// opened included); pages are then answered from that copy, so the site opens with
// no network. While online it looks at manifest.json again now and then: when a new
// build was published, it fetches only the files whose SHA-256 changed, then swaps
// the copy whole and tells open pages which version it now holds. It keeps only the
// files manifest.json lists, each only when its bytes have the SHA-256 listed there:
// a file changed on the server after the build (or a response not of the build)
// never enters the copy, and the copy held stays.
"use strict";
var PREFIX = "lifeboat-";
var scope = self.registration.scope;
var checked = 0;

function name(manifest) {
  return PREFIX + encodeURIComponent(manifest.plan_version) + " " +
    encodeURIComponent(manifest.built) + " " + encodeURIComponent(scope);
}
function mine(key) {
  return key.indexOf(PREFIX) === 0 && key.slice(key.lastIndexOf(" ") + 1) === encodeURIComponent(scope);
}
function current() {
  return caches.keys().then(function (keys) { return keys.filter(mine); });
}
function hex(buffer) {
  return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
    return (b < 16 ? "0" : "") + b.toString(16);
  }).join("");
}
function fetchManifest() {
  return fetch(new URL("manifest.json", scope), { cache: "no-store" }).then(function (r) {
    if (!r.ok) { throw new Error("manifest.json: " + r.status); }
    return r.text();
  });
}
// Builds the copy of the site `text` (manifest.json) describes, reusing the files
// of the copy held now whose hash did not change. Resolves true when a new copy was
// made.
function refresh(text) {
  var manifest = JSON.parse(text);
  var target = name(manifest);
  return current().then(function (keys) {
    if (keys.indexOf(target) >= 0) { return false; }
    var old = keys.length ? keys[keys.length - 1] : null;
    return (old ? caches.open(old) : Promise.resolve(null)).then(function (oldCache) {
      var oldHashes = Promise.resolve({});
      if (oldCache) {
        oldHashes = oldCache.match(new URL("manifest.json", scope)).then(function (r) {
          return r ? r.json() : { files: [] };
        }).then(function (m) {
          var h = {};
          (m.files || []).forEach(function (f) { h[f.path] = f.sha256; });
          return h;
        }).catch(function () { return {}; });
      }
      return Promise.all([caches.open(target + " (incomplete)"), oldHashes]).then(function (both) {
        var fresh = both[0], hashes = both[1];
        var queue = manifest.files.slice();
        function worker() {
          var f = queue.shift();
          if (!f) { return Promise.resolve(); }
          var url = new URL(f.path.split("/").map(encodeURIComponent).join("/"), scope);
          var reuse = oldCache && hashes[f.path] === f.sha256 ? oldCache.match(url) : Promise.resolve(null);
          return reuse.then(function (r) {
            if (r) { return fresh.put(url, r); }
            return fetch(url, { cache: "no-cache" }).then(function (res) {
              if (!res.ok) { throw new Error(f.path + ": " + res.status); }
              var type = res.headers.get("Content-Type") || "application/octet-stream";
              return res.arrayBuffer().then(function (body) {
                return crypto.subtle.digest("SHA-256", body).then(function (d) {
                  if (hex(d) !== f.sha256) { throw new Error(f.path + ": not the file of this build"); }
                  return fresh.put(url, new Response(body, { headers: { "Content-Type": type } }));
                });
              });
            });
          }).then(worker);
        }
        var workers = [];
        for (var i = 0; i < 6; i++) { workers.push(worker()); }
        return Promise.all(workers).then(function () {
          return fresh.put(new URL("manifest.json", scope), new Response(text, {
            headers: { "Content-Type": "application/json" },
          }));
        });
      }).then(function () {
        // The complete copy under its own name, then the old ones go.
        return caches.open(target + " (incomplete)").then(function (c) {
          return caches.open(target).then(function (t) {
            return c.keys().then(function (reqs) {
              return Promise.all(reqs.map(function (req) {
                return c.match(req).then(function (res) { return t.put(req, res); });
              }));
            });
          });
        });
      }).then(function () {
        return caches.delete(target + " (incomplete)");
      }).then(function () {
        return current().then(function (all) {
          return Promise.all(all.filter(function (k) { return k !== target; }).map(function (k) {
            return caches.delete(k);
          }));
        });
      }).then(function () { return true; });
    });
  });
}
function update() {
  return fetchManifest().then(refresh).then(function (changed) {
    // Only a look that succeeded waits for the next; a failed one is tried again.
    checked = Date.now();
    if (!changed) { return; }
    return self.clients.matchAll().then(function (cs) {
      cs.forEach(function (c) { c.postMessage({ type: "lifeboat-cached" }); });
    });
  }).catch(function () { /* offline, or the site moved: keep the copy held */ });
}

self.addEventListener("install", function (event) {
  event.waitUntil(fetchManifest().then(refresh).then(function () { return self.skipWaiting(); }));
});
self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim().then(function () {
    return self.clients.matchAll().then(function (cs) {
      cs.forEach(function (c) { c.postMessage({ type: "lifeboat-cached" }); });
    });
  }));
});
self.addEventListener("fetch", function (event) {
  var req = event.request;
  if (req.method !== "GET" || req.url.indexOf(scope) !== 0) { return; }
  var url = new URL(req.url);
  url.hash = "";
  url.search = "";
  // A folder's address is its index page (as web servers answer it).
  if (url.pathname.slice(-1) === "/") { url.pathname += "index.html"; }
  if (url.href === new URL("manifest.json", scope).href) { return; }
  // Now and then while online (every navigation when the last look failed).
  if (req.mode === "navigate" && Date.now() - checked > 30000) { event.waitUntil(update()); }
  event.respondWith(current().then(function (keys) {
    var key = keys.filter(function (k) { return k.indexOf("(incomplete)") < 0; }).pop();
    return key ? caches.open(key).then(function (c) { return c.match(url.href); }) : null;
  }).then(function (hit) {
    return hit || fetch(req);
  }));
});

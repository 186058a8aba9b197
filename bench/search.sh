#!/usr/bin/env bash
# The search index: its size, and the time from the first key typed in the search
# box to the first result shown, in headless Chromium from file:// (the index is
# loaded when the box is first used, so this includes loading it). On the example
# plan and on a generated plan of 10,000 runbooks (about 40 MB of prose).
#
#   bench/search.sh [RUNS]       (needs tests/browser's npm packages and chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
work=${BENCH_DIR:-/tmp/lifeboat-bench-search}
rm -rf "$work"
mkdir -p "$work"
cargo build --release --quiet --example gen-plan
cargo build --release --quiet
./target/release/examples/gen-plan "$work/plan" --services 200 --contacts 500 --runbooks 10000 >/dev/null 2>&1
./target/release/lifeboat build example-plan -o "$work/example" --now 2026-11-24 >/dev/null 2>&1
./target/release/lifeboat build "$work/plan" -o "$work/large" --now 2026-11-24 >/dev/null 2>&1
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for site in example large; do
  if [ "$site" = example ]; then queries=("Ruiz" "7700 900001"); else queries=("replica" "Runbook 9999"); fi
  for query in "${queries[@]}"; do
    ms=()
    for _ in $(seq "$runs"); do
      printf '{"site": "%s", "phone": false, "time": "%s"}' "$work/$site" "$query" > "$work/config.json"
      line=$(node tests/browser/reader_check.js "$work/config.json" | tail -1)
      ms+=("$(sed -n 's/.*first_result_ms=\([0-9]*\).*/\1/p' <<<"$line")")
    done
    bytes=$(stat -c %s "$work/$site/search-index.js")
    gz=$(gzip -c "$work/$site/search-index.js" | wc -c)
    prose=$(du -sb "$( [ "$site" = large ] && echo "$work/plan" || echo example-plan )" | cut -f1)
    echo "$site: query \"$query\": first result after $(printf '%s\n' "${ms[@]}" | median) ms (median of $runs); index $((bytes / 1024)) KiB ($((gz / 1024)) KiB gzipped), plan $((prose / 1024)) KiB"
  done
done

# With BENCH_MDBOOK=1 (and mdbook installed): the same 10,000 runbooks as an mdBook,
# its search index and its time to the first result, measured the same way.
if [ "${BENCH_MDBOOK:-0}" = 1 ] && command -v mdbook >/dev/null; then
  book=$work/mdbook
  mkdir -p "$book/src"
  printf '[book]\ntitle = "bench"\n' > "$book/book.toml"
  echo '# Summary' > "$book/src/SUMMARY.md"
  for f in $(ls "$work/plan/runbooks" | sort -t- -k2 -n); do
    awk 'BEGIN{n=0} /^\+\+\+$/ {n++; next} n>=2' "$work/plan/runbooks/$f" > "$book/src/$f"
    echo "- [${f%.md}]($f)" >> "$book/src/SUMMARY.md"
  done
  t=$( { /usr/bin/time -f '%e' mdbook build "$book" >/dev/null 2>&1; } 2>&1 | tail -1)
  idx=$(ls "$book"/book/searchindex*.js)
  cat > "$work/mdbook.js" <<JS
const { chromium } = require('$PWD/tests/browser/node_modules/playwright-core');
(async () => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const p = await b.newPage({ viewport: { width: 360, height: 740 } });
  await p.goto('file://$book/book/index.html');
  await p.click('#mdbook-search-toggle');
  const t0 = Date.now();
  await p.locator('#mdbook-searchbar').pressSequentially('replica');
  await p.waitForSelector('#mdbook-searchresults a', { timeout: 300000 });
  const heap = await p.evaluate(() => performance.memory.usedJSHeapSize);
  console.log('mdbook: query "replica": first result after ' + (Date.now() - t0) + ' ms (typing included); JS heap ' + Math.round(heap / 1048576) + ' MiB');
  await b.close();
})();
JS
  node "$work/mdbook.js"
  echo "mdbook: build $t s; index $(( $(stat -c %s "$idx") / 1024 )) KiB ($(( $(gzip -c "$idx" | wc -c) / 1024 )) KiB gzipped)"
fi

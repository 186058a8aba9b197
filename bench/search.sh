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

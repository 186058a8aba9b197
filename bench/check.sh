#!/usr/bin/env bash
# Benchmark of `lifeboat check` on a generated plan (5,000 services, 10,000 runbooks,
# 10,000 contacts: about 36,000 items in 16,000 files), side by side with Python's
# tomllib merely parsing the same TOML and front matter. Prints a Markdown table.
#   bench/check.sh [RUNS]        (default 5 runs; the median is reported)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
plan=${BENCH_PLAN:-/tmp/lifeboat-bench-plan}
cargo build --release --quiet --example gen-plan
cargo build --release --quiet
./target/release/examples/gen-plan "$plan" 2>/dev/null
files=$(find "$plan" -type f | wc -l)
bytes=$(find "$plan" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

sync
# One warm-up run each, then the timed runs of each tool in turn.
python3 bench/parse_baseline.py "$plan" >/dev/null
./target/release/lifeboat check "$plan" --now 2026-11-24 >/dev/null 2>&1 || true
py_times=(); lb_times=(); lb_mem=()
# Alternated, so that a busy spell of the machine falls on both.
for _ in $(seq "$runs"); do
  py_times+=("$(python3 bench/parse_baseline.py "$plan" | cut -d' ' -f1)")
  /usr/bin/time -o /tmp/lifeboat-bench-time -f '%e %M' ./target/release/lifeboat check "$plan" --now 2026-11-24 >/dev/null 2>&1 || true
  out=$(tail -1 /tmp/lifeboat-bench-time)
  lb_times+=("${out% *}"); lb_mem+=("${out#* }")
done
items=$(python3 bench/parse_baseline.py "$plan" | cut -d' ' -f3)
py=$(printf '%s\n' "${py_times[@]}" | median)
lb=$(printf '%s\n' "${lb_times[@]}" | median)
mem=$(printf '%s\n' "${lb_mem[@]}" | median)
echo "| what | time (median of $runs runs) | peak memory |"
echo "| --- | --- | --- |"
echo "| python3 tomllib, parse only ($files files, $items items) | ${py} s | |"
echo "| lifeboat check (load, resolve, all checks) | ${lb} s | $((mem / 1024)) MiB |"
awk -v a="$lb" -v b="$py" 'BEGIN { printf "\nlifeboat check takes %.1f%% of the parse-only time (the goal is at most 15%%).\n", 100 * a / b }'
awk -v m="$mem" -v b="$bytes" 'BEGIN { printf "Its peak memory is %.1f times the plan'"'"'s %.1f MiB (the goal is at most 3).\n", m * 1024 / b, b / 1048576 }'

#!/usr/bin/env bash
# Benchmark of a rebuild: `lifeboat build` into the folder its previous build wrote,
# after one runbook's prose changed, after nothing changed, and after a change that
# draws every page (a runbook's title), against a build into a new folder. The plan
# is bench/build.sh's (10,000 runbooks, 200 services, 500 contacts). Prints a
# Markdown table.
#   bench/rebuild.sh [RUNS]        (default 5 runs; the median is reported)
# Needs GNU time (/usr/bin/time) and openssl.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
runbooks=${BENCH_RUNBOOKS:-10000}
work=${BENCH_DIR:-/tmp/lifeboat-bench-rebuild}
plan=$work/plan
cargo build --release --quiet --example gen-plan
cargo build --release --quiet
# The previous run's folder is removed after this run's timings, not before: right
# after a large site is deleted, ext4 spends seconds more in the kernel creating
# files (its `recently_deleted` inodes).
old_work=""
if [ -e "$work" ]; then old_work="$work.old-$$"; mv "$work" "$old_work"; fi
mkdir -p "$work"
./target/release/examples/gen-plan "$plan" --services 200 --contacts 500 --runbooks "$runbooks" >/dev/null 2>&1
lb=./target/release/lifeboat
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() { # prints "seconds KiB"
  /usr/bin/time -o "$work/time" -f '%e %M' "$@" >/dev/null 2>&1
  tail -1 "$work/time"
}
build() { timed "$lb" build "$plan" -o "$1" --now 2026-11-24; }
sync
build "$work/site" >/dev/null
fresh=(); prose=(); none=(); title=(); mem=(); floor=(); hashed=()
for i in $(seq "$runs"); do
  # A folder never used: right after a large site is deleted, ext4 spends seconds
  # more in the kernel creating files (its `recently_deleted` inodes).
  r=$(build "$work/fresh-$i"); fresh+=("${r% *}")
  printf '\nA line added in run %s.\n' "$i" >>"$plan/runbooks/runbook-$((i * 997 % runbooks)).md"
  # The folder just built (300 MB) is written out first, so that writing it back
  # does not fall inside this rebuild (0.41-0.66 s in one run without this). The
  # previous site is then on disk too, as an author's is some time after a build:
  # on a file system mounted with `discard`, removing its print.html waits for the
  # disk (see the README's seventh round).
  sync
  r=$(build "$work/site"); prose+=("${r% *}"); mem+=("${r#* }")
  # The floor of that rebuild: reading and checking the plan (`lifeboat check`) and
  # writing the two files that hold every runbook and so change with any of them
  # (print.html and plan.json, copied over copies of them made just before, as a
  # rebuild replaces the previous build's).
  c=$(timed "$lb" check "$plan" --now 2026-11-24); mkdir "$work/copy-$i"
  cp "$work/site/print.html" "$work/site/plan.json" "$work/copy-$i/"
  w=$(timed cp "$work/site/print.html" "$work/site/plan.json" "$work/copy-$i/")
  floor+=("$(awk -v c="${c% *}" -v w="${w% *}" 'BEGIN { print c + w }')")
  # With their SHA-256, which manifest.json lists (OpenSSL's, which uses the
  # processor's SHA instructions as lifeboat's sha2 does; its user time only, as
  # lifeboat hashes bytes it holds), done beside the copy.
  /usr/bin/time -o "$work/time" -f '%U' openssl dgst -sha256 "$work/site/print.html" "$work/site/plan.json" >/dev/null 2>&1
  s=$(tail -1 "$work/time")
  hashed+=("$(awk -v c="${c% *}" -v w="${w% *}" -v s="${s% *}" 'BEGIN { print c + (w > s ? w : s) }')")
  r=$(build "$work/site"); none+=("${r% *}")
  sed -i "s/^title = \"Runbook \(.*\)\"/title = \"Runbook \1 (run $i)\"/" "$plan/runbooks/runbook-$((i * 991 % runbooks)).md"
  r=$(build "$work/site"); title+=("${r% *}")
done
pages=$(find "$work/site" -name '*.html' | wc -l)
echo "| lifeboat build of $runbooks runbooks ($pages pages) | time (median of $runs runs) |"
echo "| --- | --- |"
echo "| into a new folder | $(printf '%s\n' "${fresh[@]}" | median) s |"
echo "| over its previous site, one runbook's prose changed | $(printf '%s\n' "${prose[@]}" | median) s ($(( $(printf '%s\n' "${mem[@]}" | median) / 1024 )) MiB; runs: ${prose[*]}) |"
echo "| over its previous site, nothing changed | $(printf '%s\n' "${none[@]}" | median) s |"
echo "| over its previous site, one runbook's title changed (every page drawn) | $(printf '%s\n' "${title[@]}" | median) s |"
echo
echo "The floor of the one-runbook rebuild (lifeboat check, then print.html and plan.json copied, $(du -cb "$work/site/print.html" "$work/site/plan.json" | tail -1 | cut -f1 | awk '{ printf "%.0f MB", $1 / 1e6 }')): $(printf '%s\n' "${floor[@]}" | median) s (#20 asks for at most 0.3 s); with their SHA-256 hashed meanwhile: $(printf '%s\n' "${hashed[@]}" | median) s."
[ -z "$old_work" ] || rm -rf "$old_work"

#!/usr/bin/env bash
# Benchmark of the communication kit: a plan with a call tree of 2,000 people (each
# caller calls up to 8), built with personal cards (call_tree_cards = true) and
# without, alternately. The difference is what 2,000 personal cards cost a build
# (both paper sizes, their QR codes, the call-tree page, 2,000 vCards). The goal is
# at most 0.5 s. Prints a Markdown table.
#   bench/cards.sh [RUNS]          (default 5 runs; the median is reported)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
people=${BENCH_PEOPLE:-2000}
work=${BENCH_DIR:-/tmp/lifeboat-bench-cards}
cargo build --release --quiet
rm -rf "$work"
mkdir -p "$work"
python3 - "$work" "$people" <<'PY'
import os, sys
work, n = sys.argv[1], int(sys.argv[2])
for cards in ("with", "without"):
    plan = os.path.join(work, cards)
    os.makedirs(os.path.join(plan, "contacts"))
    with open(os.path.join(plan, "plan.toml"), "w") as f:
        f.write('[plan]\ntitle = "Bench"\norganization = "Bench Ltd"\nversion = "1"\n'
                'classification = "INTERNAL"\n\n[hotline]\nlabel = "Bridge"\nphone = "+44 20 7946 0000"\n\n'
                '[[card]]\nid = "staff"\ntitle = "Staff card"\ncontacts = ["p0", "p1"]\nqr = "hotline"\n\n'
                f'[cards]\ncall_tree_cards = {"true" if cards == "with" else "false"}\n')
    with open(os.path.join(plan, "contacts", "people.toml"), "w") as f:
        for i in range(n):
            f.write(f'[[contact]]\nid = "p{i}"\nname = "Person Nummer {i} Ångström"\nrole = "Responder"\n'
                    f'phone = "+44 7700 9{i:05d}"\nemail = "p{i}@bench.example"\n'
                    f'alternates = ["p{(i + 1) % n}"]\n\n')
        f.write('[[call_tree]]\nid = "all"\ntitle = "Everyone"\nroot = "p0"\n[call_tree.calls]\n')
        for i in range(n):
            callees = [c for c in range(i * 8 + 1, i * 8 + 9) if c < n]
            if callees:
                f.write(f'p{i} = [{", ".join(f"{chr(34)}p{c}{chr(34)}" for c in callees)}]\n')
PY
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
with=(); without=(); mem_with=()
for _ in $(seq "$runs"); do
  for kind in with without; do
    /usr/bin/time -o "$work/time" -f '%e %M' ./target/release/lifeboat build "$work/$kind" -o "$work/site-$kind" --now 2026-11-24 >/dev/null 2>&1
    out=$(tail -1 "$work/time")
    if [ "$kind" = with ]; then with+=("${out% *}"); mem_with+=("${out#* }"); else without+=("${out% *}"); fi
  done
done
w=$(printf '%s\n' "${with[@]}" | median)
wo=$(printf '%s\n' "${without[@]}" | median)
m=$(printf '%s\n' "${mem_with[@]}" | median)
faces=$(grep -o 'class="card card-front"' "$work/site-with/cards/index.html" | wc -l)
echo "| what | time (median of $runs runs) |"
echo "| --- | --- |"
echo "| lifeboat build, $people people in a call tree, without personal cards | ${wo} s |"
echo "| lifeboat build, the same with personal cards ($faces cards, A4 and Letter) | ${w} s ($((m / 1024)) MiB) |"
awk -v a="$w" -v b="$wo" 'BEGIN { printf "\nThe personal cards add %.2f s to the build (the goal is at most 0.5 s).\n", a - b }'

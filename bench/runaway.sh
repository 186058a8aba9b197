#!/usr/bin/env bash
# Inputs that used to cost out of proportion to their size, each on a copy of the
# example plan: wall time and peak memory (GNU time's maximum resident set) of
# `lifeboat build`, and how it ended. Prints a Markdown table.
#   bench/runaway.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/lifeboat
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fresh() { rm -rf "$work/plan" "$work/site"; cp -r example-plan "$work/plan"; rm -rf "$work/plan/site"; }
run() {
  local what=$1
  /usr/bin/time -f '%e %M' -o "$work/time" "$bin" build "$work/plan" -o "$work/site" --now 2026-11-24 \
    >"$work/out" 2>"$work/err" && code=0 || code=$?
  read -r secs kib < <(tail -n 1 "$work/time") || true
  local said
  said=$(grep -m1 -E '^error' "$work/err" | cut -c1-90 || true)
  printf '| %s | %s s | %s MiB | exit %s %s |\n' "$what" "$secs" "$((kib / 1024))" "$code" "${said:+($said)}"
}

echo '| input | time | peak memory | outcome |'
echo '| --- | --- | --- | --- |'
fresh; run "the example plan, as it is"

fresh
python3 - "$work/plan" <<'PY'
import sys
p = sys.argv[1]
n = 20000
people = "".join(f'[[contact]]\nid = "p{i}"\nname = "Person {i}"\nphone = "+44 20 7946 {i % 10000:04d}"\n\n' for i in range(n))
open(f"{p}/contacts/chain.toml", "w").write(people)
calls = "".join(f'p{i} = ["p{i+1}"]\n' for i in range(n - 1))
open(f"{p}/contacts/chain-tree.toml", "w").write(f'[[call_tree]]\nid = "chain"\ntitle = "Chain"\nroot = "p0"\n[call_tree.calls]\n{calls}')
PY
run "a call tree that is one chain 20,000 deep"

fresh
python3 - "$work/plan" <<'PY'
import sys
p = sys.argv[1]
open(f"{p}/comms/braces.md", "w").write('+++\ntitle = "Braces"\naudience = ["all-staff"]\nchannel = "email"\n+++\n' + "{{" * 100000 + "x}}\n" + "{{ a" * 100000 + "\n")
PY
run "100,000 {{ in an 800 KB comms template"

fresh
mkdir -p "$work/plan/templates"
printf '{%% for i in range(end=100000000) %%}{{ i }}{%% endfor %%}' >"$work/plan/templates/item-end.html"
run "an override looping range(end=100000000)"

fresh
mkdir -p "$work/plan/templates"
python3 -c "print('{% if true %}' * 20000 + 'x' + '{% endif %}' * 20000)" >"$work/plan/templates/item-end.html"
run "an override nesting 20,000 {% if %}"

fresh
head -c $((64 * 1024 * 1024)) /dev/zero >"$work/plan/assets/big.bin"
for i in $(seq 1 29); do ln "$work/plan/assets/big.bin" "$work/plan/assets/link-$i.bin"; done
run "30 hard links of a 64 MiB asset"

fresh
python3 - "$work/plan" <<'PY'
import sys
p = sys.argv[1]
body = "x [[db-cluster-restore]] " * 40000 + " [y](https://a.example)"
open(f"{p}/runbooks/many-references.md", "w").write('+++\ntitle = "Many"\n+++\n' + body + "\n")
PY
run "40,000 references in one 1 MB paragraph with a link"

fresh
python3 - "$work/plan" <<'PY'
import sys
p = sys.argv[1]
open(f"{p}/runbooks/openers.md", "w").write('+++\ntitle = "Openers"\n+++\n' + "[a](" * 100000 + "\n")
PY
run "100,000 unclosed links [a]( in a 400 KB runbook"

fresh
python3 - "$work/plan" <<'PY'
import sys
p = sys.argv[1]
refs = "[[ana\\u002druiz]] " * 40000
open(f"{p}/services/escaped.toml", "w").write(f'[[service]]\nid = "escaped"\nname = "Escaped"\nbody = "{refs}"\n')
PY
run "40,000 references written with an escape in a 760 KB TOML body"

fresh
python3 - "$work/plan" <<'PY'
import sys
p = sys.argv[1]
names = " ".join("{{p%d}}" % k for k in range(50000))
open(f"{p}/comms/fill-in.md", "w").write('+++\ntitle = "Fill in"\naudience = ["all-staff"]\nchannel = "email"\n+++\n' + names + "\n")
PY
run "50,000 different placeholders in a 450 KB comms template"

# `lifeboat diff` of two copies of the plan whose one runbook differs in every line.
fresh
cp -r "$work/plan" "$work/other"
python3 - "$work/plan" "$work/other" <<'PY'
import sys
for p, word in zip(sys.argv[1:], "ab"):
    lines = "".join(f"line {word} {i}\n" for i in range(50000))
    open(f"{p}/runbooks/long.md", "w").write('+++\ntitle = "Long"\n+++\n' + lines)
PY
/usr/bin/time -f '%e %M' -o "$work/time" "$bin" diff "$work/plan" "$work/other" >"$work/out" 2>"$work/err" && code=0 || code=$?
read -r secs kib < <(tail -n 1 "$work/time") || true
printf '| %s | %s s | %s MiB | exit %s |\n' "diff: a runbook's 50,000 lines all changed (lifeboat diff)" "$secs" "$((kib / 1024))" "$code"
rm -rf "$work/other"

fresh
for i in 1 2 3; do head -c $((60 * 1024 * 1024)) /dev/urandom >"$work/plan/assets/scan-$i.pdf"; done
run "three 60 MiB assets (allowed: copied a buffer at a time)"

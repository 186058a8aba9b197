#!/usr/bin/env bash
# Benchmark of `lifeboat build`, side by side with Hugo (Debian's `hugo`, minimal
# theme) rendering the same 10,000 runbook pages, in one run. Prints a Markdown table.
#   bench/build.sh [RUNS]          (default 3 runs; the median is reported)
# Needs: hugo (apt-get install hugo), GNU time (/usr/bin/time), openssl.
# BENCH_RUNBOOKS (default 10000) sets the plan size, to see how the cost grows.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
runbooks=${BENCH_RUNBOOKS:-10000}
work=${BENCH_DIR:-/tmp/lifeboat-bench-build}
plan=$work/plan
hugo_site=$work/hugo
cargo build --release --quiet --example gen-plan
cargo build --release --quiet
# The previous run's folder is removed after this run's timings, not before: right
# after a large site is deleted, ext4 spends seconds more in the kernel creating
# files (its `recently_deleted` inodes).
old_work=""
if [ -e "$work" ]; then old_work="$work.old-$$"; mv "$work" "$old_work"; fi
mkdir -p "$work"
./target/release/examples/gen-plan "$plan" --services 200 --contacts 500 --runbooks "$runbooks" >/dev/null 2>&1

# The same runbooks as a Hugo site with a minimal theme: a page per runbook, and
# the runbooks' list page.
mkdir -p "$hugo_site/content/runbooks" "$hugo_site/layouts/_default"
cp -r "$plan/runbooks/." "$hugo_site/content/runbooks/"
cat > "$hugo_site/hugo.toml" <<'TOML'
baseURL = "https://example.org/"
title = "Benchmark"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
TOML
cat > "$hugo_site/layouts/_default/baseof.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><header><a href="/">Home</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
HTML
cat > "$hugo_site/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}
HTML
cat > "$hugo_site/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
HTML

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() { # prints "seconds KiB processor-seconds"
  /usr/bin/time -o "$work/time" -f '%e %M %U %S' "$@" >/dev/null 2>&1
  tail -1 "$work/time" | awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }'
}
cpu() { cut -d' ' -f3; }
wall_mem() { cut -d' ' -f1-2; }
sync
# Warm-up runs, then the timed runs of each tool alternately.
hugo --quiet -s "$hugo_site" -d "$work/hugo-out" >/dev/null 2>&1
./target/release/lifeboat build "$plan" -o "$work/site" --now 2026-11-24 >/dev/null 2>&1
h_t=(); h_m=(); l_t=(); l_m=(); f_t=(); f_m=(); h_c=(); f_c=()
c_t=(); c_c=(); t_t=(); t_c=(); s_t=(); s_c=()
for _ in $(seq "$runs"); do
  r=$(timed hugo --quiet -s "$hugo_site" -d "$work/hugo-out"); h_c+=("$(echo "$r" | cpu)"); r=$(echo "$r" | wall_mem); h_t+=("${r% *}"); h_m+=("${r#* }")
  r=$(timed ./target/release/lifeboat build "$plan" -o "$work/site" --now 2026-11-24 | wall_mem); l_t+=("${r% *}"); l_m+=("${r#* }")
  # Into a new folder: nothing of a previous build to reuse (one never used: right
  # after a large site is deleted, ext4 spends seconds more creating files).
  fresh="$work/fresh-$RANDOM"
  r=$(timed ./target/release/lifeboat build "$plan" -o "$fresh" --now 2026-11-24); f_c+=("$(echo "$r" | cpu)"); r=$(echo "$r" | wall_mem); f_t+=("${r% *}"); f_m+=("${r#* }")
  # The floor of any build of this plan: reading and checking it (`lifeboat check`,
  # which item 7 of #20 measures against tomllib) and writing the site's bytes
  # (a `tar` pipe of the site just built into a new folder, the yardstick of item 6).
  r=$(timed ./target/release/lifeboat check "$plan" --now 2026-11-24); c_c+=("$(echo "$r" | cpu)"); c_t+=("${r%% *}")
  mkdir "$fresh-copy"
  r=$(timed sh -c 'tar -C "$1" -cf - . | tar -C "$2" -xf -' sh "$fresh" "$fresh-copy"); t_c+=("$(echo "$r" | cpu)"); t_t+=("${r%% *}")
  # And the SHA-256 of every file of it, which manifest.json lists (OpenSSL's, which
  # uses the processor's SHA instructions as lifeboat's sha2 does): its user time
  # only, as lifeboat hashes bytes it holds, with no file to read.
  /usr/bin/time -o "$work/time" -f '%e %U' sh -c 'find "$1" -type f -print0 | xargs -0 openssl dgst -sha256 >/dev/null' sh "$fresh" 2>/dev/null
  r=$(tail -1 "$work/time"); s_c+=("${r#* }"); s_t+=("${r%% *}")
done
ht=$(printf '%s\n' "${h_t[@]}" | median); hm=$(printf '%s\n' "${h_m[@]}" | median)
lt=$(printf '%s\n' "${l_t[@]}" | median); lm=$(printf '%s\n' "${l_m[@]}" | median)
ft=$(printf '%s\n' "${f_t[@]}" | median); fm=$(printf '%s\n' "${f_m[@]}" | median)
hc=$(printf '%s\n' "${h_c[@]}" | median); fc=$(printf '%s\n' "${f_c[@]}" | median)
ct=$(printf '%s\n' "${c_t[@]}" | median); cc=$(printf '%s\n' "${c_c[@]}" | median)
tt=$(printf '%s\n' "${t_t[@]}" | median); tc=$(printf '%s\n' "${t_c[@]}" | median)
st=$(printf '%s\n' "${s_t[@]}" | median); sc=$(printf '%s\n' "${s_c[@]}" | median)
hp=$(find "$work/hugo-out" -name '*.html' | wc -l); lp=$(find "$work/site" -name '*.html' | wc -l)
echo "| what | pages | time (median of $runs runs) | peak memory |"
echo "| --- | --- | --- | --- |"
echo "| $(hugo version | cut -d' ' -f1-2), minimal theme, the $runbooks runbooks | $hp | ${ht} s | $((hm / 1024)) MiB |"
echo "| lifeboat build, the whole plan ($runbooks runbooks, 200 services, 500 contacts), over its previous site (nothing changed: every page reused, see bench/rebuild.sh) | $lp | ${lt} s | $((lm / 1024)) MiB |"
echo "| the same into a new folder | $lp | ${ft} s | $((fm / 1024)) MiB |"
awk -v a="$lt" -v f="$ft" -v b="$ht" 'BEGIN { printf "\nlifeboat build takes %.0f%% of Hugo'"'"'s time over its unchanged previous site, %.0f%% into a new folder.\n", 100 * a / b, 100 * f / b }'
awk -v a="$fc" -v b="$hc" 'BEGIN { printf "Processor time (user and system) into a new folder: lifeboat %.2f s, Hugo %.2f s (%.2f times; #20 asks for at most 0.15).\n", a, b, a / b }'
awk -v f="$ft" -v t="$tt" 'BEGIN { printf "Wall time into a new folder: %.2f times a tar copy of the site (%.2f s; #20 asks for at most 1.5).\n", f / t, t }'
awk -v cc="$cc" -v ct="$ct" -v tc="$tc" -v tt="$tt" -v h="$hc" 'BEGIN { printf "The floor, reading and checking the plan (lifeboat check: %.2f s, %.2f s of processor time) and writing the site (the tar copy: %.2f s, %.2f s of processor time): %.2f s of processor time, %.2f times Hugo'"'"'s, and %.2f s, %.2f times the copy.\n", ct, cc, tt, tc, cc + tc, (cc + tc) / h, ct + tt, (ct + tt) / tt }'
cores=$(nproc)
awk -v cc="$cc" -v ct="$ct" -v tc="$tc" -v tt="$tt" -v sc="$sc" -v st="$st" -v n="$cores" 'BEGIN { w = ct + tt; p = (cc + tc + sc) / n; if (p > w) w = p; printf "With the SHA-256 of the site'"'"'s files that manifest.json lists (%.2f s, %.2f s of user time), the floor is %.2f s of processor time; on %d cores no build can take less than %.2f s, %.2f times the copy.\n", st, sc, cc + tc + sc, n, w, w / tt }'
bytes=$(du -sb "$work/site" | cut -f1)
# The runbooks' prose (their Markdown after the front matter): the spec puts it in
# three files at least, the runbook's page, print.html and plan.json.
prose=$(find "$plan/runbooks" -name '*.md' -exec env LC_ALL=C awk 'FNR == 1 { fm = 0 } /^\+\+\+$/ { fm++; next } fm >= 2 { n += length($0) + 1 } END { print n }' {} + | awk '{ s += $1 } END { print s }')
awk -v b="$bytes" -v p="$prose" -v n="$runbooks" 'BEGIN { printf "Site bytes per runbook: %.1f KB (#20 asks for at most 8); the runbooks'"'"' Markdown alone is %.1f KB per runbook, %.1f KB at the three places the spec puts it.\n", b / n / 1000, p / n / 1000, 3 * p / n / 1000 }'
[ -z "$old_work" ] || rm -rf "$old_work"

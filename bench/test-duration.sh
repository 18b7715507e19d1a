#!/usr/bin/env bash
# Wall-clock duration of the whole suite, `./strata test`, with its closing line.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$BENCH_ROOT"
log="$(mktemp /tmp/strata-bench-test.XXXXXX.log)"
start=$(now_ms)
rc=0
./strata test >"$log" 2>&1 || rc=$?
elapsed=$(($(now_ms) - start))
tail -n 1 "$log"
printf './strata test: %d.%03d s (exit %d; log %s)\n' $((elapsed / 1000)) $((elapsed % 1000)) "$rc" "$log"

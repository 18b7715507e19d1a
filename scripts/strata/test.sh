# ./strata test: the whole suite, ending with "N passed, N failed". Sourced by ./strata.
# shellcheck shell=bash
#
# Stages: type check, lint, unit + integration tests (jest; every database test on SQLite and
# PostgreSQL), browser end-to-end tests (Playwright + Chromium against the portal served exactly
# as `./strata start` serves it). A stage that cannot run counts as failed, never as skipped.

STRATA_RESULTS="$ROOT/.data/test-results"
_passed=0
_failed=0

record() { _passed=$((_passed + $1)); _failed=$((_failed + $2)); }

# One check that passes or fails as a whole (tsc, lint).
run_check() {
  local label="$1"
  shift
  local started
  started=$(date +%s)
  step "$label"
  if "$@"; then
    ok "    $label: passed ($(elapsed_since "$started")s)"
    record 1 0
  else
    printf '%s    %s: FAILED%s\n' "$_red" "$label" "$_reset"
    record 0 1
  fi
}

# PostgreSQL for TestDatabases: the local server or a connection string from the environment.
# Unreachable is a warning on a laptop and a failure under CI=true: never a silent skip.
strata_check_postgres() {
  local url="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
  local shown
  shown="$(printf '%s' "$url" | sed -E 's#(://[^:@/]*):[^@]*@#\1:***@#')" # never print a password
  export BACKSTAGE_TEST_DISABLE_DOCKER=1
  step "PostgreSQL for the database tests"
  local version
  if version="$(postgres_server_version "$url")"; then
    export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$url"
    export STRATA_EXPECT_POSTGRES=1
    info "using $shown (server $version): database tests run on SQLite and PostgreSQL"
  else
    unset BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
    if [ "${CI:-}" = "true" ]; then
      printf '%s    PostgreSQL is not reachable at %s: %s%s\n' "$_red" "$shown" "$version" "$_reset"
      info "CI=true requires it. Start the server or set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING."
      record 0 1
    else
      warn "PostgreSQL is not reachable at $shown ($version)."
      warn "Database tests will run on SQLite ONLY. Set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING to fix."
    fi
  fi
}

strata_jest() {
  step "Unit and integration tests (jest)"
  mkdir -p "$STRATA_RESULTS"
  rm -f "$STRATA_RESULTS/jest.json"
  # CI=true keeps backstage-cli out of watch mode.
  CI=true yarn backstage-cli repo test --json --outputFile="$STRATA_RESULTS/jest.json" || true
  local counts
  if ! counts="$(node "$ROOT/scripts/strata/jest-summary.mjs" "$STRATA_RESULTS/jest.json")"; then
    printf '%s    jest produced no readable results (%s)%s\n' "$_red" "$STRATA_RESULTS/jest.json" "$_reset"
    record 0 1
    return
  fi
  # shellcheck disable=SC2086
  record $counts
}

strata_ensure_chromium() {
  local chromium="${STRATA_CHROMIUM:-/usr/bin/chromium}"
  [ -x "$chromium" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "Installing Debian's Chromium for the browser tests (apt-get, once)"
    run_logged "apt-get install chromium" "$ROOT/.data/logs/apt-chromium.log" \
      sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'
    return 0
  fi
  printf '%s    Chromium not found at %s and this user cannot install it (needs root + apt-get).%s\n' \
    "$_red" "$chromium" "$_reset"
  info "install it (apt-get install chromium) or set STRATA_CHROMIUM to a Chromium binary"
  return 1
}

# Serves the portal with `./strata start` on a spare port and a throw-away database, runs
# Playwright against it, then stops it (by the process id this function started).
strata_e2e() {
  step "Browser end-to-end tests (Playwright + Chromium)"
  if ! strata_ensure_chromium; then
    record 0 1
    return
  fi
  local port="${STRATA_E2E_PORT:-7077}" data log pid
  data="$(mktemp -d "${TMPDIR:-/tmp}/strata-e2e.XXXXXX")"
  log="$STRATA_RESULTS/e2e-portal.log"
  mkdir -p "$STRATA_RESULTS"
  info "starting the portal on http://localhost:$port (log: ${log/#$ROOT\//})"
  STRATA_PORT="$port" STRATA_DATA_DIR="$data" "$ROOT/strata" start >"$log" 2>&1 &
  pid=$!
  local deadline=$(($(date +%s) + 600))
  until grep -q 'Strata is ready' "$log"; do
    if ! kill -0 "$pid" 2>/dev/null || [ "$(date +%s)" -gt "$deadline" ]; then
      tail -n 30 "$log" | sed 's/^/    | /'
      printf '%s    the portal did not start for the browser tests%s\n' "$_red" "$_reset"
      kill -TERM "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      rm -rf "$data"
      record 0 1
      return
    fi
    sleep 2
  done
  rm -f "$ROOT/e2e-test-results/results.json"
  PLAYWRIGHT_URL="http://localhost:$port" yarn playwright test || true
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  local counts
  if ! counts="$(node "$ROOT/scripts/strata/playwright-summary.mjs" "$ROOT/e2e-test-results/results.json")"; then
    printf '%s    Playwright produced no readable results%s\n' "$_red" "$_reset"
    record 0 1
    return
  fi
  # shellcheck disable=SC2086
  record $counts
  info "failure screenshots and traces, if any: e2e-test-results/artifacts/"
}

# `./strata test` runs every stage; `./strata test jest e2e` runs only the named ones.
strata_test() {
  local started stages=("$@")
  started=$(date +%s)
  [ ${#stages[@]} -gt 0 ] || stages=(tsc lint jest e2e)
  strata_ensure_node
  strata_ensure_deps
  for stage in "${stages[@]}"; do
    case "$stage" in
      tsc) run_check "Type check (tsc)" yarn tsc ;;
      lint) run_check "Lint (backstage-cli repo lint)" yarn backstage-cli repo lint ;;
      jest) strata_check_postgres; strata_jest ;;
      e2e) strata_e2e ;;
      *) die "unknown test stage '$stage'" "stages: tsc lint jest e2e" ;;
    esac
  done
  echo
  info "suite took $(elapsed_since "$started")s"
  echo "$_passed passed, $_failed failed"
  [ "$_failed" -eq 0 ]
}

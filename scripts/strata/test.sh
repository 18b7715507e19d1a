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

# The go-service template's test builds and tests the generated Go code offline against
# Debian's Go libraries; Go comes from Debian's packages (the Go module proxy is not reachable).
# Once Go is here the test requires it (STRATA_REQUIRE_GO), so it cannot be skipped silently.
strata_ensure_go() {
  if ! command -v go >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "Installing Debian's Go for the go-service template test (apt-get, once)"
    run_logged "apt-get install golang-go" "$ROOT/.data/logs/apt-go.log" \
      sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-go golang-github-lib-pq-dev'
  fi
  if command -v go >/dev/null || [ "${CI:-}" = true ]; then
    export STRATA_REQUIRE_GO=1
  else
    warn "no Go toolchain: the go-service template's go vet/go test checks are skipped"
  fi
}

# Debian's Prometheus (prometheus + promtool) for the telemetry Prometheus source's test against
# a real server (plugins/telemetry-backend-module-prometheus). Under CI=true the test requires it
# (STRATA_REQUIRE_PROMETHEUS=1), so it can never be skipped silently.
strata_ensure_prometheus() {
  if ! command -v prometheus >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "Installing Debian's Prometheus for the telemetry Prometheus-source test (apt-get, once)"
    run_logged "apt-get install prometheus" "$ROOT/.data/logs/apt-prometheus.log" \
      sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus'
  fi
  if command -v prometheus >/dev/null || [ "${CI:-}" = true ]; then
    export STRATA_REQUIRE_PROMETHEUS=1
  else
    warn "no prometheus: the telemetry Prometheus source's real-server tests are skipped"
  fi
}

strata_jest() {
  step "Unit and integration tests (jest)"
  strata_ensure_go
  strata_ensure_prometheus
  mkdir -p "$STRATA_RESULTS"
  rm -f "$STRATA_RESULTS/jest.json"
  # CI=true keeps backstage-cli out of watch mode.
  # A 30 s ceiling per test (Jest's default is 5 s): on a loaded 2-core machine starting a test
  # backend or rendering an app alone can pass 5 s. Tests assert behaviour, never speed.
  CI=true yarn backstage-cli repo test --testTimeout=30000 --json --outputFile="$STRATA_RESULTS/jest.json" || true
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

# Starts one of the browser tests' fakes (test code) in the background and waits, at most 60 s,
# for its "listening" line in its log. Prints the log and fails when it dies or never listens.
# Usage: strata_fake_start <label> <log> <ready pattern> <command...>; sets _fake_pid.
strata_fake_start() {
  local label="$1" log="$2" ready="$3"
  shift 3
  "$@" >"$log" 2>&1 &
  _fake_pid=$!
  local deadline=$(($(date +%s) + 60))
  until grep -qs "$ready" "$log"; do
    if ! kill -0 "$_fake_pid" 2>/dev/null || [ "$(date +%s)" -gt "$deadline" ]; then
      sed 's/^/    | /' "$log"
      printf '%s    %s did not start%s\n' "$_red" "$label" "$_reset"
      kill -TERM "$_fake_pid" 2>/dev/null || true
      wait "$_fake_pid" 2>/dev/null || true
      return 1
    fi
    sleep 1
  done
  info "$(head -n 1 "$log")"
}

# Node with Backstage's TypeScript transform, for the fakes' .ts entry points.
strata_node_ts_require() {
  node -p 'require.resolve("@backstage/cli-node/config/nodeTransform.cjs")'
}

# The portal's GitHub during the browser tests: the fake GitHub (test code,
# plugins/catalog-edits-backend/src/tests/fakeGithubServer.ts) on loopback, serving the
# repositories under packages/app/e2e-tests/fakeGithub/repos/, with a token made up for this run.
# Sets _fake_github_pid.
strata_fake_github_start() {
  export STRATA_E2E_GITHUB_PORT="${STRATA_E2E_GITHUB_PORT:-7078}"
  STRATA_E2E_GITHUB_TOKEN="e2e-$(node -p 'require("node:crypto").randomBytes(16).toString("hex")')"
  export STRATA_E2E_GITHUB_TOKEN
  if port_in_use "$STRATA_E2E_GITHUB_PORT"; then
    printf '%s    port %s (the fake GitHub) is already in use%s\n' "$_red" "$STRATA_E2E_GITHUB_PORT" "$_reset"
    return 1
  fi
  FAKE_GITHUB_TOKEN="$STRATA_E2E_GITHUB_TOKEN" strata_fake_start "the fake GitHub" "$1" 'fake GitHub listening' \
    node --require "$(strata_node_ts_require)" "$ROOT/plugins/catalog-edits-backend/src/tests/fakeGithubServer.ts" \
    --port "$STRATA_E2E_GITHUB_PORT" --repos "$ROOT/packages/app/e2e-tests/fakeGithub/repos" || return 1
  _fake_github_pid=$_fake_pid
}

# The portal's Kubernetes cluster during the browser tests: the fake Kubernetes API (test code,
# plugins/deployments-backend/src/kubernetes/__testUtils__/e2eCluster.ts) with a healthy and a
# crash-looping billing workload; it writes the portal's config layer for itself to $2.
# Sets _fake_kubernetes_pid.
strata_fake_kubernetes_start() {
  strata_fake_start "the fake Kubernetes API" "$1" 'fake Kubernetes listening' \
    node --require "$(strata_node_ts_require)" "$ROOT/plugins/deployments-backend/src/kubernetes/__testUtils__/e2eCluster.ts" \
    --config-out "$2" || return 1
  _fake_kubernetes_pid=$_fake_pid
}

strata_fakes_stop() {
  local pid
  for pid in "${_fake_github_pid:-}" "${_fake_kubernetes_pid:-}"; do
    [ -n "$pid" ] || continue
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  _fake_github_pid=
  _fake_kubernetes_pid=
}

# Serves the portal with `./strata start` on a spare port and a throw-away database, runs
# Playwright against it, then stops it (by the process id this function started). The portal's
# GitHub is the fake GitHub: one extra config layer, packages/app/e2e-tests/app-config.e2e.yaml.
strata_e2e() {
  step "Browser end-to-end tests (Playwright + Chromium)"
  if ! strata_ensure_chromium; then
    record 0 1
    return
  fi
  local port="${STRATA_E2E_PORT:-7077}" data log pid
  mkdir -p "$STRATA_RESULTS"
  local kubernetes_config="$STRATA_RESULTS/e2e-kubernetes.yaml"
  if ! strata_fake_github_start "$STRATA_RESULTS/e2e-fake-github.log" ||
    ! strata_fake_kubernetes_start "$STRATA_RESULTS/e2e-fake-kubernetes.log" "$kubernetes_config"; then
    strata_fakes_stop
    record 0 1
    return
  fi
  data="$(mktemp -d "${TMPDIR:-/tmp}/strata-e2e.XXXXXX")"
  log="$STRATA_RESULTS/e2e-portal.log"
  info "starting the portal on http://localhost:$port (log: ${log/#$ROOT\//})"
  # Empty the log here, not only in the background job's redirect: otherwise the wait below can
  # read the previous run's "Strata is ready" before the job truncates the file.
  : >"$log"
  STRATA_PORT="$port" STRATA_DATA_DIR="$data" "$ROOT/strata" start \
    --config "$ROOT/packages/app/e2e-tests/app-config.e2e.yaml" --config "$kubernetes_config" >"$log" 2>&1 &
  pid=$!
  local deadline=$(($(date +%s) + 600))
  until grep -q 'Strata is ready' "$log"; do
    if ! kill -0 "$pid" 2>/dev/null || [ "$(date +%s)" -gt "$deadline" ]; then
      tail -n 30 "$log" | sed 's/^/    | /'
      printf '%s    the portal did not start for the browser tests%s\n' "$_red" "$_reset"
      kill -TERM "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      strata_fakes_stop
      rm -rf "$data"
      record 0 1
      return
    fi
    sleep 2
  done
  rm -f "$ROOT/e2e-test-results/results.json"
  STRATA_E2E_MACHINE_TOKEN="$(STRATA_DATA_DIR="$data" "$ROOT/strata" token)"
  PLAYWRIGHT_URL="http://localhost:$port" STRATA_E2E_MACHINE_TOKEN="$STRATA_E2E_MACHINE_TOKEN" \
    yarn playwright test || true
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  strata_fakes_stop
  rm -rf "$data"
  # The integration's token is a throw-away value, but a real one must never be logged either.
  if grep -qF "$STRATA_E2E_GITHUB_TOKEN" "$log"; then
    printf '%s    the GitHub token appears in the portal log (%s)%s\n' "$_red" "${log/#$ROOT\//}" "$_reset"
    record 0 1
  fi
  if grep -qF "$STRATA_E2E_MACHINE_TOKEN" "$log"; then
    printf '%s    the machine token appears in the portal log (%s)%s\n' "$_red" "${log/#$ROOT\//}" "$_reset"
    record 0 1
  fi
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
      tsc)
        run_check "Type check (tsc)" yarn tsc
        # The routers' and clients' generated code must be what the openapi.yaml files generate.
        run_check "OpenAPI generated code matches the specs" yarn openapi:check
        ;;
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

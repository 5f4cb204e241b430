#!/usr/bin/env bash
# specforge on a real Temporal cluster on this machine, without Docker: PostgreSQL, the Temporal server
# (built once from source with Go), two workers and the API, each its own process on fixed loopback ports.
#
#   scripts/cluster.sh up              start everything (idempotent; restarts the workers and the API
#                                      when they run another checkout's code or an earlier build)
#   scripts/cluster.sh down [part...]  stop what this script started (parts: api worker-1 worker-2
#                                      temporal-server postgresql; default all)
#   scripts/cluster.sh status          what runs, and where
#   scripts/cluster.sh postgres        start only PostgreSQL (idempotent), print its URL
#   scripts/cluster.sh restart-server  restart the Temporal server alone (runs and workers keep going)
#   scripts/cluster.sh test            the cluster tests (npm run test:cluster); `up` first, and stops
#                                      afterwards only the parts that were down
#
# State (pid files, logs, data) lives in SPECFORGE_CLUSTER_DIR (default ~/.cache/specforge/cluster).
# The ports never collide with the tests' dev server (7233) or `npm start` (3000). The ports are fixed,
# so there is one cluster per machine: another checkout's `up` or `test` shares its PostgreSQL and
# Temporal server (they hold no specforge code) and restarts the workers and the API from its own code.
# Runs as root: PostgreSQL runs as the postgres user (runuser) and is installed with apt when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
CHECKOUT="$(pwd -P)"

TEMPORAL_VERSION=1.29.1
CLUSTER_DIR="${SPECFORGE_CLUSTER_DIR:-$HOME/.cache/specforge/cluster}"
BINARIES="$HOME/.cache/specforge/temporal-server-$TEMPORAL_VERSION"
export SPECFORGE_CLUSTER_POSTGRES_PORT=55432
export SPECFORGE_CLUSTER_POSTGRES_URL="postgresql://temporal:temporal@127.0.0.1:$SPECFORGE_CLUSTER_POSTGRES_PORT/postgres"
export SPECFORGE_CLUSTER_TEMPORAL_ADDRESS=127.0.0.1:17233
export SPECFORGE_CLUSTER_API_PORT=3210
export SPECFORGE_CLUSTER_API_URL="http://127.0.0.1:$SPECFORGE_CLUSTER_API_PORT"
export SPECFORGE_CLUSTER_HOME="$CLUSTER_DIR/home"
# The tests read the server's pid file here (server-restart checks a new process took over).
export SPECFORGE_CLUSTER_DIR="$CLUSTER_DIR"
# The other services' gRPC and membership ports, all on 127.0.0.1 (frontend HTTP: 17243).
FRONTEND_GRPC=17233 FRONTEND_HTTP=17243 FRONTEND_MEMBERSHIP=17933
HISTORY_GRPC=17234 HISTORY_MEMBERSHIP=17934
MATCHING_GRPC=17235 MATCHING_MEMBERSHIP=17935
WORKER_GRPC=17239 WORKER_MEMBERSHIP=17939
SERVER_METRICS=17000
TEMPORAL_PORTS=("$FRONTEND_GRPC" "$FRONTEND_HTTP" "$FRONTEND_MEMBERSHIP" "$HISTORY_GRPC" "$HISTORY_MEMBERSHIP"
  "$MATCHING_GRPC" "$MATCHING_MEMBERSHIP" "$WORKER_GRPC" "$WORKER_MEMBERSHIP" "$SERVER_METRICS")
WORKERS=(worker-1 worker-2)
RUN="$CLUSTER_DIR/run"

log() { echo "cluster: $*" >&2; }

# runuser, apt-get and `install -o postgres` need root; said up front rather than failing halfway.
require_root() {
  if [ "$(id -u)" -ne 0 ]; then
    log "needs root (PostgreSQL runs as the postgres user through runuser, and is installed with apt when missing):"
    log "  sudo bash scripts/cluster.sh ${1:-up}"
    exit 1
  fi
}

postgres_bin() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
    log "installing Debian's postgresql (apt, once)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    # Debian's package starts its own cluster on 5432; this script runs its own, so that one is left alone.
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
  echo "$bin"
}

# PostgreSQL runs as the postgres user, so its data must sit where that user can reach it: the cluster
# directory when it can (not under root's private home), else a folder of the postgres user's own.
postgres_dir() {
  if runuser -u postgres -- test -w "$CLUSTER_DIR" 2>/dev/null; then
    echo "$CLUSTER_DIR/postgresql"
  else
    echo "/var/lib/postgresql/specforge-cluster-$(echo -n "$CLUSTER_DIR" | sha256sum | cut -c1-12)"
  fi
}

as_postgres() { runuser -u postgres -- "$@"; }

postgres_running() {
  local dir
  dir="$(postgres_dir)"
  [ -f "$dir/data/postmaster.pid" ] && as_postgres "$(postgres_bin)/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

postgres_up() {
  local bin dir
  bin="$(postgres_bin)"
  dir="$(postgres_dir)"
  if [ ! -d "$dir" ]; then
    install -d -o postgres -g postgres -m 700 "$dir"
  fi
  [ -L "$CLUSTER_DIR/postgresql" ] || [ "$dir" = "$CLUSTER_DIR/postgresql" ] || ln -sfn "$dir" "$CLUSTER_DIR/postgresql"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    log "initialising PostgreSQL in $dir/data"
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  if ! postgres_running; then
    require_free_ports postgresql "$SPECFORGE_CLUSTER_POSTGRES_PORT"
    log "starting PostgreSQL on 127.0.0.1:$SPECFORGE_CLUSTER_POSTGRES_PORT"
    # Temporal's four services each keep a pool of connections, and benchmarks add their own.
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgresql.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -c port=$SPECFORGE_CLUSTER_POSTGRES_PORT -c unix_socket_directories=$dir -c max_connections=300" \
      >/dev/null || { tail -n 30 "$dir/postgresql.log" >&2; exit 1; }
  fi
  # For `status` only: pg_ctl, not this file, decides whether PostgreSQL runs and stops it.
  head -n 1 "$dir/data/postmaster.pid" >"$RUN/postgresql.pid"
  # The role and the two databases, created once (CREATEDB: the schema tool and benchmarks make their own).
  local psql=("$bin/psql" -h "$dir" -p "$SPECFORGE_CLUSTER_POSTGRES_PORT" -U postgres -d postgres -qtAX -v ON_ERROR_STOP=1)
  if [ "$(as_postgres "${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'temporal'")" != 1 ]; then
    as_postgres "${psql[@]}" -c "CREATE ROLE temporal LOGIN CREATEDB PASSWORD 'temporal'"
  fi
  local database
  for database in temporal temporal_visibility; do
    if [ "$(as_postgres "${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" != 1 ]; then
      as_postgres "${psql[@]}" -c "CREATE DATABASE $database OWNER temporal"
    fi
  done
}

postgres_down() {
  local dir
  dir="$(postgres_dir)"
  if postgres_running; then
    log "stopping PostgreSQL"
    as_postgres "$(postgres_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  fi
  rm -f "$RUN/postgresql.pid"
}

# The Temporal server and its schema tool, built once from source (minutes on 2 cores) and cached.
temporal_binaries() {
  if [ -x "$BINARIES/temporal-server" ] && [ -x "$BINARIES/temporal-sql-tool" ]; then return; fi
  mkdir -p "$BINARIES"
  (
    # Two callers at once (CI and a helper) build once: the second waits for the first.
    flock 9
    if [ -x "$BINARIES/temporal-server" ] && [ -x "$BINARIES/temporal-sql-tool" ]; then exit 0; fi
    log "building the Temporal server $TEMPORAL_VERSION and temporal-sql-tool (go install, a few minutes once)..."
    local started=$SECONDS
    GOTOOLCHAIN=local GOBIN="$BINARIES/build" go install \
      "go.temporal.io/server/cmd/server@v$TEMPORAL_VERSION" "go.temporal.io/server/cmd/tools/sql@v$TEMPORAL_VERSION"
    mv "$BINARIES/build/server" "$BINARIES/temporal-server"
    mv "$BINARIES/build/sql" "$BINARIES/temporal-sql-tool"
    rmdir "$BINARIES/build"
    log "built in $((SECONDS - started)) s"
  ) 9>"$BINARIES/.build.lock"
}

# The release's own schema files, from the Go module cache (go install put them there).
temporal_schema_dir() {
  local module
  module="$(GOTOOLCHAIN=local go mod download -json "go.temporal.io/server@v$TEMPORAL_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  echo "$module/schema/postgresql/v12"
}

temporal_cli() {
  local gobin
  gobin="$(go env GOBIN 2>/dev/null || true)"
  [ -n "$gobin" ] || gobin="$(go env GOPATH 2>/dev/null || echo "$HOME/go")/bin"
  if [ -x "${TEMPORAL_CLI_PATH:-/nonexistent}" ]; then echo "$TEMPORAL_CLI_PATH"
  elif command -v temporal >/dev/null 2>&1; then command -v temporal
  elif [ -x "$gobin/temporal" ]; then echo "$gobin/temporal"
  else
    log "building the Temporal CLI (go install, a few minutes once)..."
    GOTOOLCHAIN=local go install github.com/temporalio/cli/cmd/temporal@v1.5.1 >&2
    echo "$gobin/temporal"
  fi
}

temporal_schema() {
  local schema database sql
  schema="$(temporal_schema_dir)"
  for database in temporal temporal_visibility; do
    sql=("$BINARIES/temporal-sql-tool" --plugin postgres12 --endpoint 127.0.0.1 --port "$SPECFORGE_CLUSTER_POSTGRES_PORT"
      --user temporal --password temporal --database "$database")
    if ! PGPASSWORD=temporal "$(postgres_bin)/psql" "postgresql://temporal@127.0.0.1:$SPECFORGE_CLUSTER_POSTGRES_PORT/$database" \
      -qtAX -c "SELECT 1 FROM schema_version" >/dev/null 2>&1; then
      "${sql[@]}" setup-schema -v 0.0 >>"$CLUSTER_DIR/logs/schema.log" 2>&1
    fi
    local folder=temporal
    [ "$database" = temporal ] || folder=visibility
    # Applies only the versions the database lacks, so it is cheap on every `up`.
    "${sql[@]}" update-schema -d "$schema/$folder/versioned" >>"$CLUSTER_DIR/logs/schema.log" 2>&1 ||
      { tail -n 20 "$CLUSTER_DIR/logs/schema.log" >&2; exit 1; }
  done
}

temporal_config() {
  mkdir -p "$CLUSTER_DIR/temporal/config"
  local store
  {
    cat <<YAML
# Written by scripts/cluster.sh: one Temporal server (all four services) on PostgreSQL, loopback only.
log:
  stdout: true
  level: warn
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: 4
  datastores:
YAML
    for store in default visibility; do
      cat <<YAML
    $store:
      sql:
        pluginName: postgres12
        databaseName: $([ $store = default ] && echo temporal || echo temporal_visibility)
        connectAddr: 127.0.0.1:$SPECFORGE_CLUSTER_POSTGRES_PORT
        connectProtocol: tcp
        user: temporal
        password: temporal
        maxConns: $([ $store = default ] && echo 20 || echo 4)
        maxIdleConns: $([ $store = default ] && echo 20 || echo 4)
        maxConnLifetime: 1h
YAML
    done
    cat <<YAML
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
  metrics:
    prometheus:
      framework: tally
      timerType: histogram
      listenAddress: 127.0.0.1:$SERVER_METRICS
services:
  frontend:
    rpc: { grpcPort: $FRONTEND_GRPC, membershipPort: $FRONTEND_MEMBERSHIP, httpPort: $FRONTEND_HTTP, bindOnLocalHost: true }
  history:
    rpc: { grpcPort: $HISTORY_GRPC, membershipPort: $HISTORY_MEMBERSHIP, bindOnLocalHost: true }
  matching:
    rpc: { grpcPort: $MATCHING_GRPC, membershipPort: $MATCHING_MEMBERSHIP, bindOnLocalHost: true }
  worker:
    rpc: { grpcPort: $WORKER_GRPC, membershipPort: $WORKER_MEMBERSHIP, bindOnLocalHost: true }
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: $SPECFORGE_CLUSTER_TEMPORAL_ADDRESS
dcRedirectionPolicy:
  policy: noop
dynamicConfigClient:
  filepath: $CLUSTER_DIR/temporal/dynamic-config.yaml
  pollInterval: 10s
YAML
  } >"$CLUSTER_DIR/temporal/config/cluster.yaml"
  # Search attributes registered at a worker's start are usable at once (as on the dev server), not a minute later.
  cat >"$CLUSTER_DIR/temporal/dynamic-config.yaml" <<YAML
system.forceSearchAttributesCacheRefreshOnRead:
  - value: true
limit.maxIDLength:
  - value: 255
YAML
}

# --- The processes this script starts, and how it knows them again -------------------------------
#
# run/<name>.pid holds "<pid> <start time>": the start time (field 22 of /proc/<pid>/stat, clock ticks
# since boot) tells our process from an unrelated one that got the same pid after a reboot or a crash,
# so `down` never signals a stranger. A specforge process also has run/<name>.source: the checkout it
# runs from and the build it runs, so `up` and `test` restart it when either is not this checkout's.

start_time() { [ -r "/proc/$1/stat" ] && sed 's/.*) //' "/proc/$1/stat" | cut -d' ' -f20; }

pid_of() { [ -f "$RUN/$1.pid" ] && cut -d' ' -f1 "$RUN/$1.pid"; }

running() {
  local pid='' started=''
  [ -f "$RUN/$1.pid" ] || return 1
  read -r pid started <"$RUN/$1.pid" || true
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || return 1
  if [ -n "$started" ]; then
    [ "$(start_time "$pid")" = "$started" ]
  else
    # A pid file of an earlier version of this script, without the start time: the command line decides.
    local expected=bin/specforge.js
    [ "$1" != temporal-server ] || expected=temporal-server
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$expected"
  fi
}

# Who listens on a TCP port (pids), for the messages and the ownership check.
listeners() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u; }

# A process already on one of our ports would answer the readiness checks while ours dies on bind.
require_free_ports() {
  local name=$1 port pids
  shift
  for port in "$@"; do
    if [ -n "$(ss -ltnH "sport = :$port")" ]; then
      pids="$(listeners "$port" | paste -sd " ")"
      log "cannot start $name: port $port is taken (pid ${pids:-unknown}: $(ps -o args= -p "${pids%% *}" 2>/dev/null || echo '?'))"
      log "stop that process (or its cluster: scripts/cluster.sh down) and try again"
      exit 1
    fi
  done
}

# True when the process listening on the port is ours: the launched process or one of its session
# (launch runs each part in a session of its own, whose id is the launched pid).
listening_ours() {
  local name=$1 port=$2 pid listener
  pid="$(pid_of "$name")" || return 1
  for listener in $(listeners "$port"); do
    [ "$(ps -o sid= -p "$listener" | tr -d ' ')" != "$pid" ] || return 0
  done
  return 1
}

# A process of its own session (and process group), so `down` stops it and whatever it started.
launch() {
  local name=$1 pid
  shift
  setsid "$@" >>"$CLUSTER_DIR/logs/$name.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid $(start_time "$pid" || true)" >"$RUN/$name.pid"
}

# Stops the process group of a part; also when its leader has died and left children (Chromium of the
# Mermaid renderer, say). A pid file whose pid now names a stranger is dropped without a signal: Linux
# never hands out a pid still in use as a group id, so no child of ours can be left in a group by it.
stop() {
  local name=$1 pid='' started=''
  [ -f "$RUN/$name.pid" ] || return 0
  read -r pid started <"$RUN/$name.pid" || true
  if [ -z "$pid" ]; then
    :
  elif running "$name"; then
    log "stopping $name ($pid)"
  elif [ -e "/proc/$pid" ]; then
    log "$name: pid $pid is another process now (started after ours): not signalled"
    pid=''
  elif pgrep -g "$pid" >/dev/null; then
    log "stopping what $name ($pid, exited) left behind in its process group"
  else
    pid=''
  fi
  if [ -n "$pid" ]; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    local waited=0
    while { pgrep -g "$pid" >/dev/null || running "$name"; } && [ $waited -lt 150 ]; do
      sleep 0.2
      waited=$((waited + 1))
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$RUN/$name.pid" "$RUN/$name.source"
}

# Waits until the check passes; stops the script when the part exits or the time is up.
wait_for() {
  local what=$1 seconds=$2 name=$3
  shift 3
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if ! running "$name"; then log "$name exited; its log:"; tail -n 30 "$CLUSTER_DIR/logs/$name.log" >&2; exit 1; fi
    if [ $SECONDS -ge $deadline ]; then log "$what not ready after $seconds s; log:"; tail -n 30 "$CLUSTER_DIR/logs/$name.log" >&2; exit 1; fi
    sleep 0.5
  done
}

# Healthy, and the frontend answering is our process (not a server someone else left on the port).
temporal_healthy() {
  "$(temporal_cli)" operator cluster health --address "$SPECFORGE_CLUSTER_TEMPORAL_ADDRESS" | grep -q SERVING &&
    listening_ours temporal-server "$FRONTEND_GRPC"
}

temporal_up() {
  if ! running temporal-server; then
    temporal_binaries
    temporal_schema
    temporal_config
    require_free_ports "the Temporal server" "${TEMPORAL_PORTS[@]}"
    log "starting the Temporal server on $SPECFORGE_CLUSTER_TEMPORAL_ADDRESS"
    launch temporal-server "$BINARIES/temporal-server" --root "$CLUSTER_DIR/temporal" --config config --env cluster \
      --allow-no-auth start
  fi
  wait_for "the Temporal server" 120 temporal-server temporal_healthy
  local cli
  cli="$(temporal_cli)"
  if ! "$cli" operator namespace describe --address "$SPECFORGE_CLUSTER_TEMPORAL_ADDRESS" -n default >/dev/null 2>&1; then
    "$cli" operator namespace create --address "$SPECFORGE_CLUSTER_TEMPORAL_ADDRESS" -n default --retention 72h >/dev/null
  fi
  # The frontend learns of a new namespace on its next refresh (about 10 s).
  wait_for "the default namespace" 60 temporal-server \
    "$cli" workflow count --address "$SPECFORGE_CLUSTER_TEMPORAL_ADDRESS" -n default
}

# The embedded defaults (offline generator, file tickets): nothing from the caller's environment leaks in.
specforge() {
  local name=$1
  shift
  launch "$name" env -i PATH="$PATH" HOME="$HOME" \
    TEMPORAL_ADDRESS="$SPECFORGE_CLUSTER_TEMPORAL_ADDRESS" SPECFORGE_HOME="$SPECFORGE_CLUSTER_HOME" \
    SPECFORGE_OUT="$CLUSTER_DIR/specs" SPECFORGE_URL="$SPECFORGE_CLUSTER_API_URL" "$@"
  printf '%s\n%s\n' "$CHECKOUT" "$(build_identity)" >"$RUN/$name.source"
}

# bin/specforge.js runs dist/ when its stamp matches the sources, else the sources through tsx: built
# here when stale, so the cluster starts fast and runs the checkout's code.
fresh_build() {
  grep -q '"build":' package.json || return 0
  npm run --silent build -- --if-stale >"$CLUSTER_DIR/logs/build.log" 2>&1 || { tail -n 20 "$CLUSTER_DIR/logs/build.log" >&2; exit 1; }
  grep -q 'built dist/' "$CLUSTER_DIR/logs/build.log" && log "rebuilt dist/ (sources changed)" || true
}

# What code a specforge process started now runs: the build stamp's source hash (scripts/build.ts),
# else the compiled entry point and workflow bundles, else the sources themselves (no dist/).
build_identity() {
  if [ -f dist/build-stamp.json ]; then
    echo "stamp:$(grep -o '"sha256":"[0-9a-f]*"' dist/build-stamp.json | cut -d'"' -f4)"
  elif [ -f dist/cli.js ]; then
    echo "dist:$(cat dist/cli.js dist/*workflow-bundle.js 2>/dev/null | sha256sum | cut -c1-64)"
  else
    echo "sources:$(find src -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64)"
  fi
}

# Why a running specforge process must be restarted (empty: it runs this checkout's current build).
outdated() {
  local checkout='' build=''
  if [ ! -f "$RUN/$1.source" ]; then
    echo "nothing records which checkout and build it runs"
    return
  fi
  { read -r checkout && read -r build; } <"$RUN/$1.source" || true
  if [ "$checkout" != "$CHECKOUT" ]; then
    echo "it runs another checkout's code ($checkout)"
  elif [ "$build" != "$(build_identity)" ]; then
    echo "it runs an earlier build"
  fi
}

# Healthy, and the API answering is our process (not another server left on the port).
api_healthy() { curl -fsS "$SPECFORGE_CLUSTER_API_URL/healthz" && listening_ours api "$SPECFORGE_CLUSTER_API_PORT"; }
worker_polling() { grep -q 'specforge worker polling' "$CLUSTER_DIR/logs/$1.log"; }

# The workers and the API from this checkout's current build: started when down, restarted when they
# run other code (another checkout's, or a build older than the sources).
specforge_up() {
  local name reason shared=''
  fresh_build
  for name in "${WORKERS[@]}" api; do
    if running "$name"; then
      reason="$(outdated "$name")"
      [ -z "$reason" ] || { log "restarting $name from $CHECKOUT: $reason"; stop "$name"; }
      [[ $reason != *"another checkout"* ]] || shared=1
    fi
  done
  [ -z "$shared" ] || log "(PostgreSQL and the Temporal server hold no specforge code: they keep running as they are)"
  for name in "${WORKERS[@]}"; do
    if ! running "$name"; then
      : >"$CLUSTER_DIR/logs/$name.log"
      log "starting $name"
      specforge "$name" node bin/specforge.js worker
    fi
  done
  if ! running api; then
    require_free_ports "the API" "$SPECFORGE_CLUSTER_API_PORT"
    log "starting the API on $SPECFORGE_CLUSTER_API_URL"
    # Loopback only: the cluster's API runs without reviewers, open to whoever reaches it.
    specforge api HOST=127.0.0.1 PORT="$SPECFORGE_CLUSTER_API_PORT" node bin/specforge.js api
  fi
  for name in "${WORKERS[@]}"; do wait_for "$name" 120 "$name" worker_polling "$name"; done
  wait_for "the API" 120 api api_healthy
}

all_running() {
  local name
  postgres_running || return 1
  for name in temporal-server "${WORKERS[@]}" api; do running "$name" || return 1; done
}

print_addresses() {
  cat <<TEXT
SPECFORGE_CLUSTER_POSTGRES_URL=$SPECFORGE_CLUSTER_POSTGRES_URL
SPECFORGE_CLUSTER_TEMPORAL_ADDRESS=$SPECFORGE_CLUSTER_TEMPORAL_ADDRESS
SPECFORGE_CLUSTER_API_URL=$SPECFORGE_CLUSTER_API_URL
SPECFORGE_CLUSTER_HOME=$SPECFORGE_CLUSTER_HOME
SPECFORGE_CLUSTER_DIR=$CLUSTER_DIR
TEXT
}

status() {
  local name state
  if postgres_running; then state="running (pid $(cat "$RUN/postgresql.pid" 2>/dev/null || echo ?))"; else state=stopped; fi
  printf '%-16s %-26s %s\n' postgresql "$state" "127.0.0.1:$SPECFORGE_CLUSTER_POSTGRES_PORT"
  for name in temporal-server "${WORKERS[@]}" api; do
    if running "$name"; then state="running (pid $(pid_of "$name"))"; else state=stopped; fi
    case $name in
      temporal-server) where=$SPECFORGE_CLUSTER_TEMPORAL_ADDRESS ;;
      api) where=$SPECFORGE_CLUSTER_API_URL ;;
      *) where="task queue specforge on $SPECFORGE_CLUSTER_TEMPORAL_ADDRESS" ;;
    esac
    printf '%-16s %-26s %s\n' "$name" "$state" "$where"
    if [ "$name" != temporal-server ] && running "$name" && [ -n "$(outdated "$name")" ]; then
      printf '%-16s %s\n' '' "outdated, up restarts it: $(outdated "$name")"
    fi
  done
  printf 'logs: %s\n' "$CLUSTER_DIR/logs"
  all_running
}

up() {
  postgres_up
  temporal_up
  specforge_up
  print_addresses
}

# Stops the named parts (all of them without names), the API first and PostgreSQL last.
down() {
  local name
  for name in api "${WORKERS[@]}" temporal-server postgresql; do
    if [ $# -gt 0 ] && [[ " $* " != *" $name "* ]]; then continue; fi
    if [ "$name" = postgresql ]; then postgres_down; else stop "$name"; fi
  done
}

# Brings up what is down and restarts the workers and API that run other code than this checkout's,
# runs the cluster specs, then stops only what was down before (a running cluster stays, refreshed).
test_cluster() {
  local started=() name
  postgres_running || started+=(postgresql)
  for name in temporal-server "${WORKERS[@]}" api; do running "$name" || started+=("$name"); done
  [ ${#started[@]} -eq 0 ] || trap "down ${started[*]}" EXIT
  up >/dev/null
  npx vitest run --config vitest.cluster.config.ts
}

# The Temporal server alone, checked to be a new process (the tests rely on a real restart).
restart_server() {
  local before after
  # The pid and its start time: a new process, even if it got the same pid.
  before="$(cat "$RUN/temporal-server.pid" 2>/dev/null || true)"
  stop temporal-server
  temporal_up
  after="$(cat "$RUN/temporal-server.pid")"
  if [ "$after" = "$before" ]; then log "the Temporal server was not restarted (still $after)"; exit 1; fi
  log "the Temporal server restarted: pid ${before%% *} -> ${after%% *}"
}

case "${1:-}" in
  up | down | status | postgres | restart-server | test)
    require_root "$1"
    mkdir -p "$RUN" "$CLUSTER_DIR/logs"
    ;;
esac
case "${1:-}" in
  up) up ;;
  down)
    shift
    down "$@"
    ;;
  status) status ;;
  postgres)
    postgres_up
    echo "$SPECFORGE_CLUSTER_POSTGRES_URL"
    ;;
  restart-server) restart_server ;;
  test) test_cluster ;;
  *)
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac

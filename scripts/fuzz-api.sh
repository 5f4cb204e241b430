#!/usr/bin/env bash
# Fuzzes the HTTP API with Schemathesis against its own /openapi.json: `npm start` (a Temporal dev
# server, the worker with the offline generator, the API) on free ports with a throwaway home, a
# service token, then a bounded number of generated requests per operation. Fails on any server
# error (5xx), and on any response whose status code, content type or body the document does not
# describe. Everything it started is stopped on exit.
#
#   scripts/fuzz-api.sh                    30 examples per operation, fixed seed
#   FUZZ_MAX_EXAMPLES=100 FUZZ_SEED=7 scripts/fuzz-api.sh
#
# The API has no streaming endpoints (the review page polls), so nothing needs excluding.
set -euo pipefail
cd "$(dirname "$0")/.."

schemathesis="$(bash scripts/schemathesis-venv.sh)"
max_examples="${FUZZ_MAX_EXAMPLES:-30}"
seed="${FUZZ_SEED:-20251126}"

healthy() { python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=5)' "$1/healthz" 2>/dev/null; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

work="$(mktemp -d)"
api_port="$(free_port)"
token="fuzz-$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')"
server_pid=""

stop() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT

# A throwaway encryption key, so payloads are encrypted and the codec endpoint (/codec) is fuzzed too.
encryption_key="fuzz:$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')"
# A clean environment: no model key (the offline generator), no tracker credentials, no shared server.
env -i PATH="$PATH" HOME="$HOME" ${TEMPORAL_CLI_PATH:+TEMPORAL_CLI_PATH="$TEMPORAL_CLI_PATH"} \
  PORT="$api_port" TEMPORAL_PORT="$(free_port)" TEMPORAL_UI_PORT="$(free_port)" \
  SPECFORGE_HOME="$work/home" SPECFORGE_OUT="$work/specs" SPECFORGE_API_TOKEN="$token" SPECFORGE_ENCRYPTION_KEYS="$encryption_key" LOG_LEVEL=error \
  node bin/specforge.js start >"$work/server.log" 2>&1 &
server_pid=$!

base="http://127.0.0.1:$api_port"
for _ in $(seq 1 240); do
  if healthy "$base"; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "fuzz-api: specforge did not start:" >&2
    cat "$work/server.log" >&2
    exit 1
  fi
  sleep 0.5
done
healthy "$base" || { echo "fuzz-api: specforge did not become healthy at $base" >&2; exit 1; }

echo "fuzz-api: Schemathesis $("$schemathesis" --version 2>/dev/null | awk '{print $NF}') against $base/openapi.json, $max_examples examples per operation, seed $seed"
status=0
"$schemathesis" --config-file scripts/schemathesis.toml run "$base/openapi.json" \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --phases examples,coverage,fuzzing,stateful \
  --max-examples "$max_examples" \
  --seed "$seed" \
  --workers 1 \
  --request-timeout 20 \
  --suppress-health-check all \
  --report junit --report-dir "${FUZZ_REPORT_DIR:-$work/report}" >"$work/fuzz.log" 2>&1 || status=$?
# Its pytest-style banners ("=== 2 warnings in 16s ===") would read, to a CI log reader, as a test
# run that executed nothing; the same lines, unframed.
sed -E 's/^=+ (.*) =+$/-- \1 --/' "$work/fuzz.log"
if [ "$status" -ne 0 ]; then
  echo "fuzz-api: the server's log:" >&2
  tail -n 50 "$work/server.log" >&2
fi
exit "$status"

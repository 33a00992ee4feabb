#!/usr/bin/env bash
# Benchmarks the real wijkplatform server on 127.0.0.1: requests/s and
# p50/p99 latency for a static page (/toegankelijkheid, rendered from a
# template, no database), the wijk page (/wijk/WK039201: map, figures) and
# the sign-in POST (CSRF token, Argon2id at the production cost, session
# write). The baseline in the same run is the bare HTTP layer answering
# "hello" (wp_bench_http_beast_hello), so the ratios show what the
# application costs on top of the server.
#
# Usage: bench/http/run_app.sh [BUILD_DIR=build/release] [SECONDS=10] [CONNECTIONS=16]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
secs=${2:-10}
conns=${3:-16}
for b in wijkplatform bench/http/wp_bench_http_load bench/http/wp_bench_http_beast_hello; do
  if [ ! -x "$build/$b" ]; then
    echo "run_app.sh: $build/$b not found; build first: cmake --preset release && cmake --build --preset release" >&2
    exit 2
  fi
done
tmp=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
hello_port=$(free_port)
WP_DATABASE_URL="sqlite:$tmp/wp.db" WP_PORT=$port WP_ACCESS_LOG= "$build/wijkplatform" serve >"$tmp/server.log" 2>&1 &
server=$!
"$build/bench/http/wp_bench_http_beast_hello" --port "$hello_port" >/dev/null 2>&1 &
hello=$!
trap 'kill $server $hello 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 1 100); do
  if curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
  sleep 0.1
done
echo "een lange zin als wachtwoord" | "$build/wijkplatform" admin create-user --database "sqlite:$tmp/wp.db" \
  --email bench@example.nl --name Bench --password-stdin >/dev/null

load="$build/bench/http/wp_bench_http_load"
run() {
  local name=$1; shift
  printf '%-34s ' "$name"
  "$load" --duration "$secs" "$@" --json | python3 -c '
import json, sys
r = json.load(sys.stdin)
bad = r["bad_status"] + r["errors"]
print("%9.0f req/s   p50 %7.2f ms   p99 %7.2f ms   failed %d" % (r["requests_per_s"],
      r["latency_ms"]["p50"], r["latency_ms"]["p99"], bad))'
}
echo "wijkplatform HTTP benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, ${secs}s per scenario"
run "baseline: hello (bare HTTP layer)" --port "$hello_port" --path / --connections "$conns"
run "static page /toegankelijkheid" --port "$port" --path /toegankelijkheid --connections "$conns"
run "wijk page /wijk/WK039201" --port "$port" --path /wijk/WK039201 --connections "$conns"
run "sign-in POST /inloggen" --port "$port" --method POST --path /inloggen --csrf-page /inloggen --fresh-session \
  --content-type application/x-www-form-urlencoded \
  --body 'email=bench%40example.nl&password=een+lange+zin+als+wachtwoord' --connections 2

#!/usr/bin/env bash
# Compares the HTTP layer candidates ("hello world" servers) on 127.0.0.1
# with wrk and with wp_bench_http_load. See docs/decisions/0001-http-layer.md.
#   bench/http/run_candidates.sh [BUILD_DIR] [DURATION_SECONDS]
# BUILD_DIR is a Release build folder (default build/release).
set -euo pipefail
build=${1:-build/release}
duration=${2:-10}
bin=$build/bench/http
threads=2

run_one() {
  local name=$1; shift
  out_file=$(mktemp)
  "$@" > "$out_file" 2>&1 &
  local pid=$!
  local port=""
  for _ in $(seq 50); do
    port=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$out_file")
    [[ -n $port ]] && break
    sleep 0.1
  done
  if [[ -z $port ]]; then echo "$name did not start"; cat "$out_file"; kill "$pid"; return 1; fi
  echo "== $name (port $port, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  wrk -t2 -c64 -d"${duration}s" --latency "http://127.0.0.1:$port/" | grep -E "Requests/sec|Latency|50%|99%|Socket errors|Non-2xx"
  "$bin/wp_bench_http_load" --port "$port" --connections 64 --threads 2 --duration "$duration" --json
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  rm -f "$out_file"
}

run_one "beast (wp::http::Server, $threads threads)" "$bin/wp_bench_http_beast_hello" --threads $threads
if [[ -x $bin/wp_bench_http_httplib_hello ]]; then
  run_one "cpp-httplib defaults (8 threads, 5 requests per connection)" "$bin/wp_bench_http_httplib_hello"
  run_one "cpp-httplib tuned (64 threads, keep-alive 100000, TCP_NODELAY)" "$bin/wp_bench_http_httplib_hello" --threads 64 --keep-alive-max 100000 --tcp-nodelay 1
else
  echo "cpp-httplib candidate not built (install libcpp-httplib-dev)"
fi

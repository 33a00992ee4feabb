#!/usr/bin/env bash
# Compares the HTTP layer candidates ("hello world" servers) on 127.0.0.1.
# See docs/decisions/0001-http-layer.md. Candidates run one at a time, in
# interleaved rounds, so background load on a shared machine hits all alike.
#   bench/http/run_candidates.sh [BUILD_DIR] [DURATION_SECONDS] [ROUNDS]
# BUILD_DIR is a Release build folder (default build/release). Scenarios:
#   wrk64     wrk -t2 -c64 -d<duration>s (throughput, 64 keep-alive connections)
#   load8     wp_bench_http_load, 8 connections (latency at low concurrency)
#   idle100   load8 while 100 other connections sit idle
set -euo pipefail
build=${1:-build/release}
duration=${2:-10}
rounds=${3:-3}
bin=$build/bench/http

candidates=("beast|$bin/wp_bench_http_beast_hello --threads 2")
if [[ -x $bin/wp_bench_http_httplib_hello ]]; then
  candidates+=("httplib-default|$bin/wp_bench_http_httplib_hello")
  candidates+=("httplib-tuned|$bin/wp_bench_http_httplib_hello --threads 64 --keep-alive-max 100000 --tcp-nodelay 1")
else
  echo "# cpp-httplib candidate not built (install libcpp-httplib-dev)"
fi

json_line() {  # name scenario json
  jq -r --arg name "$1" --arg scenario "$2" \
    '"\($name|.+"                "|.[0:16]) \($scenario|.+"        "|.[0:8]) rps=\(.requests_per_s|floor) p50_ms=\(.latency_ms.p50) p99_ms=\(.latency_ms.p99) errors=\(.errors) reconnects=\(.reconnects)"' <<<"$3"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, duration ${duration}s, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
  for entry in "${candidates[@]}"; do
    name=${entry%%|*}
    cmd=${entry#*|}
    out_file=$(mktemp)
    $cmd > "$out_file" 2>&1 &
    pid=$!
    port=""
    for _ in $(seq 50); do
      port=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$out_file")
      [[ -n $port ]] && break
      sleep 0.1
    done
    if [[ -z $port ]]; then echo "$name did not start"; cat "$out_file"; kill "$pid"; exit 1; fi
    echo "# round $round, $name, load average $(cut -d' ' -f1 /proc/loadavg)"
    w=$(wrk -t2 -c64 -d"${duration}s" --latency "http://127.0.0.1:$port/")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$w")
    p50=$(awk '$1=="50%" {print $2}' <<<"$w")
    p99=$(awk '$1=="99%" {print $2}' <<<"$w")
    errs=$(awk '/Socket errors/ {print $0}' <<<"$w")
    printf '%-16s %-8s rps=%8.0f p50=%s p99=%s %s\n' "$name" wrk64 "$rps" "$p50" "$p99" "$errs"
    json_line "$name" load8 "$("$bin/wp_bench_http_load" --port "$port" --connections 8 --threads 2 --duration "$duration" --json)"
    json_line "$name" idle100 "$("$bin/wp_bench_http_load" --port "$port" --connections 8 --idle-connections 100 --threads 2 --duration "$duration" --json)"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    rm -f "$out_file"
  done
done

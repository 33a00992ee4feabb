#!/usr/bin/env bash
# Public pages against nginx serving the same bytes (#20, item 3).
#
# Starts the release `wijkplatform serve --demo` on a fresh SQLite database
# and nginx (Debian's) on a folder holding each page's HTML exactly as the
# application sent it. For every page it drives both with wp_bench_http_load
# from 127.0.0.1 (keep-alive connections that keep their cookies, like a
# visitor browsing), alternating application and nginx for ROUNDS rounds,
# and prints requests/s and p50/p99 of each and the ratio application/nginx
# (median over the rounds). Goal: ratio >= 0.5 and application p99 < 50 ms
# at 64 connections.
#
# Usage: bench/http/run_pages.sh [--build DIR] [--seconds S] [--connections N]
#                               [--rounds R] [--page-cache-ms MS] [--json]
#   --build DIR        release build folder (default build/release)
#   --seconds S        seconds per measurement (default 5)
#   --connections N    keep-alive connections (default 64)
#   --rounds R         app/nginx pairs per page (default 3)
#   --page-cache-ms MS the server's page_cache_ms (default: its default, 1000;
#                      0 renders every page for every request)
#   --json             one JSON object instead of the table
# WP_BENCH_PRELOAD=LIB starts the server with LD_PRELOAD=LIB (another malloc,
# e.g. /usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=build/release
secs=5
conns=64
rounds=3
json=0
page_cache_ms=
while [ $# -gt 0 ]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --seconds) secs=$2; shift 2 ;;
    --connections) conns=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --page-cache-ms) page_cache_ms=$2; shift 2 ;;
    --json) json=1; shift ;;
    -h | --help) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run_pages.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
for b in wijkplatform bench/http/wp_bench_http_load; do
  if [ ! -x "$build/$b" ]; then
    echo "run_pages.sh: $build/$b not found; build first: cmake --preset release && cmake --build --preset release" >&2
    exit 2
  fi
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$nginx_bin" ]; then
  echo "run_pages.sh: nginx not found; install it: tools/setup.sh --bench" >&2
  exit 2
fi

tmp=$(mktemp -d)
chmod 755 "$tmp"  # nginx's workers run as another user
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
nginx_port=$(free_port)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null
  sleep 0.2
  rm -rf "$tmp"
}
trap cleanup EXIT

# The load comes from one address: allow it all connections (in production
# nginx in front is a trusted proxy, exempt from the per-client limit).
server_env=(WP_DATABASE_URL="sqlite:$tmp/wp.db" WP_PORT="$port" WP_ACCESS_LOG= WP_MAX_CONNECTIONS_PER_CLIENT=1024
  WP_UPLOAD_DIR="$tmp/data/uploads" WP_FILES_DIR="$tmp/data/files" WP_VOTING_KEY_FILE="$tmp/data/voting.key"
  WP_PRINT_DIR="$tmp/data/print")
[ -n "$page_cache_ms" ] && server_env+=(WP_PAGE_CACHE_MS="$page_cache_ms")
[ -n "${WP_BENCH_PRELOAD:-}" ] && server_env+=(LD_PRELOAD="$WP_BENCH_PRELOAD")
env "${server_env[@]}" "$build/wijkplatform" serve --demo >"$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do
  if curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "$tmp/server.log" >&2; exit 1; fi
  sleep 0.1
done

mkdir -p "$tmp/www"
cat >"$tmp/nginx.conf" <<EOF
worker_processes $(nproc);
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { worker_connections 2048; }
http {
  access_log off;
  default_type text/html;
  keepalive_requests 1000000;
  client_body_temp_path $tmp/nginx-body;
  proxy_temp_path $tmp/nginx-proxy;
  fastcgi_temp_path $tmp/nginx-fastcgi;
  uwsgi_temp_path $tmp/nginx-uwsgi;
  scgi_temp_path $tmp/nginx-scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $tmp/www;
  }
}
EOF
"$nginx_bin" -c "$tmp/nginx.conf" -e "$tmp/nginx-error.log"
for _ in $(seq 1 50); do [ -f "$tmp/nginx.pid" ] && break; sleep 0.1; done

# The pages: a platform and the budget edition come from the demo content.
platform=$(curl -sf "http://127.0.0.1:$port/wijkplatforms" | grep -o 'href="/wijkplatform/[a-z0-9-]*"' | head -1 |
  sed 's/href="\(.*\)"/\1/')
edition=$(curl -sf "http://127.0.0.1:$port/wijkbudget" | grep -o 'href="/wijkbudget/[a-z0-9-]*"' | head -1 |
  sed 's/href="\(.*\)"/\1/')
pages=(
  "home|/"
  "accessibility|/toegankelijkheid"
  "wijk|/wijk/WK039201"
  "platforms|/wijkplatforms"
  "platform|$platform"
  "budget|$edition"
  "plans|$edition/plannen"
  "signals|/meldingen"
  "advice|/advies"
)

load="$build/bench/http/wp_bench_http_load"
measure() {  # PORT PATH -> "req/s p50 p99 failed"
  "$load" --port "$1" --path "$2" --connections "$conns" --duration "$secs" --json | python3 -c '
import json, sys
r = json.load(sys.stdin)
print(r["requests_per_s"], r["latency_ms"]["p50"], r["latency_ms"]["p99"], r["bad_status"] + r["errors"])'
}

results="$tmp/results.txt"
: >"$results"
for entry in "${pages[@]}"; do
  name=${entry%%|*}
  path=${entry#*|}
  # The bytes nginx serves: the page as a visitor with a session gets it.
  curl -sf -c "$tmp/jar" -b "$tmp/jar" "http://127.0.0.1:$port$path" >/dev/null
  if ! curl -sf -b "$tmp/jar" "http://127.0.0.1:$port$path" -o "$tmp/www/$name.html"; then
    echo "run_pages.sh: $path did not answer 200" >&2
    exit 1
  fi
  for r in $(seq 1 "$rounds"); do
    echo "$name $path app $(measure "$port" "$path")" >>"$results"
    echo "$name $path nginx $(measure "$nginx_port" "/$name.html")" >>"$results"
  done
done

python3 - "$results" "$json" "$conns" "$secs" "$rounds" "$tmp/www" "${page_cache_ms:-default}" <<'EOF'
import json, os, statistics, sys
path, as_json, conns, secs, rounds, www, cache = sys.argv[1:]
rows = {}
order = []
for line in open(path):
    name, page, who, rps, p50, p99, failed = line.split()
    if name not in rows:
        rows[name] = {"page": page, "app": [], "nginx": []}
        order.append(name)
    rows[name][who].append((float(rps), float(p50), float(p99), int(failed)))
out = []
for name in order:
    r = rows[name]
    ratios = [a[0] / n[0] for a, n in zip(r["app"], r["nginx"]) if n[0] > 0]
    med = lambda xs: statistics.median(xs)
    out.append({
        "name": name, "path": r["page"], "bytes": os.path.getsize(os.path.join(www, name + ".html")),
        "app_rps": med([a[0] for a in r["app"]]), "app_p50_ms": med([a[1] for a in r["app"]]),
        "app_p99_ms": med([a[2] for a in r["app"]]), "app_failed": sum(a[3] for a in r["app"]),
        "nginx_rps": med([n[0] for n in r["nginx"]]), "nginx_p99_ms": med([n[2] for n in r["nginx"]]),
        "ratio": med(ratios) if ratios else 0.0, "ratio_min": min(ratios) if ratios else 0.0,
        "ratio_max": max(ratios) if ratios else 0.0,
    })
meta = {"cores": os.cpu_count(), "connections": int(conns), "seconds": int(secs), "rounds": int(rounds),
        "page_cache_ms": cache}
if as_json == "1":
    print(json.dumps({"meta": meta, "pages": out}, indent=2))
    sys.exit(0)
print("public pages against nginx (same bytes), %d cores, %d connections, %ss x %s rounds, page_cache_ms %s" %
      (meta["cores"], meta["connections"], secs, rounds, cache))
print("%-14s %-40s %7s %9s %8s %8s %9s %8s %6s %13s" % ("page", "path", "bytes", "app req/s", "p50 ms", "p99 ms",
      "nginx r/s", "p99 ms", "ratio", "(min-max)"))
for o in out:
    print("%-14s %-40s %7d %9.0f %8.2f %8.2f %9.0f %8.2f %6.2f %13s%s" % (o["name"], o["path"][:40], o["bytes"],
          o["app_rps"], o["app_p50_ms"], o["app_p99_ms"], o["nginx_rps"], o["nginx_p99_ms"], o["ratio"],
          "(%.2f-%.2f)" % (o["ratio_min"], o["ratio_max"]), "  FAILED %d" % o["app_failed"] if o["app_failed"] else ""))
EOF

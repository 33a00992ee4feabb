#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests: a fresh cluster in a temporary
# folder, listening on 127.0.0.1 on a free port, trust authentication, no
# disk flushes (fsync=off: the cluster is thrown away; durability is tested on
# SQLite with a real kill -9). Debian's postgresql package provides the
# server (tools/setup.sh --test installs it).
#
#   tools/pg_test_server.sh start DIR   starts it; prints the admin URL
#                                       (postgresql://postgres@127.0.0.1:PORT/postgres)
#   tools/pg_test_server.sh stop DIR    stops it and removes DIR
#
# PostgreSQL refuses to run as root; as root the server runs as the
# 'postgres' system user the Debian package creates.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
cmd=$1
dir=$2

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "pg_test_server.sh: PostgreSQL server not found under /usr/lib/postgresql (run tools/setup.sh --test)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    # The cluster lives in its own folder under /tmp, which the server user
    # can reach even when DIR is inside a folder private to root.
    data=$(mktemp -d /tmp/wp-pg.XXXXXX)
    echo "$data" >"$dir/cluster"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$data"; fi
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as_owner "$bindir/initdb" -D "$data/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
      cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bindir/pg_ctl" -D "$data/data" -l "$data/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null || { cat "$data/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    echo "postgresql://postgres@127.0.0.1:${port}/postgres"
    ;;
  stop)
    if [ -f "$dir/cluster" ]; then
      data=$(cat "$dir/cluster")
      case "$data" in /tmp/wp-pg.*) ;; *) echo "pg_test_server.sh: unexpected cluster path '$data'" >&2; exit 1 ;; esac
      as_owner "$bindir/pg_ctl" -D "$data/data" -m immediate -w stop >/dev/null 2>&1 || true
      rm -rf "$data"
    fi
    rm -rf "$dir"
    ;;
  *) usage ;;
esac

#!/usr/bin/env bash
# Installs what is missing, builds everything (debug, with AddressSanitizer
# and UndefinedBehaviorSanitizer, warnings as errors) and runs every test:
# unit, HTTP (e2e, with a real SMTP sink), storage on SQLite and on a real
# PostgreSQL server, the layering check, and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
tools/setup.sh --test
cmake --preset debug >/dev/null
cmake --build --preset debug

# A real SMTP sink for the tests that send e-mail, and a real PostgreSQL
# server (a throwaway cluster) for the tests that run on PostgreSQL.
maildir=$(mktemp -d)
pgdir=$(mktemp -d)
pg_url=$(tools/pg_test_server.sh start "$pgdir/pg")
export WP_TEST_POSTGRES_URL=$pg_url
export WP_REQUIRE_POSTGRES=1
smtp_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:${smtp_port}" -c aiosmtpd.handlers.Mailbox "$maildir/mail" &
smtp_pid=$!
trap 'kill $smtp_pid 2>/dev/null || true; rm -rf "$maildir"; tools/pg_test_server.sh stop "$pgdir/pg"; rm -rf "$pgdir"' EXIT
export WP_TEST_SMTP_PORT=$smtp_port WP_TEST_MAILDIR=$maildir/mail
for _ in $(seq 1 100); do
  if python3 -c "import socket; socket.create_connection(('127.0.0.1', ${smtp_port}), 1)" 2>/dev/null; then break; fi
  sleep 0.1
done

tools/check_layering.sh
ctest --preset all
echo "tools/test.sh: all tests passed in $(( $(date +%s) - start )) s"

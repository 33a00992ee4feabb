#!/usr/bin/env bash
# Installs what is missing, builds everything (debug, with AddressSanitizer
# and UndefinedBehaviorSanitizer, warnings as errors) and runs every test:
# unit, HTTP (e2e, with a real SMTP sink), storage on SQLite and on a real
# PostgreSQL server, the layering check (a ctest), and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
tools/setup.sh --test
cmake --preset debug >/dev/null
cmake --build --preset debug

# A real PostgreSQL server (a throwaway cluster) for the tests that run on
# PostgreSQL. (Tests that read e-mail start their own SMTP sink:
# src/testing/smtp_sink.h.)
pgdir=$(mktemp -d)
trap 'tools/pg_test_server.sh stop "$pgdir/pg"; rm -rf "$pgdir"' EXIT
pg_url=$(tools/pg_test_server.sh start "$pgdir/pg")
export WP_TEST_POSTGRES_URL=$pg_url
export WP_REQUIRE_POSTGRES=1

ctest --preset all   # includes the layering check (tools/check_layering.py)
tools/fuzz.sh --smoke   # libFuzzer targets over their seed corpora, a few seconds each (docs/fuzzing.md)
echo "tools/test.sh: all tests passed in $(( $(date +%s) - start )) s"

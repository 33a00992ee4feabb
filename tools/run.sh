#!/usr/bin/env bash
# Quick start: installs what is missing, builds a Release binary and serves
# Wijkplatform on http://127.0.0.1:8080 with an SQLite database in ./data/
# and Haarlem's geography. Flags go to `wijkplatform serve` (e.g. --demo,
# --port 9000; see `build/release/wijkplatform serve --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target wijkplatform
mkdir -p data
exec build/release/wijkplatform serve "$@"

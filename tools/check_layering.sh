#!/usr/bin/env bash
# The dependency rules of docs/style.md section 3: see check_layering.py, which
# this runs (kept so that existing callers such as tools/test.sh keep working).
set -euo pipefail
exec python3 "$(dirname "$0")/check_layering.py" "$@"

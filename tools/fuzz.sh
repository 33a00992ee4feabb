#!/usr/bin/env bash
# Builds the libFuzzer targets under fuzz/ (CMake preset fuzz: clang-14 with
# AddressSanitizer and UndefinedBehaviorSanitizer) and runs them
# (docs/fuzzing.md).
#
#   tools/fuzz.sh --smoke                  every target over its seed corpus, then a few
#                                          seconds of fuzzing each, two at a time; fails on
#                                          any crash, leak, timeout or broken property
#   tools/fuzz.sh --target NAME [--time S] [-- LIBFUZZER-FLAGS...]
#                                          a longer run of one target (default 600 s); new
#                                          inputs are kept in build/fuzz/corpus/NAME
#   tools/fuzz.sh --list                   the target names
#
# WP_FUZZ_SMOKE_SECONDS sets the fuzzing time per target of --smoke (default 6).
# Crashing inputs are written to build/fuzz/artifacts/NAME/.
set -euo pipefail
cd "$(dirname "$0")/.."

bin_dir=build/fuzz/fuzz
art_dir=build/fuzz/artifacts
# A slow input (10 s) or a large allocation is a finding too; 8 KiB is room
# for every seed.
common_flags=(-timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=0)
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; }

targets() { ls fuzz/corpus; }

build() {
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz
}

# run_one NAME SECONDS WORK_DIR [FLAGS...]: fuzzes NAME for SECONDS with new
# inputs in WORK_DIR and the seeds of fuzz/corpus/NAME; output in
# build/fuzz/logs/NAME.log.
run_one() {
  local name=$1 seconds=$2 work=$3
  shift 3
  mkdir -p "$art_dir/$name" "$work" build/fuzz/logs
  "$bin_dir/fuzz_$name" "${common_flags[@]}" -max_total_time="$seconds" -artifact_prefix="$art_dir/$name/" "$@" \
    "$work" "fuzz/corpus/$name" >"build/fuzz/logs/$name.log" 2>&1
}

# What went wrong: the broken property or sanitizer report, and the input.
report_failure() {
  local log="build/fuzz/logs/$1.log"
  echo "fuzz.sh: $1 FAILED (whole log: $log)" >&2
  grep -m 3 -E 'assertion failed|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|SUMMARY' "$log" >&2 || true
  grep -E 'Test unit written to' "$log" >&2 || true
  echo "fuzz.sh: replay with $bin_dir/fuzz_$1 FILE" >&2
}

smoke() {
  local start seconds failed=0 name
  start=$(date +%s)
  seconds=${WP_FUZZ_SMOKE_SECONDS:-6}
  build
  tmp=$(mktemp -d)  # global: the EXIT trap runs after smoke returns
  trap 'rm -rf "$tmp"' EXIT
  declare -A pid_of
  for name in $(targets); do
    # Two at a time: CI has two cores.
    while [ "$(jobs -rp | wc -l)" -ge 2 ]; do wait -n || true; done
    run_one "$name" "$seconds" "$tmp/$name" &
    pid_of[$name]=$!
  done
  for name in $(targets); do
    if wait "${pid_of[$name]}"; then
      echo "fuzz.sh: $name ok ($(ls "$tmp/$name" | wc -l) new inputs)"
    else
      report_failure "$name"
      failed=1
    fi
  done
  echo "fuzz.sh: smoke of $(targets | wc -l) targets in $(( $(date +%s) - start )) s"
  return "$failed"
}

long_run() {
  local name=$1 seconds=$2
  shift 2
  if [ ! -d "fuzz/corpus/$name" ]; then
    echo "fuzz.sh: no target $name (tools/fuzz.sh --list)" >&2
    exit 2
  fi
  build
  echo "fuzz.sh: fuzzing $name for $seconds s; log in build/fuzz/logs/$name.log"
  if run_one "$name" "$seconds" "build/fuzz/corpus/$name" "$@"; then
    echo "fuzz.sh: $name ok; corpus in build/fuzz/corpus/$name"
  else
    report_failure "$name"
    exit 1
  fi
}

mode="" name="" seconds=600
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) mode=smoke ;;
    --list) mode=list ;;
    --target) mode=target; name=${2:?--target needs a name}; shift ;;
    --time) seconds=${2:?--time needs seconds}; shift ;;
    --) shift; break ;;
    -h|--help) usage; exit 0 ;;
    *) echo "fuzz.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
case "$mode" in
  smoke) smoke ;;
  list) targets ;;
  target) long_run "$name" "$seconds" "$@" ;;
  *) usage >&2; exit 2 ;;
esac

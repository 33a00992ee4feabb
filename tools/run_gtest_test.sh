#!/usr/bin/env bash
# Tests of tools/run_gtest.sh: only a crash of the leak checker's tracer after
# every test passed is run again; test failures and leak reports are not.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0

# A fake test binary: prints $1's lines the first time, $2's the second, and
# exits with the matching code.
cat > "$dir/fake" <<'FAKE'
#!/usr/bin/env bash
state="$0.count"; n=$(cat "$state" 2>/dev/null || echo 0); n=$((n + 1)); echo "$n" > "$state"
case "$MODE-$n" in
  tracer-1) echo '[  PASSED  ] 3 tests.'; echo 'Tracer caught signal 11: addr=0x0'; echo '==1==LeakSanitizer has encountered a fatal error.'; exit 1 ;;
  tracer-*) echo '[  PASSED  ] 3 tests.'; exit 0 ;;
  failed-*) echo '[  FAILED  ] 1 test'; echo 'Tracer caught signal 11'; echo '==1==LeakSanitizer has encountered a fatal error.'; exit 1 ;;
  leak-*) echo '[  PASSED  ] 3 tests.'; echo 'ERROR: LeakSanitizer: detected memory leaks'; exit 1 ;;
  ok-*) echo '[  PASSED  ] 3 tests.'; exit 0 ;;
esac
FAKE
chmod +x "$dir/fake"

expect() {  # expect MODE RC RUNS
  rm -f "$dir/fake.count"
  MODE=$1 "$here/run_gtest.sh" "$dir/fake" > /dev/null 2>&1
  local rc=$? runs; runs=$(cat "$dir/fake.count")
  if [ "$rc" -ne "$2" ] || [ "$runs" -ne "$3" ]; then
    echo "FAIL: $1: exit $rc after $runs run(s), expected exit $2 after $3"; fail=1
  else
    echo "ok: $1"
  fi
}
expect ok 0 1
expect tracer 0 2
expect failed 1 1
expect leak 1 1
exit $fail

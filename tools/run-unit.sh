#!/usr/bin/env bash
# run-unit.sh — runs the C unit tests: every executable in BUILD_DIR/unit/.
#
# Usage: tools/run-unit.sh BUILD_DIR
# Prints one line per test binary (PASS/FAIL name), the output of each failing
# one, and ends with the line "N passed, N failed".  Exit status 1 if any test
# failed (non-zero exit, a signal, or running longer than HERON_TEST_TIMEOUT
# seconds, default 300).  The environment is passed on unchanged, so
# HERON_GC_STRESS and ASAN_OPTIONS reach the tests.
set -u

if [ $# -ne 1 ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
dir="$1/unit"
limit="${HERON_TEST_TIMEOUT:-300}"
pass=0
fail=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT

if [ ! -d "$dir" ]; then
  echo "no unit tests: $dir does not exist"
fi
for t in "$dir"/*; do
  if [ ! -f "$t" ] || [ ! -x "$t" ]; then continue; fi
  name=${t##*/}
  # The subshell's stderr is discarded so that bash's own "Segmentation
  # fault" notice does not clutter the report (the test's output is in $out).
  (
    timeout "$limit" "$t" >"$out" 2>&1 </dev/null
    exit $?
  ) 2>/dev/null
  status=$?
  if [ "$status" -eq 0 ]; then
    echo "PASS $name"
    pass=$((pass + 1))
  else
    if [ "$status" -eq 124 ]; then
      why="timed out after ${limit} s"
    elif [ "$status" -gt 128 ]; then
      why="killed by signal $((status - 128))"
    else
      why="exit status $status"
    fi
    echo "FAIL $name ($why)"
    tail -n 40 "$out" | sed 's/^/    /'
    fail=$((fail + 1))
  fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

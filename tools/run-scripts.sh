#!/usr/bin/env bash
# run-scripts.sh — runs the script tests with a heron binary and checks the
# expectations written inside each test file.
#
# Usage: tools/run-scripts.sh HERON_BINARY [FILE_OR_DIR...]
#
# Tests: every tests/scripts/**/*.js, *.mjs, *.ts and tests/ts/**/*.ts, except
# files in a parse/ folder (those are the parser's own checks), or the files
# and folders given (paths relative to the repository root).  Each runs as `HERON_BINARY FILE` from the repository
# root, with stdin from /dev/null and the environment passed on (so
# HERON_GC_STRESS=1 and ASAN_OPTIONS reach the engine).
#
# Expectations, anywhere on a line of the test:
#   // expect: TEXT          the next line of stdout is exactly TEXT (in order;
#                            stdout must have no other lines)
#   // expect error: NAME    exit status 1 and stderr contains NAME
#   // expect error at: L:C  stderr contains ":L:C"
#   // expect exit: N        exit status N (default 0, or 1 with expect error)
#
# Environment: HERON_TEST_JOBS (parallel runs, default 2), HERON_TEST_TIMEOUT
# (seconds per test, default 60).  Prints each failure with a diff and ends
# with the line "N passed, N failed"; exit status 1 if any test failed.
set -u

if [ "${1:-}" = "--one" ]; then
  # Internal: run one test, write the verdict to RESULT_DIR.  Invoked in
  # parallel by the main mode below through xargs.
  bin="$2" resdir="$3" file="$4"
  key=$(printf '%s' "$file" | tr '/' '%')
  work="$resdir/$key"
  mkdir -p "$work"
  sed -n -e 's/^.*\/\/ expect: //p' -e 's/^.*\/\/ expect:$//p' "$file" >"$work/expected"
  err_name=$(sed -n 's/^.*\/\/ expect error: *\(.*[^ ]\) *$/\1/p' "$file" | head -n 1)
  err_at=$(sed -n 's/^.*\/\/ expect error at: *\([0-9]*:[0-9]*\).*$/\1/p' "$file" | head -n 1)
  want_exit=$(sed -n 's/^.*\/\/ expect exit: *\([0-9]*\).*$/\1/p' "$file" | head -n 1)
  if [ -z "$want_exit" ]; then
    if [ -n "$err_name" ] || [ -n "$err_at" ]; then want_exit=1; else want_exit=0; fi
  fi
  # The subshell's stderr is discarded so that bash's own crash notice does
  # not clutter the report.
  (
    timeout "${HERON_TEST_TIMEOUT:-60}" "$bin" "$file" >"$work/stdout" 2>"$work/stderr" </dev/null
    exit $?
  ) 2>/dev/null
  status=$?
  problems=()
  if [ "$status" -eq 124 ]; then
    problems+=("timed out after ${HERON_TEST_TIMEOUT:-60} s")
  elif [ "$status" -gt 128 ] && [ "$want_exit" -le 128 ]; then
    problems+=("killed by signal $((status - 128))")
  elif [ "$status" -ne "$want_exit" ]; then
    problems+=("exit status $status, expected $want_exit")
  fi
  if [ -n "$err_name" ] && ! grep -qF -- "$err_name" "$work/stderr"; then
    problems+=("stderr does not contain \"$err_name\"")
  fi
  if [ -n "$err_at" ] && ! grep -qF -- ":$err_at" "$work/stderr"; then
    problems+=("stderr does not contain \":$err_at\"")
  fi
  if ! cmp -s "$work/expected" "$work/stdout"; then
    problems+=("stdout differs from the expectations")
  fi
  if [ ${#problems[@]} -eq 0 ]; then
    echo PASS >"$work/verdict"
  else
    {
      echo FAIL
      for p in "${problems[@]}"; do echo "  $p"; done
      if ! cmp -s "$work/expected" "$work/stdout"; then
        diff -u --label expected --label stdout "$work/expected" "$work/stdout" | head -n 60 |
          sed 's/^/    /'
      fi
      if [ -s "$work/stderr" ]; then
        echo "  stderr:"
        head -n 20 "$work/stderr" | sed 's/^/    /'
      fi
    } >"$work/verdict"
  fi
  exit 0
fi

if [ $# -lt 1 ]; then
  echo "usage: $0 HERON_BINARY [FILE_OR_DIR...]" >&2
  exit 2
fi
bin="$1"
shift
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
if [ ! -x "$bin" ]; then
  echo "run-scripts: $bin is not an executable" >&2
  exit 2
fi
self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2

if [ $# -eq 0 ]; then
  set -- tests/scripts tests/ts
fi
list=$(mktemp)
resdir=$(mktemp -d)
trap 'rm -rf "$list" "$resdir"' EXIT
for arg in "$@"; do
  [ -e "$arg" ] || continue
  find "$arg" -type f \( -name '*.js' -o -name '*.mjs' -o -name '*.ts' \) -not -path '*/parse/*'
done | while IFS= read -r f; do
  # tests/ts holds TypeScript only.
  case "$f" in
  tests/ts/*.ts) ;;
  tests/ts/*) continue ;;
  esac
  printf '%s\n' "$f"
done | sort -u >"$list"

mode=""
[ "${HERON_GC_STRESS:-}" = 1 ] && mode=" (HERON_GC_STRESS=1)"
echo "script tests$mode: $bin"
tr '\n' '\0' <"$list" | xargs -0 -r -n 1 -P "${HERON_TEST_JOBS:-2}" "$self" --one "$bin" "$resdir"

pass=0
fail=0
while IFS= read -r f; do
  key=$(printf '%s' "$f" | tr '/' '%')
  verdict="$resdir/$key/verdict"
  if [ -f "$verdict" ] && [ "$(head -n 1 "$verdict")" = PASS ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $f"
    if [ -f "$verdict" ]; then tail -n +2 "$verdict"; else echo "  (no verdict: the runner failed)"; fi
  fi
done <"$list"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

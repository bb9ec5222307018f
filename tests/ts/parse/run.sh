#!/bin/sh
# Runs the TypeScript parse tests: run.sh PARSECHECK
# Files with "// expect-parse-error: L:C" must fail at that position; the
# others must parse.
pc=${1:-build/parsecheck}
dir=$(dirname "$0")
fail=0
for f in "$dir"/*.ts "$dir"/*.mts; do
    want=$(sed -n 's|^// expect-parse-error: *\([0-9]*:[0-9]*\).*|\1|p' "$f" | head -1)
    out=$("$pc" --ts "$f" 2>&1)
    rc=$?
    if [ -n "$want" ]; then
        got=$(echo "$out" | sed -n 's|^[^:]*:\([0-9]*:[0-9]*\): SyntaxError.*|\1|p')
        if [ $rc -ne 1 ] || [ "$got" != "$want" ]; then
            echo "FAIL $f: expected error at $want, got: $out"; fail=1
        fi
    elif [ $rc -ne 0 ]; then
        echo "FAIL $f: $out"; fail=1
    fi
done
[ $fail -eq 0 ] && echo "ts parse tests: all passed"
exit $fail

#!/usr/bin/env bash
# bench/paired.sh [HERON] — paired measurement: each round runs heron then
# node --jitless on the same program back to back, and the per-program figure
# is the median of the per-round ratios (pairing cancels slow phases of a
# shared machine).  Programs: bench/*.js and the sync micro benchmarks of
# ../shared/bench.
set -u
cd "$(dirname "$0")"
HERON=${1:-../build/heron}
ROUNDS=${ROUNDS:-9}
wall() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
progs="$(ls *.js) ../../shared/bench/micro/numeric-loop.js ../../shared/bench/micro/object-alloc.js"
printf '%-22s %9s %9s %7s\n' benchmark heron_s jitless_s ratio
for f in $progs; do
  [ -f "$f" ] || continue
  rs=(); hs=(); ns=()
  for i in $(seq "$ROUNDS"); do
    h=$(wall "$HERON" "$f")
    n=$(wall node --jitless -e "globalThis.print=console.log; require('$(realpath "$f")')")
    hs+=("$h"); ns+=("$n"); rs+=("$(echo "$h / $n" | bc -l)")
  done
  printf '%-22s %9.3f %9.3f %7.2f\n' "$(basename "${f%.js}")" "$(printf '%s\n' "${hs[@]}" | median)" \
    "$(printf '%s\n' "${ns[@]}" | median)" "$(printf '%s\n' "${rs[@]}" | median)"
done

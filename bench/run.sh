#!/usr/bin/env bash
# bench/run.sh [HERON] — runs Heron's own benchmarks on build/heron and on
# `node --jitless` in the same run; prints the median of 5 wall times per
# program and the ratio heron / node --jitless.
set -u
cd "$(dirname "$0")"
HERON=${1:-../build/heron}
RUNS=${RUNS:-5}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
wall() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
printf '%-22s %10s %10s %8s\n' benchmark heron_s jitless_s ratio
for f in *.js; do
  h=$(for i in $(seq "$RUNS"); do wall "$HERON" "$f"; done | median)
  n=$(for i in $(seq "$RUNS"); do wall node --jitless -e "globalThis.print=console.log; require('./$f')" ; done | median)
  printf '%-22s %10.3f %10.3f %8.2f\n' "${f%.js}" "$h" "$n" "$(echo "$h / $n" | bc -l)"
done

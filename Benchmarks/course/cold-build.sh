#!/usr/bin/env bash
# Times a cold build of the whole course (no result cache), three times, and prints each run
# and the spread. Goal (README): under 3 minutes on this project's machine.
# Usage: Benchmarks/course/cold-build.sh [BUILD_DIR]   (default .build/release)
set -euo pipefail
cd "$(dirname "$0")/../.."
workbook=${1:-.build/release}/workbook
times=()
for run in 1 2 3; do
    rm -rf Output/.cache
    start=$(date +%s%N)
    "$workbook" build > /dev/null 2>&1
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    times+=("$ms")
    printf 'run %d: %d.%03d s\n' "$run" $((ms / 1000)) $((ms % 1000))
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 / 1000 } END { printf "min %.1f s, median %.1f s, max %.1f s\n", t[1], t[2], t[3] }'

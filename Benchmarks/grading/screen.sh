#!/usr/bin/env bash
# What grading costs with the per-exercise screen (issue 9), printed as figures:
#   1. the screen itself: one `swiftc -frontend -parse` per exercise block a student changed;
#   2. `workbook grade` on the whole course for a class of 3 (one solved everything, one hands
#      in the untouched student edition, one whose first answer loops forever), RUNS times.
# Usage: Benchmarks/grading/screen.sh [BUILD_DIR] [RUNS]     (default .build/release, 3)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "${1:-$ROOT/.build/release}" && pwd)
RUNS=${2:-3}
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/grading-bench-XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
now() { date +%s.%N; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. The screen: the same parse grading runs for one changed exercise block.
mkdir -p "$SCRATCH/parse"
printf 'func mean(_ xs: [Double]) -> Double {\n    var total = 0.0\n    for x in xs { total += x }\n    return total / Double(xs.count)\n}\n' \
    > "$SCRATCH/parse/main.swift"
SWIFTC=$(command -v swiftc)
for run in $(seq "$RUNS"); do
    start=$(now)
    for _ in $(seq 10); do "$SWIFTC" -frontend -parse "$SCRATCH/parse/main.swift"; done
    echo "screen run $run: $(echo "($(now) - $start) / 10" | bc -l | cut -c1-5) s per exercise block (10 in a row)"
done

# 2. A class of 3 on the course.
mkdir -p "$SCRATCH/Class"
"$BUILD/workbook" release "$ROOT/Chapters" --output "$SCRATCH/Class/untouched" > /dev/null
python3 - "$ROOT/Chapters" "$SCRATCH/Class" <<'PY'
import os, re, sys
chapters, out = sys.argv[1], sys.argv[2]
block = re.compile(r'^(```swift (exercise|solution)[^\n]*\bid=(\S+)[^\n]*\n)(.*?)(^```\n)', re.S | re.M)
for student in ("solved", "looping"):
    os.makedirs(os.path.join(out, student), exist_ok=True)
looped = False
for name in sorted(os.listdir(chapters)):
    if not name.endswith(".md"):
        continue
    text = open(os.path.join(chapters, name)).read()
    solutions = {m.group(3): m.group(4) for m in block.finditer(text) if m.group(2) == "solution"}
    def solve(m):
        if m.group(2) != "exercise" or m.group(3) not in solutions:
            return m.group(0)
        return m.group(1) + solutions[m.group(3)] + m.group(5)
    solved = block.sub(solve, text)
    open(os.path.join(out, "solved", name), "w").write(solved)
    def loop(m):
        global looped
        if looped or m.group(2) != "exercise" or m.group(3) not in solutions:
            return m.group(0)
        looped = True
        return m.group(1) + "while true {}\n" + solutions[m.group(3)] + m.group(5)
    open(os.path.join(out, "looping", name), "w").write(block.sub(loop, solved))
PY
cd "$ROOT"
for run in $(seq "$RUNS"); do
    start=$(now)
    "$BUILD/workbook" grade "$SCRATCH/Class" --output "$SCRATCH/grades.csv" > "$SCRATCH/summary.txt" || true
    seconds=$(echo "$(now) - $start" | bc -l | cut -c1-5)
    echo "grade run $run: $seconds s — $(grep -E '^(looping|solved|untouched) ' "$SCRATCH/summary.txt" | tr -s ' ' | paste -sd';' -)"
done

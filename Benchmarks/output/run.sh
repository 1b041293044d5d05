#!/usr/bin/env bash
# A chatty cell: 3,000,000 printed lines. `workbook run` on a one-cell chapter (compile + run +
# capture, cold cache) against the same code as a plain binary: swiftc -Onone (the engine's
# flags) plus running it into `wc -l`. REPEAT rounds (default 3), both back to back; the last
# line is one JSON object with the seconds of each round and the ratios. Goal: ≤ 1.5×.
# usage: Benchmarks/output/run.sh [LINES]     (BUILD_DIR: a release build with workbook and Course)
set -euo pipefail
cd "$(dirname "$0")/../.."
LINES=${1:-3000000}
REPEAT=${REPEAT:-3}
build_dir=${BUILD_DIR:-}
if [[ -z $build_dir ]]; then
    swift build -c release --product workbook >&2
    swift build -c release --product Course >&2
    build_dir=$(swift build -c release --show-bin-path)
fi
build_dir=$(cd "$build_dir" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/chapters"
body="for i in 0..<$LINES { print(\"line \\(i) of the chatty cell\") }"
printf '# Chatty\n\n```swift\n%s\n```\n' "$body" > "$work/chapters/01-chatty.md"
printf '%s\n' "$body" > "$work/plain.swift"

now() { date +%s.%N; }
ENGINE=() PLAIN=()
for round in $(seq "$REPEAT"); do
    rm -rf "$work/out"
    start=$(now)
    "$build_dir/workbook" build "$work/chapters" --output "$work/out" > /dev/null
    ENGINE+=("$(echo "$(now) - $start" | bc)")
    start=$(now)
    swiftc -swift-version 5 -Onone "$work/plain.swift" -o "$work/plain"
    count=$("$work/plain" | wc -l)
    PLAIN+=("$(echo "$(now) - $start" | bc)")
    [[ $count -eq $LINES ]] || { echo "plain binary printed $count lines" >&2; exit 3; }
    echo "round $round workbook ${ENGINE[-1]} s, plain compile+run ${PLAIN[-1]} s"
done
uptime | sed 's/^/machine /'
python3 - "${ENGINE[*]}" "${PLAIN[*]}" "$LINES" <<'PY'
import json, sys
engine, plain = [[float(v) for v in a.split()] for a in sys.argv[1:3]]
print(json.dumps({"lines": int(sys.argv[3]), "workbook_seconds": engine, "plain_seconds": plain,
                  "ratio_workbook_over_plain": [round(e / p, 2) for e, p in zip(engine, plain)]}))
PY

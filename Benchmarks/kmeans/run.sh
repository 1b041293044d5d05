#!/usr/bin/env bash
# Lloyd k-means, ours against scikit-learn on the same 1,000,000 × 8 points, k = 16, same
# initial centroids, same number of iterations. REPEAT rounds (default 3), ours then
# scikit-learn back to back; the last line is one JSON object (seconds per iteration, ratios).
# usage: Benchmarks/kmeans/run.sh [points] [iterations]
set -euo pipefail
cd "$(dirname "$0")/../.."
POINTS=${1:-1000000}
ITERATIONS=${2:-20}
SCRATCH=${SCRATCH:-.build-bench}
VENV=${VENV:-.venv-bench}
REPEAT=${REPEAT:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ -z "${BIN:-}" ]; then   # BIN: an already built course-bench-kmeans
    swift build -c release --scratch-path "$SCRATCH" --product course-bench-kmeans >&2
    BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/course-bench-kmeans"
fi
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sklearn' 2>/dev/null; then
    python3 -m venv "$VENV" >&2 && "$VENV/bin/pip" install -q scikit-learn >&2
fi
OURS=() THEIRS=()
for round in $(seq "$REPEAT"); do
    "$BIN" kmeans "$POINTS" "$ITERATIONS" "$WORK/problem" | tee "$WORK/ours.txt"
    RAN=$(awk '/^kmeans.iterations /{print $2}' "$WORK/ours.txt")
    "$VENV/bin/python" Benchmarks/kmeans/bench_sklearn.py "$WORK/problem" "$POINTS" 8 16 "$RAN" | tee "$WORK/theirs.txt"
    OURS+=("$(awk '/^kmeans.ours.seconds_per_iteration /{print $2}' "$WORK/ours.txt")")
    THEIRS+=("$(awk '/^sklearn.seconds_per_iteration /{print $2}' "$WORK/theirs.txt")")
done
uptime | sed 's/^/machine /'
"$VENV/bin/python" - "${OURS[*]}" "${THEIRS[*]}" <<'PY'
import json, sys
ours, theirs = [[float(v) for v in a.split()] for a in sys.argv[1:]]
print(json.dumps({"ours_seconds_per_iteration": ours, "sklearn_seconds_per_iteration": theirs,
                  "speedup_sklearn_over_ours": [round(t / o, 2) for o, t in zip(ours, theirs)]}))
PY

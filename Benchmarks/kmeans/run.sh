#!/usr/bin/env bash
# Lloyd k-means, ours against scikit-learn on the same 1,000,000 × 8 points, k = 16, same
# initial centroids, same number of iterations. Prints figures; see BENCHMARKS.md.
# usage: Benchmarks/kmeans/run.sh [points] [iterations]
set -euo pipefail
cd "$(dirname "$0")/../.."
POINTS=${1:-1000000}
ITERATIONS=${2:-20}
SCRATCH=${SCRATCH:-.build-bench}
VENV=${VENV:-/tmp/venv-course-bench}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

swift build -c release --scratch-path "$SCRATCH" --product course-bench-kmeans >&2
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/course-bench-kmeans"
"$BIN" kmeans "$POINTS" "$ITERATIONS" "$WORK/problem" | tee "$WORK/ours.txt"
RAN=$(awk '/^kmeans.iterations /{print $2}' "$WORK/ours.txt")

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sklearn' 2>/dev/null; then
    python3 -m venv "$VENV" >&2 && "$VENV/bin/pip" install -q scikit-learn >&2 || true
fi
if ! "$VENV/bin/python" -c 'import sklearn' 2>/dev/null; then
    echo "sklearn.skipped scikit-learn could not be installed into $VENV (no PyPI access?); only our figures above"
    exit 0
fi
"$VENV/bin/python" Benchmarks/kmeans/bench_sklearn.py "$WORK/problem" "$POINTS" 8 16 "$RAN" | tee "$WORK/theirs.txt"
OURS=$(awk '/^kmeans.ours.seconds_per_iteration /{print $2}' "$WORK/ours.txt")
THEIRS=$(awk '/^sklearn.seconds_per_iteration /{print $2}' "$WORK/theirs.txt")
awk -v o="$OURS" -v t="$THEIRS" 'BEGIN { printf "speedup.sklearn_over_ours %.2f\n", t / o }'

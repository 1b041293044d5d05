#!/usr/bin/env bash
# The Hungarian algorithm on a 1000 × 1000 matrix of uniform random costs (goal: under 1 s).
# usage: Benchmarks/hungarian/run.sh [size]
set -euo pipefail
cd "$(dirname "$0")/../.."
SCRATCH=${SCRATCH:-.build-bench}
swift build -c release --scratch-path "$SCRATCH" --product course-bench-kmeans >&2
"$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/course-bench-kmeans" hungarian "${1:-1000}"

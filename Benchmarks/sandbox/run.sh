#!/usr/bin/env bash
# The sandbox's overhead per chapter program: one compiled chapter program started directly and
# through the engine's exact bubblewrap + prlimit command line, alternating (3 runs × 20 starts
# each way by default). Prints per-run medians, the spread, and a JSON object as the last line.
# Usage: Benchmarks/sandbox/run.sh [BUILD_DIR] [RUNS] [STARTS]   (default: builds release)
set -euo pipefail
cd "$(dirname "$0")/../.."
build_dir=${1:-}
if [[ -z $build_dir ]]; then
    swift build -c release --product sandbox-bench >&2
    swift build -c release --product Course >&2
    build_dir=$(swift build -c release --show-bin-path)
fi
build_dir=$(cd "$build_dir" && pwd)
[[ -x $build_dir/sandbox-bench ]] || { echo "error: $build_dir/sandbox-bench not built" >&2; exit 2; }
WORKBOOK_COURSE_DIR=$build_dir "$build_dir/sandbox-bench" "${2:-3}" "${3:-20}"

#!/usr/bin/env bash
# The sandbox's overhead (1) per chapter program: one compiled chapter program started directly
# and through the engine's exact bubblewrap + prlimit command line, alternating (3 runs × 20
# starts each way by default); (2) on grading a class: the test fixtures' class of 5 students
# graded with and without --no-sandbox, alternating, RUNS times. Prints figures and the spread;
# the last line is one JSON object.
# Usage: Benchmarks/sandbox/run.sh [BUILD_DIR] [RUNS] [STARTS]   (default: builds release)
set -euo pipefail
cd "$(dirname "$0")/../.."
build_dir=${1:-}
if [[ -z $build_dir ]]; then
    swift build -c release --product sandbox-bench >&2
    swift build -c release --product Course >&2
    swift build -c release --product workbook >&2
    build_dir=$(swift build -c release --show-bin-path)
fi
build_dir=$(cd "$build_dir" && pwd)
[[ -x $build_dir/sandbox-bench ]] || { echo "error: $build_dir/sandbox-bench not built" >&2; exit 2; }
runs=${2:-3}
program_json=$(WORKBOOK_COURSE_DIR=$build_dir "$build_dir/sandbox-bench" "$runs" "${3:-20}" | tee /dev/stderr | tail -1)

# (2) Grading a class: Tests/…/Fixtures/exercises (one chapter, 5 students; one loops, 3 s limit).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fixtures=Tests/WorkbookEngineTests/Fixtures/exercises
mkdir -p "$work/Chapters"
cp "$fixtures/course/01-sums.md" "$work/Chapters/"
cp -r "$fixtures/submissions" "$work/Submissions"
seconds() {
    local start end
    start=$(date +%s.%N)
    (cd "$work" && "$build_dir/workbook" "$@" > /dev/null 2>&1) || true
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l | xargs printf '%.2f'
}
sandboxed=(); plain=()
for _ in $(seq "$runs"); do
    sandboxed+=("$(seconds grade Submissions --output grades.csv --timeout 3 --jobs 2)")
    plain+=("$(seconds grade Submissions --output grades.csv --timeout 3 --jobs 2 --no-sandbox)")
done
echo "grading a class of 5 (1 chapter, one answer loops to its 3 s limit), $runs runs each way:" >&2
echo "  sandboxed: ${sandboxed[*]} s" >&2
echo "  --no-sandbox: ${plain[*]} s" >&2
join() { local IFS=,; echo "$*"; }
echo "{\"program\": $program_json, \"grade_class_s\": {\"sandboxed\": [$(join "${sandboxed[@]}")], \"no_sandbox\": [$(join "${plain[@]}")]}}"

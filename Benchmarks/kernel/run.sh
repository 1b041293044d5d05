#!/usr/bin/env bash
# Incremental execution (the kernel) against today's full re-run, measured side by side in the
# same run, each figure as a ratio to the full re-run. Prints figures; never fails on them.
#   (1) edit the last exercise of chapter 2, re-check it (check --student)   goal ≤ 1.0 s
#   (2) edit the last cell of chapter 7, rebuild it                          goal ≤ 1.5 s
#   (3) grade 20 solved students on chapter 2                                goal ≥ 3× faster
# (1) and (2) run in the sandbox, as users run them (the kernel's checkpoints are sandboxed
# processes); (3) runs with --no-sandbox on both sides, because grading in the sandbox does not
# use the kernel (README, "Incremental execution": students never share a checkpoint there).
# Usage: Benchmarks/kernel/run.sh [BUILD_DIR] [ROUNDS]   (default: release build, 3 rounds)
#   PARTS="check build grade" (default all three) picks what to measure.
# The daemon is private to this run (WORKBOOK_KERNEL_FOLDER) and traces where each resume's
# time goes (WORKBOOK_KERNEL_TRACE=1); those lines are printed before the figures.
# The last line is one JSON object: seconds per round for both sides, ratios, load averages.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
build_dir=${1:-}
repetitions=${2:-3}
if [[ -z $build_dir ]]; then
    swift build -c release --product workbook >&2
    swift build -c release --product Course >&2
    build_dir=$(swift build -c release --show-bin-path)
fi
build_dir=$(cd "$build_dir" && pwd)
workbook="$build_dir/workbook"
[[ -x $workbook ]] || { echo "error: $workbook not built" >&2; exit 2; }

parts=${PARTS:-check build grade}
work=$(mktemp -d)
mkdir -m 700 "$work/kernel"
export WORKBOOK_KERNEL_FOLDER="$work/kernel" WORKBOOK_KERNEL_TRACE=1
unset WORKBOOK_NO_KERNEL
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
cleanup() {
    (cd "$work" && "$workbook" kernel stop > /dev/null 2>&1) || true
    rm -rf "$work"
}
trap cleanup EXIT
cp -r "$root/Chapters" "$root/Data" "$work/"
cd "$work"

# A solved copy of a chapter: every exercise block holds its solution's code, plus a marker line.
solve() {  # solve IN OUT MARK
    python3 - "$1" "$2" "$3" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
blocks = re.findall(r"```swift solution id=(\S+)[^\n]*\n(.*?)\n```", text, re.S)
solutions = dict(blocks)
def fill(match):
    ident = match.group(1)
    return "```swift exercise id=%s%s\n%s\n// %s\n```" % (ident, match.group(2), solutions[ident], sys.argv[3])
open(sys.argv[2], "w").write(re.sub(r"```swift exercise id=(\S+)([^\n]*)\n(.*?)\n```", fill, text, flags=re.S))
PY
}

# Seconds (3 decimals) a command takes; its exit status is not ours to judge here.
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l | xargs printf '%.3f'
}

# Edit number N of the last exercise block of chapter 2 (a student's next attempt).
edit_chapter2() {
    python3 - Chapters/02-rnn.md "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
starts = [m.end() for m in re.finditer(r"```swift exercise id=\S+[^\n]*\n", text)]
end = text.index("\n```", starts[-1])
text = text[:end] + "\n// attempt %s" % sys.argv[2] + text[end:]
open(sys.argv[1], "w").write(text)
PY
}

# Edit number N of the last cell of chapter 7 (an instructor's next draft).
edit_chapter7() {
    python3 - Chapters/07-deep-clustering.md "$1" <<'PY'
import sys
text = open(sys.argv[1]).read()
last_open = text.rindex("```swift")
close = text.index("\n```", last_open + 3)
text = text[:close] + "\nprint(\"draft %s\")" % sys.argv[2] + text[close:]
open(sys.argv[1], "w").write(text)
PY
}

solve Chapters/02-rnn.md Chapters/02-rnn.md "solved"
mkdir -p Class
for n in $(seq -w 1 20); do
    mkdir -p "Class/student-$n"
    solve Chapters/02-rnn.md "Class/student-$n/02-rnn.md" "student $n"
done

want() { [[ " $parts " == *" $1 "* ]]; }

# Warm the kernel: the checkpoints a first run leaves are what the next edits resume from.
want check && { "$workbook" check --student Chapters/02-rnn.md > /dev/null 2>&1 || true; }
want build && { "$workbook" build Chapters/07-deep-clustering.md --output Out > /dev/null 2>&1 || true; }

check_full=(); check_kernel=(); build_full=(); build_kernel=(); grade_full=(); grade_kernel=()
for rep in $(seq 1 "$repetitions"); do
    if want check; then
        edit_chapter2 "full-$rep";   check_full+=("$(seconds "$workbook" check --student --no-kernel Chapters/02-rnn.md)")
        edit_chapter2 "kernel-$rep"; check_kernel+=("$(seconds "$workbook" check --student Chapters/02-rnn.md)")
    fi
    if want build; then
        edit_chapter7 "full-$rep";   build_full+=("$(seconds "$workbook" build --no-kernel Chapters/07-deep-clustering.md --output Out)")
        edit_chapter7 "kernel-$rep"; build_kernel+=("$(seconds "$workbook" build Chapters/07-deep-clustering.md --output Out)")
    fi
    if want grade; then
        grade_full+=("$(seconds "$workbook" grade --no-sandbox Class --course Chapters/02-rnn.md --output full.csv --no-kernel)")
        # Each grading starts from a kernel that has never seen the class: only the shared prefix
        # (the instructor's cells before the first exercise) can be reused, within this one command.
        "$workbook" kernel stop > /dev/null 2>&1 || true
        grade_kernel+=("$(seconds "$workbook" grade --no-sandbox Class --course Chapters/02-rnn.md --output kernel.csv)")
        cmp -s full.csv kernel.csv || echo "warning: the grades differ between the two runs" >&2
    fi
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "where the resumes' time went (daemon trace):"
cat "$work"/kernel/*.log 2>/dev/null | grep "workbook kernel: resumed" | sed 's|^|  |' || true

python3 - "$(nproc)" "${check_full[*]}" "${check_kernel[*]}" "${build_full[*]}" "${build_kernel[*]}" \
    "${grade_full[*]}" "${grade_kernel[*]}" "$load_before" "$load_after" <<'PY'
import json, statistics, sys
cores = sys.argv[1]
rows = [("check_chapter2_last_exercise", sys.argv[2], sys.argv[3], "≤ 1.0 s"),
        ("build_chapter7_last_cell", sys.argv[4], sys.argv[5], "≤ 1.5 s"),
        ("grade_20_students_chapter2", sys.argv[6], sys.argv[7], "≥ 3× faster")]
print("kernel benchmark (%s cores; load average before %s, after %s)" % (cores, sys.argv[8], sys.argv[9]))
out = {"cores": int(cores), "load_before": sys.argv[8], "load_after": sys.argv[9]}
for name, full, kernel, goal in rows:
    full = [float(x) for x in full.split()]
    kernel = [float(x) for x in kernel.split()]
    if not full:
        continue
    ratios = [k / f for f, k in zip(full, kernel)]
    print("  %-30s full %5.2f–%5.2f s (median %5.2f)   kernel %5.2f–%5.2f s (median %5.2f)   kernel/full %.2f–%.2f   goal %s"
          % (name, min(full), max(full), statistics.median(full), min(kernel), max(kernel),
             statistics.median(kernel), min(ratios), max(ratios), goal))
    out[name] = {"full_seconds": full, "kernel_seconds": kernel, "ratio": ratios}
print(json.dumps(out))
PY

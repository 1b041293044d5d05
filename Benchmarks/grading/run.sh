#!/usr/bin/env bash
# Grading throughput: a class of STUDENTS solved students (every exercise answered with its
# reference solution, every chapter) graded by `workbook grade` with --jobs 1 and --jobs 2,
# ROUNDS times each (alternating, so both see the same spread of the machine's load); seconds
# per student (min / median / max), and the wall time projected for 1,000 students on N
# machines like this one (each grading its shard with --jobs 2, then one merge). The last
# line is one JSON object.
#
#   swift build -c release --product workbook && swift build -c release --product Course
#   Benchmarks/grading/run.sh [STUDENTS=20] [ROUNDS=3]
#   Benchmarks/grading/run.sh smoke          # 3 students of the test fixtures' one-chapter
#                                            # course, 3 rounds: tries this script in a minute
#
# Time limits: the class is graded against a copy of the course whose every time limit is
# an hour (--timeout 3600, and each cell's own timeout= raised to 3600), so load alone cannot
# fail a cell; every student must still get every point, or the run is refused (exit 1): it
# would have measured something other than grading.
#
# Resumable: each finished run is kept in STATE (default .build/benchmarks/grading/), keyed by
# the class size and the course's bytes; running the same command again measures only the
# runs still missing and reports them all; the last graded class is kept there too, for the
# merge figure. FRESH=1 starts over.
#
# Runs from the repository root; WORKBOOK overrides .build/release/workbook, CHAPTERS the
# course's chapters folder. Exit status: 0 measured; 1 a solved student lost points; 2 bad
# arguments; 3 the workbook is not built or a command could not run.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = smoke ]; then
    students=3; rounds=3
    chapters="${CHAPTERS:-Tests/WorkbookEngineTests/Fixtures/exercises/course}"
else
    students="${1:-20}"; rounds="${2:-3}"
    chapters="${CHAPTERS:-Chapters}"
fi
[[ "$students" =~ ^[1-9][0-9]*$ && "$rounds" =~ ^[1-9][0-9]*$ ]] || {
    echo "error: usage: run.sh [STUDENTS] [ROUNDS] | run.sh smoke" >&2; exit 2; }
workbook="${WORKBOOK:-.build/release/workbook}"
[ -x "$workbook" ] || { echo "error: $workbook not built (swift build -c release)" >&2; exit 3; }
[ -d "$chapters" ] || { echo "error: $chapters: no such chapters folder" >&2; exit 2; }
limit=3600

# The state of this measurement: class size, rounds asked for and the course's bytes.
course_hash=$(cat "$chapters"/*.md | sha256sum | cut -c1-12)
state="${STATE:-.build/benchmarks/grading}/${students}-students-${course_hash}"
[ "${FRESH:-0}" = 1 ] && rm -rf "$state"
mkdir -p "$state"
runs="$state/runs.tsv"   # jobs round seconds load-before load-after
touch "$runs"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The course copy: chapters with every cell limit raised, beside its Data/ (chapter programs
# read Data/ from the course root).
mkdir -p "$scratch/course/Chapters"
for file in "$chapters"/*.md; do
    sed -E "s/^(\`\`\`+swift.*[[:space:]])timeout=[0-9.]+/\1timeout=$limit/" "$file" > "$scratch/course/Chapters/$(basename "$file")"
done
root=$(dirname "$chapters")
[ -d "$chapters/Data" ] && root="$chapters"
[ -d "$root/Data" ] && cp -r "$root/Data" "$scratch/course/Data"
python3 Benchmarks/grading/solve.py "$scratch/course/Chapters" "$scratch/solved"
mkdir -p "$scratch/Class"
for i in $(seq -w 1 "$students"); do cp -r "$scratch/solved" "$scratch/Class/student$i"; done
calc() { python3 -c "print($1)"; }
load() { cut -d' ' -f1 /proc/loadavg; }

echo "machine: $(nproc) cores, load average now $(cut -d' ' -f1-3 /proc/loadavg) (other users' work moves these figures)"
echo "class: $students solved students, $(ls "$chapters"/*.md | wc -l) chapters from $chapters; every time limit $limit s"
echo "state: $runs ($(grep -c . "$runs" || true) runs kept from before)"
for r in $(seq 1 "$rounds"); do
    for jobs in 1 2; do
        if awk -v j="$jobs" -v r="$r" '$1 == j && $2 == r { found = 1 } END { exit !found }' "$runs"; then
            continue
        fi
        before=$(load)
        start=$(date +%s.%N)
        "$workbook" grade "$scratch/Class" --course "$scratch/course/Chapters" --format json \
            --output "$scratch/grades.json" --jobs "$jobs" --timeout "$limit" > "$scratch/summary.txt" \
            || { echo "error: workbook grade failed (status $?)" >&2; cat "$scratch/summary.txt" >&2; exit 3; }
        end=$(date +%s.%N)
        "$workbook" grade merge "$scratch/grades.json" --format csv --output "$scratch/grades.csv" --no-feedback > /dev/null
        # Every student must have every point, or this measured something other than grading.
        if awk -F, 'NR > 1 && ($2 == "" || $2 != $3) { bad = 1 } END { exit !bad }' "$scratch/grades.csv"; then
            echo "error: a solved student lost points (jobs $jobs, round $r):" >&2; cat "$scratch/summary.txt" >&2; exit 1
        fi
        cp "$scratch/grades.json" "$state/grades.json"   # the merge below reads a kept class
        seconds=$(calc "($end - $start) / $students")
        printf '%s\t%s\t%s\t%s\t%s\n' "$jobs" "$r" "$seconds" "$before" "$(load)" >> "$runs"
        printf 'round %d, jobs %d: %.1f s for %d students = %.2f s per student (load %s → %s)\n' \
            "$r" "$jobs" "$(calc "$end - $start")" "$students" "$seconds" "$before" "$(load)"
    done
done

# What the merge job adds: reading the class's json (grades and feedback) and writing the
# CSV and every feedback page; for 1,000 students it is scaled from these students.
[ -f "$state/grades.json" ] && cp "$state/grades.json" "$scratch/grades.json"
[ -f "$scratch/grades.json" ] || "$workbook" grade "$scratch/Class" --course "$scratch/course/Chapters" --format json \
    --output "$scratch/grades.json" --jobs 2 --timeout "$limit" > /dev/null
start=$(date +%s.%N)
"$workbook" grade merge "$scratch/grades.json" --format csv --output "$scratch/merged.csv" > /dev/null
end=$(date +%s.%N)
merge_seconds=$(calc "($end - $start) * 1000 / $students")

stats() { # jobs → "min median max" of that job count's runs, and the loads they saw
    awk -v j="$1" -v n="$rounds" '$1 == j && $2 <= n { print $3, $4, $5 }' "$runs" | python3 -c '
import sys
rows = [list(map(float, line.split())) for line in sys.stdin]
v = sorted(r[0] for r in rows); loads = [x for r in rows for x in r[1:]]
print("%.3f %.3f %.3f %.1f %.1f" % (v[0], v[len(v) // 2], v[-1], min(loads), max(loads)))'
}
read -r min1 med1 max1 low1 high1 <<< "$(stats 1)"
read -r min2 med2 max2 low2 high2 <<< "$(stats 2)"
echo "seconds per student, jobs 1: min $min1, median $med1, max $max1 ($rounds runs, load $low1–$high1)"
echo "seconds per student, jobs 2: min $min2, median $med2, max $max2 ($rounds runs, load $low2–$high2)"
echo "merge, scaled to 1,000 students: $(printf '%.2f' "$merge_seconds") s"
projection=""
for machines in 1 4 16 64; do
    # ceil(1000 / N) students per machine at the median 2-job rate, plus the merge.
    hours=$(python3 -c "import math; print('%.2f' % ((math.ceil(1000/$machines) * $med2 + $merge_seconds) / 3600))")
    echo "1,000 students on $machines machine(s) like this one: $hours h"
    projection+="\"$machines\": $hours, "
done
printf '{"students": %d, "rounds": %d, "chapters": %d, "time_limit_seconds": %d, "seconds_per_student": {"jobs1": {"min": %s, "median": %s, "max": %s}, "jobs2": {"min": %s, "median": %s, "max": %s}}, "load_average": {"jobs1": [%s, %s], "jobs2": [%s, %s]}, "merge_seconds_1000_students": %.2f, "projected_hours_1000_students_by_machines": {%s}, "cores": %d}\n' \
    "$students" "$rounds" "$(ls "$chapters"/*.md | wc -l)" "$limit" "$min1" "$med1" "$max1" "$min2" "$med2" "$max2" \
    "$low1" "$high1" "$low2" "$high2" "$merge_seconds" "${projection%, }" "$(nproc)"

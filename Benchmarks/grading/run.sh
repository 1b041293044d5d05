#!/usr/bin/env bash
# Grading throughput: a class of STUDENTS solved students (every exercise answered with its
# reference solution, every chapter) graded by `workbook grade` with --jobs 1 and --jobs 2,
# REPETITIONS times each (alternating); seconds per student (min / median / max), and the
# wall time projected for 1,000 students on N machines like this one (each grading its
# shard with --jobs 2, then one merge). The last line is one JSON object.
#
#   swift build -c release --product workbook && swift build -c release --product Course
#   Benchmarks/grading/run.sh [STUDENTS=20] [REPETITIONS=3]
#
# Runs from the repository root; WORKBOOK overrides .build/release/workbook.
set -euo pipefail
cd "$(dirname "$0")/../.."
students="${1:-20}"
repetitions="${2:-3}"
workbook="${WORKBOOK:-.build/release/workbook}"
chapters="${CHAPTERS:-Chapters}"   # another course folder, for a quick try of this script
[ -x "$workbook" ] || { echo "error: $workbook not built (swift build -c release)" >&2; exit 3; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 Benchmarks/grading/solve.py "$chapters" "$scratch/solved"
mkdir -p "$scratch/Class"
for i in $(seq -w 1 "$students"); do cp -r "$scratch/solved" "$scratch/Class/student$i"; done
calc() { python3 -c "print($1)"; }

echo "machine: $(nproc) cores, shared by 8 engineers building and testing (figures move with their load)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Repetitions alternate 1 and 2 jobs, so both see the same spread of the machine's load.
runs1=(); runs2=()
for r in $(seq 1 "$repetitions"); do
    for jobs in 1 2; do
        start=$(date +%s.%N)
        "$workbook" grade "$scratch/Class" --course "$chapters" --format json --output "$scratch/grades.json" \
            --jobs "$jobs" > "$scratch/summary.txt"
        end=$(date +%s.%N)
        "$workbook" grade merge "$scratch/grades.json" --format csv --output "$scratch/grades.csv" --no-feedback > /dev/null
        # Every student must have every point, or this measured something other than grading.
        if awk -F, 'NR > 1 && $2 != $3 { bad = 1 } END { exit !bad }' "$scratch/grades.csv"; then
            echo "error: a solved student lost points:" >&2; cat "$scratch/summary.txt" >&2; exit 1
        fi
        seconds=$(calc "($end - $start) / $students")
        if [ "$jobs" = 1 ]; then runs1+=("$seconds"); else runs2+=("$seconds"); fi
        printf 'run %d, jobs %d: %.1f s for %d students = %.2f s per student (load %s)\n' \
            "$r" "$jobs" "$(calc "$end - $start")" "$students" "$seconds" "$(cut -d' ' -f1 /proc/loadavg)"
    done
done

# What the merge job adds: reading the class's json (grades and feedback) and writing the
# CSV and every feedback page; for 1,000 students it is scaled from these students.
start=$(date +%s.%N)
"$workbook" grade merge "$scratch/grades.json" --format csv --output "$scratch/merged.csv" > /dev/null
end=$(date +%s.%N)
merge_seconds=$(calc "($end - $start) * 1000 / $students")

stats() { # min median max of sorted numbers
    python3 -c 'import sys; v=[float(x) for x in sys.argv[1:]]; print("%.3f %.3f %.3f" % (v[0], v[len(v)//2], v[-1]))' $1
}
read -r min1 med1 max1 <<< "$(stats "$(printf '%s\n' "${runs1[@]}" | sort -g | tr '\n' ' ')")"
read -r min2 med2 max2 <<< "$(stats "$(printf '%s\n' "${runs2[@]}" | sort -g | tr '\n' ' ')")"
echo "seconds per student, jobs 1: min $min1, median $med1, max $max1"
echo "seconds per student, jobs 2: min $min2, median $med2, max $max2"
echo "merge, scaled to 1,000 students: $(printf '%.2f' "$merge_seconds") s"
projection=""
for machines in 1 4 16 64; do
    # ceil(1000 / N) students per machine at the median 2-job rate, plus the merge.
    hours=$(python3 -c "import math; print('%.2f' % ((math.ceil(1000/$machines) * $med2 + $merge_seconds) / 3600))")
    echo "1,000 students on $machines machine(s) like this one: $hours h"
    projection+="\"$machines\": $hours, "
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '{"students": %d, "repetitions": %d, "chapters": %d, "seconds_per_student": {"jobs1": {"min": %s, "median": %s, "max": %s}, "jobs2": {"min": %s, "median": %s, "max": %s}}, "merge_seconds": %.2f, "projected_hours_1000_students_by_machines": {%s}, "machine": "2 cores shared by 8 engineers"}\n' \
    "$students" "$repetitions" "$(ls "$chapters"/*.md | wc -l)" "$min1" "$med1" "$max1" "$min2" "$med2" "$max2" \
    "$merge_seconds" "${projection%, }"

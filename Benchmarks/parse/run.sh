#!/usr/bin/env bash
# Parse time of generated maths-heavy chapters of 1.25, 2.5, 5 and 10 MB (issue 14: parsing
# grew quadratically, ~80 s for 10 MB; the goal is under 2 s). Each size is parsed 3 times by
# `workbook build --timings` (a chapter with no cells: nothing is compiled), and the "parse"
# phase is printed with its spread. The chapter: paragraphs of inline maths with subscripts
# and stars, display maths, dollar amounts that are not maths, code spans, one 1 MB paragraph.
# Usage: Benchmarks/parse/run.sh [BUILD-FOLDER]   (default .build/release)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-.build/release}
workbook=$build/workbook
[ -x "$workbook" ] || { echo "build first: swift build -c release" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import os, sys
work = sys.argv[1]
block = ("Let $x_{i} * w_{i}$ be the input and $\\sum_{j=1}^{n} a_{ij} b_{jk}$ the product; "
         "it costs $5 and $6, and `code_span * x` stays code.\n"
         "$$\n\\mathcal{L}(\\theta) = \\frac{1}{n} \\sum_i (y_i - \\hat y_i)^2\n$$\n"
         "and $\\nabla_\\theta \\mathcal{L}$ follows by the chain rule.\n\n")
tail = "".join(f"pay ${k} for $x_{{{k}}}$ and $y * z$ " for k in range(20000)) + "\n\n"
for megabytes in (1.25, 2.5, 5, 10):
    size = int(megabytes * 1_000_000)
    text = "# Maths\n\n" + tail
    text += block * ((size - len(text)) // len(block) + 1)
    os.makedirs(f"{work}/{megabytes}", exist_ok=True)
    open(f"{work}/{megabytes}/01-maths.md", "w").write(text)
PY
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) (shared with other builds)"
printf "%-8s %-10s %s\n" size runs "parse seconds (min–max)"
for megabytes in 1.25 2.5 5 10; do
    times=()
    for run in 1 2 3; do
        rm -rf "$work/out"
        line=$("$workbook" build --timings -o "$work/out" "$work/$megabytes/01-maths.md" 2>/dev/null | grep '^parse ')
        times+=("$(echo "$line" | awk '{print $2}')")
    done
    sorted=$(printf "%s\n" "${times[@]}" | sort -g)
    printf "%-8s %-10s %s–%s  (%s)\n" "${megabytes} MB" 3 "$(echo "$sorted" | head -1)" "$(echo "$sorted" | tail -1)" "${times[*]}"
done

#!/usr/bin/env bash
# Submits the grading array (N shards, default 16) and a merge job that runs only when every
# shard succeeded. The merge refuses a student missing or graded twice.
#   examples/grading/slurm-submit.sh [N]
set -euo pipefail
shards="${1:-16}"
workbook="${WORKBOOK:-.build/release/workbook}"
mkdir -p parts
array=$(sbatch --parsable --array="1-$shards" "$(dirname "$0")/slurm-grade.sh")
sbatch --dependency="afterok:${array%%;*}" --job-name=workbook-merge --output=parts/merge-%j.log \
    --wrap "$workbook grade merge parts/part-*.json --format csv --output grades.csv"
echo "array job $array: $shards shards; grades.csv when the merge job finishes"

#!/usr/bin/env bash
# One Slurm array task grades one shard of the class. Submit the array and the merge with
#   examples/grading/slurm-submit.sh
# or by hand: sbatch --array=1-16 examples/grading/slurm-grade.sh
# Run from the course root after `swift build -c release` (a shared file system holds
# Submissions/, the build and parts/). SUBMISSIONS and WORKBOOK override the defaults.
#SBATCH --job-name=workbook-grade
#SBATCH --cpus-per-task=2
#SBATCH --mem=8G
#SBATCH --time=02:00:00
#SBATCH --output=parts/grade-%A_%a.log
set -euo pipefail
shards="${SLURM_ARRAY_TASK_COUNT:?run as a Slurm array job: sbatch --array=1-N $0}"
index="${SLURM_ARRAY_TASK_ID:?run as a Slurm array job}"
workbook="${WORKBOOK:-.build/release/workbook}"
mkdir -p parts
"$workbook" grade "${SUBMISSIONS:-Submissions}" --shard "$index/$shards" \
    --output "parts/part-$index.json" --jobs "${SLURM_CPUS_PER_TASK:-2}"

#!/usr/bin/env bash
# Benchmarks/dec/run.sh for several seeds (default 1 2 3 4 5), one after another; prints each
# seed's JSON line, then one JSON object with the mean, standard deviation, min and max of
# every figure over the seeds.
# usage: Benchmarks/dec/seeds.sh [seed ...]
set -euo pipefail
cd "$(dirname "$0")/../.."
SEEDS=("${@:-1 2 3 4 5}")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# shellcheck disable=SC2068
for seed in ${SEEDS[@]}; do
    Benchmarks/dec/run.sh "$seed" | tail -n 1 | tee -a "$WORK/runs.jsonl"
done
uptime | sed 's/^/machine /'
python3 - "$WORK/runs.jsonl" <<'PY'
import json, statistics, sys
runs = [json.loads(line) for line in open(sys.argv[1])]
summary = {"seeds": len(runs)}
for method in runs[0]:
    for figure in runs[0][method]:
        values = [run[method][figure] for run in runs]
        summary.setdefault(method, {})[figure] = {
            "mean": round(statistics.mean(values), 4),
            "std": round(statistics.stdev(values), 4) if len(values) > 1 else 0.0,
            "min": round(min(values), 4), "max": round(max(values), 4), "each": [round(v, 4) for v in values]}
print(json.dumps(summary, sort_keys=True))
PY

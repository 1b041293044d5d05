#!/usr/bin/env bash
# The discussion notes' RNN on the cumulative-sum task, ours against PyTorch on CPU: the same
# model (hidden size 4), initial weights, 1,000 training sequences, epochs and Adam settings,
# a batch of one sequence, one thread each. REPEAT rounds (default 3), ours then PyTorch back to
# back; the last line is one JSON object with seconds per epoch per round and the ratios.
# usage: Benchmarks/rnn/run.sh [model: elman|elman-tanh|lstm] [epochs] [training sequences]
set -euo pipefail
cd "$(dirname "$0")/../.."
MODEL=${1:-elman}
EPOCHS=${2:-10}
TRAIN=${3:-1000}
SCRATCH=${SCRATCH:-.build-bench}
VENV=${VENV:-.venv-bench}
REPEAT=${REPEAT:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ -z "${BIN:-}" ]; then   # BIN: an already built course-bench-rnn
    swift build -c release --scratch-path "$SCRATCH" --product course-bench-rnn >&2
    BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/course-bench-rnn"
fi
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import torch' 2>/dev/null; then
    # PyTorch from PyPI is large (several GB with its CUDA libraries) but works on CPU.
    python3 -m venv "$VENV" >&2 && "$VENV/bin/pip" install -q numpy torch >&2
fi
OURS=() THEIRS=() ACC_OURS=() ACC_THEIRS=()
for round in $(seq "$REPEAT"); do
    # One thread on both sides, as the notes' batch-of-one model has nothing to share out.
    WORKBOOK_THREADS=1 "$BIN" --model "$MODEL" --epochs "$EPOCHS" --train "$TRAIN" --export "$WORK/problem.json" \
        | sed 's/^/ours./' | tee "$WORK/ours.txt"
    "$VENV/bin/python" Benchmarks/rnn/bench_torch.py "$WORK/problem.json" | tee "$WORK/theirs.txt"
    OURS+=("$(awk '/^ours.seconds_per_epoch /{print $2}' "$WORK/ours.txt")")
    THEIRS+=("$(awk '/^torch.seconds_per_epoch /{print $2}' "$WORK/theirs.txt")")
    ACC_OURS+=("$(awk '/^ours.test_accuracy /{print $2}' "$WORK/ours.txt")")
    ACC_THEIRS+=("$(awk '/^torch.test_accuracy /{print $2}' "$WORK/theirs.txt")")
done
uptime | sed 's/^/machine /'
"$VENV/bin/python" - "$MODEL" "${OURS[*]}" "${THEIRS[*]}" "${ACC_OURS[*]}" "${ACC_THEIRS[*]}" <<'PY'
import json, sys
model, ours, theirs, acc_ours, acc_theirs = sys.argv[1], *[[float(v) for v in a.split()] for a in sys.argv[2:]]
print(json.dumps({"model": model, "ours_seconds_per_epoch": ours, "torch_seconds_per_epoch": theirs,
                  "speedup_torch_over_ours": [round(t / o, 1) for o, t in zip(ours, theirs)],
                  "test_accuracy_ours": acc_ours, "test_accuracy_torch": acc_theirs}))
PY

#!/usr/bin/env bash
# The discussion notes' RNN on the cumulative-sum task, ours against PyTorch on CPU: the same
# model (hidden size 4), initial weights, 1,000 training sequences, epochs and Adam settings,
# a batch of one sequence, one thread each. Prints seconds per epoch for both and the ratio.
# usage: Benchmarks/rnn/run.sh [model: elman|elman-tanh|lstm] [epochs] [training sequences]
set -euo pipefail
cd "$(dirname "$0")/../.."
MODEL=${1:-elman}
EPOCHS=${2:-10}
TRAIN=${3:-1000}
SCRATCH=${SCRATCH:-.build-bench}
VENV=${VENV:-.venv-bench}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

swift build -c release --scratch-path "$SCRATCH" --product course-bench-rnn >&2
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/course-bench-rnn"
"$BIN" --model "$MODEL" --epochs "$EPOCHS" --train "$TRAIN" --export "$WORK/problem.json" | sed 's/^/ours./' | tee "$WORK/ours.txt"

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import torch' 2>/dev/null; then
    # PyTorch from PyPI is large (several GB with its CUDA libraries) but works on CPU.
    python3 -m venv "$VENV" >&2 && "$VENV/bin/pip" install -q numpy torch >&2 || true
fi
if ! "$VENV/bin/python" -c 'import torch' 2>/dev/null; then
    echo "torch.skipped PyTorch could not be installed into $VENV (no PyPI access?); only our figures above"
    exit 0
fi
"$VENV/bin/python" Benchmarks/rnn/bench_torch.py "$WORK/problem.json" | tee "$WORK/theirs.txt"
OURS=$(awk '/^ours.seconds_per_epoch /{print $2}' "$WORK/ours.txt")
THEIRS=$(awk '/^torch.seconds_per_epoch /{print $2}' "$WORK/theirs.txt")
awk -v o="$OURS" -v t="$THEIRS" 'BEGIN { printf "speedup.torch_over_ours %.1f\n", t / o }'

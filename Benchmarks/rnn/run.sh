#!/usr/bin/env bash
# The discussion notes' RNN on the cumulative-sum task, ours against PyTorch on CPU: the same
# model (hidden size 4), initial weights, 1,000 training sequences, epochs and Adam settings,
# a batch of one sequence, one thread each (WORKBOOK_THREADS=1; bench_torch.py calls
# torch.set_num_threads(1)). PyTorch runs twice per round from the same start:
#   torch     a Python loop over the time steps laid out like our model (nn.Linear on [x_t, h]);
#   torch_nn  nn.LSTM (lstm) or nn.RNN(nonlinearity="tanh") (elman-tanh) + an nn.Linear head,
#             what a PyTorch user would write. None for elman: nn.RNN has no identity
#             nonlinearity, so the notes' linear recurrence exists only as the loop.
# bench_torch.py first asserts that both PyTorch models give our first loss within 1e-12.
# REPEAT rounds (default 3): ours, then the loop, then the nn module, back to back, with the
# load average (uptime) before each round. The last line is one JSON object with seconds per
# epoch per round, the ratios, accuracies and load averages.
# usage: Benchmarks/rnn/run.sh [model: elman|elman-tanh (or tanh)|lstm] [epochs] [training sequences]
set -euo pipefail
cd "$(dirname "$0")/../.."
MODEL=${1:-elman}
if [ "$MODEL" = tanh ]; then MODEL=elman-tanh; fi
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
OURS=() THEIRS=() NN=() ACC_OURS=() ACC_THEIRS=() ACC_NN=() LOADS=()
value() { awk -v key="$1" '$1 == key {print $2}' "$2"; }
for round in $(seq "$REPEAT"); do
    LOADS+=("$(awk '{print $1}' /proc/loadavg)")
    uptime | sed "s/^/round $round machine /"
    # One thread on both sides, as the notes' batch-of-one model has nothing to share out.
    WORKBOOK_THREADS=1 "$BIN" --model "$MODEL" --epochs "$EPOCHS" --train "$TRAIN" --export "$WORK/problem.json" \
        | sed 's/^/ours./' | tee "$WORK/ours.txt"
    "$VENV/bin/python" Benchmarks/rnn/bench_torch.py "$WORK/problem.json" | tee "$WORK/theirs.txt"
    OURS+=("$(value ours.seconds_per_epoch "$WORK/ours.txt")")
    THEIRS+=("$(value torch.seconds_per_epoch "$WORK/theirs.txt")")
    NN+=("$(value torch_nn.seconds_per_epoch "$WORK/theirs.txt")")
    ACC_OURS+=("$(value ours.test_accuracy "$WORK/ours.txt")")
    ACC_THEIRS+=("$(value torch.test_accuracy "$WORK/theirs.txt")")
    ACC_NN+=("$(value torch_nn.test_accuracy "$WORK/theirs.txt")")
    NN_MODULE=$(value torch_nn.module "$WORK/theirs.txt")
done
uptime | sed 's/^/machine /'
"$VENV/bin/python" - "$MODEL" "${NN_MODULE:-}" "${OURS[*]}" "${THEIRS[*]}" "${NN[*]}" \
    "${ACC_OURS[*]}" "${ACC_THEIRS[*]}" "${ACC_NN[*]}" "${LOADS[*]}" <<'PY'
import json, sys
model, module = sys.argv[1], sys.argv[2] or None
ours, theirs, nn, acc_ours, acc_theirs, acc_nn, loads = [[float(v) for v in a.split()] for a in sys.argv[3:]]
loop_ratio = [round(t / o, 1) for o, t in zip(ours, theirs)]
nn_ratio = [round(t / o, 1) for o, t in zip(ours, nn)]
for r, o in enumerate(ours):
    line = f"round {r + 1}: ours {o:.5f} s/epoch | torch loop {theirs[r]:.5f} ({loop_ratio[r]}x ours)"
    if nn:
        line += f" | torch {module} {nn[r]:.5f} ({nn_ratio[r]}x ours)"
    print(line + f" | load {loads[r]}")
print(f"spread: torch loop / ours {min(loop_ratio)}-{max(loop_ratio)}x", end="")
print(f"; torch {module} / ours {min(nn_ratio)}-{max(nn_ratio)}x" if nn else f"; no nn.RNN peer for {model}")
print(json.dumps({"model": model, "ours_seconds_per_epoch": ours, "torch_seconds_per_epoch": theirs,
                  "speedup_torch_over_ours": loop_ratio,
                  "test_accuracy_ours": acc_ours, "test_accuracy_torch": acc_theirs,
                  "torch_nn_module": module, "torch_nn_seconds_per_epoch": nn or None,
                  "speedup_torch_nn_over_ours": nn_ratio or None,
                  "test_accuracy_torch_nn": acc_nn or None, "load_average_1min": loads}))
PY

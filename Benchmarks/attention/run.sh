#!/usr/bin/env bash
# A multi-head attention forward pass (N tokens, D features, h heads, float64), ours against
# NumPy written the usual way (Benchmarks/attention/bench_numpy.py), in milliseconds: REPEAT
# rounds (default 3), ours then NumPy back to back; THREADS=N limits both to N threads. NumPy runs with OPENBLAS_CORETYPE and
# OPENBLAS_L2_SIZE unset (see Benchmarks/matmul/run.sh). Last line: one JSON object.
# SAME_KERNEL=1 unsets the two for ours as well, so both sides pick their kernel by themselves.
# usage: Benchmarks/attention/run.sh [N D HEADS]     (default 512 256 8)
set -euo pipefail
cd "$(dirname "$0")/../.."
ARGS=("${@:-512 256 8}")
SCRATCH=${SCRATCH:-.build-bench}
VENV=${VENV:-.venv-bench}
REPEAT=${REPEAT:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ -z "${BIN:-}" ]; then   # BIN: an already built course-bench-matmul
    swift build -c release --scratch-path "$SCRATCH" --product course-bench-matmul >&2
    BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/course-bench-matmul"
fi
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import numpy, threadpoolctl' 2>/dev/null; then
    python3 -m venv "$VENV" >&2 && "$VENV/bin/pip" install -q numpy threadpoolctl >&2
fi
if [ -n "${THREADS:-}" ]; then export WORKBOOK_THREADS=$THREADS OPENBLAS_NUM_THREADS=$THREADS; fi
for round in $(seq "$REPEAT"); do
    # shellcheck disable=SC2068
    ${SAME_KERNEL:+env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE} "$BIN" attention ${ARGS[@]} | sed "s/^/round $round /" | tee -a "$WORK/all.txt"
    # shellcheck disable=SC2068
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$VENV/bin/python" Benchmarks/attention/bench_numpy.py ${ARGS[@]} \
        | sed "s/^/round $round /" | tee -a "$WORK/all.txt"
done
uptime | sed 's/^/machine /'
"$VENV/bin/python" Benchmarks/summarise.py attention ms < "$WORK/all.txt"

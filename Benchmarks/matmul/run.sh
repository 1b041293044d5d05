#!/usr/bin/env bash
# Tensor.matmul (OpenBLAS dgemm underneath) against NumPy, float64, at 256, 512 and 1024, in
# GFLOP/s: REPEAT rounds (default 3), each running ours then NumPy back to back, so both see the
# same machine load. Both use every core unless THREADS is set (WORKBOOK_THREADS for ours,
# OPENBLAS_NUM_THREADS for NumPy). NumPy runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset
# (some machines set them; NumPy's bundled OpenBLAS then picks its own kernel — both kernels
# are printed). The last line is one JSON object with every round and the ratios.
# SAME_KERNEL=1 unsets the two for ours as well, so both sides pick their kernel by themselves.
# usage: Benchmarks/matmul/run.sh [SIZE ...]
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=("${@:-256 512 1024}")
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
if [ -n "${THREADS:-}" ]; then export WORKBOOK_THREADS=$THREADS; fi
for round in $(seq "$REPEAT"); do
    # shellcheck disable=SC2068
    ${SAME_KERNEL:+env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE} "$BIN" ${SIZES[@]} | sed "s/^/round $round /" | tee -a "$WORK/all.txt"
    # shellcheck disable=SC2068
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE ${THREADS:+OPENBLAS_NUM_THREADS=$THREADS} \
        "$VENV/bin/python" Benchmarks/matmul/bench_numpy.py ${SIZES[@]} | sed "s/^/round $round /" | tee -a "$WORK/all.txt"
done
uptime | sed 's/^/machine /'
"$VENV/bin/python" Benchmarks/summarise.py matmul gflops < "$WORK/all.txt"

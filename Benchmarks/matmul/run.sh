#!/usr/bin/env bash
# Tensor.matmul against NumPy (float64, its bundled OpenBLAS) at 256, 512 and 1024, in GFLOP/s.
# Ours is single-threaded; NumPy uses every core unless THREADS is set (e.g. THREADS=1).
# usage: Benchmarks/matmul/run.sh [SIZE ...]
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=("${@:-256 512 1024}")
SCRATCH=${SCRATCH:-.build-bench}
VENV=${VENV:-.venv-bench}

swift build -c release --scratch-path "$SCRATCH" --product course-bench-matmul >&2
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/course-bench-matmul"
# shellcheck disable=SC2068
"$BIN" ${SIZES[@]} | sed 's/^/ours./'

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import numpy' 2>/dev/null; then
    python3 -m venv "$VENV" >&2 && "$VENV/bin/pip" install -q numpy >&2 || true
fi
if ! "$VENV/bin/python" -c 'import numpy' 2>/dev/null; then
    echo "numpy.skipped NumPy could not be installed into $VENV (no PyPI access?); only our figures above"
    exit 0
fi
if [ -n "${THREADS:-}" ]; then export OPENBLAS_NUM_THREADS=$THREADS OMP_NUM_THREADS=$THREADS; fi
# shellcheck disable=SC2068
"$VENV/bin/python" Benchmarks/matmul/bench_numpy.py ${SIZES[@]}

"""NumPy side of Benchmarks/matmul: GFLOP/s of float64 A @ B for square matrices, timed the
same way as course-bench-matmul (best of repeated runs over about a second).

usage: bench_numpy.py SIZE...
"""
import sys
import time

import numpy as np

try:
    from threadpoolctl import threadpool_info
    blas = [p for p in threadpool_info() if p.get("user_api") == "blas"]
    kernel = blas[0].get("architecture", "?") if blas else "?"
    threads = blas[0].get("num_threads", "?") if blas else "?"
except ImportError:
    kernel, threads = "?", "?"
print(f"numpy.version {np.__version__} threads {threads} kernel {kernel}")
for n in [int(a) for a in sys.argv[1:]] or [256, 512, 1024]:
    rng = np.random.default_rng(n)
    a, b = rng.standard_normal((n, n)), rng.standard_normal((n, n))
    a @ b  # warm-up
    best, elapsed, runs = float("inf"), 0.0, 0
    while elapsed < 1 or runs < 3:
        start = time.perf_counter()
        a @ b
        seconds = time.perf_counter() - start
        best, elapsed, runs = min(best, seconds), elapsed + seconds, runs + 1
    print(f"numpy.matmul {n} seconds {best:.5f} gflops {2 * n ** 3 / best / 1e9:.2f}")

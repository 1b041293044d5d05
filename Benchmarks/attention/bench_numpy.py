"""NumPy side of Benchmarks/attention: a multi-head attention forward pass, float64, written
the way a NumPy user would (per head: three projections, scores, a max-shifted softmax, the
weighted sum; heads concatenated), timed as course-bench-matmul times ours (best of repeated
runs over about a second).

usage: bench_numpy.py [N D HEADS]
"""
import sys
import time

import numpy as np

n, d, h = ([int(a) for a in sys.argv[1:4]] + [512, 256, 8][len(sys.argv[1:4]):])[:3]
rng = np.random.default_rng(1)
x = rng.standard_normal((n, d))
dk = d // h
bound = 1 / np.sqrt(d)
# Per head W_Q, W_K, W_V, each dk×d, as ours stores them (q = W_Q x).
weights = [[rng.uniform(-bound, bound, (dk, d)) for _ in range(3)] for _ in range(h)]


def attention(x):
    outputs = []
    for wq, wk, wv in weights:
        q, k, v = x @ wq.T, x @ wk.T, x @ wv.T
        scores = q @ k.T / np.sqrt(dk)
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        scores /= scores.sum(axis=1, keepdims=True)
        outputs.append(scores @ v)
    return np.concatenate(outputs, axis=1)


def best_seconds(body):
    body()
    best, elapsed, runs = float("inf"), 0.0, 0
    while elapsed < 1 or runs < 3:
        start = time.perf_counter()
        body()
        seconds = time.perf_counter() - start
        best, elapsed, runs = min(best, seconds), elapsed + seconds, runs + 1
    return best


try:
    from threadpoolctl import threadpool_info
    blas = [p for p in threadpool_info() if p.get("user_api") == "blas"]
    kernel = blas[0].get("architecture", "?") if blas else "?"
    threads = blas[0].get("num_threads", "?") if blas else "?"
except ImportError:
    kernel, threads = "?", "?"
print(f"numpy.version {np.__version__} threads {threads} kernel {kernel}")
print(f"numpy.attention {n} {d} {h} ms {best_seconds(lambda: attention(x)) * 1000:.3f}")

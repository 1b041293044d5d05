#!/usr/bin/env python3
"""scikit-learn's Lloyd k-means on the problem course-bench-kmeans exported.

usage: bench_sklearn.py PREFIX POINTS DIMENSION K ITERATIONS
Runs KMeans(algorithm="lloyd", init=<the same centroids>, n_init=1, max_iter=ITERATIONS, tol=0)
and prints seconds per iteration (threads: all cores, as OpenMP decides).
"""
import sys
import time

import numpy as np
from sklearn.cluster import KMeans

prefix, n, d, k, iterations = sys.argv[1], *map(int, sys.argv[2:6])
points = np.fromfile(prefix + ".points.f64", dtype="<f8").reshape(n, d)
centroids = np.fromfile(prefix + ".centroids.f64", dtype="<f8").reshape(k, d)
model = KMeans(n_clusters=k, init=centroids, n_init=1, max_iter=iterations, tol=0, algorithm="lloyd")
start = time.perf_counter()
model.fit(points)
elapsed = time.perf_counter() - start
print(f"sklearn.iterations {model.n_iter_}")
print(f"sklearn.objective {model.inertia_!r}")
print(f"sklearn.seconds_total {elapsed:.4f}")
print(f"sklearn.seconds_per_iteration {elapsed / model.n_iter_:.5f}")

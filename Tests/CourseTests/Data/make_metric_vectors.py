#!/usr/bin/env python3
"""Writes metric_vectors.json: clustering test vectors computed by scikit-learn and SciPy
(metrics, optimal assignments, agglomerative merge histories).

Run once (it was, to make the committed JSON) with a Python that has scikit-learn:
    python3 -m venv /tmp/venv-sk && /tmp/venv-sk/bin/pip install scikit-learn
    /tmp/venv-sk/bin/python make_metric_vectors.py
The Swift tests (MetricsTests.swift) read the JSON and compare to 1e-12.
Clustering accuracy has no scikit-learn function; it is the best one-to-one matching on the
contingency table, computed here with scipy.optimize.linear_sum_assignment.
"""
import json
import os

import numpy as np
import sklearn
from scipy.cluster.hierarchy import linkage
from scipy.optimize import linear_sum_assignment
from sklearn.metrics import (adjusted_rand_score, mutual_info_score,
                             normalized_mutual_info_score)
from sklearn.metrics.cluster import contingency_matrix


def accuracy(truth, predicted):
    table = contingency_matrix(truth, predicted)
    rows, cols = linear_sum_assignment(-table)
    return float(table[rows, cols].sum()) / len(truth)


def purity(truth, predicted):
    table = contingency_matrix(truth, predicted)
    return float(table.max(axis=0).sum()) / len(truth)


def case(name, truth, predicted):
    truth = [int(v) for v in truth]
    predicted = [int(v) for v in predicted]
    return {
        "name": name,
        "truth": truth,
        "predicted": predicted,
        "nmi": float(normalized_mutual_info_score(truth, predicted, average_method="arithmetic")),
        "ari": float(adjusted_rand_score(truth, predicted)),
        "mutualInformation": float(mutual_info_score(truth, predicted)),
        "accuracy": accuracy(truth, predicted),
        "purity": purity(truth, predicted),
    }


def noisy_copy(rng, labels, k, flip):
    out = np.array(labels).copy()
    mask = rng.random(len(out)) < flip
    out[mask] = rng.integers(0, k, mask.sum())
    return (out * 7 + 3) % k  # rename the clusters so the identity is not the best map


rng = np.random.default_rng(445)
small_truth = rng.integers(0, 3, 20)
medium_truth = rng.integers(0, 4, 300)
large_truth = rng.integers(0, 10, 20000)
cases = [
    case("textbook", [0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]),
    case("renamed identical", [0, 0, 1, 1, 2, 2], [5, 5, -1, -1, 9, 9]),
    case("small noisy", small_truth, noisy_copy(rng, small_truth, 3, 0.3)),
    case("more clusters than classes", medium_truth, noisy_copy(rng, medium_truth, 6, 0.4)),
    case("fewer clusters than classes", medium_truth, noisy_copy(rng, medium_truth, 2, 0.2)),
    case("large", large_truth, noisy_copy(rng, large_truth, 12, 0.5)),
    case("independent", rng.integers(0, 5, 1000), rng.integers(0, 5, 1000)),
    case("one cluster", medium_truth, [0] * len(medium_truth)),
    case("both one cluster", [3] * 50, [1] * 50),
    case("all singletons", medium_truth, list(range(len(medium_truth)))),
    case("both all singletons", list(range(40)), list(range(40, 80))),
    case("one point", [0], [0]),
]

assignments = []
for rows, cols in [(6, 6), (5, 8), (8, 5), (30, 30)]:
    cost = rng.integers(-20, 50, (rows, cols)).astype(float)
    r, c = linear_sum_assignment(cost)
    assignments.append({"cost": cost.tolist(), "minimumCost": float(cost[r, c].sum())})

# Agglomerative clustering merge histories (scipy.cluster.hierarchy.linkage, Euclidean).
linkages = []
for count in (12, 40):
    points = rng.normal(0, 3, (count, 2))
    for method in ("single", "complete", "average"):
        z = linkage(points, method=method, metric="euclidean")
        linkages.append({"points": points.tolist(), "method": method,
                         "merges": [[int(a), int(b), float(h), int(size)] for a, b, h, size in z]})

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "metric_vectors.json"), "w") as f:
    json.dump({"generator": f"scikit-learn {sklearn.__version__}", "cases": cases,
               "assignments": assignments, "linkages": linkages}, f, separators=(",", ":"))
    f.write("\n")

"""Reads `round R ours.WHAT KEY… UNIT VALUE …` / `round R numpy.WHAT …` lines (as the matmul
and attention run.sh scripts collect them) and prints one JSON object: for each case, both
sides' figure per round, their min/max, and the ratio ours/NumPy per round.

usage: summarise.py WHAT UNIT < lines
"""
import json
import sys

what, unit = sys.argv[1], sys.argv[2]
figures = {}   # case -> side -> [value per round]
kernels = {}
for line in sys.stdin:
    words = line.split()
    if len(words) < 3 or words[0] != "round":
        continue
    side, _, name = words[2].partition(".")
    if name in ("threads", "version"):
        kernels[side] = " ".join(words[3:])
        continue
    if name != what or unit not in words:
        continue
    # matmul: `… 256 seconds S gflops G` (the size); attention: `… 512 256 8 ms T` (N D h).
    case = words[3] if what == "matmul" else " ".join(words[3:words.index(unit)])
    figures.setdefault(case, {}).setdefault(side, []).append(float(words[words.index(unit) + 1]))

summary = {"unit": unit, "setup": kernels, "cases": {}}
for case, sides in figures.items():
    ours, numpy = sides.get("ours", []), sides.get("numpy", [])
    ratios = [o / n for o, n in zip(ours, numpy)]
    summary["cases"][case] = {
        "ours": ours, "numpy": numpy,
        "ours_range": [min(ours), max(ours)] if ours else None,
        "numpy_range": [min(numpy), max(numpy)] if numpy else None,
        "ratio_ours_over_numpy": [round(r, 3) for r in ratios],
    }
print(json.dumps(summary, sort_keys=True))

#!/usr/bin/env bash
# DEC on the 1,797 digits: prints ACC, NMI, ARI for k-means on pixels, k-means on the
# autoencoder's codes, and DEC, with the seconds taken; the last line is one JSON object with
# keys kmeans_pixels, ae_kmeans, dec (each acc, nmi, ari, seconds) and process (cpu_seconds of
# the whole process, the 1-minute load_average at the end, OpenBLAS threads).
# `dec.seconds` is the whole DEC run in wall-clock seconds (pretraining, k-means on the codes,
# clustering phase); `ae_kmeans.seconds` the part of it up to the codes' k-means. The network
# is DEC.digitsLayerSizes and the knobs DECSettings' defaults; DEC_* variables override them
# (see main.swift). OpenBLAS runs one thread unless WORKBOOK_THREADS says otherwise, so the
# figures reproduce exactly (the kernel is whatever the environment picks; it is printed). The
# program is compiled against the release `Course` library the way chapter programs are.
# usage: Benchmarks/dec/run.sh [seed] [balance weight]
set -euo pipefail
cd "$(dirname "$0")/../.."
SCRATCH=${SCRATCH:-.build-bench}
export WORKBOOK_THREADS=${WORKBOOK_THREADS:-1}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

swift build -c release --scratch-path "$SCRATCH" --product Course >&2
B="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)"
swiftc -swift-version 5 -O -I "$B/Modules" -L "$B" -lCourse -Xlinker -rpath -Xlinker "$B" \
    Benchmarks/dec/main.swift -o "$WORK/dec-bench" >&2
"$WORK/dec-bench" Data/digits.csv "${1:-1}" "${2:-0}"

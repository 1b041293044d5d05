import Dispatch

// The fast path under `kMeans`. The steps it computes are `lloydAssignments` and
// `lloydCentroids` (LloydStep.swift); read those first.

/// One sweep over the data that does everything a Lloyd iteration needs from the points:
/// assigns each point to its nearest centroid, counts the changes, sums the points of each
/// new cluster (for the update step), and adds up ‖x_i − μ_{z_i}‖² for the *old* assignments
/// (which is the previous iteration's objective, measured with its own centroids).
struct LloydPass {
    var changed = 0
    var previousObjective = 0.0
    /// Σ of the points newly assigned to cluster j, at `sums[j * dimension + d]`.
    var sums: [Double]
    var counts: [Int]
}

/// Points per work item. Fixed (not derived from the core count) so that the partial sums,
/// added together in chunk order, give byte-identical centroids on any machine.
let lloydChunkSize = 1024

/// A lower bound l_i on the distance from x_i to every centroid other than its own, kept
/// between sweeps to skip work (Hamerly, 2010). After the centroids move by at most Δ,
/// l_i − Δ is still a lower bound (triangle inequality); if x_i's distance to its own centroid
/// is below it, no other centroid can be nearer and the other K − 1 distances need not be
/// computed. The result is exactly what the full search gives: a point is skipped only when
/// its own centroid is nearer by a relative margin far above rounding error.
struct LowerBounds {
    var values: [Double]
    /// Δ: the largest distance any centroid moved since the bounds were computed.
    var drift = 0.0
    /// False until a full sweep has filled the bounds in.
    var ready = false
}

/// Relative safety margin of the skip test.
let boundMargin = 1e-9

/// Runs the sweep on all cores. `assignments` holds the old z_i (−1 for "none yet") and
/// receives the new ones. Ties go to the lowest cluster index (strict `<` below).
func lloydPass(_ points: Points, centroids: [Double], k: Int, assignments: inout [Int],
               bounds: inout LowerBounds) -> LloydPass {
    let n = points.count, dimension = points.dimension
    let chunkCount = max(1, (n + lloydChunkSize - 1) / lloydChunkSize)
    // Centroids regrouped into blocks of 8 clusters, one SIMD vector per (block, coordinate):
    // the inner loop then measures a point against 8 centroids at once. Each lane does the
    // same operations in the same order as `squaredEuclideanDistance`, so the distances (and
    // hence ties) are exactly those of the plain formula.
    let blockCount = (k + 7) / 8
    // Unused lanes of the last block hold centroids at +∞, so their distances are +∞ and
    // they are never the nearest.
    var blocks = [SIMD8<Double>](repeating: SIMD8(repeating: .infinity), count: blockCount * dimension)
    for j in 0..<k { for d in 0..<dimension { blocks[(j / 8) * dimension + d][j % 8] = centroids[j * dimension + d] } }

    var partialSums = [Double](repeating: 0, count: chunkCount * k * dimension)
    var partialCounts = [Int](repeating: 0, count: chunkCount * k)
    var partialChanged = [Int](repeating: 0, count: chunkCount)
    var partialObjective = [Double](repeating: 0, count: chunkCount)

    let useBounds = bounds.ready, drift = bounds.drift
    points.values.withUnsafeBufferPointer { x in
    centroids.withUnsafeBufferPointer { plainMu in
    bounds.values.withUnsafeMutableBufferPointer { lower in
    blocks.withUnsafeBufferPointer { mu in
    assignments.withUnsafeMutableBufferPointer { z in
    partialSums.withUnsafeMutableBufferPointer { sums in
    partialCounts.withUnsafeMutableBufferPointer { counts in
    partialChanged.withUnsafeMutableBufferPointer { changed in
    partialObjective.withUnsafeMutableBufferPointer { objective in
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let distances = UnsafeMutablePointer<SIMD8<Double>>.allocate(capacity: blockCount)
            defer { distances.deallocate() }
            let sumBase = chunk * k * dimension, countBase = chunk * k
            var chunkChanged = 0, chunkObjective = 0.0
            for i in (chunk * lloydChunkSize)..<min(n, (chunk + 1) * lloydChunkSize) {
                let row = i * dimension
                let old = z[i]
                if useBounds {
                    // Distance to the own centroid, computed exactly as in the full search.
                    var own = 0.0
                    for d in 0..<dimension {
                        let t = x[row + d] - plainMu[old * dimension + d]
                        own += t * t
                    }
                    let bound = lower[i] - drift
                    lower[i] = bound
                    if own.squareRoot() < bound * (1 - boundMargin) {
                        chunkObjective += own
                        counts[countBase + old] += 1
                        let target = sumBase + old * dimension
                        for d in 0..<dimension { sums[target + d] += x[row + d] }
                        continue
                    }
                }
                for b in 0..<blockCount {
                    var sum = SIMD8<Double>.zero
                    for d in 0..<dimension {
                        let t = SIMD8(repeating: x[row + d]) - mu[b * dimension + d]
                        sum += t * t
                    }
                    distances[b] = sum
                }
                // Nearest centroid, ties to the lowest index: strict `<` across blocks, and the
                // first lane equal to the block's minimum within one.
                var best = 0, bestDistance = Double.infinity
                for b in 0..<blockCount {
                    let blockMinimum = distances[b].min()
                    if blockMinimum < bestDistance {
                        bestDistance = blockMinimum
                        var lane = 0
                        while distances[b][lane] != blockMinimum { lane += 1 }
                        best = b * 8 + lane
                    }
                }
                if old >= 0 { chunkObjective += distances[old / 8][old % 8] }
                if old != best { chunkChanged += 1; z[i] = best }
                // The new lower bound: the distance to the second-nearest centroid.
                distances[best / 8][best % 8] = .infinity
                var second = Double.infinity
                for b in 0..<blockCount { second = min(second, distances[b].min()) }
                lower[i] = second.squareRoot()
                counts[countBase + best] += 1
                let target = sumBase + best * dimension
                for d in 0..<dimension { sums[target + d] += x[row + d] }
            }
            changed[chunk] = chunkChanged
            objective[chunk] = chunkObjective
        }
    }}}}}}}}}

    var pass = LloydPass(sums: [Double](repeating: 0, count: k * dimension),
                         counts: [Int](repeating: 0, count: k))
    for chunk in 0..<chunkCount {
        pass.changed += partialChanged[chunk]
        pass.previousObjective += partialObjective[chunk]
        for j in 0..<k { pass.counts[j] += partialCounts[chunk * k + j] }
        for e in 0..<(k * dimension) { pass.sums[e] += partialSums[chunk * k * dimension + e] }
    }
    bounds.ready = true
    bounds.drift = 0
    return pass
}

/// The update step: μ_j = (Σ_{i: z_i = j} x_i) / |{i: z_i = j}|.
///
/// Empty-cluster rule: a cluster that received no point keeps its previous centroid. (The
/// objective does not depend on an empty cluster's centroid, so this never increases it, and
/// the cluster can pick points up again in a later pass.)
func updatedCentroids(from pass: LloydPass, previous: [Double], k: Int, dimension: Int,
                      bounds: inout LowerBounds) -> [Double] {
    var centroids = previous
    for j in 0..<k where pass.counts[j] > 0 {
        let size = Double(pass.counts[j])
        var moved = 0.0
        for d in 0..<dimension {
            centroids[j * dimension + d] = pass.sums[j * dimension + d] / size
            let t = centroids[j * dimension + d] - previous[j * dimension + d]
            moved += t * t
        }
        bounds.drift = max(bounds.drift, moved.squareRoot())
    }
    return centroids
}

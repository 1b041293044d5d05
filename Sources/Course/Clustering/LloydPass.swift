import Dispatch

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

/// Runs the sweep on all cores. `assignments` holds the old z_i (−1 for "none yet") and
/// receives the new ones. Ties go to the lowest cluster index (strict `<` below).
func lloydPass(_ points: Points, centroids: [Double], k: Int, assignments: inout [Int]) -> LloydPass {
    let n = points.count, dimension = points.dimension
    let chunkCount = max(1, (n + lloydChunkSize - 1) / lloydChunkSize)
    // Centroids regrouped into blocks of 8 clusters, one SIMD vector per (block, coordinate):
    // the inner loop then measures a point against 8 centroids at once. Each lane does the
    // same operations in the same order as `squaredEuclideanDistance`, so the distances (and
    // hence ties) are exactly those of the plain formula.
    let blockCount = (k + 7) / 8
    var blocks = [SIMD8<Double>](repeating: .zero, count: blockCount * dimension)
    for j in 0..<k { for d in 0..<dimension { blocks[(j / 8) * dimension + d][j % 8] = centroids[j * dimension + d] } }

    var partialSums = [Double](repeating: 0, count: chunkCount * k * dimension)
    var partialCounts = [Int](repeating: 0, count: chunkCount * k)
    var partialChanged = [Int](repeating: 0, count: chunkCount)
    var partialObjective = [Double](repeating: 0, count: chunkCount)

    points.values.withUnsafeBufferPointer { x in
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
                for b in 0..<blockCount {
                    var sum = SIMD8<Double>.zero
                    for d in 0..<dimension {
                        let t = SIMD8(repeating: x[row + d]) - mu[b * dimension + d]
                        sum += t * t
                    }
                    distances[b] = sum
                }
                var best = 0, bestDistance = distances[0][0]
                for j in 1..<k where distances[j / 8][j % 8] < bestDistance {
                    best = j
                    bestDistance = distances[j / 8][j % 8]
                }
                let old = z[i]
                if old >= 0 { chunkObjective += distances[old / 8][old % 8] }
                if old != best { chunkChanged += 1; z[i] = best }
                counts[countBase + best] += 1
                let target = sumBase + best * dimension
                for d in 0..<dimension { sums[target + d] += x[row + d] }
            }
            changed[chunk] = chunkChanged
            objective[chunk] = chunkObjective
        }
    }}}}}}}

    var pass = LloydPass(sums: [Double](repeating: 0, count: k * dimension),
                         counts: [Int](repeating: 0, count: k))
    for chunk in 0..<chunkCount {
        pass.changed += partialChanged[chunk]
        pass.previousObjective += partialObjective[chunk]
        for j in 0..<k { pass.counts[j] += partialCounts[chunk * k + j] }
        for e in 0..<(k * dimension) { pass.sums[e] += partialSums[chunk * k * dimension + e] }
    }
    return pass
}

/// The update step: μ_j = (Σ_{i: z_i = j} x_i) / |{i: z_i = j}|.
///
/// Empty-cluster rule: a cluster that received no point keeps its previous centroid. (The
/// objective does not depend on an empty cluster's centroid, so this never increases it, and
/// the cluster can pick points up again in a later pass.)
func updatedCentroids(from pass: LloydPass, previous: [Double], k: Int, dimension: Int) -> [Double] {
    var centroids = previous
    for j in 0..<k where pass.counts[j] > 0 {
        let size = Double(pass.counts[j])
        for d in 0..<dimension { centroids[j * dimension + d] = pass.sums[j * dimension + d] / size }
    }
    return centroids
}

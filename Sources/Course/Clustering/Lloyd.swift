/// k-means by Lloyd's algorithm: block coordinate descent on the objective
///
///     J(z, μ) = Σ_i ‖x_i − μ_{z_i}‖²
///
/// alternating two steps, each of which minimises J over one block with the other held fixed:
/// 1. assignment: z_i ← argmin_j ‖x_i − μ_j‖² (ties go to the lowest j);
/// 2. update: μ_j ← the mean of the points with z_i = j (an empty cluster keeps its centroid).
///
/// Neither step can increase J, and there are finitely many assignments, so the run stops:
/// it has converged when a pass changes no assignment. `maxIterations` bounds the passes.
///
/// - Parameters:
///   - initialCentroids: μ_1 … μ_K to start from; K is their number.
///   - recordHistory: keep every pass's assignments and centroids (turn off for big data).
/// - Throws: `ClusteringError` for mismatched dimensions, K < 1, or K larger than the number
///   of distinct points (some cluster would have to stay empty).
public func kMeans(_ points: Points, initialCentroids: Points,
                   maxIterations: Int = 300, recordHistory: Bool = true) throws -> KMeansResult {
    let k = initialCentroids.count, dimension = points.dimension
    try validateKMeansInput(points, k: k, maxIterations: maxIterations)
    guard initialCentroids.dimension == dimension else {
        throw ClusteringError("centroids have \(initialCentroids.dimension) coordinates but points have \(dimension)")
    }

    var centroids = initialCentroids.values
    var assignments = [Int](repeating: -1, count: points.count)
    var history: [KMeansIteration] = []
    var objective = 0.0
    var converged = false
    var passes = 0
    var bounds = LowerBounds(values: [Double](repeating: 0, count: points.count))

    while passes < maxIterations {
        passes += 1
        let pass = lloydPass(points, centroids: centroids, k: k, assignments: &assignments, bounds: &bounds)
        // This sweep measured the previous pass's objective with the previous pass's centroids.
        if passes > 1 { objective = pass.previousObjective }
        if recordHistory, passes > 1 { history[passes - 2] = history[passes - 2].with(objective: objective) }
        if pass.changed == 0 {
            converged = true
            if recordHistory {
                history.append(KMeansIteration(number: passes, assignments: assignments,
                                               centroids: rows(centroids, dimension),
                                               objective: objective, changedAssignments: 0))
            }
            break
        }
        centroids = updatedCentroids(from: pass, previous: centroids, k: k, dimension: dimension, bounds: &bounds)
        if recordHistory {
            history.append(KMeansIteration(number: passes, assignments: assignments,
                                           centroids: rows(centroids, dimension),
                                           objective: .nan, changedAssignments: pass.changed))
        }
    }
    if !converged {
        // Stopped by the cap: one more sweep (on a copy) measures the last pass's objective.
        var probe = assignments
        objective = lloydPass(points, centroids: centroids, k: k, assignments: &probe, bounds: &bounds).previousObjective
        if recordHistory, let last = history.popLast() { history.append(last.with(objective: objective)) }
    }
    return KMeansResult(assignments: assignments, centroids: rows(centroids, dimension),
                        objective: objective, iterationCount: passes, converged: converged,
                        history: history, initialCentroids: initialCentroids.rows)
}

/// The same, for points and centroids written as rows: `kMeans([[1, 0.5], …], initialCentroids: …)`.
public func kMeans(_ points: [[Double]], initialCentroids: [[Double]],
                   maxIterations: Int = 300, recordHistory: Bool = true) throws -> KMeansResult {
    try kMeans(Points(points), initialCentroids: Points(initialCentroids),
               maxIterations: maxIterations, recordHistory: recordHistory)
}

/// The checks every k-means entry point shares.
func validateKMeansInput(_ points: Points, k: Int, maxIterations: Int) throws {
    guard points.count > 0 else { throw ClusteringError("k-means needs at least one point") }
    guard k >= 1 else { throw ClusteringError("k-means needs k ≥ 1 clusters (got k = \(k))") }
    guard maxIterations >= 1 else { throw ClusteringError("maxIterations must be at least 1 (got \(maxIterations))") }
    let distinct = points.distinctCount(upTo: k)
    guard distinct >= k else {
        throw ClusteringError("k = \(k) clusters but the data have only \(distinct) distinct point\(distinct == 1 ? "" : "s")")
    }
}

func rows(_ flat: [Double], _ dimension: Int) -> [[Double]] {
    stride(from: 0, to: flat.count, by: dimension).map { Array(flat[$0..<($0 + dimension)]) }
}

extension KMeansIteration {
    func with(objective: Double) -> KMeansIteration {
        KMeansIteration(number: number, assignments: assignments, centroids: centroids,
                        objective: objective, changedAssignments: changedAssignments)
    }
}

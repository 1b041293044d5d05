/// k-means from `restarts` different seeded starts, keeping the run with the lowest objective
/// Σ_i ‖x_i − μ_{z_i}‖² (the first such run when several tie).
///
/// Lloyd's algorithm only finds a local minimum, and which one depends on the start, so
/// restarting and keeping the best is the usual remedy. `using:` takes a seeded generator
/// (`var rng = SeededGenerator(seed: 1)`), so the result is the same on every run.
public func kMeans(_ points: Points, k: Int, restarts: Int = 10,
                   seeding: KMeansSeeding = .kMeansPlusPlus, maxIterations: Int = 300,
                   recordHistory: Bool = true,
                   using rng: inout some RandomNumberGenerator) throws -> KMeansResult {
    guard restarts >= 1 else { throw ClusteringError("restarts must be at least 1 (got \(restarts))") }
    try validateKMeansInput(points, k: k, maxIterations: maxIterations)
    var best: KMeansResult?
    for _ in 0..<restarts {
        let start = try initialCentroids(points, k: k, seeding: seeding, using: &rng)
        let run = try kMeans(points, initialCentroids: start, maxIterations: maxIterations,
                             recordHistory: recordHistory)
        if best == nil || run.objective < best!.objective { best = run }
    }
    return best!
}

/// The same, for points written as rows.
public func kMeans(_ points: [[Double]], k: Int, restarts: Int = 10,
                   seeding: KMeansSeeding = .kMeansPlusPlus, maxIterations: Int = 300,
                   recordHistory: Bool = true,
                   using rng: inout some RandomNumberGenerator) throws -> KMeansResult {
    try kMeans(Points(points), k: k, restarts: restarts, seeding: seeding,
               maxIterations: maxIterations, recordHistory: recordHistory, using: &rng)
}

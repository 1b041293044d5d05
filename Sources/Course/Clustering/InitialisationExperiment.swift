/// Summary of the objectives reached by many single k-means runs.
public struct ObjectiveSummary: Sendable, Equatable {
    /// How many runs were summarised.
    public let runs: Int
    /// The mean final objective J over the runs.
    public let mean: Double
    /// The lowest final J.
    public let best: Double
    /// The highest final J: what an unlucky start costs.
    public let worst: Double

    init(_ objectives: [Double]) {
        runs = objectives.count
        mean = objectives.reduce(0, +) / Double(objectives.count)
        best = objectives.min()!
        worst = objectives.max()!
    }
}

/// Random-start Lloyd against k-means++ on the same data, one run of each per seed.
public struct InitialisationComparison: Sendable, Equatable {
    /// Lloyd from k data points chosen uniformly at random.
    public let randomPoints: ObjectiveSummary
    /// Lloyd from k-means++ starts (each next centroid drawn with probability ∝ D(x)²).
    public let kMeansPlusPlus: ObjectiveSummary
}

/// Runs k-means once per seed with each seeding (seed s drives both, each from a fresh
/// `SeededGenerator(seed: s)`), and summarises the final objectives: k-means++ should have the
/// lower mean and, above all, the lower worst case.
public func compareSeedings(_ points: Points, k: Int, seeds: [UInt64],
                            maxIterations: Int = 300) throws -> InitialisationComparison {
    guard !seeds.isEmpty else { throw ClusteringError("compareSeedings needs at least one seed") }
    func objectives(_ seeding: KMeansSeeding) throws -> [Double] {
        try seeds.map { seed in
            var rng = SeededGenerator(seed: seed)
            return try kMeans(points, k: k, restarts: 1, seeding: seeding,
                              maxIterations: maxIterations, recordHistory: false, using: &rng).objective
        }
    }
    return InitialisationComparison(randomPoints: ObjectiveSummary(try objectives(.randomPoints)),
                                    kMeansPlusPlus: ObjectiveSummary(try objectives(.kMeansPlusPlus)))
}

/// The same, for points written as rows.
public func compareSeedings(_ points: [[Double]], k: Int, seeds: [UInt64],
                            maxIterations: Int = 300) throws -> InitialisationComparison {
    try compareSeedings(Points(points), k: k, seeds: seeds, maxIterations: maxIterations)
}

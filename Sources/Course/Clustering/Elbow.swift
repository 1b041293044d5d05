/// One point of an elbow curve: the best k-means objective found with k clusters.
public struct ElbowPoint: Sendable, Equatable {
    /// The number of clusters K.
    public let k: Int
    /// The lowest J = Σ_i ‖x_i − μ_{z_i}‖² found with K clusters.
    public let objective: Double
}

/// The k-means objective for k = 1 … maxK (each the best of `restarts` k-means++ runs).
///
/// The objective always falls as k grows (k = N gives 0), so its minimum says nothing; look
/// instead for the "elbow", the last k that brings a large drop over k − 1.
/// `maxK` may not exceed the number of distinct points.
public func elbowCurve(_ points: Points, maxK: Int, restarts: Int = 10,
                       using rng: inout some RandomNumberGenerator) throws -> [ElbowPoint] {
    guard maxK >= 1 else { throw ClusteringError("maxK must be at least 1 (got \(maxK))") }
    return try (1...maxK).map { k in
        let run = try kMeans(points, k: k, restarts: restarts, recordHistory: false, using: &rng)
        return ElbowPoint(k: k, objective: run.objective)
    }
}

/// The k after the largest drop in objective from k − 1 to k (nil with fewer than two points).
public func largestDrop(_ curve: [ElbowPoint]) -> Int? {
    guard curve.count >= 2 else { return nil }
    var bestK = curve[1].k, bestDrop = curve[0].objective - curve[1].objective
    for index in 2..<curve.count {
        let drop = curve[index - 1].objective - curve[index].objective
        if drop > bestDrop { bestDrop = drop; bestK = curve[index].k }
    }
    return bestK
}

/// The same, for points written as rows.
public func elbowCurve(_ points: [[Double]], maxK: Int, restarts: Int = 10,
                       using rng: inout some RandomNumberGenerator) throws -> [ElbowPoint] {
    try elbowCurve(Points(points), maxK: maxK, restarts: restarts, using: &rng)
}

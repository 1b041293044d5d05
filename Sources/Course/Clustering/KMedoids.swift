/// The result of k-medoids: cluster centres that are data points.
public struct KMedoidsResult: Sendable, Equatable {
    /// Indices of the points chosen as medoids, one per cluster.
    public let medoids: [Int]
    /// Cluster of each point (the index into `medoids`).
    public let assignments: [Int]
    /// Σᵢ d(x⁽ⁱ⁾, its medoid): the objective, with plain (not squared) distances.
    public let cost: Double
}

/// k-medoids by alternation (the "Voronoi iteration" form): like Lloyd's k-means, but each centre
/// must be one of the points, and the update picks the member whose summed distance to the
/// rest of its cluster is smallest,
///
///     m_k = argmin over x⁽ʲ⁾ in cluster k of Σ_{i in cluster k} d(x⁽ⁱ⁾, x⁽ʲ⁾).
///
/// Any distance works (it never needs a mean, which cosine, Jaccard or edit distances do not
/// have), and an outlier moves a medoid far less than it moves a mean. Starts from k distinct
/// random points; stops when the medoids no longer change.
public func kMedoids(_ points: [[Double]], k: Int, distance: ([Double], [Double]) -> Double = euclideanDistance,
                     maxIterations: Int = 100, using rng: inout some RandomNumberGenerator) -> KMedoidsResult {
    precondition(k >= 1 && k <= points.count, "kMedoids: need 1 ≤ k ≤ N")
    let n = points.count
    var d = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for i in 0..<n { for j in (i + 1)..<max(n, i + 1) { d[i][j] = distance(points[i], points[j]); d[j][i] = d[i][j] } }
    var medoids = Array(Array(0..<n).shuffled(using: &rng).prefix(k))
    func assign(_ medoids: [Int]) -> [Int] {
        (0..<n).map { i in medoids.indices.min { d[i][medoids[$0]] < d[i][medoids[$1]] }! }
    }
    var assignments = assign(medoids)
    for _ in 0..<maxIterations {
        let updated = medoids.indices.map { c -> Int in
            let members = (0..<n).filter { assignments[$0] == c }
            guard !members.isEmpty else { return medoids[c] }
            return members.min { a, b in
                members.reduce(0) { $0 + d[$1][a] } < members.reduce(0) { $0 + d[$1][b] }
            }!
        }
        if updated == medoids { break }
        medoids = updated
        assignments = assign(medoids)
    }
    let cost = (0..<n).reduce(0) { $0 + d[$1][medoids[assignments[$1]]] }
    return KMedoidsResult(medoids: medoids, assignments: assignments, cost: cost)
}

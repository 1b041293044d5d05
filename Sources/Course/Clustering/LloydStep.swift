// One iteration of Lloyd's algorithm written as the notes state it, for reading. `kMeans` runs
// the same two steps through `lloydPass` (LloydPass.swift), which fuses them into one sweep
// over the data on every core and skips points that provably keep their centroid; the tests
// hold every iteration of `kMeans` equal to these functions.

/// The assignment step: zᵢ = argmin_j ‖xᵢ − μ_j‖², ties to the lowest j.
public func lloydAssignments(_ points: [[Double]], centroids: [[Double]]) -> [Int] {
    points.map { x in
        var best = 0
        for j in centroids.indices
        where squaredEuclideanDistance(x, centroids[j]) < squaredEuclideanDistance(x, centroids[best]) {
            best = j
        }
        return best
    }
}

/// The update step: μ_j = the mean of the points with zᵢ = j. A cluster that received no point
/// keeps its previous centroid (J does not depend on it, so this cannot raise J).
public func lloydCentroids(_ points: [[Double]], assignments: [Int], previous: [[Double]]) -> [[Double]] {
    previous.indices.map { j in
        let members = points.indices.filter { assignments[$0] == j }.map { points[$0] }
        guard !members.isEmpty else { return previous[j] }
        var mean = [Double](repeating: 0, count: previous[j].count)
        for x in members { for d in mean.indices { mean[d] += x[d] } }
        return mean.map { $0 / Double(members.count) }
    }
}

/// One Lloyd iteration from `centroids`: assign every point, then move every centroid.
public func lloydIteration(_ points: [[Double]], centroids: [[Double]]) -> (assignments: [Int], centroids: [[Double]]) {
    let assignments = lloydAssignments(points, centroids: centroids)
    return (assignments, lloydCentroids(points, assignments: assignments, previous: centroids))
}

/// The silhouette of every point of a clustering (Rousseeuw, 1987): how much nearer a point is
/// to its own cluster than to the nearest other one.
///
///     a(i) = mean distance from x⁽ⁱ⁾ to the other points of its own cluster   (cohesion)
///     b(i) = min over other clusters C of the mean distance from x⁽ⁱ⁾ to C    (separation)
///     s(i) = (b(i) − a(i)) / max(a(i), b(i))
///
/// s(i) is in [−1, 1]: near 1 the point sits well inside its cluster, near 0 it is on a border,
/// below 0 it is nearer another cluster than its own. A point alone in its cluster gets s = 0
/// by convention. Needs no labels, only the points and the clustering, so the mean silhouette
/// can choose K where the elbow of J is unclear. O(N²) distances: fine for a few thousand points.
public func silhouetteValues(_ points: [[Double]], assignments: [Int],
                             distance: ([Double], [Double]) -> Double = euclideanDistance) -> [Double] {
    precondition(points.count == assignments.count, "silhouetteValues: one assignment per point")
    let clusters = (assignments.max() ?? -1) + 1
    let sizes = (0..<clusters).map { c in assignments.filter { $0 == c }.count }
    return points.indices.map { i in
        var sums = [Double](repeating: 0, count: clusters)
        for j in points.indices where j != i { sums[assignments[j]] += distance(points[i], points[j]) }
        let own = assignments[i]
        guard sizes[own] > 1 else { return 0 }
        let a = sums[own] / Double(sizes[own] - 1)
        var b = Double.infinity
        for c in 0..<clusters where c != own && sizes[c] > 0 { b = min(b, sums[c] / Double(sizes[c])) }
        guard b.isFinite else { return 0 }
        let larger = max(a, b)
        return larger == 0 ? 0 : (b - a) / larger
    }
}

/// The mean of `silhouetteValues`: one number per clustering, higher is better.
public func meanSilhouette(_ points: [[Double]], assignments: [Int]) -> Double {
    let values = silhouetteValues(points, assignments: assignments)
    return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
}

/// DBSCAN (Ester, Kriegel, Sander and Xu, 1996), a density-based clustering: a cluster is a
/// region where points are packed densely, and points in sparse regions are noise.
///
/// A point is a *core point* when at least `minPoints` points (itself included) lie within
/// `epsilon` of it. Core points within `epsilon` of each other belong to the same cluster; a
/// non-core point within `epsilon` of a core point joins that core point's cluster (a *border*
/// point, given to the first cluster that reaches it); every other point is noise.
///
/// No K to choose and no centres: clusters may have any shape (two moons are easy), but one
/// `epsilon` must suit every cluster's density.
///
/// - Returns: the cluster of each point, numbered from 0 in the order clusters are found, or
///   `DBSCAN.noise` (−1).
public func dbscan(_ points: [[Double]], epsilon: Double, minPoints: Int,
                   distance: ([Double], [Double]) -> Double = euclideanDistance) -> [Int] {
    let n = points.count
    let neighbours = (0..<n).map { i in (0..<n).filter { distance(points[i], points[$0]) <= epsilon } }
    let isCore = neighbours.map { $0.count >= minPoints }
    var labels = [Int](repeating: DBSCAN.noise, count: n)
    var next = 0
    for seed in 0..<n where isCore[seed] && labels[seed] == DBSCAN.noise {
        labels[seed] = next
        var frontier = [seed]
        while let point = frontier.popLast() {
            for other in neighbours[point] where labels[other] == DBSCAN.noise {
                labels[other] = next
                if isCore[other] { frontier.append(other) }
            }
        }
        next += 1
    }
    return labels
}

/// Constants of `dbscan`.
public enum DBSCAN {
    /// The label of a point in no cluster.
    public static let noise = -1
}

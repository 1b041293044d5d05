/// How the distance between two clusters A and B is measured from the distances of their points.
public enum Linkage: Sendable {
    /// min_{a∈A, b∈B} d(a, b): the closest pair (finds long chains).
    case single
    /// max_{a∈A, b∈B} d(a, b): the farthest pair (finds compact clusters).
    case complete
    /// (1 / |A||B|) Σ_{a∈A, b∈B} d(a, b): the mean over all pairs.
    case average
}

/// One merge of agglomerative clustering. Clusters are numbered as in SciPy: the points are
/// clusters 0 … N−1, and the cluster made by merge m (counting from 0) is number N + m.
public struct Merge: Sendable, Equatable {
    /// The two clusters merged, the lower number first.
    public let left: Int
    public let right: Int
    /// Their linkage distance at the time of the merge (the height in the dendrogram).
    public let distance: Double
    /// How many points the new cluster holds.
    public let size: Int
}

/// Agglomerative (bottom-up) clustering: start with every point in its own cluster, and
/// N − 1 times merge the two clusters at the smallest linkage distance (ties: the pair that
/// comes first in the current cluster order), until one cluster is left.
///
/// After a merge of A and B, the distance from the new cluster to any other cluster C follows
/// from the old ones without looking at points again (Lance–Williams):
/// single min(d_AC, d_BC), complete max(d_AC, d_BC), average (|A| d_AC + |B| d_BC) / (|A| + |B|).
/// That makes the whole run O(N³) time and O(N²) memory: fine for the few hundred points a
/// chapter draws as a dendrogram.
public func agglomerativeClustering(_ points: [[Double]], linkage: Linkage,
                                    distance: ([Double], [Double]) -> Double = euclideanDistance) throws -> HierarchicalClustering {
    let data = try Points(points)
    let n = data.count
    var d = [Double](repeating: 0, count: n * n)
    for i in 0..<n { for j in (i + 1)..<n {
        let value = distance(points[i], points[j])
        d[i * n + j] = value; d[j * n + i] = value
    } }
    // slot s holds cluster `clusterID[s]` of `sizes[s]` points while `active[s]`.
    var clusterID = Array(0..<n), sizes = [Int](repeating: 1, count: n), active = [Bool](repeating: true, count: n)
    var merges: [Merge] = []
    for step in 0..<(n - 1) {
        var bestA = -1, bestB = -1, best = Double.infinity
        for a in 0..<n where active[a] {
            for b in (a + 1)..<n where active[b] && d[a * n + b] < best {
                best = d[a * n + b]; bestA = a; bestB = b
            }
        }
        let (sizeA, sizeB) = (Double(sizes[bestA]), Double(sizes[bestB]))
        for c in 0..<n where active[c] && c != bestA && c != bestB {
            let (dac, dbc) = (d[bestA * n + c], d[bestB * n + c])
            let merged: Double
            switch linkage {
            case .single: merged = min(dac, dbc)
            case .complete: merged = max(dac, dbc)
            case .average: merged = (sizeA * dac + sizeB * dbc) / (sizeA + sizeB)
            }
            d[bestA * n + c] = merged; d[c * n + bestA] = merged
        }
        merges.append(Merge(left: min(clusterID[bestA], clusterID[bestB]), right: max(clusterID[bestA], clusterID[bestB]),
                            distance: best, size: sizes[bestA] + sizes[bestB]))
        clusterID[bestA] = n + step
        sizes[bestA] += sizes[bestB]
        active[bestB] = false
    }
    return HierarchicalClustering(pointCount: n, merges: merges)
}

/// The result of agglomerative clustering: the full merge history, from which any number of
/// clusters can be read off.
public struct HierarchicalClustering: Sendable, Equatable {
    /// N, the number of points clustered.
    public let pointCount: Int
    /// The N − 1 merges in the order they happened (distances never decrease for these linkages).
    public let merges: [Merge]

    /// Cluster labels for k clusters: undo the last k − 1 merges. Labels are numbered 0, 1, …
    /// in order of each cluster's first point.
    public func cut(into k: Int) throws -> [Int] {
        guard k >= 1, k <= pointCount else {
            throw ClusteringError("cannot cut \(pointCount) points into k = \(k) clusters")
        }
        // Union–find over the first N − k merges.
        var parent = Array(0..<(pointCount + merges.count))
        func root(_ x: Int) -> Int { var x = x; while parent[x] != x { x = parent[x] }; return x }
        for (m, merge) in merges.prefix(pointCount - k).enumerated() {
            parent[root(merge.left)] = pointCount + m
            parent[root(merge.right)] = pointCount + m
        }
        var labelOfRoot: [Int: Int] = [:]
        return (0..<pointCount).map { i in
            let r = root(i)
            if let label = labelOfRoot[r] { return label }
            labelOfRoot[r] = labelOfRoot.count
            return labelOfRoot[r]!
        }
    }
}

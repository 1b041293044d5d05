/// Ways to choose the initial centroids μ_1 … μ_K from the data.
public enum KMeansSeeding: Sendable {
    /// Lloyd's classic start: K different data points chosen uniformly at random.
    case randomPoints
    /// k-means++ (Arthur and Vassilvitskii, 2007): spread the starting centres out.
    case kMeansPlusPlus
}

/// K different data points (different indices), chosen uniformly: a partial Fisher–Yates shuffle.
public func randomInitialCentroids(_ points: Points, k: Int,
                                   using rng: inout some RandomNumberGenerator) throws -> Points {
    guard k >= 1, k <= points.count else {
        throw ClusteringError("cannot choose k = \(k) starting points from \(points.count) points")
    }
    var indices = Array(0..<points.count)
    for position in 0..<k {
        let pick = uniformInt(position...(points.count - 1), using: &rng)
        indices.swapAt(position, pick)
    }
    return try centroidsAt(indices[0..<k], of: points)
}

/// k-means++ seeding:
/// 1. the first centre is a data point chosen uniformly;
/// 2. for every point x, D(x) is the distance from x to its closest centre chosen so far;
/// 3. the next centre is point x with probability D(x)² / Σ_x' D(x')²;
/// 4. repeat 2–3 until there are K centres.
///
/// Points already chosen have D(x) = 0, so no point is chosen twice. The expected objective of
/// the result is within a factor O(log K) of the optimum.
public func kMeansPlusPlusCentroids(_ points: Points, k: Int,
                                    using rng: inout some RandomNumberGenerator) throws -> Points {
    guard k >= 1, points.distinctCount(upTo: k) >= k else {
        throw ClusteringError("k-means++ needs k = \(k) distinct points but the data have fewer")
    }
    let n = points.count, dimension = points.dimension
    var chosen = [uniformInt(0...(n - 1), using: &rng)]
    var squaredDistance = [Double](repeating: .infinity, count: n)   // D(x)²
    while chosen.count < k {
        let newest = chosen[chosen.count - 1] * dimension
        var total = 0.0
        points.values.withUnsafeBufferPointer { x in
            for i in 0..<n {
                var sum = 0.0
                for d in 0..<dimension {
                    let t = x[i * dimension + d] - x[newest + d]
                    sum += t * t
                }
                if sum < squaredDistance[i] { squaredDistance[i] = sum }
                total += squaredDistance[i]
            }
        }
        // Walk the cumulative sum until it passes a uniform draw from [0, Σ D²).
        let target = uniform(using: &rng) * total
        var cumulative = 0.0, pick = -1
        for i in 0..<n where squaredDistance[i] > 0 {
            cumulative += squaredDistance[i]
            pick = i
            if cumulative > target { break }
        }
        chosen.append(pick)
    }
    return try centroidsAt(chosen[...], of: points)
}

/// Starting centroids chosen by `seeding`.
public func initialCentroids(_ points: Points, k: Int, seeding: KMeansSeeding,
                             using rng: inout some RandomNumberGenerator) throws -> Points {
    switch seeding {
    case .randomPoints: return try randomInitialCentroids(points, k: k, using: &rng)
    case .kMeansPlusPlus: return try kMeansPlusPlusCentroids(points, k: k, using: &rng)
    }
}

func centroidsAt(_ indices: ArraySlice<Int>, of points: Points) throws -> Points {
    try Points(count: indices.count, dimension: points.dimension,
               values: indices.flatMap { points.values[($0 * points.dimension)..<(($0 + 1) * points.dimension)] })
}

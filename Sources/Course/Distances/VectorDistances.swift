/// Distances between two points x, x' ∈ ℝᴰ, written as in the notes.
///
/// Each one checks that the two points have the same number of coordinates, because
/// comparing a 2-d point with a 3-d one is always a bug in the caller.

/// The squared Euclidean distance ‖x − x'‖² = Σ_d (x_d − x'_d)².
///
/// k-means minimises a sum of these, so it is the distance the clustering code uses most.
public func squaredEuclideanDistance(_ x: [Double], _ y: [Double]) -> Double {
    precondition(x.count == y.count, "points have \(x.count) and \(y.count) coordinates")
    var sum = 0.0
    for d in x.indices {
        let difference = x[d] - y[d]
        sum += difference * difference
    }
    return sum
}

/// The Euclidean distance ‖x − x'‖₂ = √(Σ_d (x_d − x'_d)²).
public func euclideanDistance(_ x: [Double], _ y: [Double]) -> Double {
    squaredEuclideanDistance(x, y).squareRoot()
}

/// The Manhattan distance ‖x − x'‖₁ = Σ_d |x_d − x'_d|.
public func manhattanDistance(_ x: [Double], _ y: [Double]) -> Double {
    precondition(x.count == y.count, "points have \(x.count) and \(y.count) coordinates")
    var sum = 0.0
    for d in x.indices { sum += abs(x[d] - y[d]) }
    return sum
}

/// The cosine similarity x·x' / (‖x‖ ‖x'‖), from −1 (opposite) to 1 (same direction).
///
/// It is undefined when either vector is zero; we return 0 then (no shared direction).
public func cosineSimilarity(_ x: [Double], _ y: [Double]) -> Double {
    precondition(x.count == y.count, "points have \(x.count) and \(y.count) coordinates")
    var dot = 0.0, xx = 0.0, yy = 0.0
    for d in x.indices {
        dot += x[d] * y[d]
        xx += x[d] * x[d]
        yy += y[d] * y[d]
    }
    if xx == 0 || yy == 0 { return 0 }
    return dot / (xx.squareRoot() * yy.squareRoot())
}

/// The cosine distance 1 − cos(x, x'): 0 for vectors pointing the same way, 2 for opposite ones.
public func cosineDistance(_ x: [Double], _ y: [Double]) -> Double {
    1 - cosineSimilarity(x, y)
}

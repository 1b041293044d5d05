/// Principal component analysis: the directions along which the data vary most.
///
/// With the data centred (the mean μ subtracted), the sample covariance is
/// Σ = (1/N) Σᵢ (x⁽ⁱ⁾ − μ)(x⁽ⁱ⁾ − μ)ᵀ. Its eigenvectors u₁, u₂, … (sorted by eigenvalue
/// λ₁ ≥ λ₂ ≥ …) are the principal directions, and λⱼ is the variance of the data along uⱼ.
/// Projecting onto the first two, zᵢ = (uᵀ₁(x⁽ⁱ⁾ − μ), uᵀ₂(x⁽ⁱ⁾ − μ)), is the flat picture that
/// keeps the most variance: a way to look at 64-dimensional digits before choosing K.
public struct PrincipalComponents: Sendable {
    /// μ, the mean of the data.
    public let mean: [Double]
    /// uⱼ, unit vectors, largest variance first. Each is defined up to its sign; the library
    /// makes its largest coordinate positive so that pictures do not flip between runs.
    public let directions: [[Double]]
    /// λⱼ, the variance along each direction.
    public let variances: [Double]

    /// The first `components` principal directions of `points` (N × D, N ≥ 1).
    public init(_ points: [[Double]], components: Int) {
        precondition(!points.isEmpty, "PrincipalComponents: no points")
        let d = points[0].count
        precondition((1...d).contains(components), "PrincipalComponents: 1...\(d) components")
        let n = Double(points.count)
        let mean = (0..<d).map { j in points.reduce(0) { $0 + $1[j] } / n }
        var covariance = [Double](repeating: 0, count: d * d)
        for x in points {
            for r in 0..<d { for c in 0..<d { covariance[r * d + c] += (x[r] - mean[r]) * (x[c] - mean[c]) / n } }
        }
        let (values, vectors) = symmetricEigen(covariance, dimension: d)
        let order = values.indices.sorted { values[$0] > values[$1] }.prefix(components)
        self.mean = mean
        self.variances = order.map { max(values[$0], 0) }
        self.directions = order.map { column in
            let u = (0..<d).map { vectors[$0 * d + column] }
            let largest = u.indices.max { abs(u[$0]) < abs(u[$1]) }!
            return u[largest] < 0 ? u.map { -$0 } : u
        }
    }

    /// Each point's coordinates along the principal directions.
    public func project(_ points: [[Double]]) -> [[Double]] {
        points.map { x in
            directions.map { u in zip(u, zip(x, mean)).reduce(0) { $0 + $1.0 * ($1.1.0 - $1.1.1) } }
        }
    }
}

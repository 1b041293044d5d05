extension GaussianMixture {
    /// Fits a K-component mixture to the points by expectation–maximisation.
    ///
    /// Start: k-means (best of `kMeansRestarts` k-means++ runs, driven by `rng`) gives hard
    /// assignments, and one M-step on them gives θ₀. Then repeat:
    /// - E-step: responsibilities γ_ik under the current θ;
    /// - M-step: N_k = Σ_i γ_ik, π_k = N_k / N, μ_k = Σ_i γ_ik x_i / N_k,
    ///   Σ_k = Σ_i γ_ik (x_i − μ_k)(x_i − μ_k)ᵀ / N_k (only the diagonal for `.diagonal`).
    ///
    /// Variance floor: every variance (diagonal) or eigenvalue (full) of Σ_k is raised to at
    /// least `varianceFloor`, so a component cannot collapse onto one point and send ℓ to +∞.
    /// This is the exact maximiser under that constraint, so ℓ still never decreases.
    ///
    /// Stops when ℓ rises by less than `tolerance` per point, or after `maxIterations`.
    public static func fit(_ points: [[Double]], k: Int, covarianceType: CovarianceType = .full,
                           varianceFloor: Double = 1e-6, maxIterations: Int = 200,
                           tolerance: Double = 1e-10, kMeansRestarts: Int = 10,
                           using rng: inout some RandomNumberGenerator) throws -> GaussianMixture {
        guard varianceFloor > 0 else { throw ClusteringError("the variance floor must be positive (got \(varianceFloor))") }
        guard maxIterations >= 0 else { throw ClusteringError("maxIterations must be at least 0") }
        let data = try Points(points)
        let start = try kMeans(data, k: k, restarts: kMeansRestarts, recordHistory: false, using: &rng)
        var gamma = [Double](repeating: 0, count: data.count * k)
        for (i, z) in start.assignments.enumerated() { gamma[i * k + z] = 1 }

        var model = try maximisationStep(data, gamma: gamma, k: k, type: covarianceType,
                                         floor: varianceFloor, previous: nil)
        var history: [Double] = []
        var converged = false
        for iteration in 0...maxIterations {
            let (responsibilities, logLikelihood) = model.expectationStep(data)
            history.append(logLikelihood)
            if history.count >= 2, history[history.count - 1] - history[history.count - 2] < tolerance * Double(data.count) {
                converged = true
                break
            }
            if iteration == maxIterations { break }
            model = try maximisationStep(data, gamma: responsibilities, k: k, type: covarianceType,
                                         floor: varianceFloor, previous: model)
        }
        model.covarianceType = covarianceType
        model.logLikelihoodHistory = history
        model.converged = converged
        return model
    }

    /// The E-step on flat data: γ (N × K, row-major) and ℓ(θ).
    func expectationStep(_ data: Points) -> (gamma: [Double], logLikelihood: Double) {
        let k = componentCount
        var gamma = [Double](repeating: 0, count: data.count * k)
        var total = 0.0
        for i in 0..<data.count {
            let (probabilities, logSum) = normalisedExponentials(logJointDensities(data[i]))
            for j in 0..<k { gamma[i * k + j] = probabilities[j] }
            total += logSum
        }
        return (gamma, total)
    }

    /// The M-step from responsibilities γ. A component with N_k = 0 keeps its previous mean and
    /// covariance (they do not affect ℓ while π_k = 0).
    static func maximisationStep(_ data: Points, gamma: [Double], k: Int, type: CovarianceType,
                                 floor: Double, previous: GaussianMixture?) throws -> GaussianMixture {
        let n = data.count, d = data.dimension
        var weights: [Double] = [], means: [[Double]] = [], covariances: [[[Double]]] = []
        for j in 0..<k {
            let nk = (0..<n).reduce(0.0) { $0 + gamma[$1 * k + j] }
            guard nk > 0 else {
                weights.append(0)
                means.append(previous?.means[j] ?? [Double](repeating: 0, count: d))
                covariances.append(previous?.covariances[j] ?? identity(d, scale: 1))
                continue
            }
            var mean = [Double](repeating: 0, count: d)
            for i in 0..<n where gamma[i * k + j] > 0 {
                for m in 0..<d { mean[m] += gamma[i * k + j] * data.values[i * d + m] }
            }
            mean = mean.map { $0 / nk }
            var scatter = [Double](repeating: 0, count: d * d)
            var centred = [Double](repeating: 0, count: d)
            for i in 0..<n where gamma[i * k + j] > 0 {
                let g = gamma[i * k + j]
                for m in 0..<d { centred[m] = data.values[i * d + m] - mean[m] }
                for r in 0..<d {
                    if type == .diagonal { scatter[r * d + r] += g * centred[r] * centred[r]; continue }
                    for c in 0...r { scatter[r * d + c] += g * centred[r] * centred[c] }
                }
            }
            var sigma = [Double](repeating: 0, count: d * d)
            for r in 0..<d { for c in 0...r { sigma[r * d + c] = scatter[r * d + c] / nk; sigma[c * d + r] = sigma[r * d + c] } }
            switch type {
            case .diagonal: for r in 0..<d { sigma[r * d + r] = max(sigma[r * d + r], floor) }
            case .full: sigma = flooredCovariance(sigma, dimension: d, floor: floor)
            }
            weights.append(nk / Double(n))
            means.append(mean)
            covariances.append(rows(sigma, d))
        }
        let total = weights.reduce(0, +)
        return try GaussianMixture(weights: weights.map { $0 / total }, means: means, covariances: covariances)
    }
}

func identity(_ d: Int, scale: Double) -> [[Double]] {
    (0..<d).map { r in (0..<d).map { $0 == r ? scale : 0 } }
}

/// Student's t soft assignment of codes to centroids (van der Maaten and Hinton's kernel, as DEC
/// uses it):
///
///     q_ij = (1 + ‖z_i − μ_j‖²/ν)^(−(ν+1)/2) / Σ_j' (1 + ‖z_i − μ_j'‖²/ν)^(−(ν+1)/2)
///
/// z is n×d (one code per row), μ is k×d (one centroid per row); the result Q is n×k and each
/// row is a probability distribution over the clusters. Note the minus sign in the exponent:
/// nearer centroids get larger q. ν (the degrees of freedom) is usually 1, giving the
/// Cauchy kernel 1/(1 + ‖z_i − μ_j‖²). Differentiable in both z and μ.
public func studentTAssignments(codes z: Tensor, centroids mu: Tensor,
                                degreesOfFreedom nu: Double = 1) -> Tensor {
    precondition(nu > 0, "studentTAssignments: ν must be positive (got \(nu))")
    let kernel = (z.squaredDistances(to: mu) / nu + 1).pow(-(nu + 1) / 2)
    return kernel / kernel.sum(axis: 1)
}

/// DEC's target distribution P, a sharpened copy of Q:
///
///     p_ij = (q_ij² / f_j) / Σ_j' (q_ij'² / f_j'),     f_j = Σ_i q_ij.
///
/// Squaring pushes each row towards its most likely cluster (stricter, more confident
/// assignments); dividing by the soft cluster size f_j stops large clusters from swallowing
/// the rest. P is a fixed target: the result is a constant, and no gradient flows through it.
public func targetDistribution(_ q: Tensor) -> Tensor {
    let n = q.rows, k = q.cols
    var clusterSizes = [Double](repeating: 0, count: k)
    for i in 0..<n { for j in 0..<k { clusterSizes[j] += q.data[i * k + j] } }
    var p = [Double](repeating: 0, count: n * k)
    for i in 0..<n {
        var rowTotal = 0.0
        for j in 0..<k {
            let weighted = clusterSizes[j] > 0 ? q.data[i * k + j] * q.data[i * k + j] / clusterSizes[j] : 0
            p[i * k + j] = weighted
            rowTotal += weighted
        }
        for j in 0..<k { p[i * k + j] /= rowTotal }
    }
    return Tensor(rows: n, cols: k, data: p)
}

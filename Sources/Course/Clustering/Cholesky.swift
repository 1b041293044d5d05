/// The Cholesky factor of a symmetric positive-definite D × D matrix Σ: the lower-triangular L
/// with Σ = L Lᵀ, row by row:
///
///     L_jj = √(Σ_jj − Σ_{m<j} L_jm²),   L_ij = (Σ_ij − Σ_{m<j} L_im L_jm) / L_jj  (i > j).
///
/// Matrices are flat and row-major. Returns nil when Σ is not positive definite (a pivot ≤ 0).
/// The mixture code uses L for log det Σ = 2 Σ_j log L_jj and for (x − μ)ᵀ Σ⁻¹ (x − μ) = ‖y‖²
/// with L y = x − μ, which is cheaper and more accurate than inverting Σ.
func choleskyFactor(_ sigma: [Double], dimension: Int) -> [Double]? {
    var l = [Double](repeating: 0, count: dimension * dimension)
    for i in 0..<dimension {
        for j in 0...i {
            var sum = sigma[i * dimension + j]
            for m in 0..<j { sum -= l[i * dimension + m] * l[j * dimension + m] }
            if i == j {
                guard sum > 0 else { return nil }
                l[i * dimension + i] = sum.squareRoot()
            } else {
                l[i * dimension + j] = sum / l[j * dimension + j]
            }
        }
    }
    return l
}

/// Solves L y = v for lower-triangular L by forward substitution and returns ‖y‖².
func squaredNormAfterForwardSolve(_ l: UnsafeBufferPointer<Double>, _ v: UnsafeMutableBufferPointer<Double>, dimension: Int) -> Double {
    var norm = 0.0
    for i in 0..<dimension {
        var sum = v[i]
        for m in 0..<i { sum -= l[i * dimension + m] * v[m] }
        let y = sum / l[i * dimension + i]
        v[i] = y   // overwrite in place: later rows need y_m, not v_m
        norm += y * y
    }
    return norm
}

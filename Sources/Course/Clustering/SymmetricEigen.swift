/// Eigenvalues and eigenvectors of a symmetric D × D matrix by the cyclic Jacobi method.
///
/// Each step picks an off-diagonal entry a_pq and rotates rows and columns p, q by the angle φ
/// with cot 2φ = (a_qq − a_pp) / (2 a_pq), which makes a_pq zero; sweeping over all pairs
/// repeatedly drives the matrix to diagonal form. The product of the rotations holds the
/// eigenvectors. Fine for the small matrices of a mixture model (D up to ~100).
///
/// - Returns: the eigenvalues, and the eigenvectors as the columns of a flat row-major matrix.
func symmetricEigen(_ matrix: [Double], dimension n: Int) -> (values: [Double], vectors: [Double]) {
    var a = matrix
    var v = [Double](repeating: 0, count: n * n)
    for i in 0..<n { v[i * n + i] = 1 }
    for _ in 0..<100 {
        var offDiagonal = 0.0, total = 0.0
        for i in 0..<n { for j in 0..<n { total += a[i * n + j] * a[i * n + j]; if i != j { offDiagonal += a[i * n + j] * a[i * n + j] } } }
        if offDiagonal <= 1e-30 * total || offDiagonal == 0 { break }
        for p in 0..<n {
            for q in (p + 1)..<n where a[p * n + q] != 0 {
                let theta = (a[q * n + q] - a[p * n + p]) / (2 * a[p * n + q])
                let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                let c = 1 / (t * t + 1).squareRoot(), s = t * c
                for k in 0..<n {   // columns p and q: A ← A J
                    let akp = a[k * n + p], akq = a[k * n + q]
                    a[k * n + p] = c * akp - s * akq
                    a[k * n + q] = s * akp + c * akq
                }
                for k in 0..<n {   // rows p and q: A ← Jᵀ A
                    let apk = a[p * n + k], aqk = a[q * n + k]
                    a[p * n + k] = c * apk - s * aqk
                    a[q * n + k] = s * apk + c * aqk
                }
                for k in 0..<n {   // V ← V J
                    let vkp = v[k * n + p], vkq = v[k * n + q]
                    v[k * n + p] = c * vkp - s * vkq
                    v[k * n + q] = s * vkp + c * vkq
                }
            }
        }
    }
    return ((0..<n).map { a[$0 * n + $0] }, v)
}

/// The covariance closest to Σ (in the maximum-likelihood sense) whose eigenvalues are all at
/// least `floor`: same eigenvectors, eigenvalues max(λ, floor). Σ itself when it already is.
///
/// This is the exact constrained M-step of EM under the constraint Σ ⪰ floor · I, which is why
/// flooring this way keeps EM's likelihood from ever decreasing (adding floor · I would not).
func flooredCovariance(_ sigma: [Double], dimension n: Int, floor: Double) -> [Double] {
    let (values, vectors) = symmetricEigen(sigma, dimension: n)
    guard values.contains(where: { $0 < floor }) else { return sigma }
    let clamped = values.map { max($0, floor) }
    var result = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
        for j in i..<n {
            var sum = 0.0
            for m in 0..<n { sum += vectors[i * n + m] * clamped[m] * vectors[j * n + m] }
            result[i * n + j] = sum
            result[j * n + i] = sum
        }
    }
    return result
}

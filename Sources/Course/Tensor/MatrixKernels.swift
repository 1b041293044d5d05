// The raw loops behind `matmul` and its gradients, on row-major buffers. They *add* into C,
// which is what backpropagation needs (gradients accumulate) and costs nothing for a fresh,
// zeroed C.
//
// Why these loop orders: in row-major storage a row is contiguous, so the innermost loop should
// walk along rows. C[i, :] += A[i, p] · B[p, :] does exactly that (an "axpy"), which the compiler
// turns into SIMD instructions. Four rows of A are handled together so that each row of B,
// once loaded, is used four times; and B is visited in blocks of rows that stay in cache.

/// C (m×n) += A (m×k) · B (k×n).
func addMatmul(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
               m: Int, k: Int, n: Int) {
    let depthBlock = 256, widthBlock = 512
    var p0 = 0
    while p0 < k {
        let p1 = min(p0 + depthBlock, k)
        var j0 = 0
        while j0 < n {
            let j1 = min(j0 + widthBlock, n)
            var i = 0
            while i + 4 <= m {
                let c0 = c + i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n
                for p in p0..<p1 {
                    let a0 = a[i * k + p], a1 = a[(i + 1) * k + p]
                    let a2 = a[(i + 2) * k + p], a3 = a[(i + 3) * k + p]
                    let bRow = b + p * n
                    for j in j0..<j1 {
                        let bj = bRow[j]
                        c0[j] += a0 * bj
                        c1[j] += a1 * bj
                        c2[j] += a2 * bj
                        c3[j] += a3 * bj
                    }
                }
                i += 4
            }
            while i < m {
                let cRow = c + i * n
                for p in p0..<p1 {
                    let ai = a[i * k + p]
                    let bRow = b + p * n
                    for j in j0..<j1 { cRow[j] += ai * bRow[j] }
                }
                i += 1
            }
            j0 = j1
        }
        p0 = p1
    }
}

/// C (m×n) += A (m×k) · Bᵀ, where B is n×k: each entry is a dot product of two contiguous rows.
func addMatmulTransposedRight(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
                              _ c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int) {
    for i in 0..<m {
        let aRow = a + i * k
        for j in 0..<n {
            let bRow = b + j * k
            var total = 0.0
            for p in 0..<k { total += aRow[p] * bRow[p] }
            c[i * n + j] += total
        }
    }
}

/// C (m×n) += Aᵀ · B, where A is k×m and B is k×n: C[i, :] += A[p, i] · B[p, :] for each p.
func addMatmulTransposedLeft(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
                             _ c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int) {
    for p in 0..<k {
        let aRow = a + p * m, bRow = b + p * n
        for i in 0..<m {
            let api = aRow[i]
            let cRow = c + i * n
            for j in 0..<n { cRow[j] += api * bRow[j] }
        }
    }
}

extension Tensor {
    /// The matrix product C = A·B as the definition reads, cᵢⱼ = Σₚ aᵢₚ bₚⱼ: one loop per index.
    ///
    /// This is what `matmul` computes. `matmul` hands the same sum to OpenBLAS, which orders
    /// the loops for the cache and the vector units (and so may round the last bit
    /// differently); the tests hold the two equal. No gradient: it is for reading and checking.
    public static func referenceMatmul(_ a: Tensor, _ b: Tensor) -> Tensor {
        precondition(a.cols == b.rows, "referenceMatmul: \(a.rows)×\(a.cols) · \(b.rows)×\(b.cols) — inner sizes differ")
        let m = a.rows, k = a.cols, n = b.cols
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var total = 0.0
                for p in 0..<k { total += a.data[i * k + p] * b.data[p * n + j] }
                c[i * n + j] = total
            }
        }
        return Tensor(rows: m, cols: n, data: c)
    }
}

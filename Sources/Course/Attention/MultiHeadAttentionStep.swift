import Foundation

// The fast path under `MultiHeadAttention.callAsFunction`: every head in one differentiable
// step. The maths is `MultiHeadAttention.attend` (each head's `scaledDotProductAttention`, then
// the concatenation), which the tests hold equal to this, values and gradients. What it saves:
//
// - the h·3 projections are one product X·W_allᵀ with every head's W_Q, W_K, W_V stacked, into
//   one N×3D buffer; each head then reads its Q, K, V columns in place (BLAS row strides),
//   with no per-head copies;
// - one N×N buffer holds each head's scores and softmax in turn, and each head's weighted sum
//   is written straight into its columns of the N×D result (no concatenation);
// - the N×N attention weights are not kept for the backward pass: it recomputes them, head by
//   head, from Q and K (as FlashAttention does), so the graph holds one node and N×3D numbers
//   instead of h N×N matrices.

extension Tensor {
    /// H = [H⁽¹⁾, …, H⁽ʰ⁾] with H⁽ʰ⁾ = softmax(Q⁽ʰ⁾K⁽ʰ⁾ᵀ/√d_k) V⁽ʰ⁾ and Q⁽ʰ⁾ = X W_Q⁽ʰ⁾ᵀ,
    /// K⁽ʰ⁾ = X W_K⁽ʰ⁾ᵀ, V⁽ʰ⁾ = X W_V⁽ʰ⁾ᵀ, for the tokens in the rows of `self` (N×D). With
    /// `causal`, token i sees tokens j ≤ i only.
    ///
    /// Gradients per head, with G⁽ʰ⁾ = ∂L/∂H⁽ʰ⁾ and A the weights: ∂L/∂V = AᵀG,
    /// Ŝ = A ⊙ (GVᵀ − rowsum(GVᵀ ⊙ A)), ∂L/∂Q = ŜK/√d_k, ∂L/∂K = ŜᵀQ/√d_k; then through the
    /// stacked projection, ∂L/∂X = [∂Q, ∂K, ∂V]·W_all and ∂L/∂W_all = [∂Q, ∂K, ∂V]ᵀX.
    func multiHeadAttention(queryWeights: [Tensor], keyWeights: [Tensor], valueWeights: [Tensor],
                            causal: Bool = false) -> Tensor {
        let x = self
        let h = queryWeights.count, n = x.rows, d = x.cols
        precondition(h >= 1 && keyWeights.count == h && valueWeights.count == h, "multiHeadAttention: one W_Q, W_K, W_V per head")
        let dK = queryWeights[0].rows, dV = valueWeights[0].rows
        let all = queryWeights + keyWeights + valueWeights
        for w in queryWeights + keyWeights { precondition(w.rows == dK && w.cols == d, "multiHeadAttention: W_Q, W_K must be \(dK)×\(d)") }
        for w in valueWeights { precondition(w.rows == dV && w.cols == d, "multiHeadAttention: W_V must be \(dV)×\(d)") }
        // Columns of the packed buffer: every head's Q, then every head's K, then every head's V.
        let width = h * (2 * dK + dV), outWidth = h * dV
        let keyStart = h * dK, valueStart = 2 * h * dK
        let scale = 1 / Double(dK).squareRoot()

        // W_all (width×D): the weights' rows stacked in the packed buffer's column order.
        let stacked: [Double] = {
            var rows = [Double]()
            rows.reserveCapacity(width * d)
            for w in all { rows += w.data }
            return rows
        }()
        let packed = [Double](unsafeUninitializedCapacity: n * width) { buffer, count in
            x.data.withUnsafeBufferPointer { xp in
                stacked.withUnsafeBufferPointer { wp in
                    gemm(transposeB: true, m: n, n: width, k: d, xp.baseAddress!, lda: d, wp.baseAddress!, ldb: d,
                         beta: 0, buffer.baseAddress!, ldc: width)
                }
            }
            count = n * width
        }

        /// Head `head`'s attention weights A into `a` (N×N): scores with 1/√d_k folded into the
        /// product, the causal mask, the softmax in place.
        func weights(head: Int, _ p: UnsafePointer<Double>, into a: UnsafeMutablePointer<Double>) {
            gemm(transposeB: true, m: n, n: n, k: dK, alpha: scale, p + head * dK, lda: width,
                 p + keyStart + head * dK, ldb: width, beta: 0, a, ldc: n)
            if causal { for i in 0..<n { for j in (i + 1)..<n { a[i * n + j] = -.infinity } } }
            softmaxRowsInPlace(a, rows: n, cols: n)
        }

        var scratch = [Double](unsafeUninitializedCapacity: n * n) { _, count in count = n * n }
        let output = [Double](unsafeUninitializedCapacity: n * outWidth) { out, count in
            packed.withUnsafeBufferPointer { pp in
                scratch.withUnsafeMutableBufferPointer { a in
                    for head in 0..<h {
                        weights(head: head, pp.baseAddress!, into: a.baseAddress!)
                        gemm(m: n, n: dV, k: n, a.baseAddress!, lda: n, pp.baseAddress! + valueStart + head * dV, ldb: width,
                             beta: 0, out.baseAddress! + head * dV, ldc: outWidth)
                    }
                }
            }
            count = n * outWidth
        }
        scratch = []

        return Tensor(rows: n, cols: outWidth, data: output, op: "multiHeadAttention", parents: [x] + all) { out in
            var dPacked = [Double](repeating: 0, count: n * width)
            var a = [Double](unsafeUninitializedCapacity: n * n) { _, count in count = n * n }
            var dA = [Double](unsafeUninitializedCapacity: n * n) { _, count in count = n * n }
            packed.withUnsafeBufferPointer { pp in
            out.gradStorage.withUnsafeBufferPointer { g in
            dPacked.withUnsafeMutableBufferPointer { dp in
            a.withUnsafeMutableBufferPointer { ap in
            dA.withUnsafeMutableBufferPointer { sp in
                let p = pp.baseAddress!, dq = dp.baseAddress!, ab = ap.baseAddress!, s = sp.baseAddress!
                for head in 0..<h {
                    weights(head: head, p, into: ab)
                    let gHead = g.baseAddress! + head * dV, v = p + valueStart + head * dV
                    // ∂L/∂V = AᵀG.
                    gemm(transposeA: true, m: n, n: dV, k: n, ab, lda: n, gHead, ldb: outWidth,
                         beta: 1, dq + valueStart + head * dV, ldc: width)
                    // ∂L/∂A = GVᵀ, then Ŝ = A ⊙ (∂L/∂A − rowsum(∂L/∂A ⊙ A)) in place.
                    gemm(transposeB: true, m: n, n: n, k: dV, gHead, lda: outWidth, v, ldb: width, beta: 0, s, ldc: n)
                    for i in 0..<n {
                        var dot = 0.0
                        for j in (i * n)..<(i * n + n) { dot += s[j] * ab[j] }
                        for j in (i * n)..<(i * n + n) { s[j] = ab[j] * (s[j] - dot) }
                    }
                    // ∂L/∂Q = ŜK/√d_k, ∂L/∂K = ŜᵀQ/√d_k.
                    gemm(m: n, n: dK, k: n, alpha: scale, s, lda: n, p + keyStart + head * dK, ldb: width,
                         beta: 1, dq + head * dK, ldc: width)
                    gemm(transposeA: true, m: n, n: dK, k: n, alpha: scale, s, lda: n, p + head * dK, ldb: width,
                         beta: 1, dq + keyStart + head * dK, ldc: width)
                }
            }}}}}
            a = []
            dA = []
            dPacked.withUnsafeBufferPointer { dp in
                // ∂L/∂X = [∂Q, ∂K, ∂V] · W_all.
                x.accumulateGrad { gx in
                    stacked.withUnsafeBufferPointer { wp in
                        gemm(m: n, n: d, k: width, dp.baseAddress!, lda: width, wp.baseAddress!, ldb: d,
                             beta: 1, gx.baseAddress!, ldc: d)
                    }
                }
                // ∂L/∂W_all = [∂Q, ∂K, ∂V]ᵀ X, each weight's rows added into its own gradient.
                guard all.contains(where: \.requiresGrad) else { return }
                var dStacked = [Double](repeating: 0, count: width * d)
                dStacked.withUnsafeMutableBufferPointer { ws in
                    x.data.withUnsafeBufferPointer { xp in
                        gemm(transposeA: true, m: width, n: d, k: n, dp.baseAddress!, lda: width, xp.baseAddress!, ldb: d,
                             beta: 0, ws.baseAddress!, ldc: d)
                    }
                }
                var row = 0
                for w in all {
                    let size = w.rows * d, first = row * d
                    w.accumulateGrad { gw in for k in 0..<size { gw[k] += dStacked[first + k] } }
                    row += w.rows
                }
            }
        }
    }
}

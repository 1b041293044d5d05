extension Tensor {
    /// The attention weights A = softmax(QKᵀ/√d_k) in one differentiable step, for queries Q
    /// (N×d_k, `self`) and keys K (M×d_k); masked scores (`mask[i·M + j]` true) get weight 0.
    ///
    /// The same numbers as `(queries.matmul(keys.transposed()) / √d_k).maskedFill(mask, with:
    /// −∞).softmax()` (tested), without the intermediate tensors: the scores come from one BLAS
    /// product with the 1/√d_k folded in, and the softmax runs in place over them.
    ///
    /// Gradients, with G = ∂L/∂A and Ŝ the softmax's gradient Âᵢⱼ = Aᵢⱼ(Gᵢⱼ − Σₖ GᵢₖAᵢₖ):
    /// ∂L/∂Q = Ŝ·K/√d_k and ∂L/∂K = Ŝᵀ·Q/√d_k.
    public func attentionWeights(keys: Tensor, mask: [Bool]? = nil) -> Tensor {
        let q = self, k = keys
        precondition(q.cols == k.cols, "attentionWeights: queries have d_k = \(q.cols) but keys have \(k.cols)")
        let n = q.rows, m = k.rows, dK = q.cols
        let scale = 1 / Double(dK).squareRoot()
        var weights = [Double](repeating: 0, count: n * m)
        weights.withUnsafeMutableBufferPointer { w in
            q.data.withUnsafeBufferPointer { qp in
                k.data.withUnsafeBufferPointer { kp in
                    gemm(transposeB: true, m: n, n: m, k: dK, alpha: scale, qp.baseAddress!, lda: dK,
                         kp.baseAddress!, ldb: dK, beta: 0, w.baseAddress!, ldc: m)
                }
            }
            if let mask {
                precondition(mask.count == n * m, "attentionWeights: mask has \(mask.count) flags for \(n)×\(m) scores")
                for index in 0..<(n * m) where mask[index] { w[index] = -.infinity }
            }
            softmaxRowsInPlace(w.baseAddress!, rows: n, cols: m)
        }
        return Tensor(rows: n, cols: m, data: weights, op: "attentionWeights", parents: [q, k]) { out in
            guard q.requiresGrad || k.requiresGrad else { return }
            // Ŝ = A ⊙ (G − rowsum(G ⊙ A)), the gradient with respect to the scaled scores.
            var scoreGrad = out.gradStorage
            out.data.withUnsafeBufferPointer { a in
                scoreGrad.withUnsafeMutableBufferPointer { s in
                    for i in 0..<n {
                        var dot = 0.0
                        for j in (i * m)..<(i * m + m) { dot += s[j] * a[j] }
                        for j in (i * m)..<(i * m + m) { s[j] = a[j] * (s[j] - dot) }
                    }
                }
            }
            scoreGrad.withUnsafeBufferPointer { s in
                q.accumulateGrad { gq in
                    k.data.withUnsafeBufferPointer { kp in
                        gemm(m: n, n: dK, k: m, alpha: scale, s.baseAddress!, lda: m, kp.baseAddress!, ldb: dK,
                             beta: 1, gq.baseAddress!, ldc: dK)
                    }
                }
                k.accumulateGrad { gk in
                    q.data.withUnsafeBufferPointer { qp in
                        gemm(transposeA: true, m: m, n: dK, k: n, alpha: scale, s.baseAddress!, lda: m,
                             qp.baseAddress!, ldb: dK, beta: 1, gk.baseAddress!, ldc: dK)
                    }
                }
            }
        }
    }
}

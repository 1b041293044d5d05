extension Tensor {
    /// The matrix product C = A·B of an m×k and a k×n tensor, m×n.
    ///
    /// Gradients: ∂L/∂A = ∂L/∂C · Bᵀ and ∂L/∂B = Aᵀ · ∂L/∂C.
    public func matmul(_ other: Tensor) -> Tensor {
        let a = self, b = other
        precondition(a.cols == b.rows, "matmul: \(a.rows)×\(a.cols) · \(b.rows)×\(b.cols) — inner sizes differ")
        let m = a.rows, k = a.cols, n = b.cols
        var product = [Double](repeating: 0, count: m * n)
        a.data.withUnsafeBufferPointer { ap in
            b.data.withUnsafeBufferPointer { bp in
                product.withUnsafeMutableBufferPointer { cp in
                    addMatmul(ap.baseAddress!, bp.baseAddress!, cp.baseAddress!, m: m, k: k, n: n)
                }
            }
        }
        return Tensor(rows: m, cols: n, data: product, op: "matmul", parents: [a, b]) { out in
            out.gradStorage.withUnsafeBufferPointer { g in
                a.accumulateGrad { ga in
                    b.data.withUnsafeBufferPointer { bp in
                        addMatmulTransposedRight(g.baseAddress!, bp.baseAddress!, ga.baseAddress!, m: m, k: n, n: k)
                    }
                }
                b.accumulateGrad { gb in
                    a.data.withUnsafeBufferPointer { ap in
                        addMatmulTransposedLeft(ap.baseAddress!, g.baseAddress!, gb.baseAddress!, m: k, k: m, n: n)
                    }
                }
            }
        }
    }

    /// The transpose Aᵀ: entry (i, j) of the result is entry (j, i) of A.
    public func transposed() -> Tensor {
        let a = self
        let r = rows, c = cols
        var result = [Double](repeating: 0, count: r * c)
        for i in 0..<r { for j in 0..<c { result[j * r + i] = data[i * c + j] } }
        return Tensor(rows: c, cols: r, data: result, op: "transpose", parents: [a]) { out in
            let g = out.gradStorage
            a.accumulateGrad { ga in
                for i in 0..<r { for j in 0..<c { ga[i * c + j] += g[j * r + i] } }
            }
        }
    }

    /// Shorthand for `transposed()`.
    public var T: Tensor { transposed() }

    /// An affine map, y = x·Wᵀ + b, as PyTorch's `nn.Linear` computes it: x is n×in (one example
    /// per row), the weight W is out×in, the bias b is 1×out and is added to every row.
    ///
    /// One graph node instead of three (transpose, matmul, add) — for the tiny matrices of an
    /// RNN step the bookkeeping per node costs more than the arithmetic.
    /// Gradients: ∂L/∂x = G·W, ∂L/∂W = Gᵀ·x, ∂L/∂b = Σ over rows of G, where G = ∂L/∂y.
    public func linear(weight: Tensor, bias: Tensor?) -> Tensor {
        let x = self, w = weight
        precondition(w.cols == x.cols, "linear: input has \(x.cols) features, weight expects \(w.cols)")
        let n = x.rows, inputs = x.cols, outputs = w.rows
        if let bias { precondition(bias.rows == 1 && bias.cols == outputs, "linear: bias must be 1×\(outputs)") }
        var y = [Double](repeating: 0, count: n * outputs)
        y.withUnsafeMutableBufferPointer { yp in
            if let bias {
                bias.data.withUnsafeBufferPointer { bp in
                    for i in 0..<n { for j in 0..<outputs { yp[i * outputs + j] = bp[j] } }
                }
            }
            x.data.withUnsafeBufferPointer { xp in
                w.data.withUnsafeBufferPointer { wp in
                    addMatmulTransposedRight(xp.baseAddress!, wp.baseAddress!, yp.baseAddress!, m: n, k: inputs, n: outputs)
                }
            }
        }
        let parents = bias.map { [x, w, $0] } ?? [x, w]
        return Tensor(rows: n, cols: outputs, data: y, op: "linear", parents: parents) { out in
            out.gradStorage.withUnsafeBufferPointer { g in
                x.accumulateGrad { gx in
                    w.data.withUnsafeBufferPointer { wp in
                        addMatmul(g.baseAddress!, wp.baseAddress!, gx.baseAddress!, m: n, k: outputs, n: inputs)
                    }
                }
                w.accumulateGrad { gw in
                    x.data.withUnsafeBufferPointer { xp in
                        addMatmulTransposedLeft(g.baseAddress!, xp.baseAddress!, gw.baseAddress!, m: outputs, k: n, n: inputs)
                    }
                }
                bias?.accumulateGrad { gb in
                    for i in 0..<n { for j in 0..<outputs { gb[j] += g[i * outputs + j] } }
                }
            }
        }
    }
}

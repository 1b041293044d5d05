// The one operation deep clustering needs that the general Tensor library lacks: every squared
// distance between two sets of rows, as a single graph node. Writing it as
// ‖x‖² + ‖y‖² − 2x·y with existing operations would work too, but subtracts large, nearly equal
// numbers (losing digits for nearby points) and builds six nodes instead of one.

extension Tensor {
    /// D_ij = ‖x_i − y_j‖² for every row x_i of this n×d tensor and every row y_j of the k×d
    /// `other`: an n×k tensor. In DEC, x holds the codes z_i and y the centroids μ_j.
    ///
    /// Gradients, with G = ∂L/∂D:
    ///     ∂L/∂x_i =  Σ_j 2 G_ij (x_i − y_j),     ∂L/∂y_j = −Σ_i 2 G_ij (x_i − y_j).
    public func squaredDistances(to other: Tensor) -> Tensor {
        let x = self, y = other
        precondition(x.cols == y.cols,
                     "squaredDistances: rows of \(x.rows)×\(x.cols) and \(y.rows)×\(y.cols) differ in length")
        let n = x.rows, k = y.rows, d = x.cols
        var distances = [Double](repeating: 0, count: n * k)
        x.data.withUnsafeBufferPointer { xp in
            y.data.withUnsafeBufferPointer { yp in
                for i in 0..<n {
                    for j in 0..<k {
                        var total = 0.0
                        for c in 0..<d {
                            let difference = xp[i * d + c] - yp[j * d + c]
                            total += difference * difference
                        }
                        distances[i * k + j] = total
                    }
                }
            }
        }
        return Tensor(rows: n, cols: k, data: distances, op: "squaredDistances", parents: [x, y]) { out in
            let g = out.gradStorage, xv = x.data, yv = y.data
            var gx = [Double](repeating: 0, count: x.requiresGrad ? xv.count : 0)
            var gy = [Double](repeating: 0, count: y.requiresGrad ? yv.count : 0)
            for i in 0..<n {
                for j in 0..<k {
                    let weight = 2 * g[i * k + j]
                    if weight == 0 { continue }
                    for c in 0..<d {
                        let step = weight * (xv[i * d + c] - yv[j * d + c])
                        if !gx.isEmpty { gx[i * d + c] += step }
                        if !gy.isEmpty { gy[j * d + c] -= step }
                    }
                }
            }
            x.accumulateGrad { for e in 0..<gx.count { $0[e] += gx[e] } }
            y.accumulateGrad { for e in 0..<gy.count { $0[e] += gy[e] } }
        }
    }

    /// The rows at `indices`, in that order, as a new tensor cut off from the graph (for
    /// drawing a minibatch out of a data set or a fixed target).
    public func gatheredRows(_ indices: [Int]) -> Tensor {
        var picked: [Double] = []
        picked.reserveCapacity(indices.count * cols)
        for i in indices {
            precondition(i >= 0 && i < rows, "gatheredRows: row \(i) is outside 0..<\(rows)")
            picked.append(contentsOf: data[(i * cols)..<(i * cols + cols)])
        }
        return Tensor(rows: indices.count, cols: cols, data: picked)
    }

    /// For every row, the column of its largest entry (the lowest such column on a tie).
    public func argmaxPerRow() -> [Int] {
        (0..<rows).map { i in
            var best = 0
            for j in 1..<max(cols, 1) where data[i * cols + j] > data[i * cols + best] { best = j }
            return best
        }
    }
}

import Foundation

extension Tensor {
    /// Softmax along each row: yᵢⱼ = exp(xᵢⱼ) / Σₖ exp(xᵢₖ), so every row is a probability
    /// distribution.
    ///
    /// The row's maximum is subtracted before exponentiating (it cancels in the ratio) so that
    /// large scores do not overflow; −∞ entries (masked positions) get probability 0.
    /// Gradient: ∂L/∂xᵢⱼ = yᵢⱼ (gᵢⱼ − Σₖ gᵢₖ yᵢₖ).
    public func softmax() -> Tensor {
        let a = self, r = rows, c = cols
        var y = [Double](repeating: 0, count: r * c)
        for i in 0..<r {
            let row = (i * c)..<(i * c + c)
            let largest = data[row].max() ?? 0
            var total = 0.0
            for k in row { y[k] = Foundation.exp(data[k] - largest); total += y[k] }
            for k in row { y[k] /= total }
        }
        return Tensor(rows: r, cols: c, data: y, op: "softmax", parents: [a]) { out in
            let g = out.gradStorage, y = out.data
            a.accumulateGrad { ga in
                for i in 0..<r {
                    var dot = 0.0
                    for k in (i * c)..<(i * c + c) { dot += g[k] * y[k] }
                    for k in (i * c)..<(i * c + c) { ga[k] += y[k] * (g[k] - dot) }
                }
            }
        }
    }

    /// log-softmax along each row: yᵢⱼ = xᵢⱼ − log Σₖ exp(xᵢₖ), computed with the max-shift so
    /// it stays finite where `softmax().log()` would give log 0 = −∞.
    /// Gradient: ∂L/∂xᵢⱼ = gᵢⱼ − softmax(x)ᵢⱼ Σₖ gᵢₖ.
    public func logSoftmax() -> Tensor {
        let a = self, r = rows, c = cols
        var y = [Double](repeating: 0, count: r * c)
        for i in 0..<r {
            let row = (i * c)..<(i * c + c)
            let largest = data[row].max() ?? 0
            var total = 0.0
            for k in row { total += Foundation.exp(data[k] - largest) }
            let logTotal = largest + Foundation.log(total)
            for k in row { y[k] = data[k] - logTotal }
        }
        return Tensor(rows: r, cols: c, data: y, op: "logSoftmax", parents: [a]) { out in
            let g = out.gradStorage, y = out.data
            a.accumulateGrad { ga in
                for i in 0..<r {
                    var gradTotal = 0.0
                    for k in (i * c)..<(i * c + c) { gradTotal += g[k] }
                    for k in (i * c)..<(i * c + c) { ga[k] += g[k] - Foundation.exp(y[k]) * gradTotal }
                }
            }
        }
    }
}

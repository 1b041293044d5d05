// Sums and means. `axis: 0` collapses the rows (one result per column, 1×cols, like NumPy's
// axis 0); `axis: 1` collapses the columns (one result per row, rows×1). Without an axis the
// result is the 1×1 total.

extension Tensor {
    /// Σᵢⱼ xᵢⱼ as a 1×1 tensor;  every entry's gradient is the result's gradient.
    public func sum() -> Tensor {
        let a = self
        var total = 0.0
        for v in data { total += v }
        return Tensor(rows: 1, cols: 1, data: [total], op: "sum", parents: [a]) { out in
            let g = out.gradStorage[0]
            a.accumulateGrad { ga in for i in 0..<ga.count { ga[i] += g } }
        }
    }

    /// The average of all entries, 1×1.
    public func mean() -> Tensor { sum() * (1 / Double(count)) }

    /// Sums along one axis: `axis: 0` gives the 1×cols column totals, `axis: 1` the rows×1 row totals.
    public func sum(axis: Int) -> Tensor {
        precondition(axis == 0 || axis == 1, "sum(axis:): axis is 0 (down the rows) or 1 (across the columns)")
        let a = self, r = rows, c = cols
        let outRows = axis == 0 ? 1 : r, outCols = axis == 0 ? c : 1
        var totals = [Double](repeating: 0, count: outRows * outCols)
        for i in 0..<r { for j in 0..<c { totals[axis == 0 ? j : i] += data[i * c + j] } }
        return Tensor(rows: outRows, cols: outCols, data: totals, op: "sum(axis: \(axis))", parents: [a]) { out in
            let g = out.gradStorage
            a.accumulateGrad { ga in
                for i in 0..<r { for j in 0..<c { ga[i * c + j] += g[axis == 0 ? j : i] } }
            }
        }
    }

    /// Means along one axis: `axis: 0` gives 1×cols, `axis: 1` gives rows×1.
    public func mean(axis: Int) -> Tensor {
        sum(axis: axis) * (1 / Double(axis == 0 ? rows : cols))
    }
}

// Cutting tensors apart and gluing them together. Gradients flow back to exactly the entries
// that were copied.

extension Tensor {
    /// Side by side: [A | B | …]. All parts need the same number of rows.
    public static func concatColumns(_ parts: [Tensor]) -> Tensor {
        precondition(!parts.isEmpty, "concatColumns: nothing to join")
        let r = parts[0].rows
        precondition(parts.allSatisfy { $0.rows == r }, "concatColumns: parts have different numbers of rows")
        let widths = parts.map(\.cols), c = widths.reduce(0, +)
        var joined = [Double](repeating: 0, count: r * c)
        var offset = 0
        for part in parts {
            for i in 0..<r { for j in 0..<part.cols { joined[i * c + offset + j] = part.data[i * part.cols + j] } }
            offset += part.cols
        }
        return Tensor(rows: r, cols: c, data: joined, op: "concatColumns", parents: parts) { out in
            let g = out.gradStorage
            var offset = 0
            for part in parts {
                let w = part.cols
                part.accumulateGrad { gp in
                    for i in 0..<r { for j in 0..<w { gp[i * w + j] += g[i * c + offset + j] } }
                }
                offset += w
            }
        }
    }

    /// One above the other. All parts need the same number of columns.
    public static func concatRows(_ parts: [Tensor]) -> Tensor {
        precondition(!parts.isEmpty, "concatRows: nothing to join")
        let c = parts[0].cols
        precondition(parts.allSatisfy { $0.cols == c }, "concatRows: parts have different numbers of columns")
        var joined: [Double] = []
        joined.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { joined.append(contentsOf: part.data) }
        return Tensor(rows: joined.count / max(c, 1), cols: c, data: joined, op: "concatRows", parents: parts) { out in
            let g = out.gradStorage
            var offset = 0
            for part in parts {
                part.accumulateGrad { gp in for k in 0..<gp.count { gp[k] += g[offset + k] } }
                offset += part.count
            }
        }
    }

    /// The rows in `range`, as a new tensor.
    public func rows(_ range: Range<Int>) -> Tensor {
        precondition(range.lowerBound >= 0 && range.upperBound <= rows, "rows: \(range) is outside 0..<\(rows)")
        let a = self, start = range.lowerBound * cols
        let slice = Array(data[start..<(range.upperBound * cols)])
        return Tensor(rows: range.count, cols: cols, data: slice, op: "rows", parents: [a]) { out in
            let g = out.gradStorage
            a.accumulateGrad { ga in for k in 0..<g.count { ga[start + k] += g[k] } }
        }
    }

    /// Row i as a 1×cols tensor.
    public func row(_ i: Int) -> Tensor { rows(i..<(i + 1)) }

    /// The columns in `range`, as a new tensor (e.g. one attention head's share of the features).
    public func columns(_ range: Range<Int>) -> Tensor {
        precondition(range.lowerBound >= 0 && range.upperBound <= cols, "columns: \(range) is outside 0..<\(cols)")
        let a = self, r = rows, c = cols, w = range.count, first = range.lowerBound
        var slice = [Double](repeating: 0, count: r * w)
        for i in 0..<r { for j in 0..<w { slice[i * w + j] = data[i * c + first + j] } }
        return Tensor(rows: r, cols: w, data: slice, op: "columns", parents: [a]) { out in
            let g = out.gradStorage
            a.accumulateGrad { ga in
                for i in 0..<r { for j in 0..<w { ga[i * c + first + j] += g[i * w + j] } }
            }
        }
    }

    /// A copy with `value` wherever `mask` is true (row-major, one flag per entry). Masked
    /// entries are constants, so no gradient flows to them.
    ///
    /// With `value: -.infinity` before `softmax()`, masked positions get weight exactly 0 —
    /// the causal mask of a decoder, where position i may not look at positions j > i.
    public func maskedFill(_ mask: [Bool], with value: Double) -> Tensor {
        precondition(mask.count == count, "maskedFill: \(mask.count) flags for \(count) entries")
        let a = self
        var filled = data
        for k in 0..<filled.count where mask[k] { filled[k] = value }
        return Tensor(rows: rows, cols: cols, data: filled, op: "maskedFill", parents: [a]) { out in
            let g = out.gradStorage
            a.accumulateGrad { ga in for k in 0..<ga.count where !mask[k] { ga[k] += g[k] } }
        }
    }

    /// The n×n causal mask: true above the diagonal (j > i), the positions a token may not see.
    public static func causalMask(_ n: Int) -> [Bool] {
        (0..<(n * n)).map { $0 % n > $0 / n }
    }
}

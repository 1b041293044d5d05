// Elementwise arithmetic with broadcasting.
//
// Two tensors combine entry by entry when their shapes agree in each dimension or one of them is
// 1 there: a 1×n row is reused for every row (adding a bias to a batch), an n×1 column for every
// column (scaling each row), a 1×1 for everything. On the way back, a broadcast entry receives
// the sum of the gradients of every result entry it was used for.

/// How to find operand entries for result entry (i, j): index = i·rowStride + j·colStride,
/// with stride 0 along a broadcast dimension.
private struct BroadcastStrides {
    let rowStride: Int, colStride: Int
    init(_ t: Tensor, rows: Int, cols: Int) {
        rowStride = t.rows == 1 && rows != 1 ? 0 : t.cols
        colStride = t.cols == 1 && cols != 1 ? 0 : 1
    }
}

private func broadcastShape(_ a: Tensor, _ b: Tensor, _ op: String) -> (rows: Int, cols: Int) {
    func combine(_ x: Int, _ y: Int, _ what: String) -> Int {
        if x == y || y == 1 { return x }
        if x == 1 { return y }
        preconditionFailure("\(op): cannot broadcast \(a.rows)×\(a.cols) with \(b.rows)×\(b.cols) (\(what) differ)")
    }
    return (combine(a.rows, b.rows, "rows"), combine(a.cols, b.cols, "columns"))
}

/// out = f(a, b) entry by entry; `derivatives(a, b, out)` gives (∂out/∂a, ∂out/∂b) at one entry.
@inline(__always)
private func elementwise(_ a: Tensor, _ b: Tensor, op: String,
                         _ f: @escaping (Double, Double) -> Double,
                         derivatives: @escaping (Double, Double, Double) -> (Double, Double)) -> Tensor {
    let (rows, cols) = broadcastShape(a, b, op)
    let sa = BroadcastStrides(a, rows: rows, cols: cols), sb = BroadcastStrides(b, rows: rows, cols: cols)
    var result = [Double](repeating: 0, count: rows * cols)
    a.data.withUnsafeBufferPointer { ap in
        b.data.withUnsafeBufferPointer { bp in
            for i in 0..<rows {
                for j in 0..<cols {
                    result[i * cols + j] = f(ap[i * sa.rowStride + j * sa.colStride], bp[i * sb.rowStride + j * sb.colStride])
                }
            }
        }
    }
    return Tensor(rows: rows, cols: cols, data: result, op: op, parents: [a, b]) { out in
        let g = out.gradStorage, y = out.data, av = a.data, bv = b.data
        let wantA = a.requiresGrad, wantB = b.requiresGrad
        var ga = wantA ? [Double](repeating: 0, count: av.count) : []
        var gb = wantB ? [Double](repeating: 0, count: bv.count) : []
        for i in 0..<rows {
            for j in 0..<cols {
                let ia = i * sa.rowStride + j * sa.colStride, ib = i * sb.rowStride + j * sb.colStride
                let k = i * cols + j
                let (da, db) = derivatives(av[ia], bv[ib], y[k])
                if wantA { ga[ia] += da * g[k] }
                if wantB { gb[ib] += db * g[k] }
            }
        }
        if wantA { a.accumulateGrad { for i in 0..<ga.count { $0[i] += ga[i] } } }
        if wantB { b.accumulateGrad { for i in 0..<gb.count { $0[i] += gb[i] } } }
    }
}

/// out = f(a) entry by entry; `derivative(a, out)` is ∂out/∂a at one entry.
@inline(__always)
func elementwise(_ a: Tensor, op: String, _ f: (Double) -> Double,
                 derivative: @escaping (Double, Double) -> Double) -> Tensor {
    var result = [Double](repeating: 0, count: a.count)
    a.data.withUnsafeBufferPointer { ap in
        for i in 0..<ap.count { result[i] = f(ap[i]) }
    }
    return Tensor(rows: a.rows, cols: a.cols, data: result, op: op, parents: [a]) { out in
        let g = out.gradStorage, y = out.data, x = a.data
        a.accumulateGrad { ga in
            for i in 0..<ga.count { ga[i] += derivative(x[i], y[i]) * g[i] }
        }
    }
}

extension Tensor {
    /// a + b entry by entry (with broadcasting);  ∂/∂a = 1, ∂/∂b = 1.
    public static func + (a: Tensor, b: Tensor) -> Tensor {
        elementwise(a, b, op: "+", +, derivatives: { _, _, _ in (1, 1) })
    }

    /// a − b entry by entry (with broadcasting);  ∂/∂a = 1, ∂/∂b = −1.
    public static func - (a: Tensor, b: Tensor) -> Tensor {
        elementwise(a, b, op: "-", -, derivatives: { _, _, _ in (1, -1) })
    }

    /// a ⊙ b entry by entry (with broadcasting);  ∂/∂a = b, ∂/∂b = a.
    public static func * (a: Tensor, b: Tensor) -> Tensor {
        elementwise(a, b, op: "*", *, derivatives: { x, y, _ in (y, x) })
    }

    /// a / b entry by entry (with broadcasting);  ∂/∂a = 1/b, ∂/∂b = −a/b².
    public static func / (a: Tensor, b: Tensor) -> Tensor {
        elementwise(a, b, op: "/", /, derivatives: { x, y, _ in (1 / y, -x / (y * y)) })
    }

    /// −a.
    public static prefix func - (a: Tensor) -> Tensor {
        elementwise(a, op: "neg", { -$0 }, derivative: { _, _ in -1 })
    }

    // A plain number on the right acts on every entry. (Only on the right: every extra operator
    // overload slows Swift's type checking of all arithmetic in a program that imports Course.)
    /// a + s entry by entry;  derivative 1.
    public static func + (a: Tensor, s: Double) -> Tensor {
        elementwise(a, op: "+ \(s)", { $0 + s }, derivative: { _, _ in 1 })
    }
    /// a − s entry by entry;  derivative 1.
    public static func - (a: Tensor, s: Double) -> Tensor { a + (-s) }
    /// a·s entry by entry;  derivative s.
    public static func * (a: Tensor, s: Double) -> Tensor {
        elementwise(a, op: "* \(s)", { $0 * s }, derivative: { _, _ in s })
    }
    /// a/s entry by entry;  derivative 1/s.
    public static func / (a: Tensor, s: Double) -> Tensor {
        elementwise(a, op: "/ \(s)", { $0 / s }, derivative: { _, _ in 1 / s })
    }

    /// 1/a entry by entry;  derivative −1/a².
    public func reciprocal() -> Tensor {
        elementwise(self, op: "reciprocal", { 1 / $0 }, derivative: { x, _ in -1 / (x * x) })
    }
}

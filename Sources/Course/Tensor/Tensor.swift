/// A matrix of `Double`s that records the operations applied to it, for reverse-mode
/// automatic differentiation: the matrix version of `Value`.
///
/// Storage is one contiguous row-major array: entry (i, j) lives at `data[i * cols + j]`.
/// Every tensor is 2-D; a vector is a 1×n row (one example) or an n×1 column, a scalar is 1×1.
/// Rows are examples (or time steps, or tokens) and columns are features, so a batch of n
/// inputs with d features is n×d and a `Linear` layer maps it to n×d′.
///
/// Operations build a graph. `backward()` on a 1×1 result fills `grad` of every tensor it was
/// computed from that has `requiresGrad` set (parameters), with ∂result/∂entry, laid out like
/// `data`. As in PyTorch, gradients of parameters *accumulate* across `backward()` calls until
/// `zeroGrad()` (or an optimiser's `zeroGrad()`) clears them — that is how one sums gradients
/// over several sequences before a step.
///
/// ```swift
/// var rng = SeededGenerator(seed: 0)
/// let W = Tensor.randn(3, 2, using: &rng).requiringGrad()
/// let x = Tensor([[1, 2, 3]])                 // 1×3
/// let loss = x.matmul(W).sigmoid().sum()      // 1×1
/// loss.backward()                             // W.grad is now ∂loss/∂W, a 3×2 layout
/// ```
///
/// Operations at a glance (all differentiable):
/// - arithmetic `+ − * /` elementwise, with broadcasting of a 1×n row, n×1 column or 1×1
///   scalar against a matrix (bias rows, per-row scales), and with plain `Double`s;
/// - `matmul`, `transposed()`, `linear(weight:bias:)` (x·Wᵀ + b in one step);
/// - `sigmoid`, `tanh`, `relu`, `exp`, `log`, `sqrt`, `pow`;
/// - `sum()`, `mean()` and per axis `sum(axis:)`, `mean(axis:)`;
/// - `softmax()`, `logSoftmax()` along each row;
/// - `Tensor.concatColumns`, `Tensor.concatRows`, `rows(_:)`, `row(_:)`, `columns(_:)`;
/// - `maskedFill(_:with:)` (e.g. a causal mask of −∞ before a softmax).
public final class Tensor {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let cols: Int
    /// The entries, row-major: (i, j) is `data[i * cols + j]`. Optimisers update it in place.
    public var data: [Double]
    /// Whether gradients flow to this tensor. Parameters set it; results of operations inherit
    /// it from their inputs.
    public private(set) var requiresGrad: Bool
    /// An optional name, shown when the tensor is printed.
    public var label: String = ""

    /// ∂(output)/∂entry, row-major like `data`; empty until a backward pass reaches this tensor.
    var gradStorage: [Double] = []
    /// The tensors this one was computed from (empty for leaves and for results that need no
    /// gradient, so inference builds no graph).
    let parents: [Tensor]
    /// Adds this node's contribution to its parents' gradients, given its own gradient.
    let propagate: ((Tensor) -> Void)?
    /// The operation's name, for printing ("matmul", "sigmoid", …).
    public let op: String

    /// A leaf tensor from row-major data.
    public init(rows: Int, cols: Int, data: [Double], requiresGrad: Bool = false) {
        precondition(rows >= 0 && cols >= 0 && data.count == rows * cols,
                     "Tensor: \(data.count) entries do not fill \(rows)×\(cols)")
        self.rows = rows
        self.cols = cols
        self.data = data
        self.requiresGrad = requiresGrad
        self.parents = []
        self.propagate = nil
        self.op = ""
    }

    /// The result of an operation. It joins the graph only if some input needs a gradient.
    init(rows: Int, cols: Int, data: [Double], op: String, parents: [Tensor],
         propagate: @escaping (Tensor) -> Void) {
        self.rows = rows
        self.cols = cols
        self.data = data
        self.op = op
        let needsGrad = parents.contains { $0.requiresGrad }
        self.requiresGrad = needsGrad
        self.parents = needsGrad ? parents : []
        self.propagate = needsGrad ? propagate : nil
    }

    /// A matrix from its rows: `Tensor([[1, 2], [3, 4]])` is 2×2.
    public convenience init(_ rowsOfEntries: [[Double]], requiresGrad: Bool = false) {
        let cols = rowsOfEntries.first?.count ?? 0
        precondition(rowsOfEntries.allSatisfy { $0.count == cols }, "Tensor: rows of different lengths")
        self.init(rows: rowsOfEntries.count, cols: cols, data: rowsOfEntries.flatMap { $0 },
                  requiresGrad: requiresGrad)
    }

    /// A 1×n row vector.
    public convenience init(row: [Double], requiresGrad: Bool = false) {
        self.init(rows: 1, cols: row.count, data: row, requiresGrad: requiresGrad)
    }

    /// An n×1 column vector.
    public convenience init(column: [Double], requiresGrad: Bool = false) {
        self.init(rows: column.count, cols: 1, data: column, requiresGrad: requiresGrad)
    }

    /// A 1×1 tensor.
    public convenience init(scalar: Double, requiresGrad: Bool = false) {
        self.init(rows: 1, cols: 1, data: [scalar], requiresGrad: requiresGrad)
    }

    /// Marks this leaf as a parameter (gradients will be computed for it) and returns it.
    @discardableResult
    public func requiringGrad(_ flag: Bool = true) -> Tensor {
        precondition(propagate == nil, "requiringGrad: only leaf tensors can be made parameters")
        requiresGrad = flag
        return self
    }

    /// (rows, cols).
    public var shape: (rows: Int, cols: Int) { (rows, cols) }

    /// Number of entries.
    public var count: Int { data.count }

    /// Entry (i, j).
    public subscript(i: Int, j: Int) -> Double {
        get { data[i * cols + j] }
        set { data[i * cols + j] = newValue }
    }

    /// The single entry of a 1×1 tensor.
    public var item: Double {
        precondition(data.count == 1, "item: tensor is \(rows)×\(cols), not 1×1")
        return data[0]
    }

    /// The entries as an array of rows.
    public var array: [[Double]] {
        (0..<rows).map { Array(data[($0 * cols)..<($0 * cols + cols)]) }
    }

    /// ∂(output of the last backward pass)/∂entry, row-major like `data` (zeros before any).
    public var grad: [Double] {
        get { gradStorage.isEmpty ? [Double](repeating: 0, count: data.count) : gradStorage }
        set { gradStorage = newValue }
    }

    /// The gradient as a tensor of the same shape (for printing and for plain arithmetic).
    public var gradient: Tensor { Tensor(rows: rows, cols: cols, data: grad) }

    /// Clears the accumulated gradient.
    public func zeroGrad() { gradStorage = [] }

    /// The same numbers, cut off from the graph: no gradient flows through the copy.
    public func detached() -> Tensor { Tensor(rows: rows, cols: cols, data: data) }

    /// Adds `contribution(buffer)` into this tensor's gradient, allocating it on first use.
    /// Tensors that need no gradient are skipped, so constants cost nothing on the way back.
    @inline(__always)
    func accumulateGrad(_ contribution: (UnsafeMutableBufferPointer<Double>) -> Void) {
        guard requiresGrad else { return }
        if gradStorage.isEmpty { gradStorage = [Double](repeating: 0, count: data.count) }
        gradStorage.withUnsafeMutableBufferPointer { contribution($0) }
    }
}

/// A scalar that remembers how it was computed, so that derivatives can flow back through it.
///
/// This is reverse-mode automatic differentiation on single numbers, the way the backpropagation
/// lecture draws it: every `Value` is a node of a computational graph. The forward pass computes
/// `data`; `backward()` then walks the graph from the output back to the inputs and fills in every
/// node's `grad` = ∂output/∂node by the chain rule,
///
///     ∂f/∂x = Σ over children c of x:  ∂f/∂c · ∂c/∂x
///
/// Each operation knows only its own local derivative ∂c/∂x (for q = x + y it is 1; for
/// f = q·z it is z with respect to q); `backward()` multiplies and sums them.
///
/// ```swift
/// let x = Value(-2, "x"), y = Value(5, "y"), z = Value(-4, "z")
/// let q = (x + y).named("q")
/// let f = (q * z).named("f")
/// f.backward()          // x.grad == -4, y.grad == -4, z.grad == 3
/// print(f.graph())      // the whole graph with values and gradients
/// ```
public final class Value {
    /// The number computed in the forward pass.
    public var data: Double
    /// ∂(output)/∂(this value), added to by `backward()` on the output. Starts at 0.
    public var grad: Double = 0
    /// A name for printing the graph ("x", "q", "a3"); empty for unnamed intermediate nodes.
    public var label: String
    /// The operation that produced this value ("+", "*", "tanh", …); empty for inputs.
    public let op: String
    /// The values this one was computed from.
    public let parents: [Value]
    /// Adds this node's contribution to its parents' gradients, given this node's own `grad`.
    let propagate: (Value) -> Void

    /// An input (a leaf of the graph): a number with an optional name.
    public init(_ data: Double, _ label: String = "") {
        self.data = data
        self.label = label
        self.op = ""
        self.parents = []
        self.propagate = { _ in }
    }

    init(_ data: Double, op: String, parents: [Value], propagate: @escaping (Value) -> Void) {
        self.data = data
        self.label = ""
        self.op = op
        self.parents = parents
        self.propagate = propagate
    }

    /// Gives this node a name for `graph()` and returns it, so a line can read
    /// `let q = (x + y).named("q")`.
    @discardableResult
    public func named(_ label: String) -> Value {
        self.label = label
        return self
    }

    /// Every node this value depends on (itself included), each once, inputs first:
    /// a topological order, so a node comes after everything it was computed from.
    public func topologicalOrder() -> [Value] {
        var order: [Value] = []
        var visited = Set<ObjectIdentifier>()
        // Iterative depth-first search: deep graphs (long unrolled loops) would overflow
        // the stack if this recursed.
        var stack: [(node: Value, expanded: Bool)] = [(self, false)]
        while let entry = stack.popLast() {
            let node = entry.node
            if entry.expanded {
                order.append(node)
                continue
            }
            guard visited.insert(ObjectIdentifier(node)).inserted else { continue }
            stack.append((node, true))
            for parent in node.parents.reversed() where !visited.contains(ObjectIdentifier(parent)) {
                stack.append((parent, false))
            }
        }
        return order
    }

    /// Backpropagation: adds ∂self/∂node to the `grad` of every input (leaf) of the graph.
    ///
    /// One rule for `Value` and `Tensor`, PyTorch's: inputs *accumulate* their gradients across
    /// `backward()` calls (calling it twice doubles them), so gradients of several losses can be
    /// summed before a step; `zeroGrad()` clears them. Intermediate nodes start from zero on every
    /// call, so each pass through them is counted once. Nodes are visited output-first (reverse
    /// topological order), so when a node passes gradient to its parents its own `grad` is
    /// already complete.
    public func backward() {
        let order = topologicalOrder()
        for node in order where !node.parents.isEmpty { node.grad = 0 }
        grad += 1  // ∂f/∂f
        for node in order.reversed() where !node.parents.isEmpty { node.propagate(node) }
    }

    /// Sets the gradient of every node of this value's graph (inputs included) back to 0.
    public func zeroGrad() {
        for node in topologicalOrder() { node.grad = 0 }
    }
}

extension Value: CustomStringConvertible {
    /// `name(data: …, grad: …)`, for `print`.
    public var description: String {
        let name = label.isEmpty ? "Value" : label
        return "\(name)(data: \(shortText(data)), grad: \(shortText(grad)))"
    }
}

extension Tensor {
    /// Every tensor in this one's graph, each once, inputs before the results computed from them.
    func topologicalOrder() -> [Tensor] {
        var order: [Tensor] = []
        var visited = Set<ObjectIdentifier>()
        // Iterative depth-first search: an RNN unrolled over a long sequence makes a deep graph.
        var stack: [(node: Tensor, expanded: Bool)] = [(self, false)]
        while let entry = stack.popLast() {
            if entry.expanded {
                order.append(entry.node)
                continue
            }
            guard visited.insert(ObjectIdentifier(entry.node)).inserted else { continue }
            stack.append((entry.node, true))
            for parent in entry.node.parents where !visited.contains(ObjectIdentifier(parent)) {
                stack.append((parent, false))
            }
        }
        return order
    }

    /// Backpropagation from this 1×1 tensor (a loss): every tensor it depends on that requires
    /// a gradient gets ∂self/∂entry added to its `grad`.
    ///
    /// Nodes are processed output-first (reverse topological order), so each node's gradient is
    /// complete — all paths through it summed — before it passes gradient on to its inputs.
    /// Intermediate results start from zero; parameters (leaves) accumulate until `zeroGrad()`.
    public func backward() {
        precondition(rows == 1 && cols == 1, "backward: start from a 1×1 loss, not \(rows)×\(cols)")
        precondition(requiresGrad, "backward: nothing in this graph requires a gradient")
        let order = topologicalOrder()
        for node in order where node.propagate != nil { node.gradStorage = [] }
        accumulateGrad { $0[0] += 1 }  // ∂loss/∂loss
        for node in order.reversed() {
            guard let propagate = node.propagate, !node.gradStorage.isEmpty else { continue }
            propagate(node)
        }
    }
}

/// The worst disagreement between backpropagation and central differences for a function of
/// tensors — the standard way to test a hand-written backward pass.
public struct GradientCheckResult: Sendable {
    /// max |analytic − numeric| over every entry of every input.
    public let maxAbsoluteError: Double
    /// The same, divided by max(1, |numeric|), so large gradients are judged relatively.
    public let maxRelativeError: Double
}

/// Compares `backward()` with central differences for `f` at `inputs`.
///
/// `f` may return any shape: its output is reduced to the scalar Σ rᵢⱼ·outᵢⱼ with fixed
/// pseudo-random weights r, so every output entry's gradient is exercised (a plain sum would
/// hide mistakes that cancel, such as softmax's, whose rows always sum to 1).
/// Every input is treated as a parameter; their gradients are cleared before and after.
public func gradientCheck(_ inputs: [Tensor], step h: Double = 1e-6,
                          _ f: ([Tensor]) -> Tensor) -> GradientCheckResult {
    var rng = SeededGenerator(seed: 12345)
    let probe = f(inputs.map { $0.detached() })
    let weights = Tensor(rows: probe.rows, cols: probe.cols,
                         data: uniformArray(probe.count, 0.5, 1.5, using: &rng))
    func scalar(_ xs: [Tensor]) -> Tensor { (f(xs) * weights).sum() }

    let leaves = inputs.map { Tensor(rows: $0.rows, cols: $0.cols, data: $0.data, requiresGrad: true) }
    scalar(leaves).backward()

    var worstAbsolute = 0.0, worstRelative = 0.0
    for (index, leaf) in leaves.enumerated() {
        let numeric = numericalGradient(at: leaf.data, step: h) { entries in
            var xs = inputs.map { $0.detached() }
            xs[index] = Tensor(rows: leaf.rows, cols: leaf.cols, data: entries)
            return scalar(xs).item
        }
        for (analytic, estimate) in zip(leaf.grad, numeric) {
            let error = abs(analytic - estimate)
            worstAbsolute = max(worstAbsolute, error)
            worstRelative = max(worstRelative, error / max(1, abs(estimate)))
        }
    }
    return GradientCheckResult(maxAbsoluteError: worstAbsolute, maxRelativeError: worstRelative)
}

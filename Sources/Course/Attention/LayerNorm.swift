/// Layer normalisation: each token's vector (each row) is shifted and scaled to mean 0 and
/// variance 1, then given a learned mean β and standard deviation γ, feature by feature:
///
///     μ = (1/D) Σ_d H_d,   σ = √((1/D) Σ_d (H_d − μ)² + ε)
///     H′ = γ ⊙ (H − μ)/σ + β
///
/// A later layer then sees inputs of a steady scale however much earlier layers' weights change.
/// ε (10⁻⁵, PyTorch's default) keeps σ away from zero for a constant row. Unlike batch
/// normalisation it uses no other examples, so it works the same at training and test time
/// and for a single sequence.
public final class LayerNorm: Module {
    /// γ, 1×D, starting at 1.
    public let gain: Tensor
    /// β, 1×D, starting at 0.
    public let shift: Tensor
    /// ε, added to the variance before the square root.
    public let epsilon: Double

    /// LayerNorm over D = `featureCount` features, with γ = 1 and β = 0 to start.
    public init(_ featureCount: Int, epsilon: Double = 1e-5) {
        gain = Tensor.ones(1, featureCount, requiresGrad: true)
        gain.label = "γ"
        shift = Tensor.zeros(1, featureCount, requiresGrad: true)
        shift.label = "β"
        self.epsilon = epsilon
    }

    /// H′ for every row of `x` (N×D).
    public func callAsFunction(_ x: Tensor) -> Tensor {
        precondition(x.cols == gain.cols, "LayerNorm: expected \(gain.cols) features, got \(x.cols)")
        let centred = x - x.mean(axis: 1)                        // H − μ, per row
        let sigma = (centred.pow(2).mean(axis: 1) + epsilon).sqrt()
        return centred / sigma * gain + shift
    }

    /// γ and β.
    public var parameters: [Tensor] { [gain, shift] }
}

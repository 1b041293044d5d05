/// The feed-forward example from the lecture: two inputs, two hidden units, one output, all
/// using the step activation f(v) = 1 if v ≥ 0, else 0, and no biases.
///
///     a₃ = w₁₃x₁ + w₂₃x₂     h₃ = f(a₃)
///     a₄ = w₁₄x₁ + w₂₄x₂     h₄ = f(a₄)
///     a₅ = w₃₅h₃ + w₄₅h₄     y  = f(a₅)
///
/// The step function has zero derivative almost everywhere, which is why trained networks
/// use smooth activations such as the sigmoid instead.
public struct StepNetwork: Sendable {
    /// w_ij is the weight from unit i to unit j (inputs 1, 2; hidden 3, 4; output 5).
    public var w13: Double, w23: Double, w14: Double, w24: Double, w35: Double, w45: Double

    /// The lecture's weights: w₁₃ = 2, w₂₃ = −3, w₁₄ = 1, w₂₄ = 4, w₃₅ = 2, w₄₅ = −1.
    public init(w13: Double = 2, w23: Double = -3, w14: Double = 1, w24: Double = 4,
                w35: Double = 2, w45: Double = -1) {
        self.w13 = w13; self.w23 = w23; self.w14 = w14
        self.w24 = w24; self.w35 = w35; self.w45 = w45
    }

    /// Every intermediate quantity of one forward pass.
    public struct Trace: Equatable, Sendable {
        /// Weighted sums a_j, hidden outputs h_j = f(a_j) and the output y = f(a₅).
        public let a3: Double, a4: Double, h3: Double, h4: Double, a5: Double, y: Double
    }

    /// f(v) = 1 if v ≥ 0, else 0.
    public static func step(_ v: Double) -> Double { v >= 0 ? 1 : 0 }

    /// The forward pass for inputs (x₁, x₂), keeping every intermediate value.
    public func forward(_ x1: Double, _ x2: Double) -> Trace {
        let a3 = w13 * x1 + w23 * x2
        let a4 = w14 * x1 + w24 * x2
        let h3 = Self.step(a3)
        let h4 = Self.step(a4)
        let a5 = w35 * h3 + w45 * h4
        return Trace(a3: a3, a4: a4, h3: h3, h4: h4, a5: a5, y: Self.step(a5))
    }
}

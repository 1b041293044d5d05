/// The backpropagation lecture's network: inputs x, one hidden layer and an output layer, both
/// with the sigmoid g(z) = 1/(1 + e⁻ᶻ), no biases, and the squared loss
///
///     z⁽²⁾ = θ⁽¹⁾x,   a⁽²⁾ = g(z⁽²⁾),   z⁽³⁾ = θ⁽²⁾a⁽²⁾,   a⁽³⁾ = g(z⁽³⁾),
///     J(θ) = ½ Σₖ (yₖ − aₖ⁽³⁾)²
///
/// `θ1[j][i]` connects input i to hidden unit j; `θ2[k][j]` connects hidden unit j to output k.
/// The same gradients are computed three ways so they can be compared: written-out chain rule
/// (`chainRuleGradients`), automatic differentiation with `Value` (`autodiffGradients`), and
/// central differences (`numericalGradients`).
public struct TwoLayerSigmoidNetwork: Sendable {
    /// θ⁽¹⁾, hidden × input: θ⁽¹⁾[j][i] connects input i to hidden unit j.
    public var theta1: [[Double]]
    /// θ⁽²⁾, output × hidden: θ⁽²⁾[k][j] connects hidden unit j to output k.
    public var theta2: [[Double]]

    /// A network with the given weights.
    public init(theta1: [[Double]], theta2: [[Double]]) {
        self.theta1 = theta1
        self.theta2 = theta2
    }

    /// A 2–2–2 network with hand-picked weights (the lecture's figure gives none), plus an
    /// input and target to go with it.
    public static let example = TwoLayerSigmoidNetwork(
        theta1: [[0.5, -0.3], [0.8, 0.2]],
        theta2: [[1.0, -0.7], [0.4, 0.9]])
    /// x for `example`.
    public static let exampleInput: [Double] = [1.0, 0.5]
    /// y for `example`.
    public static let exampleTarget: [Double] = [1.0, 0.0]

    /// The gradient of J with respect to every weight, shaped like the weights.
    public struct Gradients: Sendable {
        /// θ⁽¹⁾, hidden × input: θ⁽¹⁾[j][i] connects input i to hidden unit j.
        public var theta1: [[Double]]
        /// θ⁽²⁾, output × hidden: θ⁽²⁾[k][j] connects hidden unit j to output k.
        public var theta2: [[Double]]
        /// All entries, θ⁽¹⁾ row by row then θ⁽²⁾ row by row.
        public var flattened: [Double] { theta1.flatMap { $0 } + theta2.flatMap { $0 } }
    }

    /// The forward pass, keeping z⁽²⁾, a⁽²⁾, z⁽³⁾ and a⁽³⁾.
    public func forward(_ x: [Double]) -> (z2: [Double], a2: [Double], z3: [Double], a3: [Double]) {
        let z2 = theta1.map { row in zip(row, x).map(*).reduce(0, +) }
        let a2 = z2.map(sigmoidOf)
        let z3 = theta2.map { row in zip(row, a2).map(*).reduce(0, +) }
        let a3 = z3.map(sigmoidOf)
        return (z2, a2, z3, a3)
    }

    /// J(θ) = ½ Σₖ (yₖ − aₖ⁽³⁾)².
    public func loss(_ x: [Double], _ y: [Double]) -> Double {
        zip(y, forward(x).a3).map { 0.5 * ($0 - $1) * ($0 - $1) }.reduce(0, +)
    }

    /// Backpropagation written out by hand with the chain rule.
    ///
    /// Output layer, one path per weight:
    ///
    ///     ∂J/∂θ⁽²⁾ₖⱼ = ∂J/∂aₖ⁽³⁾ · ∂aₖ⁽³⁾/∂zₖ⁽³⁾ · ∂zₖ⁽³⁾/∂θ⁽²⁾ₖⱼ
    ///               = (aₖ⁽³⁾ − yₖ) · g(zₖ⁽³⁾)(1 − g(zₖ⁽³⁾)) · aⱼ⁽²⁾
    ///
    /// (The slides write ∂J/∂a⁽³⁾ = (y − a⁽³⁾); differentiating ½(y − a)² gives (a − y), the
    /// sign used here and confirmed by the numerical check.)
    ///
    /// Hidden layer: θ⁽¹⁾ⱼᵢ reaches J through every output k — the "blue" and "orange" paths of
    /// the lecture — so the chain-rule products are summed over k:
    ///
    ///     ∂J/∂θ⁽¹⁾ⱼᵢ = Σₖ (aₖ⁽³⁾ − yₖ) g′(zₖ⁽³⁾) · θ⁽²⁾ₖⱼ · g′(zⱼ⁽²⁾) · xᵢ
    public func chainRuleGradients(_ x: [Double], _ y: [Double]) -> Gradients {
        let (_, a2, _, a3) = forward(x)
        // δ⁽³⁾ₖ = ∂J/∂zₖ⁽³⁾: the part of every path shared up to the output's input.
        let delta3 = a3.indices.map { k in (a3[k] - y[k]) * a3[k] * (1 - a3[k]) }
        let gradTheta2 = delta3.map { d in a2.map { d * $0 } }
        // δ⁽²⁾ⱼ = ∂J/∂zⱼ⁽²⁾ = (Σₖ δ⁽³⁾ₖ θ⁽²⁾ₖⱼ) · g′(zⱼ⁽²⁾).
        let delta2 = a2.indices.map { j in
            delta3.indices.map { k in delta3[k] * theta2[k][j] }.reduce(0, +) * a2[j] * (1 - a2[j])
        }
        let gradTheta1 = delta2.map { d in x.map { d * $0 } }
        return Gradients(theta1: gradTheta1, theta2: gradTheta2)
    }

    /// The same gradients from the `Value` graph of J: build it, call `backward()`, read `grad`.
    public func autodiffGradients(_ x: [Double], _ y: [Double]) -> Gradients {
        let w1 = theta1.map { $0.map { Value($0) } }
        let w2 = theta2.map { $0.map { Value($0) } }
        let inputs = x.map { Value($0) }
        let a2 = w1.map { row in weightedSum(row, inputs).sigmoid() }
        let a3 = w2.map { row in weightedSum(row, a2).sigmoid() }
        var loss = Value(0)
        for (target, output) in zip(y, a3) {
            loss = loss + (output - target).pow(2) * 0.5
        }
        loss.backward()
        return Gradients(theta1: w1.map { $0.map(\.grad) }, theta2: w2.map { $0.map(\.grad) })
    }

    /// The same gradients by central differences on J, one weight at a time.
    public func numericalGradients(_ x: [Double], _ y: [Double]) -> Gradients {
        let rows1 = theta1.count, cols1 = theta1.first?.count ?? 0
        let cols2 = theta2.first?.count ?? 0
        let flat = numericalGradient(at: theta1.flatMap { $0 } + theta2.flatMap { $0 }) { w in
            let net = TwoLayerSigmoidNetwork(
                theta1: (0..<rows1).map { Array(w[($0 * cols1)..<($0 * cols1 + cols1)]) },
                theta2: (0..<theta2.count).map { k in
                    let start = rows1 * cols1 + k * cols2
                    return Array(w[start..<(start + cols2)])
                })
            return net.loss(x, y)
        }
        let split = rows1 * cols1
        return Gradients(
            theta1: (0..<rows1).map { Array(flat[($0 * cols1)..<($0 * cols1 + cols1)]) },
            theta2: (0..<theta2.count).map { Array(flat[(split + $0 * cols2)..<(split + $0 * cols2 + cols2)]) })
    }
}

/// Σᵢ wᵢxᵢ as a `Value` graph.
func weightedSum(_ weights: [Value], _ inputs: [Value]) -> Value {
    var total = weights[0] * inputs[0]
    for i in 1..<weights.count { total = total + weights[i] * inputs[i] }
    return total
}

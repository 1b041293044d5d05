import Foundation

/// Something that updates parameters from their gradients.
public protocol Optimizer: AnyObject {
    /// The tensors it updates.
    var parameters: [Tensor] { get }
    /// One update from the current gradients.
    func step()
}

extension Optimizer {
    /// Clears every parameter's gradient, ready for the next backward pass.
    public func zeroGrad() { for p in parameters { p.zeroGrad() } }
}

/// Stochastic gradient descent, w ← w − η·∂E/∂w, optionally with momentum:
///
///     v ← μ·v + ∂E/∂w,    w ← w − η·v
///
/// (PyTorch's form.) Momentum keeps a running direction, so steps grow along a consistent
/// slope and noisy components cancel.
public final class SGD: Optimizer {
    /// The tensors it updates.
    public let parameters: [Tensor]
    /// η, the step size; may be changed between steps (a schedule).
    public var learningRate: Double
    /// μ; 0 is plain gradient descent.
    public let momentum: Double
    private var velocities: [[Double]]

    /// SGD on `parameters` with step size η = `learningRate` and momentum μ.
    public init(_ parameters: [Tensor], learningRate: Double, momentum: Double = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        velocities = parameters.map { [Double](repeating: 0, count: $0.count) }
    }

    /// One update, w ← w − η·v (v = ∂E/∂w without momentum), for every parameter with a gradient.
    public func step() {
        for (index, p) in parameters.enumerated() where !p.gradStorage.isEmpty {
            let g = p.gradStorage
            if momentum == 0 {
                for k in g.indices { p.data[k] -= learningRate * g[k] }
            } else {
                for k in g.indices {
                    velocities[index][k] = momentum * velocities[index][k] + g[k]
                    p.data[k] -= learningRate * velocities[index][k]
                }
            }
        }
    }
}

/// Adam (Kingma & Ba, 2015): gradient descent with a per-entry step size.
///
///     m ← β₁m + (1 − β₁)g,      v ← β₂v + (1 − β₂)g²
///     m̂ = m/(1 − β₁ᵗ),          v̂ = v/(1 − β₂ᵗ)
///     w ← w − η·m̂/(√v̂ + ε)
///
/// m is a running mean of the gradient and v of its square; dividing by √v̂ makes the step
/// about η in every direction whatever the gradient's scale. The hats undo the bias of
/// starting m and v at zero.
public final class Adam: Optimizer {
    /// The tensors it updates.
    public let parameters: [Tensor]
    /// η, the step size; may be changed between steps (a schedule).
    public var learningRate: Double
    /// β₁ and β₂, the decay rates of m and v, and ε, which keeps the division finite.
    public let beta1: Double, beta2: Double, epsilon: Double
    private var firstMoments: [[Double]]
    private var secondMoments: [[Double]]
    private var stepCount = 0

    /// Adam on `parameters` with the paper's defaults: η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸.
    public init(_ parameters: [Tensor], learningRate: Double = 0.001,
                beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        firstMoments = parameters.map { [Double](repeating: 0, count: $0.count) }
        secondMoments = firstMoments
    }

    /// One Adam update of every parameter with a gradient, as above.
    public func step() {
        stepCount += 1
        let correction1 = 1 - pow(beta1, Double(stepCount))
        let correction2 = 1 - pow(beta2, Double(stepCount))
        // η·m̂/(√v̂ + ε) rearranged as PyTorch computes it, (η/c₁)·m/(√v·(1/√c₂) + ε): one square
        // root and one division per entry instead of three divisions (the step is a hot loop when a
        // network has millions of weights).
        let stepSize = learningRate / correction1, inverseRootCorrection2 = 1 / correction2.squareRoot()
        let (b1, b2, eps) = (beta1, beta2, epsilon)
        for (index, p) in parameters.enumerated() where !p.gradStorage.isEmpty {
            p.gradStorage.withUnsafeBufferPointer { g in
                firstMoments[index].withUnsafeMutableBufferPointer { m in
                    secondMoments[index].withUnsafeMutableBufferPointer { v in
                        p.data.withUnsafeMutableBufferPointer { w in
                            for k in 0..<g.count {
                                m[k] = b1 * m[k] + (1 - b1) * g[k]
                                v[k] = b2 * v[k] + (1 - b2) * g[k] * g[k]
                                w[k] -= stepSize * m[k] / (v[k].squareRoot() * inverseRootCorrection2 + eps)
                            }
                        }
                    }
                }
            }
        }
    }
}

import Foundation

extension Tensor {
    /// σ(x) = 1/(1 + e⁻ˣ) entry by entry;  σ′(x) = σ(x)(1 − σ(x)).
    public func sigmoid() -> Tensor {
        elementwise(self, op: "sigmoid", sigmoidOf, derivative: { _, y in y * (1 - y) })
    }

    /// tanh x entry by entry;  tanh′(x) = 1 − tanh²x.
    public func tanh() -> Tensor {
        elementwise(self, op: "tanh", Foundation.tanh, derivative: { _, y in 1 - y * y })
    }

    /// max(0, x) entry by entry;  derivative 1 where x > 0, else 0.
    public func relu() -> Tensor {
        elementwise(self, op: "relu", { max(0, $0) }, derivative: { x, _ in x > 0 ? 1 : 0 })
    }

    /// eˣ entry by entry;  derivative eˣ.
    public func exp() -> Tensor {
        elementwise(self, op: "exp", Foundation.exp, derivative: { _, y in y })
    }

    /// ln x entry by entry;  derivative 1/x.
    public func log() -> Tensor {
        elementwise(self, op: "log", Foundation.log, derivative: { x, _ in 1 / x })
    }

    /// √x entry by entry;  derivative 1/(2√x).
    public func sqrt() -> Tensor {
        elementwise(self, op: "sqrt", { $0.squareRoot() }, derivative: { _, y in 0.5 / y })
    }

    /// xᵖ entry by entry for a constant p;  derivative p·xᵖ⁻¹.
    public func pow(_ p: Double) -> Tensor {
        elementwise(self, op: "pow", { Foundation.pow($0, p) }, derivative: { x, _ in p * Foundation.pow(x, p - 1) })
    }
}

import Foundation

// The operations a `Value` supports. Each one computes its result and records the local
// derivative of the result with respect to each input; `backward()` chains them together.
// In every `propagate` closure, `out.grad` is ∂f/∂out and we add ∂f/∂out · ∂out/∂input.

extension Value {
    /// out = a + b;  ∂out/∂a = 1,  ∂out/∂b = 1.
    public static func + (a: Value, b: Value) -> Value {
        Value(a.data + b.data, op: "+", parents: [a, b]) { out in
            a.grad += out.grad
            b.grad += out.grad
        }
    }

    /// out = a · b;  ∂out/∂a = b,  ∂out/∂b = a.
    public static func * (a: Value, b: Value) -> Value {
        Value(a.data * b.data, op: "*", parents: [a, b]) { out in
            a.grad += b.data * out.grad
            b.grad += a.data * out.grad
        }
    }

    /// out = −a;  ∂out/∂a = −1.
    public static prefix func - (a: Value) -> Value {
        Value(-a.data, op: "neg", parents: [a]) { out in
            a.grad -= out.grad
        }
    }

    /// out = a − b;  ∂out/∂a = 1,  ∂out/∂b = −1.
    public static func - (a: Value, b: Value) -> Value {
        Value(a.data - b.data, op: "-", parents: [a, b]) { out in
            a.grad += out.grad
            b.grad -= out.grad
        }
    }

    /// out = a / b;  ∂out/∂a = 1/b,  ∂out/∂b = −a/b².
    public static func / (a: Value, b: Value) -> Value {
        Value(a.data / b.data, op: "/", parents: [a, b]) { out in
            a.grad += out.grad / b.data
            b.grad -= a.data / (b.data * b.data) * out.grad
        }
    }

    /// out = aᵖ for a constant exponent p;  ∂out/∂a = p·aᵖ⁻¹.
    public func pow(_ p: Double) -> Value {
        let a = self
        return Value(Foundation.pow(a.data, p), op: "^\(shortText(p))", parents: [a]) { out in
            a.grad += p * Foundation.pow(a.data, p - 1) * out.grad
        }
    }

    /// out = eᵃ;  ∂out/∂a = eᵃ = out.
    public func exp() -> Value {
        let a = self
        return Value(Foundation.exp(a.data), op: "exp", parents: [a]) { out in
            a.grad += out.data * out.grad
        }
    }

    /// out = ln a;  ∂out/∂a = 1/a.
    public func log() -> Value {
        let a = self
        return Value(Foundation.log(a.data), op: "log", parents: [a]) { out in
            a.grad += out.grad / a.data
        }
    }

    /// out = σ(a) = 1/(1 + e⁻ᵃ);  ∂out/∂a = σ(a)(1 − σ(a)).
    public func sigmoid() -> Value {
        let a = self
        return Value(sigmoidOf(a.data), op: "sigmoid", parents: [a]) { out in
            a.grad += out.data * (1 - out.data) * out.grad
        }
    }

    /// out = tanh a;  ∂out/∂a = 1 − tanh²a.
    public func tanh() -> Value {
        let a = self
        return Value(Foundation.tanh(a.data), op: "tanh", parents: [a]) { out in
            a.grad += (1 - out.data * out.data) * out.grad
        }
    }

    /// out = max(0, a);  ∂out/∂a = 1 where a > 0, else 0.
    public func relu() -> Value {
        let a = self
        return Value(max(0, a.data), op: "relu", parents: [a]) { out in
            if a.data > 0 { a.grad += out.grad }
        }
    }
}

// Mixing in plain numbers on the right: the number becomes an unnamed leaf. (Only on the right:
// every extra operator overload slows Swift's type checking of all arithmetic in a chapter.)
extension Value {
    /// a + b with b a constant: ∂/∂a = 1.
    public static func + (a: Value, b: Double) -> Value { a + Value(b) }
    /// a − b with b a constant: ∂/∂a = 1.
    public static func - (a: Value, b: Double) -> Value { a - Value(b) }
    /// a·b with b a constant: ∂/∂a = b.
    public static func * (a: Value, b: Double) -> Value { a * Value(b) }
    /// a/b with b a constant: ∂/∂a = 1/b.
    public static func / (a: Value, b: Double) -> Value { a / Value(b) }
}

/// σ(x) = 1/(1 + e⁻ˣ), computed without overflow for large |x|.
@inlinable
public func sigmoidOf(_ x: Double) -> Double {
    if x >= 0 { return 1 / (1 + exp(-x)) }
    let e = exp(x)
    return e / (1 + e)
}

/// Anything with trainable parameters: layers, and models built from layers.
///
/// An optimiser only needs the list of parameter tensors; a model lists its layers' parameters
/// in a fixed order, so two models built from the same seed line up entry for entry.
public protocol Module: AnyObject {
    /// Every trainable tensor, in a fixed order.
    var parameters: [Tensor] { get }
}

extension Module {
    /// Clears the gradients of every parameter.
    public func zeroGrad() { for p in parameters { p.zeroGrad() } }

    /// The total number of trainable numbers.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }
}

/// A residual (skip) connection: the layer's input is added back to its output,
///
///     H′ = F(x) + x
///
/// so the layer only has to learn the difference r = f(x) − x from the target f. If f is close
/// to the identity, r ≈ 0 is easy to learn, and gradients reach earlier layers through the
/// "+ x" path undiminished — why deep stacks of blocks still train.
public func residual(_ x: Tensor, _ layer: (Tensor) -> Tensor) -> Tensor {
    let y = layer(x)
    precondition(y.rows == x.rows && y.cols == x.cols,
                 "residual: the layer maps \(x.rows)×\(x.cols) to \(y.rows)×\(y.cols); shapes must match")
    return y + x
}

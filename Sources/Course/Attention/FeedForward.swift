/// The position-wise feed-forward layer of a Transformer block: the same two-layer network
/// applied to every token (row) on its own,
///
///     FFN(x_t) = W₂ relu(W₁ x_t + b₁) + b₂
///
/// Attention mixes information between tokens; this layer then transforms each token's mixture.
/// The hidden width is usually 4·D.
public final class PositionWiseFeedForward: Module {
    /// W₁, b₁: D → hidden.
    public let expand: Linear
    /// W₂, b₂: hidden → D.
    public let contract: Linear

    /// An FFN from D = `embeddingSize` through `hidden` units back to D.
    public init(_ embeddingSize: Int, hidden hiddenSize: Int, using rng: inout some RandomNumberGenerator) {
        expand = Linear(embeddingSize, hiddenSize, using: &rng)
        contract = Linear(hiddenSize, embeddingSize, using: &rng)
    }

    /// FFN(x_t) for every row x_t of `x`.
    public func callAsFunction(_ x: Tensor) -> Tensor { contract(expand(x).relu()) }

    /// W₁, b₁, W₂, b₂.
    public var parameters: [Tensor] { expand.parameters + contract.parameters }
}

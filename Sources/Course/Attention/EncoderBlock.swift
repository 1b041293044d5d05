/// One Transformer encoder block, built from the parts above:
///
///     post-norm (the original Transformer):     pre-norm (most later models):
///       A = LayerNorm(x + MultiHead(x))           A = x + MultiHead(LayerNorm(x))
///       y = LayerNorm(A + FFN(A))                 y = A + FFN(LayerNorm(A))
///
/// Input and output are N×D, one token per row, so blocks stack. Pre-norm leaves a clean
/// residual path from input to output, which makes deep stacks easier to train.
public final class EncoderBlock: Module {
    /// Where LayerNorm goes: after each residual sum (`post`) or before each sub-layer (`pre`).
    public enum NormPlacement: Sendable { case post, pre }

    /// The multi-head self-attention sub-layer.
    public let attention: MultiHeadAttention
    /// The FFN sub-layer.
    public let feedForward: PositionWiseFeedForward
    /// The LayerNorm around the attention sub-layer.
    public let attentionNorm: LayerNorm
    /// The LayerNorm around the FFN sub-layer.
    public let feedForwardNorm: LayerNorm
    /// Post-norm or pre-norm.
    public let placement: NormPlacement
    /// Whether token i may attend only to tokens j ≤ i.
    public let causal: Bool

    /// A block over D-dimensional tokens with h heads and a feed-forward layer of width
    /// `hidden` (4·D when not given).
    public init(_ embeddingSize: Int, heads: Int, hidden: Int? = nil, causal: Bool = false,
                placement: NormPlacement = .post, outputProjection: Bool = false,
                using rng: inout some RandomNumberGenerator) {
        attention = MultiHeadAttention(embeddingSize, heads: heads, outputProjection: outputProjection, using: &rng)
        feedForward = PositionWiseFeedForward(embeddingSize, hidden: hidden ?? 4 * embeddingSize, using: &rng)
        attentionNorm = LayerNorm(embeddingSize)
        feedForwardNorm = LayerNorm(embeddingSize)
        self.placement = placement
        self.causal = causal
    }

    /// The block's output and each head's attention weights.
    public func forward(_ x: Tensor) -> (outputs: Tensor, weights: [Tensor]) {
        var weights: [Tensor] = []
        func attend(_ input: Tensor) -> Tensor {
            let result = attention.attend(input, causal: causal)
            weights = result.weights
            return result.outputs
        }
        switch placement {
        case .post:
            let a = attentionNorm(residual(x, attend))
            return (feedForwardNorm(residual(a, feedForward.callAsFunction)), weights)
        case .pre:
            let a = residual(x) { attend(attentionNorm($0)) }
            return (residual(a) { feedForward(feedForwardNorm($0)) }, weights)
        }
    }

    /// The block's N×D output for the tokens in the rows of `x`.
    public func callAsFunction(_ x: Tensor) -> Tensor { forward(x).outputs }

    /// Every weight of the attention, the FFN and both LayerNorms.
    public var parameters: [Tensor] {
        attention.parameters + feedForward.parameters + attentionNorm.parameters + feedForwardNorm.parameters
    }
}

/// Several attention heads side by side, each free to learn a different relation between tokens
/// (as a convolutional layer has several filters):
///
///     H⁽ʰ⁾ = softmax(Q⁽ʰ⁾K⁽ʰ⁾ᵀ/√d_k) V⁽ʰ⁾,   Q⁽ʰ⁾ = X W_Q⁽ʰ⁾ᵀ, …
///     H = [H⁽¹⁾, H⁽²⁾, …, H⁽ʰ⁾]               concatenated along the features
///
/// With the common choice d_k = d_v = D/h the concatenation is N×D again, the same width as the
/// input, so a residual connection can add them. The notes stop at the concatenation; with
/// `outputProjection` a final Linear(D → D), W_O, mixes the heads' outputs, as in the original
/// Transformer.
public final class MultiHeadAttention: Module {
    /// The h heads, each D → d_k = d_v = D/h.
    public let heads: [AttentionHead]
    /// W_O, when asked for.
    public let output: Linear?

    /// h heads over D-dimensional tokens; D must be a multiple of h.
    public init(_ embeddingSize: Int, heads headCount: Int, outputProjection: Bool = false,
                using rng: inout some RandomNumberGenerator) {
        precondition(headCount >= 1 && embeddingSize % headCount == 0,
                     "MultiHeadAttention: D = \(embeddingSize) is not a multiple of h = \(headCount)")
        let headSize = embeddingSize / headCount
        var made: [AttentionHead] = []
        for _ in 0..<headCount { made.append(AttentionHead(embeddingSize, headSize, headSize, using: &rng)) }
        heads = made
        output = outputProjection ? Linear(embeddingSize, embeddingSize, using: &rng) : nil
    }

    /// The N×D output and each head's N×N attention weights, for the tokens in the rows of `x`.
    public func attend(_ x: Tensor, causal: Bool = false) -> (outputs: Tensor, weights: [Tensor]) {
        let results = heads.map { $0.attend(x, causal: causal) }
        let joined = Tensor.concatColumns(results.map(\.outputs))
        return (output.map { $0(joined) } ?? joined, results.map(\.weights))
    }

    /// The N×D output for the tokens in the rows of `x`: the same numbers and gradients as
    /// `attend(x).outputs` (tested), computed as one step over all heads
    /// (`Tensor.multiHeadAttention`), which neither copies per head nor keeps the weights.
    public func callAsFunction(_ x: Tensor, causal: Bool = false) -> Tensor {
        let joined = x.multiHeadAttention(queryWeights: heads.map(\.query.weight), keyWeights: heads.map(\.key.weight),
                                          valueWeights: heads.map(\.value.weight), causal: causal)
        return output.map { $0(joined) } ?? joined
    }

    /// Every head's W_Q, W_K, W_V, then W_O when there is one.
    public var parameters: [Tensor] { heads.flatMap(\.parameters) + (output?.parameters ?? []) }
}

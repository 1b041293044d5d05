/// A small Transformer that answers by pointing: embed each token, add positional encodings,
/// run one causal encoder block, then let a final attention head's weights choose a position.
///
///     E = x W_eᵀ + b_e + P                      (T×D: embedding plus positional encoding)
///     Z = EncoderBlock(E)                       (causal: token i sees tokens j ≤ i)
///     A = softmax(Q Kᵀ/√d_k) with causal mask,  Q = Z W_Qᵀ, K = Z W_Kᵀ
///     prediction_i = argmax_j A_ij
///
/// Training minimises the cross-entropy of the pointer, −(1/T) Σᵢ log A_{i, target_i}.
public final class PointerAttentionModel: Module {
    /// W_e, b_e: each token's features → D.
    public let embedding: Linear
    /// The causal encoder block.
    public let block: EncoderBlock
    /// The pointing head; only its queries and keys are used (its weights are the answer), so
    /// its W_V (d_v = 1) never receives a gradient.
    public let pointer: AttentionHead
    /// D.
    public let embeddingSize: Int

    /// D-dimensional tokens, `heads` heads in the block, from `features` inputs per token.
    public init(features: Int = 1, embeddingSize: Int = 16, heads: Int = 2,
                using rng: inout some RandomNumberGenerator) {
        self.embeddingSize = embeddingSize
        embedding = Linear(features, embeddingSize, using: &rng)
        block = EncoderBlock(embeddingSize, heads: heads, hidden: 2 * embeddingSize, causal: true,
                             placement: .pre, using: &rng)
        pointer = AttentionHead(embeddingSize, embeddingSize, 1, using: &rng)
    }

    /// The block's head weights and the pointer's weights (T×T each) for the tokens in `inputs`.
    public func forward(_ inputs: Tensor) -> (blockWeights: [Tensor], pointer: Tensor) {
        let tokens = embedding(inputs) + positionalEncoding(length: inputs.rows, dimension: embeddingSize)
        let (encoded, blockWeights) = block.forward(tokens)
        return (blockWeights, pointer.attend(encoded, causal: true).weights)
    }

    /// −(1/T) Σᵢ log A_{i, target_i}.
    public func loss(_ example: PointerSequence) -> Tensor {
        let weights = forward(example.inputs).pointer
        let t = example.length
        var oneHot = [Double](repeating: 0, count: t * t)
        for (i, j) in example.targets.enumerated() { oneHot[i * t + j] = 1 }
        let chosen = (weights * Tensor(rows: t, cols: t, data: oneHot)).sum(axis: 1)
        return -chosen.log().mean()
    }

    /// The position each token points at.
    public func predictions(_ inputs: Tensor) -> [Int] {
        let weights = forward(inputs).pointer
        return (0..<weights.rows).map { i in
            (0..<weights.cols).max { weights[i, $0] < weights[i, $1] }!
        }
    }

    /// The fraction of positions, over all `examples`, whose prediction is the target.
    public func accuracy(_ examples: [PointerSequence]) -> Double {
        var right = 0, total = 0
        for example in examples {
            right += zip(predictions(example.inputs), example.targets).filter { $0 == $1 }.count
            total += example.length
        }
        return Double(right) / Double(max(total, 1))
    }

    /// The pointer's weights for one sequence as a heatmap: a row per position, a column per
    /// position it may point at, labelled with the values.
    public func attentionHeatmap(_ example: PointerSequence, title: String = "pointer attention") -> Heatmap {
        let labels = example.values.enumerated().map { "\($0.offset):" + NumberFormat.fixed($0.element, 2) }
        let weights = forward(example.inputs).pointer
        return AttentionResult(outputs: weights, weights: weights).heatmap(tokens: labels, title: title)
    }

    /// The embedding's, the block's and the pointer head's weights.
    public var parameters: [Tensor] { embedding.parameters + block.parameters + pointer.parameters }
}

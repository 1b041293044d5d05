/// What an attention layer computes: the new representations and the weights that mixed them.
///
/// For N query tokens and M key/value tokens, `outputs` is N×d_v (row i is hᵢ) and `weights`
/// is N×M (row i is softmaxⱼ(sᵢⱼ), a probability distribution over the tokens token i attends
/// to). Keep the weights to plot them: they show what each token looked at.
public struct AttentionResult {
    /// H, N×d_v: row i is hᵢ = Σⱼ softmaxⱼ(sᵢⱼ) vⱼ.
    public let outputs: Tensor
    /// softmax(S), N×M: entry (i, j) is how much token i takes from token j.
    public let weights: Tensor

    /// Pairs H with the weights softmax(S) that made it.
    public init(outputs: Tensor, weights: Tensor) {
        self.outputs = outputs
        self.weights = weights
    }
}

/// One attention head: every token asks a question (query), offers a label (key) and a content
/// (value), each a learned linear map of its embedding:
///
///     q_t = W_Q x_t,   k_t = W_K x_t,   v_t = W_V x_t
///     s_ij = k_jᵀ q_i / √d_k,   h_i = Σ_j softmax_j(s_ij) v_j
///
/// In matrix form, with the tokens as the rows of X (N×D): Q = X W_Qᵀ, K = X W_Kᵀ, V = X W_Vᵀ
/// and H = softmax(QKᵀ/√d_k) V. (The notes write Q = X W_Q with W_Q stored D×d_k; here W_Q is
/// stored d_k×D so that q_t = W_Q x_t reads as written — the same map.) No biases, as in the
/// notes.
public final class AttentionHead: Module {
    /// W_Q, D → d_k.
    public let query: Linear
    /// W_K, D → d_k.
    public let key: Linear
    /// W_V, D → d_v.
    public let value: Linear

    /// A head from D-dimensional tokens to d_v-dimensional outputs, with d_k-dimensional
    /// queries and keys; weights uniform in ±1/√D (PyTorch's `nn.Linear` default).
    public init(_ embeddingSize: Int, _ keySize: Int, _ valueSize: Int,
                using rng: inout some RandomNumberGenerator) {
        query = Linear(embeddingSize, keySize, bias: false, using: &rng)
        key = Linear(embeddingSize, keySize, bias: false, using: &rng)
        value = Linear(embeddingSize, valueSize, bias: false, using: &rng)
    }

    /// A head with given W_Q, W_K (d_k×D) and W_V (d_v×D), e.g. for a gradient check.
    public init(queryWeight: Tensor, keyWeight: Tensor, valueWeight: Tensor) {
        precondition(queryWeight.rows == keyWeight.rows && queryWeight.cols == keyWeight.cols,
                     "AttentionHead: W_Q and W_K must both be d_k×D")
        precondition(valueWeight.cols == queryWeight.cols, "AttentionHead: W_V must be d_v×D")
        query = Linear(weight: queryWeight, bias: nil)
        key = Linear(weight: keyWeight, bias: nil)
        value = Linear(weight: valueWeight, bias: nil)
    }

    /// D, the size of each input token.
    public var embeddingSize: Int { query.inputSize }
    /// d_k, the size of queries and keys.
    public var keySize: Int { query.outputSize }
    /// d_v, the size of values and of each output h_i.
    public var valueSize: Int { value.outputSize }

    /// H and the attention weights for the tokens in the rows of `x` (N×D). With `causal`,
    /// token i sees only tokens j ≤ i.
    public func attend(_ x: Tensor, causal: Bool = false) -> AttentionResult {
        scaledDotProductAttention(queries: query(x), keys: key(x), values: value(x),
                                  mask: causal ? Tensor.causalMask(x.rows) : nil)
    }

    /// H (N×d_v) for the tokens in the rows of `x`.
    public func callAsFunction(_ x: Tensor, causal: Bool = false) -> Tensor {
        attend(x, causal: causal).outputs
    }

    /// W_Q, W_K and W_V.
    public var parameters: [Tensor] { query.parameters + key.parameters + value.parameters }
}

import Foundation

// Scaled dot-product attention, twice: once token by token, as the notes introduce it, and
// once as three matrix products, as it is computed in practice. The tests check they agree.
//
// Masks are row-major [Bool] with one flag per score (N·M of them), `true` meaning "may not
// look here" — the convention of `Tensor.maskedFill` and `Tensor.causalMask(_:)`.

/// Attention in matrix form, differentiable through `Tensor`:
///
///     S = QKᵀ / √d_k        (N×M scores)
///     H = softmax(S) V      (softmax along each row; N×d_v)
///
/// `queries` Q is N×d_k (row i is qᵢ), `keys` K is M×d_k, `values` V is M×d_v.
/// Dividing by √d_k keeps the scores' spread independent of d_k: a dot product of d_k
/// independent unit-variance terms has variance d_k, and a softmax of large scores is nearly
/// one-hot, with gradients near zero.
///
/// A masked score is set to −∞ before the softmax, so its weight is exactly 0. Every row must
/// keep at least one visible key.
///
/// Written out with the general tensor operations this is
///
///     var scores = queries.matmul(keys.transposed()) / Double(queries.cols).squareRoot()
///     if let mask { scores = scores.maskedFill(mask, with: -.infinity) }
///     let weights = scores.softmax()
///     return AttentionResult(outputs: weights.matmul(values), weights: weights)
///
/// The first three lines run as one step, `attentionWeights(keys:mask:)`, which skips the
/// transposed copy and the intermediate score tensors (the tests hold the two equal).
public func scaledDotProductAttention(queries: Tensor, keys: Tensor, values: Tensor,
                                      mask: [Bool]? = nil) -> AttentionResult {
    checkAttentionShapes(queries: queries, keys: keys, values: values, mask: mask)
    let weights = queries.attentionWeights(keys: keys, mask: mask)
    return AttentionResult(outputs: weights.matmul(values), weights: weights)
}

/// Attention token by token, in plain numbers — the loop the matrix form replaces:
///
///     for each query token i:
///         sᵢⱼ = kⱼᵀ qᵢ / √d_k               for every visible key token j
///         aᵢⱼ = exp(sᵢⱼ) / Σ_j′ exp(sᵢⱼ′)    (softmax over j)
///         hᵢ  = Σⱼ aᵢⱼ vⱼ
///
/// Same arguments and result as `scaledDotProductAttention`, but no gradient: it is for reading
/// and for checking the matrix form.
public func scaledDotProductAttentionByToken(queries: Tensor, keys: Tensor, values: Tensor,
                                             mask: [Bool]? = nil) -> AttentionResult {
    checkAttentionShapes(queries: queries, keys: keys, values: values, mask: mask)
    let n = queries.rows, m = keys.rows, dK = queries.cols, dV = values.cols
    var outputs = [Double](repeating: 0, count: n * dV)
    var weights = [Double](repeating: 0, count: n * m)
    for i in 0..<n {
        let visible = (0..<m).filter { j in !(mask?[i * m + j] ?? false) }
        // Scores of token i against every token it may see.
        var scores: [Int: Double] = [:]
        for j in visible {
            var dot = 0.0
            for d in 0..<dK { dot += keys[j, d] * queries[i, d] }
            scores[j] = dot / Double(dK).squareRoot()
        }
        // Softmax over j, shifted by the largest score so exp cannot overflow.
        let largest = scores.values.max()!
        var total = 0.0
        for j in visible { total += exp(scores[j]! - largest) }
        for j in visible { weights[i * m + j] = exp(scores[j]! - largest) / total }
        // hᵢ = Σⱼ aᵢⱼ vⱼ.
        for j in visible {
            for d in 0..<dV { outputs[i * dV + d] += weights[i * m + j] * values[j, d] }
        }
    }
    return AttentionResult(outputs: Tensor(rows: n, cols: dV, data: outputs),
                           weights: Tensor(rows: n, cols: m, data: weights))
}

private func checkAttentionShapes(queries: Tensor, keys: Tensor, values: Tensor, mask: [Bool]?) {
    precondition(queries.cols == keys.cols,
                 "attention: queries have d_k = \(queries.cols) but keys have \(keys.cols)")
    precondition(keys.rows == values.rows,
                 "attention: \(keys.rows) keys but \(values.rows) values")
    guard let mask else { return }
    let n = queries.rows, m = keys.rows
    precondition(mask.count == n * m, "attention: mask has \(mask.count) flags for \(n)×\(m) scores")
    for i in 0..<n {
        precondition((0..<m).contains { !mask[i * m + $0] }, "attention: mask hides every key from query \(i)")
    }
}

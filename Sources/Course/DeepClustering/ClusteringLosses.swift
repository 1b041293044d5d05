import Foundation

/// DEC's cluster assignment hardening loss, KL(P‖Q) per point:
///
///     L = (1/n) Σ_i Σ_j p_ij log(p_ij / q_ij)
///
/// The notes write the sum over all points; dividing by n keeps the loss's scale (and so the
/// step size) the same for a minibatch of any size. P is the fixed target (see
/// `targetDistribution`), Q the current soft assignments; gradients flow into Q only. L ≥ 0,
/// with equality exactly when Q = P.
public func clusterHardeningLoss(target p: Tensor, soft q: Tensor) -> Tensor {
    precondition(p.rows == q.rows && p.cols == q.cols, "clusterHardeningLoss: P and Q differ in shape")
    let n = Double(q.rows)
    // Σ p log p does not depend on Q: a constant added so that the value printed is the KL
    // divergence itself, not just the cross-entropy part that carries the gradient.
    var negativeEntropy = 0.0
    for value in p.data where value > 0 { negativeEntropy += value * log(value) }
    return (p.detached() * q.log()).sum() * (-1 / n) + negativeEntropy / n
}

/// The balance term KL(G‖U) of the notes: G is the share of the soft assignments each cluster
/// receives, g_j = (1/n) Σ_i q_ij, and U the uniform distribution 1/k, so
///
///     L_ba = Σ_j g_j log(g_j · k).
///
/// It is 0 when the clusters are used equally and grows as the assignments pile into a few
/// clusters; adding it (with a weight) to the DEC loss discourages degenerate solutions.
public func balanceLoss(soft q: Tensor) -> Tensor {
    let shares = q.mean(axis: 0)
    // 0 · log 0 counts as 0: an unused cluster's log is replaced by log 1 so no NaN appears.
    let unused = shares.data.map { $0 == 0 }
    return (shares * (shares * Double(q.cols)).maskedFill(unused, with: 1).log()).sum()
}

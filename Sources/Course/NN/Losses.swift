import Foundation

// Loss functions, each returning the 1×1 mean over all entries (PyTorch's default reduction).
// The binary cross-entropies are single graph nodes with their own, simplified gradients: fewer
// nodes, and no log 0 = −∞ on the way. Cross-entropy goes through the stable `logSoftmax`.

/// Mean squared error, (1/N) Σ (ŷ − y)².
public func mseLoss(_ predictions: Tensor, _ targets: Tensor) -> Tensor {
    precondition(predictions.rows == targets.rows && predictions.cols == targets.cols, "mseLoss: shapes differ")
    return (predictions - targets).pow(2).mean()
}

/// Binary cross-entropy from logits z (before the sigmoid), averaged over all entries:
///
///     BCE = −(1/N) Σ [ y log σ(z) + (1 − y) log(1 − σ(z)) ]
///
/// computed as max(z, 0) − z·y + log(1 + e^(−|z|)), which equals the line above but never
/// takes the log of 0 nor overflows the exponential. Its gradient is simply (σ(z) − y)/N.
public func binaryCrossEntropyWithLogits(_ logits: Tensor, _ targets: Tensor) -> Tensor {
    precondition(logits.rows == targets.rows && logits.cols == targets.cols, "binaryCrossEntropyWithLogits: shapes differ")
    let z = logits.data, y = targets.data, n = Double(z.count)
    var total = 0.0
    for k in z.indices {
        total += max(z[k], 0) - z[k] * y[k] + log1p(exp(-abs(z[k])))
    }
    return Tensor(rows: 1, cols: 1, data: [total / n], op: "bceWithLogits", parents: [logits]) { out in
        let g = out.gradStorage[0] / n
        logits.accumulateGrad { gz in
            for k in gz.indices { gz[k] += (sigmoidOf(z[k]) - y[k]) * g }
        }
    }
}

/// Binary cross-entropy from probabilities p = σ(z) already computed, averaged:
/// −(1/N) Σ [ y log p + (1 − y) log(1 − p) ].
///
/// Like PyTorch's `BCELoss`, each log is clamped at −100 so a probability of exactly 0 or 1
/// gives a large finite loss instead of ∞. Prefer `binaryCrossEntropyWithLogits` when the
/// logits are at hand: it is exact where this one clamps.
public func binaryCrossEntropy(_ probabilities: Tensor, _ targets: Tensor) -> Tensor {
    precondition(probabilities.rows == targets.rows && probabilities.cols == targets.cols, "binaryCrossEntropy: shapes differ")
    let p = probabilities.data, y = targets.data, n = Double(p.count)
    var total = 0.0
    for k in p.indices {
        total -= y[k] * max(log(p[k]), -100) + (1 - y[k]) * max(log(1 - p[k]), -100)
    }
    return Tensor(rows: 1, cols: 1, data: [total / n], op: "bce", parents: [probabilities]) { out in
        let g = out.gradStorage[0] / n
        probabilities.accumulateGrad { gp in
            // ∂/∂p of the loss term: −y/p + (1 − y)/(1 − p), kept finite at p = 0 or 1.
            for k in gp.indices {
                let q = min(max(p[k], 1e-12), 1 - 1e-12)
                gp[k] += (-y[k] / q + (1 - y[k]) / (1 - q)) * g
            }
        }
    }
}

/// Cross-entropy of class scores (logits, one row per example) against class indices,
/// averaged over the rows:
///
///     CE = −(1/n) Σᵢ log softmax(zᵢ)[labelᵢ]
///
/// Its gradient with respect to the logits is (softmax(zᵢ) − onehot(labelᵢ))/n.
public func crossEntropyLoss(_ logits: Tensor, _ labels: [Int]) -> Tensor {
    precondition(labels.count == logits.rows, "crossEntropyLoss: \(labels.count) labels for \(logits.rows) rows")
    precondition(labels.allSatisfy { $0 >= 0 && $0 < logits.cols }, "crossEntropyLoss: a label is not a column index")
    let logProbabilities = logits.logSoftmax()
    let c = logits.cols
    // A mask that picks each row's true class, so the loss stays a composition of checked ops.
    var oneHot = [Double](repeating: 0, count: logits.count)
    for (i, label) in labels.enumerated() { oneHot[i * c + label] = 1 }
    let selected = logProbabilities * Tensor(rows: logits.rows, cols: c, data: oneHot)
    return -selected.sum() * (1 / Double(logits.rows))
}

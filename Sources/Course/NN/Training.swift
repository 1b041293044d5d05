/// What `train` returns: the mean loss of every epoch, in order (for a loss-curve plot).
public struct TrainingHistory: Sendable {
    /// The mean loss of each epoch, first epoch first.
    public var epochLosses: [Double] = []
    /// The last epoch's mean loss.
    public var finalLoss: Double? { epochLosses.last }
}

/// The training loop every chapter would otherwise rewrite:
///
///     for each epoch:
///         shuffle the examples
///         for each batch:  zero the gradients, loss = mean of lossOf(example),
///                          loss.backward(), optimizer.step()
///
/// `batchSize` 1 (the default) updates after every example — "a batch of one sequence", as
/// the course notebooks train their RNNs. Progress (epoch, mean loss so far) goes to standard
/// error; see `ProgressStyle`.
@discardableResult
public func train<Example>(
    _ examples: [Example],
    epochs: Int,
    optimizer: Optimizer,
    batchSize: Int = 1,
    shuffleUsing rng: inout some RandomNumberGenerator,
    progress: ProgressStyle = .automatic,
    label: String = "training",
    lossOf: (Example) -> Tensor
) -> TrainingHistory {
    precondition(batchSize >= 1, "train: batchSize must be at least 1")
    precondition(!examples.isEmpty, "train: no examples")
    var history = TrainingHistory()
    guard epochs > 0 else { return history }
    let batchesPerEpoch = (examples.count + batchSize - 1) / batchSize
    let reporter = ProgressReporter(total: epochs * batchesPerEpoch, label: label, style: progress)
    var order = Array(examples.indices)
    var stepsDone = 0
    for epoch in 1...epochs {
        order.shuffle(using: &rng)
        var epochTotal = 0.0, seen = 0
        for start in stride(from: 0, to: order.count, by: batchSize) {
            let batch = order[start..<min(start + batchSize, order.count)]
            optimizer.zeroGrad()
            for index in batch {
                let loss = lossOf(examples[index])
                epochTotal += loss.item
                (batch.count == 1 ? loss : loss * (1 / Double(batch.count))).backward()
            }
            optimizer.step()
            seen += batch.count
            stepsDone += 1
            reporter.update(stepsDone) { "epoch \(epoch)/\(epochs) loss \(shortText(epochTotal / Double(seen)))" }
        }
        history.epochLosses.append(epochTotal / Double(examples.count))
    }
    return history
}

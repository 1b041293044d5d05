/// Hands out minibatches of row indices: the rows in a shuffled order, `batchSize` at a time,
/// reshuffling after every pass through the data (an epoch). The last batch of an epoch may be
/// smaller. Seeded, so the same generator gives the same batches.
struct MiniBatchSampler {
    let count: Int
    let batchSize: Int
    private var order: [Int]
    private var position: Int

    init(count: Int, batchSize: Int) {
        precondition(count >= 1 && batchSize >= 1, "MiniBatchSampler: need at least one row and a batch size ≥ 1")
        self.count = count
        self.batchSize = batchSize
        order = Array(0..<count)
        position = count  // forces a shuffle before the first batch
    }

    /// True when the next batch starts a new epoch.
    var startsEpoch: Bool { position >= count }

    mutating func next(using rng: inout some RandomNumberGenerator) -> [Int] {
        if position >= count {
            order.shuffle(using: &rng)
            position = 0
        }
        let end = min(position + batchSize, count)
        defer { position = end }
        return Array(order[position..<end])
    }
}

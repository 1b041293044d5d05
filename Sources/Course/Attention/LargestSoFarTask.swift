/// One example of a pointer task: the inputs x₀…x_{T−1} and, for every position, the position
/// the answer points to.
public struct PointerSequence: Sendable {
    /// x₀ … x_{T−1}.
    public let values: [Double]
    /// For position i, the index of the position the model should point at.
    public let targets: [Int]

    /// A sequence of your own; `LargestSoFarTask.targets(for:)` gives the task's targets.
    /// There must be one target per value, each a position 0 ..< T.
    public init(values: [Double], targets: [Int]) {
        precondition(values.count == targets.count && targets.allSatisfy { values.indices.contains($0) },
                     "PointerSequence: give one target per value, each a position 0..<\(values.count)")
        (self.values, self.targets) = (values, targets)
    }

    /// The inputs as a T×1 tensor, one token per row.
    public var inputs: Tensor { Tensor(column: values) }
    /// T.
    public var length: Int { values.count }
}

/// A task attention solves naturally: at every position i, point to the position j ≤ i that
/// holds the largest value so far,
///
///     target_i = argmax_{j ≤ i} x_j
///
/// The answer is a position, not a number, so it suits a head whose attention weights *are* the
/// prediction (a pointer network): with a causal mask, token i looks back over x₀…x_i and should
/// put its weight on the largest. A recurrent network would have to carry both the running
/// maximum and where it was; attention just compares all earlier keys at once.
///
/// Values are uniform in [0, 1) and lengths uniform in `lengths`, so ties have probability 0.
public struct LargestSoFarTask: Sendable {
    /// The range sequence lengths T are drawn from, uniformly.
    public let lengths: ClosedRange<Int>

    /// The task with sequences of 6 to 10 values unless you say otherwise.
    public init(lengths: ClosedRange<Int> = 6...10) {
        precondition(lengths.lowerBound >= 1, "LargestSoFarTask: sequences need at least one token")
        self.lengths = lengths
    }

    /// The targets for given values: the running argmax (the first, should values tie).
    public static func targets(for values: [Double]) -> [Int] {
        var best = 0
        return values.indices.map { i in
            if values[i] > values[best] { best = i }
            return best
        }
    }

    /// One random sequence: a length uniform in `lengths`, values uniform in [0, 1).
    public func sample(using rng: inout some RandomNumberGenerator) -> PointerSequence {
        let values = uniformArray(uniformInt(lengths, using: &rng), using: &rng)
        return PointerSequence(values: values, targets: Self.targets(for: values))
    }

    /// `count` random sequences.
    public func samples(_ count: Int, using rng: inout some RandomNumberGenerator) -> [PointerSequence] {
        (0..<count).map { _ in sample(using: &rng) }
    }
}

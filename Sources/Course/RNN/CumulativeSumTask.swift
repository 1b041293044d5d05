/// One training example of a sequence task: the inputs x₁…x_T and a 0/1 label for every step.
public struct LabelledSequence: Sendable {
    /// x₁ … x_T.
    public let values: [Double]
    /// The label of every step, 0 or 1.
    public let labels: [Double]

    /// A sequence of your own, e.g. `LabelledSequence(values: [0.9, 0.8, 0.7], labels: [0, 0, 0])`;
    /// `CumulativeSumTask().sequence(values)` fills in the task's labels for you.
    /// There must be one label per value.
    public init(values: [Double], labels: [Double]) {
        precondition(values.count == labels.count,
                     "LabelledSequence: \(values.count) values but \(labels.count) labels; give one label per step")
        (self.values, self.labels) = (values, labels)
    }

    /// The inputs as a T×1 tensor, one time step per row.
    public var inputs: Tensor { Tensor(column: values) }
    /// The labels as a T×1 tensor.
    public var targets: Tensor { Tensor(column: labels) }
    /// T, the number of steps.
    public var length: Int { values.count }
    /// The running sums x₁ + … + x_j for j = 1 … T.
    public var runningSums: [Double] {
        var total = 0.0
        return values.map { total += $0; return total }
    }
}

/// The discussion's sequence-classification task: a sequence of random numbers in [0, 1),
/// of random length between 5 and 15, with step j labelled 1 when the running sum
/// x₁ + … + x_j is above 3 and 0 otherwise.
///
/// The label at step j depends on every input so far, which is what a recurrent network's
/// hidden state h_t = f(h_{t−1}, x_t) has to carry; the mean of a U(0, 1) value is ½, so the
/// sum crosses 3 after about six steps and both labels are common.
public struct CumulativeSumTask: Sendable {
    /// A step is labelled 1 once the running sum is above this (3 in the notes).
    public let threshold: Double
    /// The range sequence lengths are drawn from, uniformly (5…15 in the notes).
    public let lengths: ClosedRange<Int>

    /// The task with the notes' settings unless you pass others.
    public init(threshold: Double = 3, lengths: ClosedRange<Int> = 5...15) {
        self.threshold = threshold
        self.lengths = lengths
    }

    /// One random sequence: a length uniform in `lengths`, values uniform in [0, 1).
    public func sample(using rng: inout some RandomNumberGenerator) -> LabelledSequence {
        let length = uniformInt(lengths, using: &rng)
        let values = uniformArray(length, using: &rng)
        return LabelledSequence(values: values, labels: labels(for: values))
    }

    /// `values` as a sequence of this task, labelled by `labels(for:)`: for trying a model on
    /// inputs you choose.
    public func sequence(_ values: [Double]) -> LabelledSequence {
        LabelledSequence(values: values, labels: labels(for: values))
    }

    /// The label of every step: 1 where x₁ + … + x_j > threshold, else 0.
    public func labels(for values: [Double]) -> [Double] {
        var total = 0.0
        return values.map { x in
            total += x
            return total > threshold ? 1 : 0
        }
    }

    /// `count` independent sequences.
    public func samples(_ count: Int, using rng: inout some RandomNumberGenerator) -> [LabelledSequence] {
        (0..<count).map { _ in sample(using: &rng) }
    }
}

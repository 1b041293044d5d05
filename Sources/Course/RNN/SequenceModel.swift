/// A recurrent model that reads a sequence one step at a time and scores every step.
///
/// `ElmanRNN` and `LSTM` share this interface, so the same training and evaluation code
/// (and the same chapter cells) work for both.
public protocol SequenceModel: Module {
    /// The logit z_t of every step for a T×inputSize sequence: a T×1 tensor, with the
    /// predicted probability y_t = σ(z_t).
    func logits(_ inputs: Tensor) -> Tensor
}

extension SequenceModel {
    /// y_t = σ(z_t) for every step, T×1.
    public func probabilities(_ inputs: Tensor) -> Tensor { logits(inputs).sigmoid() }

    /// Binary cross-entropy averaged over every step of one sequence (computed from the logits,
    /// the stable form of BCE(σ(z), y)). Its `backward()` is backpropagation through time.
    public func loss(on sequence: LabelledSequence) -> Tensor {
        binaryCrossEntropyWithLogits(logits(sequence.inputs), sequence.targets)
    }

    /// The predicted label of every step: 1 where y_t > ½ (z_t > 0).
    public func predictedLabels(_ sequence: LabelledSequence) -> [Double] {
        logits(sequence.inputs).data.map { $0 > 0 ? 1 : 0 }
    }

    /// The fraction of all steps, over all `sequences`, whose predicted label is right.
    public func accuracy(on sequences: [LabelledSequence]) -> Double {
        var correct = 0, total = 0
        for sequence in sequences {
            for (predicted, label) in zip(predictedLabels(sequence), sequence.labels) {
                if predicted == label { correct += 1 }
                total += 1
            }
        }
        return total == 0 ? 0 : Double(correct) / Double(total)
    }
}

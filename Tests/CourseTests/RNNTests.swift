import Foundation
import Testing
@testable import Course

@Suite struct RNNTaskTests {
    @Test func sequencesFollowTheNotesRecipe() {
        var rng = SeededGenerator(seed: 1)
        let sequences = CumulativeSumTask().samples(2000, using: &rng)
        #expect(sequences.allSatisfy { (5...15).contains($0.length) })
        #expect(Set(sequences.map(\.length)) == Set(5...15))  // every length occurs
        for sequence in sequences {
            #expect(sequence.values.allSatisfy { $0 >= 0 && $0 < 1 })
            #expect(sequence.labels == sequence.runningSums.map { $0 > 3 ? 1 : 0 })
        }
        let labels = sequences.flatMap(\.labels)
        let positives = labels.filter { $0 == 1 }.count
        // Both classes are common: the sum passes 3 after about six steps on average.
        #expect(positives > labels.count / 5 && positives < labels.count * 4 / 5)
    }

    @Test func sameSeedSameData() {
        var a = SeededGenerator(seed: 9), b = SeededGenerator(seed: 9)
        let x = CumulativeSumTask().samples(5, using: &a), y = CumulativeSumTask().samples(5, using: &b)
        #expect(x.map(\.values) == y.map(\.values))
    }

    @Test func labelsOfAKnownSequence() {
        // Quarters are exact in binary, so the running sum is exactly 3 after four steps —
        // which is not *above* 3.
        let values = [0.75, 0.75, 0.75, 0.75, 0.5, 0.25]
        #expect(CumulativeSumTask().labels(for: values) == [0, 0, 0, 0, 1, 1])
        #expect(CumulativeSumTask().sequence(values).runningSums == [0.75, 1.5, 2.25, 3, 3.5, 3.75])
        #expect(CumulativeSumTask(threshold: 1).labels(for: values) == [0, 1, 1, 1, 1, 1])
    }
}

@Suite struct RNNModelTests {
    /// h₀ = 0 and the first step is exactly Linear(W_h)([x₁, 0]) then Linear(W_y).
    @Test func firstStepStartsFromAZeroHiddenState() {
        var rng = SeededGenerator(seed: 3)
        let rnn = ElmanRNN(using: &rng)
        let x = Tensor(column: [0.25, 0.5])
        let h1 = rnn.hiddenLayer(Tensor(row: [0.25, 0, 0, 0, 0]))
        let z1 = rnn.outputLayer(h1)
        let logits = rnn.logits(x)
        #expect(logits.rows == 2 && logits.cols == 1)
        #expect(abs(logits[0, 0] - z1.item) < 1e-15)
        let h2 = rnn.hiddenLayer(Tensor.concatColumns([Tensor(row: [0.5]), h1]))
        #expect(abs(logits[1, 0] - rnn.outputLayer(h2).item) < 1e-15)
        #expect(rnn.parameterCount == (5 * 4 + 4) + (4 + 1))
    }

    /// Backpropagation through time against central differences on every parameter.
    @Test(arguments: ["identity", "tanh", "lstm"])
    func backpropagationThroughTimeMatchesCentralDifferences(kind: String) {
        var rng = SeededGenerator(seed: 4)
        let model: SequenceModel = kind == "lstm" ? LSTM(using: &rng)
            : ElmanRNN(activation: kind == "tanh" ? .tanh : .identity, using: &rng)
        let sequence = CumulativeSumTask().sample(using: &rng)
        model.zeroGrad()
        model.loss(on: sequence).backward()
        var worst = 0.0
        for p in model.parameters {
            let analytic = p.grad
            let original = p.data
            let numeric = numericalGradient(at: original) { entries in
                p.data = entries
                return model.loss(on: sequence).item
            }
            p.data = original
            for (a, n) in zip(analytic, numeric) { worst = max(worst, abs(a - n)) }
        }
        #expect(worst < 1e-7)
    }

    /// The notes' point that a linear recurrence can carry the running sum exactly: with
    /// hand-set weights (unit 1 adds x_t to itself, the output compares it with 3) the
    /// untrained network is right at every step.
    @Test func linearRecurrenceCanCountExactly() {
        let hidden = Tensor([[1, 1, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]])
        let output = Tensor([[1000, 0, 0, 0]])
        var rng = SeededGenerator(seed: 5)
        let rnn = ElmanRNN(using: &rng)
        rnn.hiddenLayer.weight.data = hidden.data
        rnn.hiddenLayer.bias!.data = [0, 0, 0, 0]
        rnn.outputLayer.weight.data = output.data
        rnn.outputLayer.bias!.data = [-3000]
        let testSet = CumulativeSumTask().samples(1000, using: &rng)
        #expect(rnn.accuracy(on: testSet) == 1)
    }
}

/// Training to the stated accuracy, with the settings of Benchmarks/rnn (seed 445): 1,000
/// training sequences, batch of one, Adam with learning rate 0.01.
@Suite struct RNNTrainingTests {
    static func trainAndEvaluate(_ makeModel: (inout SeededGenerator) -> SequenceModel,
                                 trainCount: Int, epochs: Int) -> (accuracy: Double, losses: [Double]) {
        var rng = SeededGenerator(seed: 445)
        let task = CumulativeSumTask()
        let trainSet = task.samples(trainCount, using: &rng)
        let testSet = task.samples(1000, using: &rng)
        let model = makeModel(&rng)
        let before = model.accuracy(on: testSet)
        var shuffle = SeededGenerator(seed: 446)
        let history = train(trainSet, epochs: epochs, optimizer: Adam(model.parameters, learningRate: 0.01),
                            shuffleUsing: &shuffle, progress: .silent) { model.loss(on: $0) }
        #expect(before < 0.9)  // the accuracy below is learnt, not luck of the initialisation
        return (model.accuracy(on: testSet), history.epochLosses)
    }

    @Test func elmanRNNReaches97PercentOnHeldOutSequences() {
        let (accuracy, losses) = Self.trainAndEvaluate({ ElmanRNN(using: &$0) }, trainCount: 1000, epochs: 10)
        #expect(accuracy >= 0.97)
        #expect(losses.count == 10 && losses.last! < losses.first!)
    }

    @Test func tanhVariantAlsoLearns() {
        let (accuracy, _) = Self.trainAndEvaluate({ ElmanRNN(activation: .tanh, using: &$0) }, trainCount: 1000, epochs: 5)
        #expect(accuracy >= 0.97)
    }

    @Test func lstmLearnsTheTask() {
        let (accuracy, _) = Self.trainAndEvaluate({ LSTM(using: &$0) }, trainCount: 500, epochs: 2)
        #expect(accuracy >= 0.97)
    }
}

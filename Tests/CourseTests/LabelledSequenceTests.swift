import Testing
import Course  // not @testable: a chapter sees only the public API

/// A chapter builds its own sequences and hands them to a model.
@Suite struct LabelledSequenceBuilding {
    @Test func publicInitialiserKeepsValuesAndLabels() {
        let sequence = LabelledSequence(values: [0.5, 1, 2], labels: [0, 0, 1])
        #expect(sequence.values == [0.5, 1, 2])
        #expect(sequence.labels == [0, 0, 1])
        #expect(sequence.length == 3)
        #expect(sequence.runningSums == [0.5, 1.5, 3.5])
        #expect(sequence.inputs.array == [[0.5], [1], [2]])
        #expect(sequence.targets.array == [[0], [0], [1]])
    }

    @Test func taskLabelsValuesYouChoose() {
        // Running sums 0.9, 1.8, 2.7, 3.6, 4.5: above 3 from the fourth step on.
        let sequence = CumulativeSumTask().sequence([0.9, 0.9, 0.9, 0.9, 0.9])
        #expect(sequence.labels == [0, 0, 0, 1, 1])
    }

    @Test func modelsAcceptAHandBuiltSequence() {
        var rng = SeededGenerator(seed: 1)
        let model = ElmanRNN(hiddenSize: 4, using: &rng)
        let sequence = LabelledSequence(values: [0.2, 0.9, 0.4], labels: [0, 0, 1])
        #expect(model.predictedLabels(sequence).count == 3)
        #expect(model.loss(on: sequence).item.isFinite)
    }
}

/// The pointer task's examples can be built by hand too.
@Suite struct PointerSequenceBuilding {
    @Test func publicInitialiserWithTheTaskTargets() {
        let values = [0.2, 0.7, 0.1, 0.9]
        let sequence = PointerSequence(values: values, targets: LargestSoFarTask.targets(for: values))
        #expect(sequence.targets == [0, 1, 1, 3])
        #expect(sequence.length == 4)
        #expect(sequence.inputs.array == [[0.2], [0.7], [0.1], [0.9]])
    }
}

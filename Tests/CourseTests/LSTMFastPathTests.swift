import Testing
@testable import Course

/// `LSTM.hiddenStates` runs the fused sequence step; `referenceHiddenStates` the equations one
/// tensor operation at a time. Same numbers, same gradients.
@Suite struct LSTMFastPathTests {
    static func worst(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count)
        return zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }

    @Test(arguments: [(1, 4, 1), (1, 4, 15), (2, 3, 7), (3, 5, 20)])
    func fusedStepEqualsTheReferenceInValuesAndGradients(input: Int, hidden: Int, steps: Int) {
        var rng = SeededGenerator(seed: UInt64(100 * input + 10 * hidden + steps))
        let lstm = LSTM(inputSize: input, hiddenSize: hidden, using: &rng)
        // Larger weights than the default, so the gates saturate somewhere too.
        lstm.gateLayer.weight.data = lstm.gateLayer.weight.data.map { 3 * $0 }
        let x = Tensor.randn(steps, input, using: &rng).requiringGrad()
        let readout = Tensor.randn(steps, hidden, using: &rng)
        let parameters = lstm.gateLayer.parameters + [x]

        let fast = lstm.hiddenStates(x)
        (fast * readout).sum().backward()
        let fastGrads = parameters.map(\.grad)
        parameters.forEach { $0.zeroGrad() }

        let reference = lstm.referenceHiddenStates(x)
        (reference * readout).sum().backward()
        let referenceGrads = parameters.map(\.grad)

        #expect(fast.rows == steps && fast.cols == hidden)
        #expect(Self.worst(fast.data, reference.data) < 1e-14)
        for (name, (a, b)) in zip(["W", "b", "x"], zip(fastGrads, referenceGrads)) {
            #expect(b.contains { $0 != 0 }, "\(name): the reference gradient is not all zero")
            #expect(Self.worst(a, b) < 1e-12, "\(name)")
        }
    }

    @Test func gradientsAccumulateAcrossBackwardCallsLikeEveryOtherOperation() {
        var rng = SeededGenerator(seed: 3)
        let lstm = LSTM(inputSize: 1, hiddenSize: 4, using: &rng)
        let x = Tensor.randn(6, 1, using: &rng)
        lstm.hiddenStates(x).sum().backward()
        let once = lstm.gateLayer.weight.grad
        lstm.hiddenStates(x).sum().backward()
        #expect(Self.worst(lstm.gateLayer.weight.grad, once.map { 2 * $0 }) < 1e-15)
    }

    @Test func inferenceBuildsNoGraph() {
        var rng = SeededGenerator(seed: 5)
        let lstm = LSTM(inputSize: 2, hiddenSize: 3, using: &rng)
        lstm.parameters.forEach { $0.requiringGrad(false) }
        let h = lstm.hiddenStates(Tensor.randn(4, 2, using: &rng))
        #expect(!h.requiresGrad && h.parents.isEmpty)
    }
}

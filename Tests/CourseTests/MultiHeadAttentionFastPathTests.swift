import Testing
@testable import Course

/// `MultiHeadAttention.callAsFunction` runs every head in one step (`Tensor.multiHeadAttention`);
/// `attend` runs each head's `scaledDotProductAttention` and concatenates. Same numbers, same
/// gradients, with and without the causal mask and W_O.
@Suite struct MultiHeadAttentionFastPathTests {
    static func worst(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count)
        return zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }

    @Test(arguments: [(7, 12, 3, false, false), (7, 12, 3, true, false), (9, 8, 2, false, true),
                      (1, 4, 4, true, true), (33, 16, 1, true, false)])
    func oneStepEqualsHeadByHead(tokens: Int, width: Int, heads: Int, causal: Bool, projection: Bool) {
        var rng = SeededGenerator(seed: UInt64(tokens * 1000 + width * 10 + heads))
        let layer = MultiHeadAttention(width, heads: heads, outputProjection: projection, using: &rng)
        // Larger weights than the default, so some softmax rows are nearly one-hot.
        for p in layer.parameters { p.data = p.data.map { 4 * $0 } }
        let x = Tensor.randn(tokens, width, using: &rng).requiringGrad()
        let readout = Tensor.randn(tokens, width, using: &rng)
        let tracked = layer.parameters + [x]

        let fast = layer(x, causal: causal)
        (fast * readout).sum().backward()
        let fastGrads = tracked.map(\.grad)
        tracked.forEach { $0.zeroGrad() }

        let reference = layer.attend(x, causal: causal).outputs
        (reference * readout).sum().backward()
        let referenceGrads = tracked.map(\.grad)

        #expect(fast.rows == tokens && fast.cols == width)
        #expect(Self.worst(fast.data, reference.data) < 1e-12)
        for (index, (a, b)) in zip(fastGrads, referenceGrads).enumerated() {
            #expect(b.contains { $0 != 0 } || tokens == 1, "tensor \(index): the reference gradient is not all zero")
            #expect(Self.worst(a, b) < 1e-11, "tensor \(index) of \(tracked.count)")
        }
    }

    @Test func theGraphHoldsOneNodeAndNoAttentionWeights() {
        var rng = SeededGenerator(seed: 8)
        let layer = MultiHeadAttention(8, heads: 2, using: &rng)
        let y = layer(Tensor.randn(5, 8, using: &rng))
        #expect(y.op == "multiHeadAttention")
        #expect(y.parents.count == 1 + 3 * 2)  // X and every head's W_Q, W_K, W_V
    }

    @Test func withoutParametersToTrainNoGraphIsBuilt() {
        var rng = SeededGenerator(seed: 9)
        let layer = MultiHeadAttention(8, heads: 2, using: &rng)
        layer.parameters.forEach { $0.requiringGrad(false) }
        let x = Tensor.randn(5, 8, using: &rng)
        let y = layer(x)
        #expect(!y.requiresGrad && y.parents.isEmpty)
        #expect(Self.worst(y.data, layer.attend(x).outputs.data) < 1e-12)
    }
}

import Testing
@testable import Course

/// Backpropagation through the attention parts against central differences.
@Suite struct AttentionGradientTests {
    static func random(_ rows: Int, _ cols: Int, seed: Int) -> Tensor {
        var rng = SeededGenerator(seed: seed)
        return Tensor.uniform(rows, cols, -1, 1, using: &rng)
    }

    /// The head as a function of its input and all three weight matrices.
    @Test(arguments: [false, true])
    func headGradientsMatchCentralDifferences(causal: Bool) {
        let x = Self.random(5, 4, seed: 1)
        let wQ = Self.random(3, 4, seed: 2), wK = Self.random(3, 4, seed: 3), wV = Self.random(2, 4, seed: 4)
        let result = gradientCheck([x, wQ, wK, wV]) { t in
            AttentionHead(queryWeight: t[1], keyWeight: t[2], valueWeight: t[3])(t[0], causal: causal)
        }
        #expect(result.maxAbsoluteError < 1e-8)
    }

    /// The attention weights themselves (what a pointer loss differentiates).
    @Test func attentionWeightGradientsMatchCentralDifferences() {
        let result = gradientCheck([Self.random(4, 3, seed: 5), Self.random(4, 3, seed: 6)]) { t in
            scaledDotProductAttention(queries: t[0], keys: t[1], values: t[1], mask: Tensor.causalMask(4)).weights
        }
        #expect(result.maxAbsoluteError < 1e-8)
    }

    @Test func layerNormInputGradientMatchesCentralDifferences() {
        let norm = LayerNorm(5)
        norm.gain.data = [0.5, 1, 1.5, -2, 3]
        norm.shift.data = [0, 1, 2, 3, 4]
        let result = gradientCheck([Self.random(3, 5, seed: 7)]) { norm($0[0]) }
        #expect(result.maxAbsoluteError < 1e-7)
    }

    @Test(arguments: [EncoderBlock.NormPlacement.post, .pre])
    func encoderBlockInputGradientMatchesCentralDifferences(placement: EncoderBlock.NormPlacement) {
        var rng = SeededGenerator(seed: 8)
        let block = EncoderBlock(4, heads: 2, hidden: 6, causal: true, placement: placement,
                                 outputProjection: true, using: &rng)
        let result = gradientCheck([Self.random(3, 4, seed: 9)]) { block($0[0]) }
        #expect(result.maxAbsoluteError < 1e-7)
        block.zeroGrad()
    }

    /// Every parameter of a module (W_Q … γ, β) against central differences on its data.
    static func worstParameterGradientError(_ module: Module, _ loss: () -> Tensor) -> Double {
        module.zeroGrad()
        loss().backward()
        var worst = 0.0
        let h = 1e-6
        for p in module.parameters {
            let analytic = p.grad
            for k in 0..<p.count {
                let saved = p.data[k]
                p.data[k] = saved + h
                let up = loss().item
                p.data[k] = saved - h
                let down = loss().item
                p.data[k] = saved
                worst = max(worst, abs(analytic[k] - (up - down) / (2 * h)))
            }
        }
        module.zeroGrad()
        return worst
    }

    @Test(arguments: [EncoderBlock.NormPlacement.post, .pre])
    func encoderBlockParameterGradientsMatchCentralDifferences(placement: EncoderBlock.NormPlacement) {
        var rng = SeededGenerator(seed: 10)
        let block = EncoderBlock(4, heads: 2, hidden: 6, causal: false, placement: placement,
                                 outputProjection: true, using: &rng)
        // γ, β away from their starting 1, 0 so a mistake in their use cannot hide.
        block.attentionNorm.gain.data = [0.5, 1.5, -1, 2]
        block.feedForwardNorm.shift.data = [0.1, -0.2, 0.3, 0.4]
        let x = Self.random(3, 4, seed: 11), weights = Self.random(3, 4, seed: 12)
        let error = Self.worstParameterGradientError(block) { (block(x) * weights).sum() }
        #expect(error < 1e-7)
    }

    @Test func pointerModelLossGradientsMatchCentralDifferences() {
        var rng = SeededGenerator(seed: 13)
        let model = PointerAttentionModel(embeddingSize: 4, heads: 2, using: &rng)
        let example = LargestSoFarTask(lengths: 4...4).sample(using: &rng)
        let error = Self.worstParameterGradientError(model) { model.loss(example) }
        #expect(error < 1e-7)
    }
}

import Foundation
import Testing
@testable import Course

/// Shapes of the heads and blocks, positional encodings, layer norm statistics, residuals.
@Suite struct AttentionLayerTests {
    static func random(_ rows: Int, _ cols: Int, seed: Int) -> Tensor {
        var rng = SeededGenerator(seed: seed)
        return Tensor.randn(rows, cols, using: &rng)
    }

    @Test func headShapes() {
        var rng = SeededGenerator(seed: 1)
        let head = AttentionHead(6, 4, 3, using: &rng)
        let result = head.attend(Self.random(5, 6, seed: 2))
        #expect(result.outputs.shape == (5, 3))
        #expect(result.weights.shape == (5, 5))
        #expect(head.query.weight.shape == (4, 6) && head.value.weight.shape == (3, 6))
        #expect(head.parameterCount == 4 * 6 + 4 * 6 + 3 * 6)
    }

    /// d_v = D/h, and the concatenation of the heads is D wide again.
    @Test(arguments: [1, 2, 4])
    func multiHeadConcatenatesToTheInputWidth(heads: Int) {
        var rng = SeededGenerator(seed: 3)
        let layer = MultiHeadAttention(8, heads: heads, using: &rng)
        let x = Self.random(5, 8, seed: 4)
        let (outputs, weights) = layer.attend(x)
        #expect(outputs.shape == (5, 8))
        #expect(weights.count == heads)
        #expect(layer.heads.allSatisfy { $0.valueSize == 8 / heads && $0.keySize == 8 / heads })
        // Columns h·d_v ..< (h+1)·d_v are exactly head h's output.
        for (h, head) in layer.heads.enumerated() {
            #expect(outputs.columns((h * 8 / heads)..<((h + 1) * 8 / heads)).data == head(x).data)
        }
    }

    @Test func outputProjectionIsOptional() {
        var rng = SeededGenerator(seed: 5)
        let plain = MultiHeadAttention(8, heads: 2, using: &rng)
        let projected = MultiHeadAttention(8, heads: 2, outputProjection: true, using: &rng)
        #expect(plain.output == nil)
        #expect(projected.parameterCount == plain.parameterCount + 8 * 8 + 8)
        #expect(projected(Self.random(3, 8, seed: 6)).shape == (3, 8))
    }

    @Test func positionalEncodingValues() {
        let p = positionalEncoding(length: 50, dimension: 4)
        #expect(p.shape == (50, 4))
        #expect(p.row(0).data == [0, 1, 0, 1])             // sin 0, cos 0 in every pair
        #expect(p[1, 0] == sin(1.0) && p[1, 1] == cos(1.0))
        #expect(abs(p[1, 2] - sin(0.01)) < 1e-15)          // 1/10000^(2/4) = 1/100
        #expect(abs(p[7, 3] - cos(0.07)) < 1e-15)
        // Every position has a distinct encoding.
        let rows = Set((0..<50).map { p.row($0).data })
        #expect(rows.count == 50)
    }

    /// p_{t+k} is p_t rotated pair by pair through the angle k·ω_i: an offset is a linear map.
    @Test func positionalEncodingShiftIsARotation() {
        let d = 6, k = 3
        let p = positionalEncoding(length: 20, dimension: d)
        for t in 0..<(20 - k) {
            for pair in 0..<(d / 2) {
                let omega = 1 / pow(10000, Double(2 * pair) / Double(d))
                let (s, c) = (p[t, 2 * pair], p[t, 2 * pair + 1])
                let angle = Double(k) * omega
                #expect(abs(p[t + k, 2 * pair] - (s * cos(angle) + c * sin(angle))) < 1e-12)
                #expect(abs(p[t + k, 2 * pair + 1] - (c * cos(angle) - s * sin(angle))) < 1e-12)
            }
        }
    }

    @Test func oddDimensionEndsWithASine() {
        let p = positionalEncoding(length: 3, dimension: 5)
        #expect(p[2, 4] == sin(2 / pow(10000, 4.0 / 5)))
    }

    /// Fresh layer norm (γ = 1, β = 0): every row has mean 0 and variance v/(v + ε).
    @Test func layerNormStandardisesEachRow() {
        let norm = LayerNorm(6)
        let x = Self.random(4, 6, seed: 7) * 5 + 3
        let y = norm(x)
        for i in 0..<4 {
            let input = x.row(i).data, output = y.row(i).data
            let mu = input.reduce(0, +) / 6
            let v = input.map { ($0 - mu) * ($0 - mu) }.reduce(0, +) / 6
            let outMean = output.reduce(0, +) / 6
            let outVariance = output.map { $0 * $0 }.reduce(0, +) / 6
            #expect(abs(outMean) < 1e-12)
            #expect(abs(outVariance - v / (v + norm.epsilon)) < 1e-12)
        }
    }

    /// γ and β set the mean and standard deviation of every feature's output.
    @Test func layerNormAppliesGainAndShift() {
        let norm = LayerNorm(3, epsilon: 0)
        norm.gain.data = [2, 2, 2]
        norm.shift.data = [1, 1, 1]
        // Row (1, 2, 3): μ = 2, σ = √(2/3), so (H − μ)/σ = (−√1.5, 0, √1.5).
        let y = norm(Tensor([[1, 2, 3]]))
        let r = 1.5.squareRoot()
        #expect(abs(y[0, 0] - (1 - 2 * r)) < 1e-12)
        #expect(abs(y[0, 1] - 1) < 1e-12)
        #expect(abs(y[0, 2] - (1 + 2 * r)) < 1e-12)
    }

    @Test func residualAddsTheInputBack() {
        let x = Tensor([[1, 2], [3, 4]])
        #expect(residual(x) { $0 * 0 }.data == x.data)            // r = 0 gives the identity
        #expect(residual(x) { $0 * 2 }.data == [3, 6, 9, 12])
    }

    @Test(arguments: [EncoderBlock.NormPlacement.post, .pre])
    func encoderBlockKeepsTheShape(placement: EncoderBlock.NormPlacement) {
        var rng = SeededGenerator(seed: 8)
        let block = EncoderBlock(8, heads: 2, placement: placement, using: &rng)
        let (y, weights) = block.forward(Self.random(5, 8, seed: 9))
        #expect(y.shape == (5, 8))
        #expect(weights.count == 2 && weights.allSatisfy { $0.shape == (5, 5) })
        #expect(block.feedForward.expand.outputSize == 32)   // 4·D by default
    }

    /// Post-norm ends in a layer norm, so every output row is standardised.
    @Test func postNormBlockOutputRowsAreStandardised() {
        var rng = SeededGenerator(seed: 10)
        let block = EncoderBlock(8, heads: 2, placement: .post, using: &rng)
        let y = block(Self.random(4, 8, seed: 11) * 3)
        for i in 0..<4 { #expect(abs(y.row(i).data.reduce(0, +)) < 1e-10) }
    }
}

@Suite struct AttentionHeatmapTests {
    @Test func heatmapShowsTheWeightsOnAFixedScale() {
        let q = Tensor([[1, 0], [0, 1], [1, 1]]), k = Tensor([[1, 0], [0, 1], [1, 1]])
        let result = scaledDotProductAttention(queries: q, keys: k, values: k, mask: Tensor.causalMask(3))
        let map = result.heatmap(tokens: ["the", "cat", "sat"])
        #expect(map.values == result.weights.array)
        #expect(map.range == 0...1)
        #expect(map.rowLabels == ["the", "cat", "sat"] && map.columnLabels == map.rowLabels)
        #expect(map.text.contains("attention weights") && map.text.contains("cat"))
        #expect(result.heatmap(tokens: ["a"], keyTokens: ["x", "y", "z"]).columnLabels == ["x", "y", "z"])
    }
}

import Foundation
import Testing
@testable import Course

/// Scaled dot-product attention: the per-token loop against the matrix form, hand-checkable
/// cases, weights that are distributions, and the causal mask.
@Suite struct AttentionFormTests {
    static func random(_ rows: Int, _ cols: Int, seed: Int) -> Tensor {
        var rng = SeededGenerator(seed: seed)
        return Tensor.randn(rows, cols, using: &rng)
    }

    static func maxDifference(_ a: Tensor, _ b: Tensor) -> Double {
        zip(a.data, b.data).map { abs($0 - $1) }.max() ?? 0
    }

    @Test(arguments: [false, true])
    func perTokenAndMatrixFormsAgree(causal: Bool) {
        let q = Self.random(6, 4, seed: 1), k = Self.random(6, 4, seed: 2), v = Self.random(6, 3, seed: 3)
        let mask = causal ? Tensor.causalMask(6) : nil
        let matrix = scaledDotProductAttention(queries: q, keys: k, values: v, mask: mask)
        let byToken = scaledDotProductAttentionByToken(queries: q, keys: k, values: v, mask: mask)
        #expect(Self.maxDifference(matrix.outputs, byToken.outputs) < 1e-12)
        #expect(Self.maxDifference(matrix.weights, byToken.weights) < 1e-12)
    }

    @Test func formsAgreeWhenQueriesAndKeysDifferInNumber() {
        let q = Self.random(3, 5, seed: 4), k = Self.random(7, 5, seed: 5), v = Self.random(7, 2, seed: 6)
        let matrix = scaledDotProductAttention(queries: q, keys: k, values: v)
        let byToken = scaledDotProductAttentionByToken(queries: q, keys: k, values: v)
        #expect(matrix.outputs.shape == (3, 2))
        #expect(matrix.weights.shape == (3, 7))
        #expect(Self.maxDifference(matrix.outputs, byToken.outputs) < 1e-12)
    }

    /// One query, two keys, worked by hand: s = (1/√2, 0), a = softmax(s), h = a₁v₁ + a₂v₂.
    @Test func matchesAWorkedExample() {
        let q = Tensor([[1, 0]]), k = Tensor([[1, 0], [0, 1]]), v = Tensor([[1, 2], [3, 4]])
        let result = scaledDotProductAttention(queries: q, keys: k, values: v)
        let e = exp(1 / 2.0.squareRoot())
        let a1 = e / (e + 1), a2 = 1 / (e + 1)
        #expect(abs(result.weights[0, 0] - a1) < 1e-15)
        #expect(abs(result.weights[0, 1] - a2) < 1e-15)
        #expect(abs(result.outputs[0, 0] - (a1 * 1 + a2 * 3)) < 1e-15)
        #expect(abs(result.outputs[0, 1] - (a1 * 2 + a2 * 4)) < 1e-15)
    }

    /// Identical keys give every token the same score, so the output is the plain mean of values.
    @Test func identicalKeysAverageTheValues() {
        let q = Tensor([[0.3, -1.2], [2, 5]]), k = Tensor([[1, 1], [1, 1], [1, 1]])
        let v = Tensor([[0, 10], [3, 20], [6, 60]])
        let result = scaledDotProductAttention(queries: q, keys: k, values: v)
        for i in 0..<2 {
            #expect(abs(result.outputs[i, 0] - 3) < 1e-12)
            #expect(abs(result.outputs[i, 1] - 30) < 1e-12)
        }
    }

    @Test(arguments: [false, true])
    func weightRowsSumToOne(causal: Bool) {
        let q = Self.random(5, 3, seed: 7) * 4, k = Self.random(5, 3, seed: 8) * 4
        let result = scaledDotProductAttention(queries: q, keys: k, values: Self.random(5, 2, seed: 9),
                                               mask: causal ? Tensor.causalMask(5) : nil)
        for i in 0..<5 {
            let row = (0..<5).map { result.weights[i, $0] }
            #expect(abs(row.reduce(0, +) - 1) < 1e-12)
            #expect(row.allSatisfy { $0 >= 0 })
        }
    }

    @Test func causalMaskGivesTheFutureZeroWeight() {
        let q = Self.random(5, 3, seed: 10), k = Self.random(5, 3, seed: 11), v = Self.random(5, 2, seed: 12)
        let result = scaledDotProductAttention(queries: q, keys: k, values: v, mask: Tensor.causalMask(5))
        for i in 0..<5 {
            for j in 0..<5 where j > i { #expect(result.weights[i, j] == 0) }
            for j in 0...i { #expect(result.weights[i, j] > 0) }
        }
        // The first token can only see itself: h₀ = v₀ exactly.
        #expect(result.outputs[0, 0] == v[0, 0] && result.outputs[0, 1] == v[0, 1])
    }

    /// Under a causal mask, changing the last token changes no earlier output.
    @Test func causalOutputsIgnoreLaterTokens() {
        var rng = SeededGenerator(seed: 13)
        let head = AttentionHead(4, 3, 2, using: &rng)
        let x = Self.random(5, 4, seed: 14)
        let changed = Tensor(rows: 5, cols: 4, data: x.data)
        for d in 0..<4 { changed[4, d] += 10 }
        let before = head(x, causal: true), after = head(changed, causal: true)
        #expect(before.rows(0..<4).data == after.rows(0..<4).data)
        #expect(before.row(4).data != after.row(4).data)
        // Without the mask every token sees the change.
        #expect(head(x).row(0).data != head(changed).row(0).data)
    }

    /// Scaling queries by c scales every score by c: larger c sharpens the weights towards
    /// the best-matching key — why the scores are divided by √d_k.
    @Test func largerScoresSharpenTheWeights() {
        let q = Self.random(1, 8, seed: 15), k = Self.random(6, 8, seed: 16), v = Self.random(6, 1, seed: 17)
        let largest: (Tensor) -> Double = { $0.data.max()! }
        let mild = scaledDotProductAttention(queries: q, keys: k, values: v).weights
        let sharp = scaledDotProductAttention(queries: q * 8, keys: k, values: v).weights
        #expect(largest(sharp) > largest(mild))
        #expect(largest(sharp) > 0.99)
    }
}

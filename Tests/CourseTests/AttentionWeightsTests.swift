import Foundation
import Testing
@testable import Course

/// The fused `attentionWeights` step against the composition of general tensor operations it
/// replaces, in value and in gradient.
@Suite struct AttentionWeightsTests {
    static func composed(_ q: Tensor, _ k: Tensor, mask: [Bool]?) -> Tensor {
        var scores = q.matmul(k.transposed()) / Double(q.cols).squareRoot()
        if let mask { scores = scores.maskedFill(mask, with: -.infinity) }
        return scores.softmax()
    }

    static func random(_ rows: Int, _ cols: Int, seed: Int) -> Tensor {
        var rng = SeededGenerator(seed: seed)
        return Tensor.randn(rows, cols, using: &rng).requiringGrad()
    }

    @Test(arguments: [false, true])
    func fusedWeightsEqualTheComposition(causal: Bool) {
        let q = Self.random(9, 5, seed: 1), k = Self.random(9, 5, seed: 2)
        let mask = causal ? Tensor.causalMask(9) : nil
        let fused = q.attentionWeights(keys: k, mask: mask), plain = Self.composed(q, k, mask: mask)
        #expect(TensorBLASTests.maxDifference(fused.data, plain.data) < 1e-15)
    }

    @Test(arguments: [false, true])
    func fusedGradientsEqualTheComposition(causal: Bool) {
        let mask = causal ? Tensor.causalMask(7) : nil
        let g = Self.random(7, 7, seed: 3).detached()
        let q1 = Self.random(7, 4, seed: 4), k1 = Self.random(7, 4, seed: 5)
        (q1.attentionWeights(keys: k1, mask: mask) * g).sum().backward()
        let q2 = Self.random(7, 4, seed: 4), k2 = Self.random(7, 4, seed: 5)
        (Self.composed(q2, k2, mask: mask) * g).sum().backward()
        #expect(TensorBLASTests.maxDifference(q1.grad, q2.grad) < 1e-13)
        #expect(TensorBLASTests.maxDifference(k1.grad, k2.grad) < 1e-13)
        #expect(q1.grad.contains { $0 != 0 } && k1.grad.contains { $0 != 0 })
    }

    @Test func queriesAndKeysMayDifferInNumber() {
        let q = Self.random(3, 6, seed: 6), k = Self.random(11, 6, seed: 7)
        let fused = q.attentionWeights(keys: k)
        #expect(fused.shape == (3, 11))
        #expect(TensorBLASTests.maxDifference(fused.data, Self.composed(q, k, mask: nil).data) < 1e-15)
    }
}

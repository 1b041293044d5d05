import Foundation
import Testing
@testable import Course

/// The BLAS path under `matmul`, `linear` and attention against the plain loops a student reads.
@Suite struct TensorBLASTests {
    static func random(_ rows: Int, _ cols: Int, seed: Int) -> Tensor {
        var rng = SeededGenerator(seed: seed)
        return Tensor.randn(rows, cols, using: &rng)
    }

    static func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count)
        return zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }

    static let shapes: [(Int, Int, Int)] = [(1, 1, 1), (1, 5, 4), (4, 5, 1), (3, 7, 2), (17, 33, 9),
                                            (64, 64, 64), (130, 70, 257), (5, 0, 3)]

    @Test(arguments: shapes)
    func matmulEqualsTheReferenceLoops(shape: (Int, Int, Int)) {
        let (m, k, n) = shape
        let a = Self.random(m, k, seed: m * 100 + k), b = Self.random(k, n, seed: n * 100 + k + 1)
        let fast = a.matmul(b), plain = Tensor.referenceMatmul(a, b)
        #expect(fast.shape == (m, n))
        #expect(Self.maxDifference(fast.data, plain.data) < 1e-12 * Double(max(k, 1)))
    }

    @Test func referenceMatmulIsTheDefinition() {
        let a = Tensor([[1, 2, 3], [4, 5, 6]]), b = Tensor([[7, 8], [9, 10], [11, 12]])
        #expect(Tensor.referenceMatmul(a, b).array == [[58, 64], [139, 154]])
        #expect(a.matmul(b).array == [[58, 64], [139, 154]])
    }

    /// The transposed variants (used by the gradients and by `linear`) against the reference
    /// applied to explicit transposes.
    @Test(arguments: shapes.filter { $0.1 > 0 })
    func gradientsEqualReferenceProducts(shape: (Int, Int, Int)) {
        let (m, k, n) = shape
        let a = Self.random(m, k, seed: 7 + m).requiringGrad(), b = Self.random(k, n, seed: 8 + n).requiringGrad()
        let g = Self.random(m, n, seed: 9)
        (a.matmul(b) * g).sum().backward()
        let expectedA = Tensor.referenceMatmul(g, b.detached().transposed())
        let expectedB = Tensor.referenceMatmul(a.detached().transposed(), g)
        #expect(Self.maxDifference(a.grad, expectedA.data) < 1e-12 * Double(max(n, m)))
        #expect(Self.maxDifference(b.grad, expectedB.data) < 1e-12 * Double(max(n, m)))
    }

    @Test func linearEqualsReferenceProductPlusBias() {
        let x = Self.random(9, 6, seed: 1), w = Self.random(4, 6, seed: 2), bias = Self.random(1, 4, seed: 3)
        let y = x.linear(weight: w, bias: bias)
        let plain = Tensor.referenceMatmul(x, w.transposed())
        let expected = (0..<(9 * 4)).map { plain.data[$0] + bias.data[$0 % 4] }
        #expect(Self.maxDifference(y.data, expected) < 1e-12)
    }

    @Test func gradientsAccumulateAcrossBackwardCalls() {
        let a = Self.random(3, 4, seed: 5).requiringGrad(), b = Self.random(4, 2, seed: 6)
        a.matmul(b).sum().backward()
        let once = a.grad
        a.matmul(b).sum().backward()
        #expect(Self.maxDifference(a.grad, once.map { 2 * $0 }) < 1e-12)
    }

    @Test func threadsAreAtLeastOne() {
        #expect(matrixProductThreads >= 1)
        #expect(!matrixProductKernel.isEmpty)
    }
}

/// The vectorised exp and softmax under attention against Foundation's.
@Suite struct VectorExpTests {
    @Test func vectorExpMatchesFoundationWithinTwoUlp() {
        var worst = 0.0
        var x = -707.5
        while x <= 709 {
            let lanes = SIMD4(x, x / 3, -x / 7, x * 0.001)
            let fast = vectorExp(lanes)
            for lane in 0..<4 where lanes[lane] <= 700 {
                let exact = Foundation.exp(lanes[lane])
                worst = max(worst, abs(fast[lane] - exact) / exact.ulp)
            }
            x += 0.37
        }
        #expect(worst <= 2)
    }

    @Test func vectorExpOfMaskedAndTinyScoresIsZero() {
        let out = vectorExp(SIMD4(-.infinity, -709, -1000, 0))
        #expect(out == SIMD4(0, 0, 0, 1))
    }

    @Test(arguments: [1, 3, 4, 7, 64, 129])
    func fusedSoftmaxEqualsTensorSoftmax(cols: Int) {
        var rng = SeededGenerator(seed: cols)
        let x = Tensor.randn(5, cols, using: &rng) * 10
        var fused = x.data
        fused.withUnsafeMutableBufferPointer { softmaxRowsInPlace($0.baseAddress!, rows: 5, cols: cols) }
        #expect(TensorBLASTests.maxDifference(fused, x.softmax().data) < 1e-15)
    }
}

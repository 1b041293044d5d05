import Foundation
import Testing
@testable import Course

/// Tensor operations give the right numbers (gradients are checked in TensorGradientTests).
@Suite struct TensorValueTests {
    @Test func matmulOfSmallMatrices() {
        let a = Tensor([[1, 2, 3], [4, 5, 6]])
        let b = Tensor([[7, 8], [9, 10], [11, 12]])
        #expect(a.matmul(b).array == [[58, 64], [139, 154]])
        #expect(a.transposed().array == [[1, 4], [2, 5], [3, 6]])
    }

    /// The blocked kernel against the textbook triple loop, at sizes that exercise the 4-row
    /// blocks, the leftover rows and the depth/width blocks.
    @Test(arguments: [(1, 1, 1), (5, 3, 7), (9, 300, 530), (64, 257, 33)])
    func blockedMatmulMatchesNaive(m: Int, k: Int, n: Int) {
        var rng = SeededGenerator(seed: m * 1000 + k)
        let a = Tensor.randn(m, k, using: &rng), b = Tensor.randn(k, n, using: &rng)
        let c = a.matmul(b)
        var worst = 0.0
        for i in 0..<m {
            for j in 0..<n {
                var total = 0.0
                for p in 0..<k { total += a[i, p] * b[p, j] }
                worst = max(worst, abs(total - c[i, j]))
            }
        }
        #expect(worst < 1e-10)
    }

    @Test func linearIsMatmulWithTransposedWeightPlusBias() {
        let x = Tensor([[1, 2], [3, 4]])
        let w = Tensor([[1, 0], [0, 1], [1, 1]])
        let b = Tensor(row: [10, 20, 30])
        #expect(x.linear(weight: w, bias: b).array == [[11, 22, 33], [13, 24, 37]])
        #expect((x.matmul(w.transposed()) + b).array == x.linear(weight: w, bias: b).array)
    }

    @Test func broadcastingRowsColumnsAndScalars() {
        let a = Tensor([[1, 2], [3, 4]])
        #expect((a + Tensor(row: [10, 20])).array == [[11, 22], [13, 24]])
        #expect((a * Tensor(column: [2, 3])).array == [[2, 4], [9, 12]])
        #expect((a - Tensor(scalar: 1)).array == [[0, 1], [2, 3]])
        #expect((a.reciprocal() * 12).array == [[12, 6], [4, 3]])
    }

    @Test func sumsAndMeans() {
        let a = Tensor([[1, 2, 3], [4, 5, 6]])
        #expect(a.sum().item == 21)
        #expect(a.mean().item == 3.5)
        #expect(a.sum(axis: 0).array == [[5, 7, 9]])
        #expect(a.sum(axis: 1).array == [[6], [15]])
        #expect(a.mean(axis: 0).array == [[2.5, 3.5, 4.5]])
        #expect(a.mean(axis: 1).array == [[2], [5]])
    }

    @Test func softmaxRowsAreDistributionsAndSurviveHugeScores() {
        let s = Tensor([[1, 2, 3], [1000, 1000, -1000]]).softmax()
        let e = [exp(1.0), exp(2.0), exp(3.0)], total = e.reduce(0, +)
        for j in 0..<3 { #expect(abs(s[0, j] - e[j] / total) < 1e-15) }
        #expect(s[1, 0] == 0.5 && s[1, 1] == 0.5 && s[1, 2] == 0)
        let logS = Tensor([[1, 2, 3], [1000, 1000, -1000]]).logSoftmax()
        #expect(abs(logS[0, 2] - log(e[2] / total)) < 1e-14)
        #expect(abs(logS[1, 2] - (-2000 - log(2.0))) < 1e-9)
    }

    @Test func causalMaskHidesTheFuture() {
        #expect(Tensor.causalMask(3) == [false, true, true, false, false, true, false, false, false])
        let w = Tensor.zeros(3, 3).maskedFill(Tensor.causalMask(3), with: -.infinity).softmax()
        let third = 1.0 / 3
        let expected: [[Double]] = [[1, 0, 0], [0.5, 0.5, 0], [third, third, third]]
        #expect(w.array == expected)
    }

    @Test func slicingAndJoining() {
        let a = Tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        #expect(a.rows(1..<3).array == [[4, 5, 6], [7, 8, 9]])
        #expect(a.row(0).array == [[1, 2, 3]])
        #expect(a.columns(1..<2).array == [[2], [5], [8]])
        #expect(Tensor.concatColumns([a.columns(0..<1), a.columns(1..<3)]).array == a.array)
        #expect(Tensor.concatRows([a.row(0), a.rows(1..<3)]).array == a.array)
    }

    @Test func printsAsAnAlignedMatrix() {
        let t = Tensor([[1, -0.5], [0, 12.25]])
        t.label = "W"
        #expect(t.description == "W 2×2\n[  1.0000  -0.5000 ]\n[  0.0000  12.2500 ]")
    }
}

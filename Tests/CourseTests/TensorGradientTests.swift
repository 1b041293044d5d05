import Testing
@testable import Course

/// Every differentiable Tensor operation against central differences.
@Suite struct TensorGradientTests {
    static func random(_ rows: Int, _ cols: Int, seed: Int, low: Double = -1, high: Double = 1) -> Tensor {
        var rng = SeededGenerator(seed: seed)
        return Tensor.uniform(rows, cols, low, high, using: &rng)
    }

    static let a = random(3, 4, seed: 1)
    static let b = random(3, 4, seed: 2)
    static let positive = random(3, 4, seed: 3, low: 0.5, high: 2)
    static let row = random(1, 4, seed: 4)
    static let column = random(3, 1, seed: 5)
    static let scalar = random(1, 1, seed: 6)
    static let square = random(4, 5, seed: 7)

    static let cases: [(String, [Tensor], ([Tensor]) -> Tensor)] = [
        ("add", [a, b], { $0[0] + $0[1] }),
        ("subtract", [a, b], { $0[0] - $0[1] }),
        ("multiply", [a, b], { $0[0] * $0[1] }),
        ("divide", [a, positive], { $0[0] / $0[1] }),
        ("add row broadcast (bias)", [a, row], { $0[0] + $0[1] }),
        ("multiply column broadcast", [a, column], { $0[0] * $0[1] }),
        ("divide by column broadcast", [a, positive.columns(0..<1)], { $0[0] / $0[1] }),
        ("subtract from broadcast row", [row, a], { $0[0] - $0[1] }),
        ("scalar broadcast", [scalar, a], { $0[0] * $0[1] }),
        ("plain numbers", [a], { -(($0[0] * 3 + 1) / 4 - 2) }),
        ("reciprocal", [positive], { $0[0].reciprocal() }),
        ("negate", [a], { -$0[0] }),
        ("matmul", [a, square], { $0[0].matmul($0[1]) }),
        ("matmul with itself", [random(4, 4, seed: 8)], { $0[0].matmul($0[0]) }),
        ("transpose", [a], { $0[0].transposed() }),
        ("linear with bias", [a, random(2, 4, seed: 9), random(1, 2, seed: 10)],
         { $0[0].linear(weight: $0[1], bias: $0[2]) }),
        ("linear without bias", [a, random(2, 4, seed: 9)], { $0[0].linear(weight: $0[1], bias: nil) }),
        ("sigmoid", [a], { $0[0].sigmoid() }),
        ("tanh", [a], { $0[0].tanh() }),
        ("relu", [a], { $0[0].relu() }),
        ("exp", [a], { $0[0].exp() }),
        ("log", [positive], { $0[0].log() }),
        ("sqrt", [positive], { $0[0].sqrt() }),
        ("pow", [positive], { $0[0].pow(2.5) }),
        ("sum", [a], { $0[0].sum() }),
        ("mean", [a], { $0[0].mean() }),
        ("sum axis 0", [a], { $0[0].sum(axis: 0) }),
        ("sum axis 1", [a], { $0[0].sum(axis: 1) }),
        ("mean axis 0", [a], { $0[0].mean(axis: 0) }),
        ("mean axis 1", [a], { $0[0].mean(axis: 1) }),
        ("softmax", [a], { $0[0].softmax() }),
        ("logSoftmax", [a], { $0[0].logSoftmax() }),
        ("concatColumns", [a, column, b], { Tensor.concatColumns($0) }),
        ("concatRows", [a, row, b], { Tensor.concatRows($0) }),
        ("rows slice", [a], { $0[0].rows(1..<3) }),
        ("row", [a], { $0[0].row(2) }),
        ("columns slice", [a], { $0[0].columns(1..<3) }),
        ("masked softmax", [random(4, 4, seed: 11)],
         { $0[0].maskedFill(Tensor.causalMask(4), with: -.infinity).softmax() }),
        ("chain: tanh(x·W + b) summed per row", [a, square, random(1, 5, seed: 12)],
         { ($0[0].matmul($0[1]) + $0[2]).tanh().sum(axis: 1) }),
    ]

    @Test(arguments: cases.indices)
    func operationMatchesCentralDifferences(index: Int) {
        let (name, inputs, f) = Self.cases[index]
        let result = gradientCheck(inputs, f)
        #expect(result.maxAbsoluteError < 1e-7, "\(name): \(result.maxAbsoluteError)")
    }

    /// The check itself must catch a wrong derivative, or the tests above prove nothing.
    @Test func gradientCheckDetectsAWrongBackwardPass() {
        let wrong: ([Tensor]) -> Tensor = { xs in
            elementwise(xs[0], op: "bad square", { $0 * $0 }, derivative: { x, _ in x })  // should be 2x
        }
        #expect(gradientCheck([Self.a], wrong).maxAbsoluteError > 0.1)
    }

    @Test func gradientsAccumulateAcrossBackwardCallsUntilCleared() {
        let w = Tensor([[1, 2]], requiresGrad: true)
        (w * 3).sum().backward()
        (w * 3).sum().backward()
        #expect(w.grad == [6, 6])
        w.zeroGrad()
        #expect(w.grad == [0, 0])
    }

    @Test func sharedSubexpressionSumsBothPaths() {
        let x = Tensor([[2]], requiresGrad: true)
        let y = x * x            // y = x²
        let z = (y + y * x).sum() // z = x² + x³, dz/dx = 2x + 3x² = 16
        z.backward()
        #expect(x.grad == [16])
    }

    @Test func resultsOfConstantsBuildNoGraph() {
        let x = Tensor([[1, 2]])
        let y = (x * 2).sigmoid()
        #expect(!y.requiresGrad)
        #expect(y.parents.isEmpty)
    }
}

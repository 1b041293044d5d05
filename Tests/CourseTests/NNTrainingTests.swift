import Foundation
import Testing
@testable import Course

@Suite struct NNLayerAndLossTests {
    @Test func linearUsesPyTorchDefaultInitialisation() {
        var rng = SeededGenerator(seed: 1)
        let layer = Linear(16, 3, using: &rng)
        #expect(layer.weight.rows == 3 && layer.weight.cols == 16)
        #expect(layer.bias!.rows == 1 && layer.bias!.cols == 3)
        let bound = 0.25  // 1/√16
        let all = layer.weight.data + layer.bias!.data
        #expect(all.allSatisfy { abs($0) < bound })
        #expect(all.contains { abs($0) > 0.2 })  // spread over the whole interval
        #expect(layer.parameters.count == 2 && layer.parameterCount == 51)
        var again = SeededGenerator(seed: 1)
        #expect(Linear(16, 3, using: &again).weight.data == layer.weight.data)
    }

    @Test func lossValuesByHand() {
        let prediction = Tensor([[1, 2], [3, 5]]), target = Tensor([[1, 1], [1, 1]])
        #expect(mseLoss(prediction, target).item == (0 + 1 + 4 + 16) / 4.0)

        // BCE of σ(0) = ½ against either label is ln 2.
        #expect(abs(binaryCrossEntropyWithLogits(Tensor([[0, 0]]), Tensor([[0, 1]])).item - log(2.0)) < 1e-15)
        #expect(abs(binaryCrossEntropy(Tensor([[0.5, 0.5]]), Tensor([[0, 1]])).item - log(2.0)) < 1e-15)
        // p = 0.8 for label 1 and p = 0.3 for label 0: −(ln 0.8 + ln 0.7)/2.
        let expected = -(log(0.8) + log(0.7)) / 2
        #expect(abs(binaryCrossEntropy(Tensor([[0.8, 0.3]]), Tensor([[1, 0]])).item - expected) < 1e-15)

        // Cross-entropy: −ln softmax(z)[label], averaged over rows.
        let logits = Tensor([[1, 2, 3], [0, 0, 0]])
        let row0 = -(3 - log(exp(1.0) + exp(2.0) + exp(3.0)))
        let row1 = log(3.0)
        #expect(abs(crossEntropyLoss(logits, [2, 1]).item - (row0 + row1) / 2) < 1e-14)
    }

    @Test func bceStaysFiniteForConfidentPredictions() {
        // A logit of 1000 for a label of 0 costs 1000 — and neither overflows nor gives ∞.
        #expect(binaryCrossEntropyWithLogits(Tensor([[1000, -1000]]), Tensor([[0, 1]])).item == 1000)
        #expect(binaryCrossEntropyWithLogits(Tensor([[1000, -1000]]), Tensor([[1, 0]])).item == 0)
        // Probabilities of exactly 0 and 1 are clamped like PyTorch's BCELoss (log ≥ −100).
        #expect(binaryCrossEntropy(Tensor([[1, 0]]), Tensor([[0, 1]])).item == 100)
    }

    @Test func lossGradientsMatchCentralDifferences() {
        var rng = SeededGenerator(seed: 2)
        let z = Tensor.uniform(3, 2, -2, 2, using: &rng)
        let p = Tensor.uniform(3, 2, 0.1, 0.9, using: &rng)
        let y = Tensor([[0, 1], [1, 1], [0, 0]])
        #expect(gradientCheck([z]) { mseLoss($0[0], y) }.maxAbsoluteError < 1e-7)
        #expect(gradientCheck([z]) { binaryCrossEntropyWithLogits($0[0], y) }.maxAbsoluteError < 1e-7)
        #expect(gradientCheck([p]) { binaryCrossEntropy($0[0], y) }.maxAbsoluteError < 1e-7)
        #expect(gradientCheck([z.transposed()]) { crossEntropyLoss($0[0], [0, 2]) }.maxAbsoluteError < 1e-7)
    }
}

@Suite struct NNOptimizerTests {
    @Test func sgdStepsAgainstTheGradient() {
        let w = Tensor([[1, -2]], requiresGrad: true)
        let sgd = SGD([w], learningRate: 0.5)
        w.grad = [0.25, -1]
        sgd.step()
        #expect(w.data == [0.875, -1.5])
    }

    @Test func momentumAccumulatesVelocity() {
        let w = Tensor([[0]], requiresGrad: true)
        let sgd = SGD([w], learningRate: 0.1, momentum: 0.9)
        w.grad = [1]
        sgd.step()  // v = 1,   w = −0.1
        sgd.step()  // v = 1.9, w = −0.29
        #expect(abs(w.data[0] - -0.29) < 1e-15)
    }

    @Test func adamFirstStepHasSizeLearningRate() {
        // After one step the bias-corrected m̂/√v̂ is g/|g|: every entry moves by η whatever g's size.
        let w = Tensor([[1, 1, 1]], requiresGrad: true)
        let adam = Adam([w], learningRate: 0.01, epsilon: 0)
        w.grad = [1000, -0.001, 3]
        adam.step()
        #expect(w.data.map { ($0 * 1e12).rounded() / 1e12 } == [0.99, 1.01, 0.99])
    }

    @Test func trainingFitsALine() {
        // y = 2x − 1 from 20 noise-free points; one Linear(1, 1) must find the slope and intercept.
        var rng = SeededGenerator(seed: 3)
        let xs = (0..<20).map { Double($0) / 10 - 1 }
        let examples = xs.map { (x: $0, y: 2 * $0 - 1) }
        let layer = Linear(1, 1, using: &rng)
        let history = train(examples, epochs: 200, optimizer: SGD(layer.parameters, learningRate: 0.1, momentum: 0.5),
                            batchSize: 5, shuffleUsing: &rng, progress: .silent) { example in
            mseLoss(layer(Tensor([[example.x]])), Tensor([[example.y]]))
        }
        #expect(history.epochLosses.count == 200)
        #expect(history.finalLoss! < 1e-10)
        #expect(abs(layer.weight.item - 2) < 1e-5)
        #expect(abs(layer.bias!.item - -1) < 1e-5)
    }
}

@Suite struct NNProgressTests {
    @Test func plainLinesAboutTenTimes() {
        var text = ""
        let reporter = ProgressReporter(total: 50, label: "fit", style: .lines) { text += $0 }
        for step in 1...50 { reporter.update(step, message: "loss \(step)") }
        let lines = text.split(separator: "\n")
        #expect(lines.count == 10)
        #expect(lines.first == "fit 5/50 loss 5")
        #expect(lines.last == "fit 50/50 loss 50")
        #expect(!text.contains("\r"))
    }

    @Test func barRedrawsOneLine() {
        var text = ""
        let reporter = ProgressReporter(total: 4, label: "fit", style: .bar) { text += $0 }
        for step in 1...4 { reporter.update(step, message: "loss x") }
        #expect(text.components(separatedBy: "\r").count == 5)
        #expect(text.hasSuffix("fit " + String(repeating: "█", count: 24) + " 4/4 loss x\u{1B}[K\n"))
        #expect(text.filter { $0 == "\n" }.count == 1)
    }

    @Test func barRedrawsOnlyWhenThePercentageMoves() {
        var redraws = 0, messagesBuilt = 0
        let reporter = ProgressReporter(total: 10_000, style: .bar) { text in
            redraws += text.filter { $0 == "\r" }.count
        }
        for step in 1...10_000 { reporter.update(step) { messagesBuilt += 1; return "" } }
        #expect(redraws == 101)  // 0 % (drawn at once), 1 % … 100 %
        #expect(messagesBuilt == 101)
    }


    @Test func silentWritesNothing() {
        var text = ""
        let reporter = ProgressReporter(total: 3, style: .silent) { text += $0 }
        for step in 1...3 { reporter.update(step) }
        #expect(text.isEmpty)
    }
}

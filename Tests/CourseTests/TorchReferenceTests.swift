import Foundation
import Testing
@testable import Course

/// Our layers, losses and Adam against PyTorch's numbers (float64), made by
/// Data/make_torch_vectors.py and committed, so the tests need no PyTorch.
@Suite struct TorchReferenceTests {
    struct Vectors: Decodable {
        struct LSTMCase: Decodable {
            let weight: [[Double]], bias: [Double], inputs: [[Double]], outputWeights: [[Double]]
            let hidden: [[Double]], inputGradient: [[Double]]
        }
        struct LayerNormCase: Decodable {
            let inputs: [[Double]], gain: [Double], shift: [Double], outputWeights: [[Double]]
            let outputs: [[Double]], inputGradient: [[Double]], gainGradient: [Double], shiftGradient: [Double]
        }
        struct AttentionCase: Decodable {
            let name: String, causal: Bool
            let queries: [[Double]], keys: [[Double]], values: [[Double]], outputWeights: [[Double]]
            let outputs: [[Double]], queryGradient: [[Double]], keyGradient: [[Double]], valueGradient: [[Double]]
        }
        struct MultiHeadCase: Decodable {
            let heads: Int, inProjection: [[Double]], inputs: [[Double]], outputWeights: [[Double]]
            let outputs: [[Double]], inputGradient: [[Double]]
        }
        struct LossCase: Decodable {
            let logits: [[Double]]?, probabilities: [[Double]]?, targets: [[Double]]?, labels: [Int]?
            let loss: Double, gradient: [[Double]]
        }
        struct Losses: Decodable { let bceWithLogits: LossCase, bce: LossCase, crossEntropy: LossCase }
        struct AdamCase: Decodable {
            let learningRate: Double, start: [[Double]], gradients: [[[Double]]], after: [[[Double]]]
        }
        let lstm: LSTMCase, layerNorm: LayerNormCase, attention: [AttentionCase]
        let multiHeadAttention: MultiHeadCase, losses: Losses, adam: AdamCase
    }

    static let vectors: Vectors = {
        let url = Bundle.module.url(forResource: "torch_vectors", withExtension: "json", subdirectory: "Data")!
        return try! JSONDecoder().decode(Vectors.self, from: Data(contentsOf: url))
    }()

    static func expectClose(_ ours: [Double], _ theirs: [[Double]], _ what: String, tolerance: Double = 1e-12) {
        let flat = theirs.flatMap { $0 }
        #expect(ours.count == flat.count, "\(what): \(ours.count) entries, PyTorch has \(flat.count)")
        let worst = zip(ours, flat).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst < tolerance, "\(what): differs from PyTorch by \(worst)")
    }

    @Test func lstmHiddenStatesAndGradients() {
        let c = Self.vectors.lstm
        var rng = SeededGenerator(seed: 0)
        let lstm = LSTM(inputSize: 2, hiddenSize: 3, using: &rng)
        lstm.gateLayer.weight.data = c.weight.flatMap { $0 }
        lstm.gateLayer.bias!.data = c.bias
        let x = Tensor(c.inputs, requiresGrad: true)
        let h = lstm.hiddenStates(x)
        (h * Tensor(c.outputWeights)).sum().backward()
        Self.expectClose(h.data, c.hidden, "LSTM hidden states")
        Self.expectClose(x.grad, c.inputGradient, "LSTM ∂/∂x")
    }

    @Test func layerNormOutputsAndGradients() {
        let c = Self.vectors.layerNorm
        let norm = LayerNorm(c.gain.count)
        norm.gain.data = c.gain
        norm.shift.data = c.shift
        let x = Tensor(c.inputs, requiresGrad: true)
        let y = norm(x)
        (y * Tensor(c.outputWeights)).sum().backward()
        Self.expectClose(y.data, c.outputs, "layer norm")
        Self.expectClose(x.grad, c.inputGradient, "layer norm ∂/∂x")
        Self.expectClose(norm.gain.grad, [c.gainGradient], "layer norm ∂/∂γ")
        Self.expectClose(norm.shift.grad, [c.shiftGradient], "layer norm ∂/∂β")
    }

    @Test func scaledDotProductAttentionAndGradients() {
        for c in Self.vectors.attention {
            let q = Tensor(c.queries, requiresGrad: true), k = Tensor(c.keys, requiresGrad: true)
            let v = Tensor(c.values, requiresGrad: true)
            let result = scaledDotProductAttention(queries: q, keys: k, values: v,
                                                   mask: c.causal ? Tensor.causalMask(q.rows) : nil)
            (result.outputs * Tensor(c.outputWeights)).sum().backward()
            Self.expectClose(result.outputs.data, c.outputs, "attention \(c.name)")
            Self.expectClose(q.grad, c.queryGradient, "attention \(c.name) ∂/∂Q")
            Self.expectClose(k.grad, c.keyGradient, "attention \(c.name) ∂/∂K")
            Self.expectClose(v.grad, c.valueGradient, "attention \(c.name) ∂/∂V")
        }
    }

    @Test func multiHeadAttentionAndGradients() {
        let c = Self.vectors.multiHeadAttention
        let d = c.inputs[0].count, size = d / c.heads
        var rng = SeededGenerator(seed: 0)
        let layer = MultiHeadAttention(d, heads: c.heads, using: &rng)
        // PyTorch stacks W_Q, W_K, W_V (each D×D) and gives head ℓ rows ℓ·d_k ..< (ℓ+1)·d_k.
        for (index, head) in layer.heads.enumerated() {
            for (part, linear) in [head.query, head.key, head.value].enumerated() {
                let first = part * d + index * size
                linear.weight.data = c.inProjection[first..<(first + size)].flatMap { $0 }
            }
        }
        let x = Tensor(c.inputs, requiresGrad: true)
        let y = layer(x)
        (y * Tensor(c.outputWeights)).sum().backward()
        Self.expectClose(y.data, c.outputs, "multi-head attention")
        Self.expectClose(x.grad, c.inputGradient, "multi-head attention ∂/∂x")
    }

    @Test func lossesAndTheirGradients() throws {
        let l = Self.vectors.losses
        let z = Tensor(try #require(l.bceWithLogits.logits), requiresGrad: true)
        let withLogits = binaryCrossEntropyWithLogits(z, Tensor(try #require(l.bceWithLogits.targets)))
        withLogits.backward()
        Self.expectClose([withLogits.item], [[l.bceWithLogits.loss]], "BCE with logits")
        Self.expectClose(z.grad, l.bceWithLogits.gradient, "BCE with logits ∂/∂z")

        let p = Tensor(try #require(l.bce.probabilities), requiresGrad: true)
        let bce = binaryCrossEntropy(p, Tensor(try #require(l.bce.targets)))
        bce.backward()
        Self.expectClose([bce.item], [[l.bce.loss]], "BCE")
        Self.expectClose(p.grad, l.bce.gradient, "BCE ∂/∂p")

        let logits = Tensor(try #require(l.crossEntropy.logits), requiresGrad: true)
        let ce = crossEntropyLoss(logits, try #require(l.crossEntropy.labels))
        ce.backward()
        Self.expectClose([ce.item], [[l.crossEntropy.loss]], "cross-entropy")
        Self.expectClose(logits.grad, l.crossEntropy.gradient, "cross-entropy ∂/∂z")
    }

    @Test func adamStepsMatchPyTorch() {
        let c = Self.vectors.adam
        let w = Tensor(c.start, requiresGrad: true)
        let adam = Adam([w], learningRate: c.learningRate)
        for (gradient, after) in zip(c.gradients, c.after) {
            w.grad = gradient.flatMap { $0 }
            adam.step()
            Self.expectClose(w.data, after, "Adam step")
        }
    }
}

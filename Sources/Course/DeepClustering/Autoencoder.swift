/// A fully connected autoencoder: an encoder x ↦ z that squeezes each input through narrower
/// layers to a short code, and a mirrored decoder z ↦ x̂ that tries to rebuild the input.
///
/// `Autoencoder(layerSizes: [64, 128, 64, 10], using: &rng)` makes the encoder
/// 64 → 128 → 64 → 10 and the decoder 10 → 64 → 128 → 64. Hidden layers use ReLU; the code
/// layer and the output layer are linear (no activation), so codes may take any value and the
/// reconstruction is not clipped. Trained on reconstruction error alone, the code must keep
/// what distinguishes the inputs — which is what makes it a useful space to cluster in.
public final class Autoencoder: Module {
    /// Input size, hidden sizes, code size.
    public let layerSizes: [Int]
    /// The encoder's layers, input to code.
    public let encoderLayers: [Linear]
    /// The decoder's layers, code to reconstruction.
    public let decoderLayers: [Linear]

    /// An autoencoder whose encoder runs through `layerSizes` (input first, code last) and whose
    /// decoder runs back through them; weights drawn from `rng`.
    public init(layerSizes: [Int], using rng: inout some RandomNumberGenerator) {
        precondition(layerSizes.count >= 2 && layerSizes.allSatisfy { $0 >= 1 },
                     "Autoencoder: give at least an input and a code size, all ≥ 1")
        self.layerSizes = layerSizes
        let down = Array(zip(layerSizes, layerSizes.dropFirst()))
        encoderLayers = down.map { Linear($0.0, $0.1, using: &rng) }
        decoderLayers = down.reversed().map { Linear($0.1, $0.0, using: &rng) }
    }

    /// The input dimension.
    public var inputSize: Int { layerSizes.first! }
    /// The code dimension.
    public var codeSize: Int { layerSizes.last! }

    /// z = encoder(x), one code per row of x.
    public func encode(_ x: Tensor) -> Tensor { Self.run(encoderLayers, x) }

    /// x̂ = decoder(z).
    public func decode(_ z: Tensor) -> Tensor { Self.run(decoderLayers, z) }

    /// The reconstruction x̂ = decoder(encoder(x)).
    public func callAsFunction(_ x: Tensor) -> Tensor { decode(encode(x)) }

    /// Linear layers with ReLU between them, none after the last.
    private static func run(_ layers: [Linear], _ input: Tensor) -> Tensor {
        var h = input
        for (index, layer) in layers.enumerated() {
            h = layer(h)
            if index < layers.count - 1 { h = h.relu() }
        }
        return h
    }

    /// The encoder's parameters only (DEC fine-tunes these and drops the decoder).
    public var encoderParameters: [Tensor] { encoderLayers.flatMap(\.parameters) }

    /// Every weight of the encoder, then of the decoder.
    public var parameters: [Tensor] { encoderParameters + decoderLayers.flatMap(\.parameters) }

    /// Pretraining: minimise the reconstruction error (1/(n·D)) Σ_i ‖x_i − x̂_i‖² (mean squared
    /// error) with Adam on shuffled minibatches. Returns the mean loss of every epoch.
    @discardableResult
    public func pretrain(_ x: Tensor, epochs: Int, batchSize: Int = 64, learningRate: Double = 1e-3,
                         using rng: inout some RandomNumberGenerator) -> [Double] {
        precondition(x.cols == inputSize, "pretrain: data have \(x.cols) columns, the autoencoder expects \(inputSize)")
        let optimizer = Adam(parameters, learningRate: learningRate)
        var sampler = MiniBatchSampler(count: x.rows, batchSize: batchSize)
        var epochLosses: [Double] = []
        for _ in 0..<max(epochs, 0) {
            var total = 0.0
            repeat {
                let batch = x.gatheredRows(sampler.next(using: &rng))
                optimizer.zeroGrad()
                let loss = mseLoss(self(batch), batch)
                loss.backward()
                optimizer.step()
                total += loss.item * Double(batch.rows)
            } while !sampler.startsEpoch
            epochLosses.append(total / Double(x.rows))
        }
        return epochLosses
    }
}

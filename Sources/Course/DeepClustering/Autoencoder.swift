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
    /// error) with Adam on shuffled minibatches. Returns the mean loss of every epoch, and hands
    /// each to `afterEpoch` (epoch number from 1, loss) as it is done.
    ///
    /// With `inputDropout` p > 0 it is a *denoising* autoencoder, as DEC's paper pretrains: each
    /// input entry is zeroed with probability p (the others scaled by 1/(1 − p), as dropout does)
    /// and the network must rebuild the clean x from the corrupted x̃, so it cannot just copy
    /// pixels through and must learn what the rest of the image implies about each one.
    @discardableResult
    public func pretrain(_ x: Tensor, epochs: Int, batchSize: Int = 64, learningRate: Double = 1e-3,
                         inputDropout: Double = 0, using rng: inout some RandomNumberGenerator,
                         afterEpoch: ((Int, Double) -> Void)? = nil) -> [Double] {
        precondition(x.cols == inputSize, "pretrain: data have \(x.cols) columns, the autoencoder expects \(inputSize)")
        precondition(inputDropout >= 0 && inputDropout < 1, "pretrain: inputDropout must be in [0, 1)")
        let optimizer = Adam(parameters, learningRate: learningRate)
        var sampler = MiniBatchSampler(count: x.rows, batchSize: batchSize)
        var epochLosses: [Double] = []
        for _ in 0..<max(epochs, 0) {
            var total = 0.0
            repeat {
                let batch = x.gatheredRows(sampler.next(using: &rng))
                optimizer.zeroGrad()
                let input = inputDropout > 0 ? Self.corrupted(batch, dropping: inputDropout, using: &rng) : batch
                let loss = mseLoss(self(input), batch)
                loss.backward()
                optimizer.step()
                total += loss.item * Double(batch.rows)
            } while !sampler.startsEpoch
            epochLosses.append(total / Double(x.rows))
            afterEpoch?(epochLosses.count, epochLosses.last!)
        }
        return epochLosses
    }

    /// x̃: every entry of x zeroed with probability p, the rest divided by 1 − p.
    static func corrupted(_ x: Tensor, dropping p: Double, using rng: inout some RandomNumberGenerator) -> Tensor {
        let keep = 1 / (1 - p)
        return Tensor(rows: x.rows, cols: x.cols,
                      data: x.data.map { Double.random(in: 0..<1, using: &rng) < p ? 0 : $0 * keep })
    }
}

/// A fully connected layer, y = x·Wᵀ + b, PyTorch's `nn.Linear`.
///
/// x holds one example per row (n×in); W is out×in and b is 1×out, so y is n×out.
/// Both start uniform in (−1/√in, 1/√in), PyTorch's default: the output's scale then does
/// not grow with the number of inputs.
public final class Linear: Module {
    /// W, out×in: row o holds the weights into output o.
    public let weight: Tensor
    /// b, 1×out, or nil for a layer without bias.
    public let bias: Tensor?
    /// in, the features each input row has.
    public let inputSize: Int
    /// out, the features each output row has.
    public let outputSize: Int

    /// A layer from `inputSize` features to `outputSize`, initialised from `rng`.
    public init(_ inputSize: Int, _ outputSize: Int, bias: Bool = true,
                using rng: inout some RandomNumberGenerator) {
        self.inputSize = inputSize
        self.outputSize = outputSize
        let bound = 1 / Double(inputSize).squareRoot()
        weight = Tensor.uniform(outputSize, inputSize, -bound, bound, requiresGrad: true, using: &rng)
        weight.label = "weight"
        self.bias = bias ? Tensor.uniform(1, outputSize, -bound, bound, requiresGrad: true, using: &rng) : nil
        self.bias?.label = "bias"
    }

    /// A layer with given weights (out×in) and bias (1×out), e.g. to match another framework.
    public init(weight: Tensor, bias: Tensor?) {
        precondition(bias == nil || (bias!.rows == 1 && bias!.cols == weight.rows), "Linear: bias must be 1×\(weight.rows)")
        self.weight = weight.requiresGrad ? weight : weight.requiringGrad()
        self.bias = bias.map { $0.requiresGrad ? $0 : $0.requiringGrad() }
        inputSize = weight.cols
        outputSize = weight.rows
    }

    /// y = x·Wᵀ + b for every row of x.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        x.linear(weight: weight, bias: bias)
    }

    /// W and b (when there is one).
    public var parameters: [Tensor] { bias.map { [weight, $0] } ?? [weight] }
}

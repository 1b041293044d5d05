/// A long short-term memory network with the same interface as `ElmanRNN`: it reads
/// x₁ … x_T and scores every step with y_t = σ(W_y h_t + b_y).
///
/// Besides the hidden state h it carries a cell state c, changed only by gated, elementwise
/// updates — which lets gradients flow across many steps without vanishing:
///
///     [i, f, g, o] = W [x_t, h_{t−1}] + b            one Linear(input + hidden → 4·hidden)
///     i = σ(i), f = σ(f), o = σ(o), g = tanh(g)     input, forget, output gates; candidate
///     c_t = f ⊙ c_{t−1} + i ⊙ g
///     h_t = o ⊙ tanh(c_t)
///
/// with h₀ = c₀ = 0. In the discussion's CNN+LSTM video classifier, x_t would be the CNN's
/// features of frame t.
public final class LSTM: SequenceModel {
    /// Features per step x_t.
    public let inputSize: Int
    /// The size of h_t and of the cell state c_t.
    public let hiddenSize: Int
    /// [x_t, h_{t−1}] → the four gates' pre-activations, side by side.
    public let gateLayer: Linear
    /// h_t → z_t.
    public let outputLayer: Linear

    /// An LSTM with h₀ = c₀ = 0 and PyTorch-style uniform weights drawn from `rng`.
    public init(inputSize: Int = 1, hiddenSize: Int = 4, using rng: inout some RandomNumberGenerator) {
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        gateLayer = Linear(inputSize + hiddenSize, 4 * hiddenSize, using: &rng)
        outputLayer = Linear(hiddenSize, 1, using: &rng)
    }

    /// The hidden states h₁ … h_T as the rows of a T×hidden tensor.
    ///
    /// Computed as one differentiable step over the whole sequence (`lstmHiddenStates`), with
    /// the same numbers and gradients as `referenceHiddenStates` below (tested), which is the
    /// loop to read.
    public func hiddenStates(_ inputs: Tensor) -> Tensor {
        precondition(inputs.cols == inputSize, "LSTM: expected \(inputSize) input features, got \(inputs.cols)")
        return inputs.lstmHiddenStates(weight: gateLayer.weight, bias: gateLayer.bias, hiddenSize: hiddenSize)
    }

    /// The hidden states step by step with the general tensor operations: the equations above,
    /// line by line. Backpropagation through time then runs through the graph these build.
    public func referenceHiddenStates(_ inputs: Tensor) -> Tensor {
        precondition(inputs.cols == inputSize, "LSTM: expected \(inputSize) input features, got \(inputs.cols)")
        let n = hiddenSize
        var h = Tensor.zeros(1, n), c = Tensor.zeros(1, n)
        var states: [Tensor] = []
        states.reserveCapacity(inputs.rows)
        for t in 0..<inputs.rows {
            let gates = gateLayer(Tensor.concatColumns([inputs.row(t), h]))
            let inputGate = gates.columns(0..<n).sigmoid()
            let forgetGate = gates.columns(n..<(2 * n)).sigmoid()
            let candidate = gates.columns((2 * n)..<(3 * n)).tanh()
            let outputGate = gates.columns((3 * n)..<(4 * n)).sigmoid()
            c = forgetGate * c + inputGate * candidate
            h = outputGate * c.tanh()
            states.append(h)
        }
        return Tensor.concatRows(states)
    }

    /// z_t = W_y h_t + b_y for every row x_t of `inputs` (T×inputSize), as a T×1 tensor.
    public func logits(_ inputs: Tensor) -> Tensor {
        outputLayer(hiddenStates(inputs))
    }

    /// W, b of the gates and W_y, b_y.
    public var parameters: [Tensor] { gateLayer.parameters + outputLayer.parameters }
}

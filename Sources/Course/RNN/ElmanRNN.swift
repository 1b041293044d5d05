/// The recurrent network of the discussion notes (an Elman network):
///
///     h₀ = 0
///     h_t = f(W_h [x_t, h_{t−1}] + b_h)        one Linear(input + hidden → hidden)
///     y_t = σ(W_y h_t + b_y)                     one Linear(hidden → 1), then the sigmoid
///
/// The notes use no nonlinearity f in the recurrence (`activation: .identity`, the default).
/// That suits this task: a linear recurrence can keep an exact running sum in one hidden unit
/// (h_t = h_{t−1} + x_t), and the output layer only has to compare it with 3. `.tanh` is the
/// textbook choice; it squashes the state, so a sum near 3 must be stored in its gentle slope.
///
/// Training unrolls the loop into one graph over all T steps and calls `backward()` on the
/// loss — backpropagation through time: the same W_h receives a gradient from every step.
public final class ElmanRNN: SequenceModel {
    /// What is applied to the new hidden state.
    public enum Activation: Sendable { case identity, tanh }

    /// Features per step (1 for the cumulative-sum task).
    public let inputSize: Int
    /// The size of h_t (4 in the notes).
    public let hiddenSize: Int
    /// f in h_t = f(W_h [x_t, h_{t−1}] + b_h).
    public let activation: Activation
    /// [x_t, h_{t−1}] → h_t.
    public let hiddenLayer: Linear
    /// h_t → z_t (the logit of y_t).
    public let outputLayer: Linear

    /// The notes' model has `inputSize: 1, hiddenSize: 4`.
    public init(inputSize: Int = 1, hiddenSize: Int = 4, activation: Activation = .identity,
                using rng: inout some RandomNumberGenerator) {
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.activation = activation
        hiddenLayer = Linear(inputSize + hiddenSize, hiddenSize, using: &rng)
        outputLayer = Linear(hiddenSize, 1, using: &rng)
    }

    /// The hidden states h₁ … h_T as the rows of a T×hidden tensor.
    public func hiddenStates(_ inputs: Tensor) -> Tensor {
        precondition(inputs.cols == inputSize, "ElmanRNN: expected \(inputSize) input features, got \(inputs.cols)")
        var h = Tensor.zeros(1, hiddenSize)  // h₀ = 0
        var states: [Tensor] = []
        states.reserveCapacity(inputs.rows)
        for t in 0..<inputs.rows {
            h = hiddenLayer(Tensor.concatColumns([inputs.row(t), h]))
            if activation == .tanh { h = h.tanh() }
            states.append(h)
        }
        return Tensor.concatRows(states)
    }

    /// z_t = W_y h_t + b_y for every step at once (T×1); y_t = σ(z_t).
    public func logits(_ inputs: Tensor) -> Tensor {
        outputLayer(hiddenStates(inputs))
    }

    /// W_h, b_h, W_y and b_y.
    public var parameters: [Tensor] { hiddenLayer.parameters + outputLayer.parameters }
}

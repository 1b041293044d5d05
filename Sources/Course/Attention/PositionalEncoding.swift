import Foundation

/// The fixed sinusoidal positional encodings of the original Transformer (Vaswani et al., 2017),
/// one row p_t per position t = 0 … length−1:
///
///     p_t[2i]   = sin(t / 10000^(2i/D))
///     p_t[2i+1] = cos(t / 10000^(2i/D))
///
/// Attention treats its input as a set, so order must be written into the tokens: x′_t = x_t + p_t.
/// Each pair of columns is a clock at its own frequency, from one turn every 2π positions down
/// to one every 10000·2π, so every position gets a distinct pattern, and p_{t+k} is a fixed
/// rotation of p_t — a relative offset is a linear map a head can learn.
public func positionalEncoding(length: Int, dimension: Int) -> Tensor {
    precondition(length >= 0 && dimension >= 1, "positionalEncoding: need length ≥ 0 and dimension ≥ 1")
    let encoding = Tensor.zeros(length, dimension)
    for t in 0..<length {
        for column in 0..<dimension {
            let pair = column / 2
            let angle = Double(t) / pow(10000, Double(2 * pair) / Double(dimension))
            encoding[t, column] = column % 2 == 0 ? sin(angle) : cos(angle)
        }
    }
    return encoding
}

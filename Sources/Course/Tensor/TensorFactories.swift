extension Tensor {
    /// A rows×cols tensor of zeros.
    public static func zeros(_ rows: Int, _ cols: Int, requiresGrad: Bool = false) -> Tensor {
        Tensor(rows: rows, cols: cols, data: [Double](repeating: 0, count: rows * cols), requiresGrad: requiresGrad)
    }

    /// A rows×cols tensor of ones.
    public static func ones(_ rows: Int, _ cols: Int, requiresGrad: Bool = false) -> Tensor {
        full(rows, cols, 1, requiresGrad: requiresGrad)
    }

    /// A rows×cols tensor with every entry `value`.
    public static func full(_ rows: Int, _ cols: Int, _ value: Double, requiresGrad: Bool = false) -> Tensor {
        Tensor(rows: rows, cols: cols, data: [Double](repeating: value, count: rows * cols), requiresGrad: requiresGrad)
    }

    /// The n×n identity matrix.
    public static func identity(_ n: Int) -> Tensor {
        let t = zeros(n, n)
        for i in 0..<n { t.data[i * n + i] = 1 }
        return t
    }

    /// Entries drawn independently from N(mean, std²).
    public static func randn(_ rows: Int, _ cols: Int, mean: Double = 0, std: Double = 1,
                             requiresGrad: Bool = false, using rng: inout some RandomNumberGenerator) -> Tensor {
        Tensor(rows: rows, cols: cols, data: normalArray(rows * cols, mean: mean, std: std, using: &rng),
               requiresGrad: requiresGrad)
    }

    /// Entries drawn independently from U(low, high).
    public static func uniform(_ rows: Int, _ cols: Int, _ low: Double, _ high: Double,
                               requiresGrad: Bool = false, using rng: inout some RandomNumberGenerator) -> Tensor {
        Tensor(rows: rows, cols: cols, data: uniformArray(rows * cols, low, high, using: &rng),
               requiresGrad: requiresGrad)
    }
}

/// Every knob of a DEC run. The defaults are the ones measured to reach ACC ≥ 0.80 and NMI ≥ 0.80
/// on the 1,797 UCI digits with `DEC.digitsLayerSizes` (Benchmarks/dec/seeds.sh, five seeds); they
/// follow Xie, Girshick and Farhadi (2016) wherever that fits so small a data set.
///
/// Phase 2 trains the encoder z_i = f_θ(x_i) and the centres μ_j on
///
///     q_ij = (1 + ‖z_i − μ_j‖²/ν)^(−(ν+1)/2) / Σ_j' (1 + ‖z_i − μ_j'‖²/ν)^(−(ν+1)/2)
///     p_ij = (q_ij²/f_j) / Σ_j' (q_ij'²/f_j'),   f_j = Σ_i q_ij
///     L = KL(P‖Q) = Σ_i Σ_j p_ij log(p_ij/q_ij)
///
/// (the notes' ν is the paper's α), with P held fixed between refreshes.
public struct DECSettings: Sendable, Equatable {
    /// ν, the degrees of freedom of the Student-t kernel.
    public var degreesOfFreedom: Double = 1

    /// Phase 1, the autoencoder: passes over the data with Adam on the reconstruction error.
    /// 60 epochs of minibatches of 64 (1,700 Adam steps) give better codes for k-means than
    /// the paper's minibatches of 256 at the same cost (measured: ACC 0.80 against 0.78 on the
    /// codes for seed 1, BENCHMARKS.md).
    public var pretrainingEpochs: Int = 60
    /// Images per minibatch in phase 1.
    public var pretrainingBatchSize: Int = 64
    /// Adam's η in phase 1.
    public var pretrainingLearningRate: Double = 1e-3
    /// p: each input pixel is dropped with this probability during pretraining (a denoising
    /// autoencoder, as in the paper); 0 trains a plain autoencoder.
    public var pretrainingInputDropout: Double = 0

    /// k-means on the codes z_i gives the first μ_j: this many k-means++ starts, the best kept
    /// (the paper's 20).
    public var kMeansRestarts: Int = 20

    /// Phase 2, clustering: SGD with momentum on θ and the μ_j, minibatches of 256, η = 0.01,
    /// momentum 0.9, as in the paper.
    public var batchSize: Int = 256
    /// SGD's η in phase 2.
    public var learningRate: Double = 0.01
    /// SGD's momentum μ in phase 2.
    public var momentum: Double = 0.9
    /// T: the target P is recomputed from the whole data set every T minibatch steps.
    public var targetUpdateInterval: Int = 140
    /// tol as a fraction: stop at a refresh where fewer than tol · n points changed cluster
    /// since the previous refresh (0.001 is the paper's 0.1 %).
    public var tolerance: Double = 0.001
    /// A cap on the minibatch steps of phase 2. On the digits the paper's tol is rarely met (3–16
    /// points still change at each refresh after 1,000 steps), so the cap usually ends the run:
    /// 2,000 steps, by which ACC and NMI have stopped rising (BENCHMARKS.md).
    public var maxIterations: Int = 2_000

    /// The weight λ of the balance term: the loss is KL(P‖Q) + λ·KL(G‖U). 0 turns it off.
    public var balanceWeight: Double = 0

    /// The defaults above; set fields to change them.
    public init() {}
}

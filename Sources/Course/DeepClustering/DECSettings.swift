/// Every knob of a DEC run, with defaults that follow Xie, Girshick and Farhadi (2016) where
/// they apply to a data set as small as the 1,797 digits.
public struct DECSettings: Sendable, Equatable {
    /// ν, the degrees of freedom of the Student-t kernel.
    public var degreesOfFreedom: Double = 1

    /// Phase 1, the autoencoder: passes over the data, minibatch size and Adam's step size.
    public var pretrainingEpochs: Int = 100
    /// Images per minibatch in phase 1.
    public var pretrainingBatchSize: Int = 64
    /// Adam's η in phase 1.
    public var pretrainingLearningRate: Double = 1e-3

    /// k-means on the codes, from this many k-means++ starts, keeping the best.
    public var kMeansRestarts: Int = 20

    /// Phase 2, clustering: SGD with momentum on the encoder and the centroids, as in the paper.
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
    /// A cap on the minibatch steps of phase 2.
    public var maxIterations: Int = 5_000

    /// The weight λ of the balance term: the loss is KL(P‖Q) + λ·KL(G‖U). 0 turns it off.
    public var balanceWeight: Double = 0

    /// The defaults above; set fields to change them.
    public init() {}
}

/// One refresh of the target distribution during DEC's clustering phase.
public struct DECRefresh: Sendable, Equatable {
    /// The number of minibatch steps taken before this refresh.
    public let iteration: Int
    /// KL(P‖Q) per point over the whole data set, with the new P and the current Q.
    public let loss: Double
    /// KL(G‖U) over the whole data set (reported whether or not it is being optimised).
    public let balance: Double
    /// Points whose cluster (argmax_j q_ij) differs from the previous refresh (for the first
    /// refresh, from the k-means assignments on the codes).
    public let changedAssignments: Int
    /// `changedAssignments` as a fraction of the data set.
    public let changedFraction: Double
}

/// Everything a DEC run produced, stage by stage, so a chapter can compare them.
public struct DECResult: Sendable {
    /// Phase 1: the autoencoder's mean reconstruction error after every epoch.
    public let pretrainingLosses: [Double]
    /// The codes z_i of the pretrained encoder, before any clustering.
    public let pretrainedCodes: [[Double]]
    /// k-means on those codes: the starting centroids μ_j and assignments of phase 2.
    public let kMeansOnCodes: KMeansResult
    /// Phase 2: every refresh of the target, in order.
    public let history: [DECRefresh]
    /// The loss of every minibatch step of phase 2.
    public let batchLosses: [Double]
    /// Minibatch steps taken in phase 2.
    public let iterations: Int
    /// True when the changed-assignment tolerance stopped phase 2; false when `maxIterations` did.
    public let converged: Bool
    /// The final soft assignments q_ij, one row per point.
    public let softAssignments: [[Double]]
    /// The final clusters, argmax_j q_ij (0-based; the lowest j on a tie).
    public let assignments: [Int]
    /// The final codes z_i of the fine-tuned encoder.
    public let codes: [[Double]]
    /// The final centroids μ_j.
    public let centroids: [[Double]]
}

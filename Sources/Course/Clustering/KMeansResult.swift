/// One pass of Lloyd's algorithm: the assignment step, then the update step.
public struct KMeansIteration: Sendable, Equatable {
    /// 1 for the first pass.
    public let number: Int
    /// z_i for every point: the index (0-based) of its nearest centroid in this pass.
    public let assignments: [Int]
    /// μ_1 … μ_K after the update step of this pass.
    public let centroids: [[Double]]
    /// The objective Σ_i ‖x_i − μ_{z_i}‖² with this pass's assignments and centroids.
    public let objective: Double
    /// How many points changed cluster in this pass (all of them in pass 1).
    public let changedAssignments: Int
}

/// What `kMeans` returns: the final clustering and, when asked for, every pass that led to it.
public struct KMeansResult: Sendable, Equatable {
    /// z_i for every point, 0-based (cluster 1 of the notes is cluster 0 here).
    public let assignments: [Int]
    /// The final centroids μ_1 … μ_K.
    public let centroids: [[Double]]
    /// The final objective Σ_i ‖x_i − μ_{z_i}‖².
    public let objective: Double
    /// The number of passes run, including the last one that changed nothing.
    public let iterationCount: Int
    /// True when a pass changed no assignment; false when `maxIterations` stopped the run.
    public let converged: Bool
    /// Every pass in order (empty when the run was made with `recordHistory: false`).
    public let history: [KMeansIteration]
    /// The centroids the run started from.
    public let initialCentroids: [[Double]]
}

/// The contingency table of two labelings of the same N points: entry n_ij counts the points
/// with class i (in `truth`) and cluster j (in `predicted`).
///
/// Rows are the distinct classes and columns the distinct clusters, each in increasing order of
/// label, so the labels themselves can be any integers. Every clustering metric here is a
/// function of this table alone.
public struct ContingencyTable: Sendable, Equatable {
    /// The distinct class labels, increasing (row i is `classes[i]`).
    public let classes: [Int]
    /// The distinct cluster labels, increasing (column j is `clusters[j]`).
    public let clusters: [Int]
    /// counts[i][j] = n_ij.
    public let counts: [[Int]]
    /// N, the number of points.
    public let total: Int

    /// Counts n_ij over the points. Throws when the labelings differ in length or are empty.
    public init(truth: [Int], predicted: [Int]) throws {
        guard truth.count == predicted.count else {
            throw ClusteringError("the labelings have different lengths: \(truth.count) true labels, \(predicted.count) predicted")
        }
        guard !truth.isEmpty else { throw ClusteringError("the labelings are empty") }
        classes = Array(Set(truth)).sorted()
        clusters = Array(Set(predicted)).sorted()
        let row = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        let column = Dictionary(uniqueKeysWithValues: clusters.enumerated().map { ($1, $0) })
        var counts = Array(repeating: Array(repeating: 0, count: clusters.count), count: classes.count)
        for (t, p) in zip(truth, predicted) { counts[row[t]!][column[p]!] += 1 }
        self.counts = counts
        total = truth.count
    }

    /// a_i = Σ_j n_ij, the size of each class.
    public var classSizes: [Int] { counts.map { $0.reduce(0, +) } }
    /// b_j = Σ_i n_ij, the size of each cluster.
    public var clusterSizes: [Int] {
        clusters.indices.map { j in counts.reduce(0) { $0 + $1[j] } }
    }
}

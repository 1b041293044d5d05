/// Unsupervised clustering accuracy:
///
///     ACC = max_m (1/N) Σ_i 1{ y_i = m(c_i) }
///
/// over one-to-one maps m from clusters to classes. Cluster numbers are arbitrary, so the
/// clustering is credited with its best relabelling; the best map is a maximum-weight matching
/// on the contingency table, found by the Hungarian algorithm on costs −n_ij. With more
/// clusters than classes (or fewer), the extra ones match nothing and count as wrong.
public func clusteringAccuracy(truth: [Int], predicted: [Int]) throws -> Double {
    let table = try ContingencyTable(truth: truth, predicted: predicted)
    let match = try hungarianAssignment(cost: table.counts.map { $0.map { -Double($0) } })
    var correct = 0
    for (row, column) in match.enumerated() where column >= 0 { correct += table.counts[row][column] }
    return Double(correct) / Double(table.total)
}

/// Purity: each cluster votes for its most common class, Σ_j max_i n_ij / N.
///
/// Unlike accuracy, several clusters may vote for the same class, so N singleton clusters
/// always have purity 1: purity alone rewards over-splitting.
public func purity(truth: [Int], predicted: [Int]) throws -> Double {
    let table = try ContingencyTable(truth: truth, predicted: predicted)
    let majority = table.clusters.indices.reduce(0) { sum, j in sum + table.counts.map { $0[j] }.max()! }
    return Double(majority) / Double(table.total)
}

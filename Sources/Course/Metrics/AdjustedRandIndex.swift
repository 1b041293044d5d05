/// The adjusted Rand index: the Rand index (the fraction of point pairs on which the two
/// labelings agree: together in both, or apart in both) corrected for chance, so that a random
/// labeling scores 0 on average and identical partitions score 1:
///
///     ARI = (Σ_ij C(n_ij, 2) − E) / (½ [Σ_i C(a_i, 2) + Σ_j C(b_j, 2)] − E),
///     E = Σ_i C(a_i, 2) · Σ_j C(b_j, 2) / C(N, 2),
///
/// with C(m, 2) = m(m − 1)/2 pairs. When neither labeling has a pair split by the other (the
/// same partition, including N = 1 or all singletons in both) the value is 1.
public func adjustedRandIndex(truth: [Int], predicted: [Int]) throws -> Double {
    let table = try ContingencyTable(truth: truth, predicted: predicted)
    func pairs(_ m: Int) -> Double { Double(m) * Double(m - 1) / 2 }
    let together = table.counts.reduce(0.0) { $0 + $1.reduce(0.0) { $0 + pairs($1) } }
    let classPairs = table.classSizes.reduce(0.0) { $0 + pairs($1) }
    let clusterPairs = table.clusterSizes.reduce(0.0) { $0 + pairs($1) }
    // Pairs split by exactly one labeling; both zero means the partitions are the same.
    if classPairs == together && clusterPairs == together { return 1 }
    let expected = classPairs * clusterPairs / pairs(table.total)
    return (together - expected) / ((classPairs + clusterPairs) / 2 - expected)
}

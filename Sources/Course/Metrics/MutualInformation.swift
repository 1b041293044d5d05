import Foundation

/// The entropy H = −Σ_i (a_i/N) log(a_i/N) of a labeling with group sizes a_i (natural log).
func entropy(ofSizes sizes: [Int]) -> Double {
    let total = Double(sizes.reduce(0, +))
    var h = 0.0
    for size in sizes where size > 0 {
        let p = Double(size) / total
        h -= p * log(p)
    }
    return h
}

/// The mutual information I(Y; C) = Σ_ij (n_ij/N) log( N n_ij / (a_i b_j) ), in nats.
public func mutualInformation(truth: [Int], predicted: [Int]) throws -> Double {
    mutualInformation(try ContingencyTable(truth: truth, predicted: predicted))
}

func mutualInformation(_ table: ContingencyTable) -> Double {
    let n = Double(table.total), a = table.classSizes, b = table.clusterSizes
    var mi = 0.0
    for i in a.indices {
        for j in b.indices where table.counts[i][j] > 0 {
            let nij = Double(table.counts[i][j])
            mi += nij / n * (log(nij) + log(n) - log(Double(a[i])) - log(Double(b[j])))
        }
    }
    return max(mi, 0)   // rounding can leave a tiny negative where the true value is 0
}

/// Normalised mutual information with the arithmetic-mean normaliser, as in the notes:
///
///     NMI(Y, C) = I(Y; C) / ( ½ [H(Y) + H(C)] )
///
/// 1 for identical partitions (up to renaming), 0 for independent ones. When both labelings
/// put every point in one group (H(Y) = H(C) = 0) the partitions agree, and NMI is 1; when
/// only one of them does, I = 0 and NMI is 0 (scikit-learn's conventions).
public func normalizedMutualInformation(truth: [Int], predicted: [Int]) throws -> Double {
    let table = try ContingencyTable(truth: truth, predicted: predicted)
    if table.classes.count == 1 && table.clusters.count == 1 { return 1 }
    let mi = mutualInformation(table)
    if mi == 0 { return 0 }
    let normaliser = (entropy(ofSizes: table.classSizes) + entropy(ofSizes: table.clusterSizes)) / 2
    return mi / normaliser
}

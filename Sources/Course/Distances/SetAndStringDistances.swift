/// Distances for data that are not vectors: sets and strings.

/// The Jaccard similarity |A ∩ B| / |A ∪ B| of two sets (1 when both are empty: they are equal).
public func jaccardSimilarity<Element: Hashable>(_ a: Set<Element>, _ b: Set<Element>) -> Double {
    let union = a.union(b).count
    if union == 0 { return 1 }
    return Double(a.intersection(b).count) / Double(union)
}

/// The Jaccard distance 1 − |A ∩ B| / |A ∪ B|.
public func jaccardDistance<Element: Hashable>(_ a: Set<Element>, _ b: Set<Element>) -> Double {
    1 - jaccardSimilarity(a, b)
}

/// The edit (Levenshtein) distance: the fewest single-character insertions, deletions and
/// substitutions that turn `a` into `b`.
///
/// Dynamic programming over prefixes: D[i][j] is the distance between the first i characters
/// of a and the first j of b, and
/// D[i][j] = min(D[i−1][j] + 1, D[i][j−1] + 1, D[i−1][j−1] + [a_i ≠ b_j]).
/// Only the previous row is kept, so memory is O(|b|).
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in stride(from: 1, through: a.count, by: 1) {
        current[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// Thinning a long polyline for SVG without changing how it looks.
///
/// A loss curve logged every step can hold 100,000 points, but a 600-pixel-wide plot has only
/// 600 columns. In each 1-pixel column we keep the first, lowest, highest and last point, in
/// their original order: the drawn envelope is the same and the file stays small.
enum Decimation {
    static func thin(_ points: [(Double, Double)], limit: Int = 2000) -> [(Double, Double)] {
        guard points.count > limit else { return points }
        var kept: [(Double, Double)] = []
        var bucket: [Int] = []  // indices of the points in the current column
        var column = Int.min
        func flush() {
            guard let first = bucket.first, let last = bucket.last else { return }
            let low = bucket.min { points[$0].1 < points[$1].1 }!
            let high = bucket.max { points[$0].1 < points[$1].1 }!
            var seen = Set<Int>()
            for i in [first, low, high, last].sorted() where seen.insert(i).inserted { kept.append(points[i]) }
            bucket.removeAll(keepingCapacity: true)
        }
        for (i, p) in points.enumerated() {
            let c = Int(p.0.rounded(.down))
            if c != column { flush(); column = c }
            bucket.append(i)
        }
        flush()
        return kept
    }
}

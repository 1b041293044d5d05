/// A data set of N points in ℝᴰ, stored row after row in one flat array.
///
/// The clustering code reads points through this type rather than `[[Double]]` because one
/// contiguous block is several times faster to scan (and smaller) than N separate arrays.
/// Build it from rows with `try Points([[1, 0.5], [2, 1]])`; read row i with `points[i]`.
public struct Points: Sendable, Equatable {
    /// N, the number of points.
    public let count: Int
    /// D, the number of coordinates of each point.
    public let dimension: Int
    /// Coordinate d of point i is `values[i * dimension + d]`.
    public let values: [Double]

    /// Points from a flat row-major array of `count × dimension` numbers.
    public init(count: Int, dimension: Int, values: [Double]) throws {
        guard count >= 0, dimension >= 1 else {
            throw ClusteringError("points need at least one coordinate (got dimension \(dimension))")
        }
        guard values.count == count * dimension else {
            throw ClusteringError("\(values.count) numbers cannot be \(count) points of dimension \(dimension)")
        }
        guard values.allSatisfy(\.isFinite) else {
            throw ClusteringError("points contain a NaN or infinite coordinate")
        }
        self.count = count
        self.dimension = dimension
        self.values = values
    }

    /// Points from rows, which must all have the same length.
    public init(_ rows: [[Double]]) throws {
        guard let first = rows.first else {
            throw ClusteringError("no points given")
        }
        for (i, row) in rows.enumerated() where row.count != first.count {
            throw ClusteringError("point \(i) has \(row.count) coordinates but point 0 has \(first.count)")
        }
        try self.init(count: rows.count, dimension: first.count, values: rows.flatMap { $0 })
    }

    /// Point i as an array of D coordinates.
    public subscript(i: Int) -> [Double] {
        Array(values[(i * dimension)..<((i + 1) * dimension)])
    }

    /// Every point as its own array (handy for printing small data sets).
    public var rows: [[Double]] { (0..<count).map { self[$0] } }

    /// How many different points there are, counting no further than `limit`
    /// (so checking "are there at least k distinct points?" stays cheap on big data).
    func distinctCount(upTo limit: Int) -> Int {
        var seen = Set<ArraySlice<Double>>()
        for i in 0..<count {
            seen.insert(values[(i * dimension)..<((i + 1) * dimension)])
            if seen.count >= limit { break }
        }
        return seen.count
    }
}

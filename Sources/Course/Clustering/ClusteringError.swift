/// The error every clustering and metric function throws for input it cannot work with
/// (k larger than the number of distinct points, rows of different lengths, …).
public struct ClusteringError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "error: \(message)" }
}

/// The error every clustering and metric function throws for input it cannot work with
/// (k larger than the number of distinct points, rows of different lengths, …).
public struct ClusteringError: Error, Equatable, CustomStringConvertible {
    /// What was wrong with the input.
    public let message: String
    /// An error with the given explanation.
    public init(_ message: String) { self.message = message }
    /// `error: message`, as the workbook prints errors.
    public var description: String { "error: \(message)" }
}

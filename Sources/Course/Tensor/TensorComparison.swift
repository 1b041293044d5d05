import WorkbookRuntime

/// A tensor in a check cell: `expectClose(tensor, [[1, 2], [3, 4]], tolerance: 1e-9)` compares
/// shape rows×cols and then every entry, row by row.
///
/// The shape is always `[rows, cols]`, so a 1×n row compares with `[[…]]`, not with a flat
/// array: that keeps a row and a column from passing for each other.
extension Tensor: ApproximatelyComparable {
    /// `[rows, cols]`.
    public var comparisonShape: [Int] { [rows, cols] }
    /// The entries, row by row.
    public var comparisonValues: [Double] { data }
}

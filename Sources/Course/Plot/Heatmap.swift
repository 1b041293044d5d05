/// A heatmap of a matrix: attention weights, confusion and contingency tables.
///
///     Heatmap([[0.9, 0.1], [0.3, 0.7]], rowLabels: ["the", "cat"], columnLabels: ["the", "cat"],
///             title: "attention", range: 0...1).show()
///
/// Text: each cell is a character of `ramp` (light to dark, ` .:-=+*#%@`) with the scale
/// printed underneath. SVG: viridis colours with a colour bar and, when cells are large enough,
/// the value in each cell. NaN or infinite cells show as `?` and are noted.
public struct Heatmap: PlotDisplay {
    /// The matrix, row by row.
    public var values: [[Double]]
    /// Names of the rows (row numbers when missing).
    public var rowLabels: [String]
    /// Names of the columns (column numbers when missing).
    public var columnLabels: [String]
    /// Shown above the map when not empty.
    public var title: String
    /// Fixed colour scale (say 0...1 for probabilities); the data's min…max when nil.
    public var range: ClosedRange<Double>?
    /// Characters from lowest to highest value; at least two.
    public var ramp: String
    /// Decimals for the scale and the values in the SVG cells.
    public var decimals: Int
    /// Whether the SVG writes each value in its cell (when the cells are large enough).
    public var showValues: Bool
    /// Columns of the text form.
    public var width: Int

    /// A heatmap of `values`, rows given as arrays.
    public init(_ values: [[Double]], rowLabels: [String] = [], columnLabels: [String] = [], title: String = "",
                range: ClosedRange<Double>? = nil, ramp: String = " .:-=+*#%@", decimals: Int = 2,
                showValues: Bool = true, width: Int = 72) {
        self.values = values
        (self.rowLabels, self.columnLabels, self.title, self.range) = (rowLabels, columnLabels, title, range)
        self.ramp = ramp.count >= 2 ? ramp : " .:-=+*#%@"
        (self.decimals, self.showValues, self.width) = (decimals, showValues, width)
    }

    var rowCount: Int { values.count }
    var columnCount: Int { values.map(\.count).max() ?? 0 }

    func value(_ row: Int, _ column: Int) -> Double {
        column < values[row].count ? values[row][column] : .nan
    }

    func rowLabel(_ row: Int) -> String { row < rowLabels.count ? rowLabels[row] : String(row) }
    func columnLabel(_ column: Int) -> String { column < columnLabels.count ? columnLabels[column] : String(column) }

    /// The scale's ends: `range`, or the finite data's min and max.
    var scale: (min: Double, max: Double) {
        if let range { return (range.lowerBound, range.upperBound) }
        let finite = values.flatMap { $0 }.filter(\.isFinite)
        return (finite.min() ?? 0, finite.max() ?? 0)
    }

    /// Where `value` sits on the scale, 0…1 (0.5 when the scale has no range).
    func position(_ value: Double) -> Double {
        let (lo, hi) = scale
        guard hi > lo else { return 0.5 }
        return min(1, max(0, (value - lo) / (hi - lo)))
    }

    /// The ramp character for a value.
    public func glyph(for value: Double) -> Character {
        guard value.isFinite else { return "?" }
        let chars = Array(ramp)
        return chars[Int((position(value) * Double(chars.count - 1)).rounded())]
    }

    var skippedCount: Int {
        (0..<rowCount).reduce(0) { sum, r in sum + (0..<columnCount).filter { !value(r, $0).isFinite }.count }
    }

    var notes: [String] {
        var notes: [String] = []
        let skipped = skippedCount
        if skipped > 0 { notes.append("\(skipped) non-finite or missing cell\(skipped == 1 ? "" : "s") shown as ?") }
        return notes
    }

    var scaleText: String {
        "scale: min " + NumberFormat.fixed(scale.min, decimals) + " [" + ramp + "] max " + NumberFormat.fixed(scale.max, decimals)
    }

    /// The map as ramp characters with a scale.
    public var text: String { HeatmapText(map: self).render() }
    /// The map as an SVG document with a colour bar.
    public var svg: String { HeatmapSVG(map: self).render() }
}

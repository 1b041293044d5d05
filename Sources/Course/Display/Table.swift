/// A table: a header and rows, as aligned text and as an HTML table.
///
///     Table(header: ["k", "within-cluster SS"], rows: [["2", "41.20"], ["3", "12.50"]]).show()
///
/// Cells that read as numbers are right-aligned, the rest left-aligned. The text form fits
/// `width` by shortening the widest columns (cut cells end in "~"); the HTML keeps every cell.
public struct Table: RichDisplay {
    /// The column headings.
    public var header: [String]
    /// The cells, row by row; short rows are padded with empty cells.
    public var rows: [[String]]
    /// Shown above the table when not empty.
    public var title: String
    /// Columns the text form may use.
    public var width: Int

    /// A table of ready-made strings.
    public init(header: [String], rows: [[String]], title: String = "", width: Int = 72) {
        (self.header, self.rows, self.title, self.width) = (header, rows, title, width)
    }

    /// Rows of any printable values: numbers print with `decimals` places.
    public init(header: [String], rows: [[Any]], decimals: Int = 2, title: String = "", width: Int = 72) {
        let format = { (value: Any) -> String in
            switch value {
            case let x as Double: return NumberFormat.fixed(x, decimals)
            case let x as Float: return NumberFormat.fixed(Double(x), decimals)
            default: return String(describing: value)
            }
        }
        self.init(header: header, rows: rows.map { $0.map(format) }, title: title, width: width)
    }

    private var columnCount: Int { max(header.count, rows.map(\.count).max() ?? 0) }

    private func cell(_ row: [String], _ column: Int) -> String { column < row.count ? row[column] : "" }

    static func isNumeric(_ s: String) -> Bool {
        let trimmed = s.hasSuffix("%") ? String(s.dropLast()) : s
        return !trimmed.isEmpty && (Double(trimmed) != nil || trimmed == "nan" || trimmed == "inf" || trimmed == "-inf")
    }

    /// A column is right-aligned when every non-empty body cell in it is a number.
    private func rightAligned(_ column: Int) -> Bool {
        let cells = rows.map { cell($0, column) }.filter { !$0.isEmpty }
        return !cells.isEmpty && cells.allSatisfy(Self.isNumeric)
    }

    /// Column widths, shrinking the widest column one character at a time until the table
    /// (columns plus " | " separators) fits the width; no column goes below 3.
    func columnWidths() -> [Int] {
        var widths = (0..<columnCount).map { c in ([header] + rows).map { cell($0, c).count }.max() ?? 0 }
        let budget = max(XYChart.minimumWidth, width) - 3 * max(0, columnCount - 1)
        while widths.reduce(0, +) > budget, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
              widths[widest] > 3 {
            widths[widest] -= 1
        }
        return widths
    }

    /// The table as aligned text, at most `width` columns.
    public var text: String {
        let widths = columnWidths()
        let format = { (row: [String]) -> String in
            let cells = widths.indices.map { c -> String in
                let text = TextLayout.clip(self.cell(row, c), widths[c])
                return self.rightAligned(c) ? TextLayout.padLeft(text, widths[c]) : TextLayout.padRight(text, widths[c])
            }
            return TextLayout.trimTrailing(cells.joined(separator: " | "))
        }
        var out: [String] = []
        if !title.isEmpty { out.append(TextLayout.clip(title, max(XYChart.minimumWidth, width))) }
        out.append(format(header))
        out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-"))
        out += rows.map(format)
        return out.joined(separator: "\n")
    }

    /// The table as HTML, every cell whole.
    public var html: String {
        var out = "<table class=\"wb-table\">"
        if !title.isEmpty { out += "<caption>" + Markup.escape(title) + "</caption>" }
        let align = { (c: Int) in self.rightAligned(c) ? " style=\"text-align:right\"" : "" }
        out += "<thead><tr>"
        for c in 0..<columnCount { out += "<th\(align(c))>" + Markup.escape(cell(header, c)) + "</th>" }
        out += "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>"
            for c in 0..<columnCount { out += "<td\(align(c))>" + Markup.escape(cell(row, c)) + "</td>" }
            out += "</tr>"
        }
        return out + "</tbody></table>"
    }
}

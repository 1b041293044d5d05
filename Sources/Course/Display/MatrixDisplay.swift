/// A matrix of numbers shown with a fixed number of decimals, columns aligned.
///
///     MatrixDisplay([[1, -0.5], [0.25, 2]], decimals: 2).show()
///     // [[ 1.00, -0.50],
///     //  [ 0.25,  2.00]]
///
/// With row or column labels it shows as a labelled grid instead (a confusion matrix, say).
public struct MatrixDisplay: RichDisplay {
    /// The rows of the matrix.
    public var values: [[Double]]
    /// Digits after the decimal point.
    public var decimals: Int
    /// Names of the rows; with column labels, they turn the display into a grid.
    public var rowLabels: [String]
    /// Names of the columns.
    public var columnLabels: [String]
    /// Shown above the matrix when not empty.
    public var title: String

    /// A display of `values`, rows given as arrays.
    public init(_ values: [[Double]], decimals: Int = 4, rowLabels: [String] = [], columnLabels: [String] = [],
                title: String = "") {
        (self.values, self.decimals, self.rowLabels, self.columnLabels, self.title) =
            (values, decimals, rowLabels, columnLabels, title)
    }

    private var formatted: [[String]] { values.map { $0.map { NumberFormat.fixed($0, decimals) } } }
    private var labelled: Bool { !rowLabels.isEmpty || !columnLabels.isEmpty }
    private var columnCount: Int { values.map(\.count).max() ?? 0 }

    /// The matrix as aligned text.
    public var text: String {
        var out: [String] = title.isEmpty ? [] : [title]
        let cells = formatted
        guard !cells.isEmpty else { return (out + ["[]"]).joined(separator: "\n") }
        if labelled {
            let header = [""] + (0..<columnCount).map { $0 < columnLabels.count ? columnLabels[$0] : String($0) }
            let rows = cells.enumerated().map { r, row in [r < rowLabels.count ? rowLabels[r] : String(r)] + row }
            out.append(Table(header: header, rows: rows, width: 1000).text)
            return out.joined(separator: "\n")
        }
        // Numpy's layout: one bracketed row per line, every column as wide as its widest number.
        let widths = (0..<columnCount).map { c in cells.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        for (r, row) in cells.enumerated() {
            let body = row.enumerated().map { TextLayout.padLeft($0.element, widths[$0.offset]) }.joined(separator: ", ")
            let open = r == 0 ? "[[" : " ["
            let close = r == cells.count - 1 ? "]]" : "],"
            out.append(open + body + close)
        }
        return out.joined(separator: "\n")
    }

    /// The matrix as an HTML table, for the report.
    public var html: String {
        var out = "<table class=\"wb-matrix\">"
        if !title.isEmpty { out += "<caption>" + Markup.escape(title) + "</caption>" }
        if !columnLabels.isEmpty {
            out += "<thead><tr>" + (rowLabels.isEmpty ? "" : "<th></th>")
            for c in 0..<columnCount {
                out += "<th>" + Markup.escape(c < columnLabels.count ? columnLabels[c] : String(c)) + "</th>"
            }
            out += "</tr></thead>"
        }
        out += "<tbody>"
        for (r, row) in formatted.enumerated() {
            out += "<tr>"
            if !rowLabels.isEmpty { out += "<th>" + Markup.escape(r < rowLabels.count ? rowLabels[r] : String(r)) + "</th>" }
            for cell in row { out += "<td style=\"text-align:right;font-family:monospace\">" + cell + "</td>" }
            out += "</tr>"
        }
        return out + "</tbody></table>"
    }
}

/// One CSV cell, written and read per RFC 4180.
public enum CSVCell {
    /// RFC 4180, with spreadsheet formulas defused: the same rule as the long CSV
    /// (`GradesCSV.field`): quoted when it holds a comma, quote or line break; a cell starting
    /// with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` and quotes. Our
    /// own numbers are never negative, so no number is changed.
    public static func escape(_ text: String) -> String { GradesCSV.field(text) }

    public static func row(_ cells: [String]) -> String { cells.map(escape).joined(separator: ",") }

    /// Rows of cells, each with the 1-based line it starts on. Accepts LF or CRLF lines and a
    /// leading byte-order mark (spreadsheets write one); a quote left open is an error.
    public static func parse(_ text: String, file: String) throws -> [(line: Int, cells: [String])] {
        var rows: [(line: Int, cells: [String])] = []
        var cells: [String] = [], cell = "", inQuotes = false, atCellStart = true
        var line = 1, rowLine = 1
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var index = 0
        func endRow() {
            cells.append(cell)
            if !(cells.count == 1 && cells[0].isEmpty) { rows.append((rowLine, cells)) }
            cells = []; cell = ""; atCellStart = true
        }
        while index < scalars.count {
            let c = scalars[index]
            if inQuotes {
                if c == "\"" {
                    if index + 1 < scalars.count && scalars[index + 1] == "\"" { cell += "\""; index += 1 } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    cell.unicodeScalars.append(c)
                }
            } else if c == "\"" && atCellStart {
                inQuotes = true
                atCellStart = false
            } else if c == "," {
                cells.append(cell); cell = ""; atCellStart = true
            } else if c == "\n" || c == "\r" {
                if c == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n" { index += 1 }
                endRow()
                line += 1
                rowLine = line
            } else {
                cell.unicodeScalars.append(c)
                atCellStart = false
            }
            index += 1
        }
        if inQuotes { throw WorkbookError("a quoted cell is never closed", file: file, line: rowLine) }
        if !cell.isEmpty || !cells.isEmpty { endRow() }
        return rows
    }
}

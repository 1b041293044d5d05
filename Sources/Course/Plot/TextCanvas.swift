/// A grid of characters that ASCII plots draw into, row 0 at the top.
struct TextCanvas {
    let width: Int
    let height: Int
    private var cells: [[Character]]

    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Array(repeating: " ", count: self.width), count: self.height)
    }

    subscript(row: Int, column: Int) -> Character {
        get { cells[row][column] }
        set {
            guard row >= 0, row < height, column >= 0, column < width else { return }
            cells[row][column] = newValue
        }
    }

    /// Writes `text` starting at `column`, clipped to the canvas.
    mutating func write(_ text: String, row: Int, column: Int) {
        for (offset, ch) in text.enumerated() { self[row, column + offset] = ch }
    }

    /// Draws a straight line of `glyph` between two cells (Bresenham), so consecutive
    /// points of a series read as a curve rather than scattered dots.
    mutating func line(from a: (row: Int, column: Int), to b: (row: Int, column: Int), glyph: Character) {
        var (r, c) = a
        let dr = abs(b.row - a.row), dc = abs(b.column - a.column)
        let sr = a.row < b.row ? 1 : -1, sc = a.column < b.column ? 1 : -1
        var error = dc - dr
        while true {
            self[r, c] = glyph
            if r == b.row && c == b.column { break }
            let twice = 2 * error
            if twice > -dr { error -= dr; c += sc }
            if twice < dc { error += dc; r += sr }
        }
    }

    /// The rows as strings, trailing spaces removed.
    var lines: [String] { cells.map { TextLayout.trimTrailing(String($0)) } }
}

/// Small helpers for laying out lines of text within a width.
enum TextLayout {
    static func trimTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }

    /// Cuts `s` to `width` characters, marking the cut with "~".
    static func clip(_ s: String, _ width: Int) -> String {
        guard s.count > width else { return s }
        guard width > 1 else { return String(s.prefix(max(0, width))) }
        return String(s.prefix(width - 1)) + "~"
    }

    static func padLeft(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - s.count)) + s
    }

    static func padRight(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - s.count))
    }

    static func center(_ s: String, _ width: Int) -> String {
        let s = clip(s, width)
        return trimTrailing(String(repeating: " ", count: (width - s.count) / 2) + s)
    }

    /// Joins items with three spaces, starting a new line when the next would pass `width`.
    static func wrap(_ items: [String], width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for item in items.map({ clip($0, width) }) {
            if current.isEmpty {
                current = item
            } else if current.count + 3 + item.count <= width {
                current += "   " + item
            } else {
                lines.append(current)
                current = item
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

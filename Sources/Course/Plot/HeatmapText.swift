/// The ASCII form of a `Heatmap`: row labels, a grid of ramp characters, column labels on
/// top (numbers with a key underneath when the labels are wider than a cell) and the scale.
struct HeatmapText {
    let map: Heatmap

    func render() -> String {
        let width = max(XYChart.minimumWidth, map.width)
        var out: [String] = []
        if !map.title.isEmpty { out.append(TextLayout.center(map.title, width)) }
        guard map.rowCount > 0, map.columnCount > 0 else {
            out.append("(no data)")
            return out.joined(separator: "\n")
        }
        let labelWidth = min(16, (0..<map.rowCount).map { map.rowLabel($0).count }.max() ?? 1)
        let left = labelWidth + 2
        let available = width - left - 1
        let longest = (0..<map.columnCount).map { map.columnLabel($0).count }.max() ?? 1
        // Wide enough for the labels if possible, never more than four columns per cell.
        var cellWidth = min(4, max(2, longest + 1))
        while cellWidth > 1 && cellWidth * map.columnCount > available { cellWidth -= 1 }
        let shown = min(map.columnCount, max(1, available / cellWidth))

        let labels = (0..<shown).map { map.columnLabel($0) }
        let labelsFit = labels.allSatisfy { $0.count < cellWidth }
        let header = labelsFit ? labels : (0..<shown).map(String.init)
        if header.allSatisfy({ $0.count < cellWidth }) {
            out.append(String(repeating: " ", count: left) + header.map { TextLayout.padRight(" " + $0, cellWidth) }.joined())
        }
        let border = String(repeating: " ", count: left - 1) + "+" + String(repeating: "-", count: shown * cellWidth) + "+"
        out.append(border)
        for row in 0..<map.rowCount {
            var line = TextLayout.padLeft(TextLayout.clip(map.rowLabel(row), labelWidth), labelWidth) + " |"
            for column in 0..<shown {
                line += String(repeating: String(map.glyph(for: map.value(row, column))), count: cellWidth)
            }
            out.append(line + "|")
        }
        out.append(border)
        out.append(TextLayout.clip(map.scaleText, width))
        // Default labels are the indices themselves; a key would only repeat them.
        if !labelsFit && !map.columnLabels.isEmpty {
            let key = labels.enumerated().map { "\($0.offset) = \($0.element)" }
            out += TextLayout.wrap(key, width: width - 9).enumerated().map { ($0.offset == 0 ? "columns: " : "         ") + $0.element }
        }
        if shown < map.columnCount {
            out.append(TextLayout.clip("note: first \(shown) of \(map.columnCount) columns shown", width))
        }
        out += map.notes.map { TextLayout.clip("note: " + $0, width) }
        return out.map(TextLayout.trimTrailing).joined(separator: "\n")
    }
}

/// The SVG form of a `Heatmap`: viridis cells, row and column labels, a colour bar.
struct HeatmapSVG {
    let map: Heatmap

    func render() -> String {
        let maxWidth = 480.0
        let heading = SVGTitle(map.title, width: maxWidth - 20)
        let top = (map.title.isEmpty ? 12.0 : 38.0) + heading.extraHeight
        let rows = map.rowCount, columns = map.columnCount
        guard rows > 0, columns > 0 else {
            var doc = SVGDocument(width: maxWidth, height: top + 50, title: map.title.isEmpty ? "heatmap" : map.title)
            heading.draw(&doc, centreX: maxWidth / 2)
            doc.text("no data", x: maxWidth / 2, y: top + 30, anchor: "middle", size: 13, fill: "#666666")
            return doc.rendered
        }
        let rowNames = (0..<rows).map { TextLayout.clip(map.rowLabel($0), 20) }
        let columnNames = (0..<columns).map { TextLayout.clip(map.columnLabel($0), 20) }
        let left: Double = 16 + (rowNames.map { SVGDocument.estimatedWidth($0) }.max() ?? 0.0)
        let barRoom = 90.0
        let cell: Double = max(4.0, min(44.0, (maxWidth - left - barRoom) / Double(columns), 420.0 / Double(rows)))
        let upright = columnNames.allSatisfy { SVGDocument.estimatedWidth($0, size: 12) <= cell - 2 }
        let headerRoom: Double = upright ? 18.0 : 10.0 + (columnNames.map { SVGDocument.estimatedWidth($0, size: 12) }.max() ?? 0.0)
        let gridTop: Double = top + headerRoom
        let gridBottom: Double = gridTop + cell * Double(rows)
        let notes = map.notes
        let height: Double = gridBottom + 34.0 + Double(notes.count) * 16.0
        // As wide as the grid needs (and the title), so a small matrix is not stretched.
        let titleWidth: Double = heading.width + 20
        let W: Double = min(maxWidth, max(titleWidth, left + cell * Double(columns) + barRoom))
        var doc = SVGDocument(width: W, height: height, title: map.title.isEmpty ? "heatmap" : map.title)
        heading.draw(&doc, centreX: W / 2)

        for (c, name) in columnNames.enumerated() {
            let x: Double = left + (Double(c) + 0.5) * cell
            if upright {
                doc.text(name, x: x, y: gridTop - 6, anchor: "middle", size: 12, fill: "#444444")
            } else {
                doc.text(name, x: x + 4, y: gridTop - 6, anchor: "start", size: 12, fill: "#444444", rotate: true)
            }
        }
        let valuesFit = map.showValues && cell >= 26
        for r in 0..<rows {
            let y: Double = gridTop + Double(r) * cell
            doc.text(rowNames[r], x: left - 6, y: y + cell / 2 + 4, anchor: "end", size: 12, fill: "#444444")
            for c in 0..<columns {
                let x: Double = left + Double(c) * cell
                let v = map.value(r, c)
                let t: Double = map.position(v)
                let centreX: Double = x + cell / 2, baseline: Double = y + cell / 2 + 4
                doc.rect(x: x, y: y, width: cell, height: cell, fill: v.isFinite ? Palette.sequential(t) : "#dddddd",
                         stroke: "#ffffff", extra: " stroke-width=\"0.5\"")
                if !v.isFinite {
                    doc.text("?", x: centreX, y: baseline, anchor: "middle", size: 12, fill: "#444444")
                } else if valuesFit {
                    let ink = Palette.needsLightText(t) ? "#ffffff" : "#000000"
                    doc.text(NumberFormat.fixed(v, map.decimals), x: centreX, y: baseline,
                             anchor: "middle", size: min(11.0, cell / 3.4), fill: ink)
                }
            }
        }
        drawColourBar(&doc, x: left + cell * Double(columns) + 16, top: gridTop, bottom: gridBottom)
        var noteY = gridBottom + 24
        for note in notes {
            doc.text(SVGDocument.fitted("note: " + note, width: W - 24, size: 12), x: 16, y: noteY, size: 12, fill: "#666666")
            noteY += 16
        }
        return doc.rendered
    }

    /// A vertical bar of 20 colour steps (rects, not a gradient, so no ids are needed and
    /// several plots can share one page), labelled with the scale's min and max.
    private func drawColourBar(_ doc: inout SVGDocument, x: Double, top: Double, bottom: Double) {
        let steps = 20
        let step: Double = (bottom - top) / Double(steps)
        for i in 0..<steps {
            let t: Double = 1 - (Double(i) + 0.5) / Double(steps)
            doc.rect(x: x, y: top + Double(i) * step, width: 14, height: step + 0.5, fill: Palette.sequential(t))
        }
        doc.rect(x: x, y: top, width: 14, height: bottom - top, fill: "none", stroke: "#333333")
        doc.text(NumberFormat.fixed(map.scale.max, map.decimals), x: x + 20, y: top + 10, size: 12, fill: "#444444")
        doc.text(NumberFormat.fixed(map.scale.min, map.decimals), x: x + 20, y: bottom, size: 12, fill: "#444444")
    }
}

/// What a legend entry looks like in the SVG form.
enum LegendKey {
    case line(colour: String, dash: String)
    case marker(shape: Int, colour: String)
    case centroid
}

struct LegendEntry {
    let glyph: Character
    let name: String
    let key: LegendKey
}

/// The frame line and scatter plots share: axes with tick labels, title, axis labels,
/// legend and notes, in text and in SVG. The plots supply the data range and draw the marks.
struct XYChart {
    var title = ""
    var xLabel = ""
    var yLabel = ""
    var logY = false
    var width = 72
    var height = 15
    /// Every finite value that must fit on each axis.
    var xs: [Double] = []
    var ys: [Double] = []
    var legend: [LegendEntry] = []
    var notes: [String] = []
    /// SVG space kept between the axes and the data, so points on the range's edge are not
    /// cut by the frame (scatter plots); 0 puts bars right on the axis (histograms).
    var inset: Double = 0

    /// Text plots never get narrower than this, whatever `width` asks for.
    static let minimumWidth = 24

    var xScale: AxisScale { AxisScale(values: xs, targetTicks: 6) }
    var yScale: AxisScale { AxisScale(values: ys, log: logY, targetTicks: 5) }
    var isEmpty: Bool { xs.isEmpty || ys.isEmpty }

    // MARK: text

    /// Renders the frame; `draw` marks the data, given a cell for each (x, y).
    func text(draw: (inout TextCanvas, (Double, Double) -> (row: Int, column: Int)) -> Void) -> String {
        let width = max(Self.minimumWidth, self.width)
        var out: [String] = []
        if !title.isEmpty { out.append(TextLayout.center(title, width)) }
        if isEmpty {
            out.append("(no data)")
            return finish(out, width: width)
        }
        let xScale = self.xScale, yScale = self.yScale
        let labelWidth = min(12, yScale.labels.map(\.count).max() ?? 1)
        let left = labelWidth + 2
        let plotRows = max(3, height)
        let plotWidth = width - left
        var canvas = TextCanvas(width: plotWidth, height: plotRows)
        let cell = { (x: Double, y: Double) -> (row: Int, column: Int) in
            let column = Int((xScale.fraction(x) * Double(plotWidth - 1)).rounded())
            let row = Int(((1 - yScale.fraction(y)) * Double(plotRows - 1)).rounded())
            return (row, column)
        }
        draw(&canvas, cell)

        var tickLabelAt: [Int: String] = [:]
        for (tick, label) in zip(yScale.ticks, yScale.labels) {
            tickLabelAt[Int(((1 - yScale.tickFraction(tick)) * Double(plotRows - 1)).rounded())] = label
        }
        if !yLabel.isEmpty { out.append(TextLayout.clip(yLabel, width)) }
        for (row, line) in canvas.lines.enumerated() {
            let label = tickLabelAt[row].map { TextLayout.clip($0, labelWidth) } ?? ""
            let axis = tickLabelAt[row] == nil ? "|" : "+"
            out.append(TextLayout.trimTrailing(TextLayout.padLeft(label, labelWidth) + " " + axis + line))
        }
        out += xAxisLines(xScale, left: left, plotWidth: canvas.width, width: width)
        if !xLabel.isEmpty { out.append(TextLayout.padLeft(TextLayout.clip(xLabel, width), width)) }
        return finish(out, width: width)
    }

    /// The x axis rule with tick marks, and the tick labels under it, skipping any label
    /// that would touch its neighbour.
    private func xAxisLines(_ scale: AxisScale, left: Int, plotWidth: Int, width: Int) -> [String] {
        var rule = Array(String(repeating: " ", count: left - 1) + "+" + String(repeating: "-", count: plotWidth))
        var labels = Array(repeating: Character(" "), count: width)
        var nextFree = 0
        for (tick, label) in zip(scale.ticks, scale.labels) {
            let column = left + Int((scale.tickFraction(tick) * Double(plotWidth - 1)).rounded())
            // Column 0 sits beside the corner, which already marks it.
            if column > left && column < rule.count { rule[column] = "+" }
            let text = Array(TextLayout.clip(label, width))
            let start = min(width - text.count, max(0, column - text.count / 2))
            guard start >= nextFree else { continue }
            for (i, ch) in text.enumerated() { labels[start + i] = ch }
            nextFree = start + text.count + 1
        }
        return [String(rule), TextLayout.trimTrailing(String(labels))]
    }

    private func finish(_ lines: [String], width: Int) -> String {
        var out = lines
        out += TextLayout.wrap(legend.map { "\($0.glyph) \($0.name)" }, width: width)
        out += notes.map { TextLayout.clip("note: " + $0, width) }
        return out.joined(separator: "\n")
    }

    // MARK: SVG

    // 480 wide: on a phone it shrinks by a third at most, so 12 px text stays legible.
    static let svgWidth = 480.0
    static let plotHeight = 240.0

    /// Renders the frame; `draw` marks the data, given a point in SVG space for each (x, y).
    func svg(draw: (inout SVGDocument, (Double, Double) -> (Double, Double)) -> Void) -> String {
        let W = Self.svgWidth
        let heading = SVGTitle(title, width: W - 20)
        let top = (title.isEmpty ? 16.0 : 38.0) + heading.extraHeight
        let xScale = self.xScale, yScale = self.yScale
        let yLabelRoom = yLabel.isEmpty ? 0.0 : 20.0
        let widestTick: Double = yScale.labels.map { SVGDocument.estimatedWidth($0, size: 12) }.max() ?? 0.0
        let tickRoom: Double = widestTick + 12
        let left: Double = 10 + yLabelRoom + min(120.0, tickRoom)
        let right: Double = W - 20
        let plotTop: Double = top
        let plotBottom: Double = top + (isEmpty ? 60.0 : Self.plotHeight)
        let legendRows = legendLayout(width: W - 40)
        var y: Double = plotBottom + 20 + (xLabel.isEmpty ? 0.0 : 20.0)
        let legendTop: Double = y + 8
        y = legendTop + Double(legendRows.count) * 20.0 + Double(notes.count) * 16.0 + 8.0
        var doc = SVGDocument(width: W, height: y, title: title.isEmpty ? "plot" : title)
        heading.draw(&doc, centreX: W / 2)
        if isEmpty {
            doc.text("no data", x: W / 2, y: plotTop + 34, anchor: "middle", size: 13, fill: "#666666")
        } else {
            let inset = self.inset
            let toX = { (f: Double) -> Double in left + inset + f * (right - left - 2 * inset) }
            let toY = { (f: Double) -> Double in plotBottom - inset - f * (plotBottom - plotTop - 2 * inset) }
            let point = { (x: Double, v: Double) -> (Double, Double) in
                (toX(xScale.fraction(x)), toY(yScale.fraction(v)))
            }
            for (tick, label) in zip(yScale.ticks, yScale.labels) {
                let py: Double = toY(yScale.tickFraction(tick))
                doc.line(x1: left, y1: py, x2: right, y2: py, stroke: "#e5e5e5")
                doc.text(label, x: left - 6, y: py + 4, anchor: "end", size: 12, fill: "#444444")
            }
            for (tick, label) in zip(xScale.ticks, xScale.labels) {
                let px: Double = toX(xScale.tickFraction(tick))
                doc.line(x1: px, y1: plotTop, x2: px, y2: plotBottom, stroke: "#e5e5e5")
                doc.text(label, x: px, y: plotBottom + 16, anchor: "middle", size: 12, fill: "#444444")
            }
            doc.line(x1: left, y1: plotBottom, x2: right, y2: plotBottom, stroke: "#333333")
            doc.line(x1: left, y1: plotTop, x2: left, y2: plotBottom, stroke: "#333333")
            draw(&doc, point)
            if !yLabel.isEmpty {
                doc.text(SVGDocument.fitted(yLabel, width: plotBottom - plotTop, size: 13), x: 16, y: (plotTop + plotBottom) / 2, anchor: "middle", size: 13, rotate: true)
            }
            if !xLabel.isEmpty {
                doc.text(SVGDocument.fitted(xLabel, width: right - left, size: 13), x: (left + right) / 2, y: plotBottom + 36, anchor: "middle", size: 13)
            }
        }
        drawLegend(&doc, rows: legendRows, top: legendTop)
        var noteY: Double = legendTop + Double(legendRows.count) * 20.0 + 10.0
        for note in notes {
            doc.text(SVGDocument.fitted("note: " + note, width: W - 30, size: 12), x: 20, y: noteY, size: 12, fill: "#666666")
            noteY += 16
        }
        return doc.rendered
    }

    /// Legend entries grouped into rows that fit `width`, each with its x offset.
    private func legendLayout(width: Double) -> [[(LegendEntry, Double)]] {
        var rows: [[(LegendEntry, Double)]] = []
        var row: [(LegendEntry, Double)] = []
        var x = 0.0
        for entry in legend {
            let name = SVGDocument.fitted(entry.name, width: width - 48, size: 13)
            let entryWidth: Double = 30 + SVGDocument.estimatedWidth(name, size: 13) + 18
            if !row.isEmpty && x + entryWidth > width {
                rows.append(row)
                (row, x) = ([], 0)
            }
            row.append((LegendEntry(glyph: entry.glyph, name: name, key: entry.key), x))
            x += entryWidth
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }

    private func drawLegend(_ doc: inout SVGDocument, rows: [[(LegendEntry, Double)]], top: Double) {
        for (index, row) in rows.enumerated() {
            let y: Double = top + Double(index) * 20.0 + 6.0
            for (entry, offset) in row {
                let x: Double = 20 + offset
                switch entry.key {
                case let .line(colour, dash):
                    doc.line(x1: x, y1: y, x2: x + 24, y2: y, stroke: colour, width: 2.5, dash: dash)
                case let .marker(shape, colour):
                    doc.marker(shape: shape, x: x + 12, y: y, radius: 4.5, fill: colour)
                case .centroid:
                    CentroidMark.draw(&doc, x: x + 12, y: y, colour: "#ffffff")
                }
                doc.text(entry.name, x: x + 30, y: y + 4, size: 13)
            }
        }
    }
}

/// The mark for a centroid in SVG: a large cross with a dark outline, so it stands out from
/// the points of its own cluster.
enum CentroidMark {
    static func draw(_ doc: inout SVGDocument, x: Double, y: Double, colour: String) {
        let n = NumberFormat.coordinate
        let r = 7.0, t = 2.2
        let d = "M\(n(x - r)),\(n(y - r + t))L\(n(x - r + t)),\(n(y - r))L\(n(x)),\(n(y - t))L\(n(x + r - t)),\(n(y - r))L\(n(x + r)),\(n(y - r + t))L\(n(x + t)),\(n(y))L\(n(x + r)),\(n(y + r - t))L\(n(x + r - t)),\(n(y + r))L\(n(x)),\(n(y + t))L\(n(x - r + t)),\(n(y + r))L\(n(x - r)),\(n(y + r - t))L\(n(x - t)),\(n(y))Z"
        doc.raw("<path d=\"\(d)\" fill=\"\(colour)\" stroke=\"#000000\" stroke-width=\"1.5\"/>")
    }
}

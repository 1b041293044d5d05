/// A horizontal bar chart: one labelled bar per value, negative values to the left of zero.
///
///     BarChart(labels: ["k=2", "k=3", "k=4"], values: [41.2, 12.5, 10.9], title: "within-cluster SS").show()
///
/// A NaN or infinite value gets no bar, prints as "nan"/"inf" and is noted under the chart.
public struct BarChart: PlotDisplay {
    /// The name of each bar, top to bottom.
    public var labels: [String]
    /// The length of each bar.
    public var values: [Double]
    /// Shown above the chart when not empty.
    public var title: String
    /// Decimals of the value printed after each bar.
    public var decimals: Int
    /// Columns of the text form.
    public var width: Int

    /// A bar per (label, value) pair; extra labels or values are left out.
    public init(labels: [String], values: [Double], title: String = "", decimals: Int = 2, width: Int = 72) {
        PlotInput.requireSameLength("bar chart", ("labels", labels.count), ("values", values.count))
        (self.labels, self.values, self.title, self.decimals, self.width) = (labels, values, title, decimals, width)
    }

    /// Bars from (label, value) pairs, in order.
    public init(_ pairs: [(String, Double)], title: String = "", decimals: Int = 2, width: Int = 72) {
        self.init(labels: pairs.map(\.0), values: pairs.map(\.1), title: title, decimals: decimals, width: width)
    }

    private var count: Int { min(labels.count, values.count) }

    private var extent: (lo: Double, hi: Double) {
        let finite = values.prefix(count).filter(\.isFinite)
        return (min(0, finite.min() ?? 0), max(0, finite.max() ?? 0))
    }

    private var notes: [String] {
        let skipped = values.prefix(count).filter { !$0.isFinite }.count
        return skipped > 0 ? ["\(skipped) non-finite value\(skipped == 1 ? "" : "s") drawn without a bar"] : []
    }

    /// The column span [start, end) of a value's bar in a bar area `barWidth` wide.
    func barSpan(_ value: Double, barWidth: Int) -> (start: Int, end: Int) {
        let (lo, hi) = extent
        guard value.isFinite, hi > lo else { return (0, 0) }
        let column = { (v: Double) in Int(((v - lo) / (hi - lo) * Double(barWidth)).rounded()) }
        let zero = column(0), end = column(value)
        return (min(zero, end), max(zero, end))
    }

    /// The chart as text, `width` columns wide.
    public var text: String {
        let width = max(XYChart.minimumWidth, self.width)
        var out: [String] = []
        if !title.isEmpty { out.append(TextLayout.center(title, width)) }
        guard count > 0 else { return (out + ["(no data)"]).joined(separator: "\n") }
        let formatted = values.prefix(count).map { NumberFormat.fixed($0, decimals) }
        let valueWidth = formatted.map(\.count).max() ?? 1
        let longest = labels.prefix(count).map(\.count).max() ?? 1
        // Labels give way first, so the bars keep at least four columns.
        let labelWidth = max(1, min(max(4, width / 3), longest, width - valueWidth - 8))
        let barWidth = max(4, width - labelWidth - valueWidth - 4)
        let (lo, hi) = extent
        let zero = hi > lo ? Int(((0 - lo) / (hi - lo) * Double(barWidth)).rounded()) : 0
        for i in 0..<count {
            var bar = Array(repeating: Character(" "), count: barWidth + 1)
            let span = barSpan(values[i], barWidth: barWidth)
            for c in span.start..<span.end { bar[c] = "#" }
            if lo < 0 && bar[zero] == " " { bar[zero] = "|" }
            let label = TextLayout.padLeft(TextLayout.clip(labels[i], labelWidth), labelWidth)
            out.append(label + " |" + String(bar) + " " + TextLayout.padLeft(formatted[i], valueWidth))
        }
        out += notes.map { TextLayout.clip("note: " + $0, width) }
        return out.joined(separator: "\n")
    }

    /// The chart as an SVG document.
    public var svg: String {
        let W = 480.0
        let heading = SVGTitle(title, width: W - 20)
        let top = (title.isEmpty ? 14.0 : 40.0) + heading.extraHeight
        let names = labels.prefix(count).map { TextLayout.clip($0, 20) }
        let left: Double = 16 + (names.map { SVGDocument.estimatedWidth($0, size: 13) }.max() ?? 0.0)
        let right: Double = W - 64
        let rowHeight = 24.0
        let notes = self.notes
        let height: Double = top + max(1.0, Double(count)) * rowHeight + 16.0 + Double(notes.count) * 16.0
        var doc = SVGDocument(width: W, height: height, title: title.isEmpty ? "bar chart" : title)
        heading.draw(&doc, centreX: W / 2)
        guard count > 0 else {
            doc.text("no data", x: W / 2, y: top + 16, anchor: "middle", size: 13, fill: "#666666")
            return doc.rendered
        }
        let span: Double = right - left
        let (lo, hi) = extent
        let zeroX: Double = left + (hi > lo ? (0 - lo) / (hi - lo) : 0.0) * span
        for i in 0..<count {
            let y: Double = top + Double(i) * rowHeight
            doc.text(names[i], x: left - 8, y: y + rowHeight / 2 + 4, anchor: "end", size: 13)
            let v = values[i]
            if v.isFinite && hi > lo {
                let end: Double = left + (v - lo) / (hi - lo) * span
                doc.rect(x: min(zeroX, end), y: y + 4, width: abs(end - zeroX), height: rowHeight - 8,
                         fill: Palette.colour(0))
            }
            let labelX: Double = v.isFinite && v > 0 && hi > lo ? left + (v - lo) / (hi - lo) * span + 6 : zeroX + 6
            doc.text(NumberFormat.fixed(v, decimals), x: labelX, y: y + rowHeight / 2 + 4, size: 12, fill: "#444444")
        }
        doc.line(x1: zeroX, y1: top, x2: zeroX, y2: top + Double(count) * rowHeight, stroke: "#333333")
        var noteY = top + Double(count) * rowHeight + 16
        for note in notes {
            doc.text(SVGDocument.fitted("note: " + note, width: W - 24, size: 12), x: 16, y: noteY, size: 12, fill: "#666666")
            noteY += 16
        }
        return doc.rendered
    }
}

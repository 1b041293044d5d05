/// One named series of a line plot.
public struct LineSeries {
    /// The name in the legend.
    public var name: String
    /// x of each point.
    public var x: [Double]
    /// y of each point.
    public var y: [Double]

    /// A series against its index: x = 0, 1, 2, …
    public init(_ name: String, y: [Double]) {
        self.init(name, x: y.indices.map(Double.init), y: y)
    }

    /// A series of (x[i], y[i]) points. x and y must be the same length: a mismatch is a
    /// mistake in the chapter, so it stops the cell with both lengths rather than drawing less.
    public init(_ name: String, x: [Double], y: [Double]) {
        PlotInput.requireSameLength("series \"\(name)\"", ("x", x.count), ("y", y.count))
        (self.name, self.x, self.y) = (name, x, y)
    }
}

/// A line plot of one or more series with a legend: loss curves, running sums.
///
///     var plot = LinePlot(title: "Training loss", xLabel: "epoch", yLabel: "loss", logY: true)
///     plot.add("train", y: trainLosses)
///     plot.add("validation", y: validationLosses)
///     plot.show()
///
/// Points that are NaN or infinite (or not positive, on a log axis) are skipped, the line
/// breaks there, and a note under the plot says how many were skipped.
public struct LinePlot: PlotDisplay {
    /// The lines, drawn in order; series i gets `Palette.glyph(i)` and colour i.
    public var series: [LineSeries]
    /// Shown above the plot when not empty.
    public var title: String
    /// Names the x axis, under its right end (text) or centred under it (SVG); none when empty.
    public var xLabel: String
    /// Names the y axis, above it (text) or rotated beside it (SVG); none when empty.
    public var yLabel: String
    /// Plot y on a log₁₀ axis (loss curves spanning several decades).
    public var logY: Bool
    /// Columns of the text form (at least 24).
    public var width: Int
    /// Rows of the plotting area in the text form.
    public var height: Int

    /// A plot of `series`; add more with `add`.
    public init(_ series: [LineSeries] = [], title: String = "", xLabel: String = "", yLabel: String = "",
                logY: Bool = false, width: Int = 72, height: Int = 15) {
        self.series = series
        (self.title, self.xLabel, self.yLabel) = (title, xLabel, yLabel)
        (self.logY, self.width, self.height) = (logY, width, height)
    }

    /// Adds a series against its index.
    public mutating func add(_ name: String, y: [Double]) { series.append(LineSeries(name, y: y)) }

    /// Adds a series of (x, y) points.
    public mutating func add(_ name: String, x: [Double], y: [Double]) {
        series.append(LineSeries(name, x: x, y: y))
    }

    /// Each series as runs of drawable points, broken wherever a point was skipped.
    private var runs: [[[(Double, Double)]]] {
        series.map { s in
            var runs: [[(Double, Double)]] = [[]]
            for (x, y) in zip(s.x, s.y) {
                if drawable(x, y) { runs[runs.count - 1].append((x, y)) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
            }
            return runs.filter { !$0.isEmpty }
        }
    }

    private func drawable(_ x: Double, _ y: Double) -> Bool {
        x.isFinite && y.isFinite && (!logY || y > 0)
    }

    private var chart: XYChart {
        var chart = XYChart(title: title, xLabel: xLabel, yLabel: yLabel, logY: logY, width: width, height: height)
        for (index, s) in series.enumerated() {
            let points = zip(s.x, s.y).filter { drawable($0.0, $0.1) }
            chart.xs += points.map(\.0)
            chart.ys += points.map(\.1)
            chart.legend.append(LegendEntry(glyph: Palette.glyph(index), name: s.name,
                                            key: .line(colour: Palette.colour(index), dash: Palette.dash(index))))
            let skipped = min(s.x.count, s.y.count) - points.count
            if skipped > 0 {
                let what = logY ? "non-finite or non-positive (log axis)" : "non-finite"
                chart.notes.append("skipped \(skipped) \(what) point\(skipped == 1 ? "" : "s") in \"\(s.name)\"")
            }
        }
        return chart
    }

    /// The plot as text, `width` columns wide.
    public var text: String {
        let runs = self.runs
        return chart.text { canvas, cell in
            for (index, seriesRuns) in runs.enumerated() {
                for run in seriesRuns {
                    var previous = cell(run[0].0, run[0].1)
                    canvas[previous.row, previous.column] = Palette.glyph(index)
                    for point in run.dropFirst() {
                        let next = cell(point.0, point.1)
                        canvas.line(from: previous, to: next, glyph: Palette.glyph(index))
                        previous = next
                    }
                }
            }
        }
    }

    /// The plot as an SVG document.
    public var svg: String {
        let runs = self.runs
        return chart.svg { doc, point in
            for (index, seriesRuns) in runs.enumerated() {
                let colour = Palette.colour(index)
                let total = seriesRuns.reduce(0) { $0 + $1.count }
                for run in seriesRuns {
                    let mapped = Decimation.thin(run.map { point($0.0, $0.1) })
                    if mapped.count > 1 {
                        doc.polyline(mapped, stroke: colour, width: 2, dash: Palette.dash(index))
                    }
                    // Few points, or a lone one: mark them so they can be seen and counted.
                    if total <= 30 || mapped.count == 1 {
                        for (x, y) in mapped { doc.marker(shape: index, x: x, y: y, radius: 3, fill: colour) }
                    }
                }
            }
        }
    }
}

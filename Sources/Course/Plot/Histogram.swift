import Foundation

/// A histogram: values counted into equal-width bins between their min and max.
///
///     Histogram(lengths.map(Double.init), bins: 11, title: "sequence lengths", xLabel: "length").show()
///
/// Bin i covers [edges[i], edges[i+1]); the last bin also holds its right edge. NaN and
/// infinite values are not counted, and a note says how many were left out.
public struct Histogram: PlotDisplay {
    /// The values counted.
    public var values: [Double]
    /// The number of equal-width bins (at least 1).
    public var bins: Int
    /// Shown above the plot when not empty.
    public var title: String
    /// What the values are, under the x axis.
    public var xLabel: String
    /// What is counted, beside the y axis ("count" unless you say otherwise).
    public var yLabel: String
    /// Columns of the text form.
    public var width: Int
    /// Rows of the plotting area in the text form.
    public var height: Int

    /// A histogram of `values` in `bins` bins.
    public init(_ values: [Double], bins: Int = 10, title: String = "", xLabel: String = "",
                yLabel: String = "count", width: Int = 72, height: Int = 12) {
        (self.values, self.bins, self.title, self.xLabel, self.yLabel) = (values, max(1, bins), title, xLabel, yLabel)
        (self.width, self.height) = (width, height)
    }

    private var finite: [Double] { values.filter(\.isFinite) }

    /// The bin edges, `bins + 1` of them. All-equal values get a bin of width 1 around them.
    public var edges: [Double] {
        let data = finite
        guard var lo = data.min(), var hi = data.max() else { return [] }
        if hi == lo { (lo, hi) = (lo - 0.5, hi + 0.5) }
        let step = (hi - lo) / Double(bins)
        return (0...bins).map { $0 == bins ? hi : lo + Double($0) * step }
    }

    /// How many values fall in each bin.
    public var counts: [Int] {
        let edges = self.edges
        guard let lo = edges.first, let hi = edges.last else { return [] }
        var counts = Array(repeating: 0, count: bins)
        for v in finite {
            let i = Int(((v - lo) / (hi - lo) * Double(bins)).rounded(.down))
            counts[min(bins - 1, max(0, i))] += 1
        }
        return counts
    }

    private var chart: XYChart {
        var chart = XYChart(title: title, xLabel: xLabel, yLabel: yLabel, width: width, height: height)
        let edges = self.edges
        if let first = edges.first, let last = edges.last {
            chart.xs = [first, last]
            chart.ys = [0, Double(counts.max() ?? 0)]
        }
        let skipped = values.count - finite.count
        if skipped > 0 { chart.notes.append("left out \(skipped) non-finite value\(skipped == 1 ? "" : "s")") }
        return chart
    }

    /// The histogram as text, `width` columns wide.
    public var text: String {
        let edges = self.edges, counts = self.counts
        return chart.text { canvas, cell in
            for (i, count) in counts.enumerated() where count > 0 {
                let start = cell(edges[i], 0).column
                let end = cell(edges[i + 1], 0).column
                // Leave a gap between bins when there is room, so neighbours stay apart.
                let last = end - start >= 3 ? end - 2 : max(start, end - 1)
                let bottom = cell(edges[i], 0).row, top = cell(edges[i], Double(count)).row
                for column in start...last {
                    for row in top...bottom { canvas[row, column] = "#" }
                }
            }
        }
    }

    /// The histogram as an SVG document.
    public var svg: String {
        let edges = self.edges, counts = self.counts
        return chart.svg { doc, point in
            for (i, count) in counts.enumerated() where count > 0 {
                let (x0, y0) = point(edges[i], Double(count))
                let (x1, y1) = point(edges[i + 1], 0)
                doc.rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0, fill: Palette.colour(0),
                         stroke: "#ffffff", extra: " stroke-width=\"1\"")
            }
        }
    }
}

/// A scatter plot of 2-D points, with a glyph per cluster and marked centroids: k-means,
/// one step at a time.
///
///     let plot = ScatterPlot(points: [(0, 0), (1, 0), (5, 5)], clusters: [0, 0, 1],
///                            centroids: [(0.5, 0), (5, 5)], title: "k-means, step 1")
///     plot.show()
///
/// Cluster c is drawn with `Palette.glyph(c)` (`*`, `o`, `+`, `x`, …) in text and its own
/// colour and marker shape in SVG; a negative cluster means "unassigned" (`.`). Centroid c is
/// `@` in text and a large cross in cluster c's colour in SVG. Points with a NaN or infinite
/// coordinate are skipped, with a note.
public struct ScatterPlot: PlotDisplay {
    /// The points, (x, y) each.
    public var points: [(x: Double, y: Double)]
    /// Cluster of each point, or nil for a single group.
    public var clusters: [Int]?
    /// Centroid c is drawn as `@` (text) or a cross in cluster c's colour (SVG).
    public var centroids: [(x: Double, y: Double)]
    /// Legend names by cluster number; "cluster c" when missing.
    public var clusterNames: [String]
    /// Shown above the plot when not empty.
    public var title: String
    /// Names the x axis, under its right end (text) or centred under it (SVG); none when empty.
    public var xLabel: String
    /// Names the y axis, above it (text) or rotated beside it (SVG); none when empty.
    public var yLabel: String
    /// Columns of the text form (at least 24).
    public var width: Int
    /// Rows of the plotting area in the text form.
    public var height: Int

    /// Points as (x, y) pairs, optionally with a cluster number each and centroids.
    public init(points: [(Double, Double)], clusters: [Int]? = nil, centroids: [(Double, Double)] = [],
                clusterNames: [String] = [], title: String = "", xLabel: String = "", yLabel: String = "",
                width: Int = 72, height: Int = 20) {
        if let clusters { PlotInput.requireSameLength("scatter plot", ("points", points.count), ("clusters", clusters.count)) }
        self.points = points.map { (x: $0.0, y: $0.1) }
        self.centroids = centroids.map { (x: $0.0, y: $0.1) }
        (self.clusters, self.clusterNames) = (clusters, clusterNames)
        (self.title, self.xLabel, self.yLabel, self.width, self.height) = (title, xLabel, yLabel, width, height)
    }

    /// Points and centroids as rows of coordinates (the first two are plotted).
    public init(points: [[Double]], clusters: [Int]? = nil, centroids: [[Double]] = [],
                clusterNames: [String] = [], title: String = "", xLabel: String = "", yLabel: String = "",
                width: Int = 72, height: Int = 20) {
        let pair = { (row: [Double]) -> (Double, Double) in (row.first ?? .nan, row.count > 1 ? row[1] : .nan) }
        self.init(points: points.map(pair), clusters: clusters, centroids: centroids.map(pair),
                  clusterNames: clusterNames, title: title, xLabel: xLabel, yLabel: yLabel,
                  width: width, height: height)
    }

    private func cluster(ofPoint index: Int) -> Int {
        guard let clusters, index < clusters.count else { return 0 }
        return clusters[index]
    }

    private static func glyph(_ cluster: Int) -> Character { cluster < 0 ? "." : Palette.glyph(cluster) }
    private static func finite(_ p: (x: Double, y: Double)) -> Bool { p.x.isFinite && p.y.isFinite }

    private var chart: XYChart {
        var chart = XYChart(title: title, xLabel: xLabel, yLabel: yLabel, width: width, height: height)
        chart.inset = 10
        let shown = (points + centroids).filter(Self.finite)
        chart.xs = shown.map(\.x)
        chart.ys = shown.map(\.y)
        let used = Set(points.indices.map(cluster(ofPoint:))).sorted { ($0 < 0 ? Int.max : $0) < ($1 < 0 ? Int.max : $1) }
        if clusters != nil || !clusterNames.isEmpty {
            for c in used {
                let name = c < 0 ? "unassigned" : (c < clusterNames.count ? clusterNames[c] : "cluster \(c)")
                chart.legend.append(LegendEntry(glyph: Self.glyph(c), name: name,
                                                key: .marker(shape: max(0, c), colour: c < 0 ? "#999999" : Palette.colour(c))))
            }
        }
        if !centroids.isEmpty {
            chart.legend.append(LegendEntry(glyph: Palette.centroidGlyph, name: "centroid", key: .centroid))
        }
        let skipped = points.count - points.filter(Self.finite).count
        if skipped > 0 { chart.notes.append("skipped \(skipped) point\(skipped == 1 ? "" : "s") with a non-finite coordinate") }
        let skippedCentroids = centroids.count - centroids.filter(Self.finite).count
        if skippedCentroids > 0 { chart.notes.append("skipped \(skippedCentroids) non-finite centroid\(skippedCentroids == 1 ? "" : "s")") }
        return chart
    }

    /// The plot as text, `width` columns wide.
    public var text: String {
        chart.text { canvas, cell in
            for (index, p) in points.enumerated() where Self.finite(p) {
                let at = cell(p.x, p.y)
                canvas[at.row, at.column] = Self.glyph(cluster(ofPoint: index))
            }
            // Centroids last, so a point never hides one.
            for c in centroids where Self.finite(c) {
                let at = cell(c.x, c.y)
                canvas[at.row, at.column] = Palette.centroidGlyph
            }
        }
    }

    /// The plot as an SVG document.
    public var svg: String {
        chart.svg { doc, map in
            for (index, p) in points.enumerated() where Self.finite(p) {
                let c = cluster(ofPoint: index)
                let (x, y) = map(p.x, p.y)
                doc.marker(shape: max(0, c), x: x, y: y, radius: 4, fill: c < 0 ? "#999999" : Palette.colour(c),
                           stroke: "#ffffff")
            }
            for (index, c) in centroids.enumerated() where Self.finite(c) {
                let (x, y) = map(c.x, c.y)
                CentroidMark.draw(&doc, x: x, y: y, colour: Palette.colour(index))
            }
        }
    }
}

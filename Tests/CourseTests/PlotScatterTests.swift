import Testing
@testable import Course

@Suite struct PlotScatter {
    /// Points at (0, 0) and (10, 10), centroids at (2, 8) and (10, 0). Both axes run 0…10
    /// in steps of 2, the y labels are two characters wide, so the plotting area starts at
    /// column 4 and is 68 columns by 11 rows.
    static let plot = ScatterPlot(points: [(0, 0), (10, 10)], clusters: [0, 1], centroids: [(2, 8), (10, 0)],
                                  height: 11)
    static var rows: [[Character]] { plot.text.split(separator: "\n").map(Array.init) }

    @Test func centroidGlyphsSitOnTheirCells() {
        // (2, 8): column round(0.2 × 67) = 13, row round(0.2 × 10) = 2.
        #expect(Self.rows[2][4 + 13] == "@")
        // (10, 0): the last column of the bottom row.
        #expect(Self.rows[10][4 + 67] == "@")
        #expect(Self.rows[10].count == 72)
    }

    @Test func eachClusterHasItsGlyph() {
        #expect(Self.rows[10][4] == "*")
        #expect(Self.rows[0][4 + 67] == "o")
        #expect(String(Self.rows.last!) == "* cluster 0   o cluster 1   @ centroid")
    }

    @Test func centroidsAreDrawnOverPoints() {
        let plot = ScatterPlot(points: [(0, 0), (1, 1)], clusters: [0, 0], centroids: [(1, 1)], height: 5)
        let top = plot.text.split(separator: "\n")[0]
        #expect(top.hasSuffix("@") && !top.contains("*"))
    }

    @Test func svgMarksCentroidsInTheirClusterColour() {
        let svg = Self.plot.svg
        #expect(svg.components(separatedBy: "stroke=\"#000000\" stroke-width=\"1.5\"").count - 1 == 3)  // two + legend
        #expect(svg.contains("fill=\"\(Palette.colour(1))\" stroke=\"#000000\""))
        #expect(svg.contains(">cluster 0</text>") && svg.contains(">centroid</text>"))
    }

    @Test func unassignedNamedAndRowsOfCoordinates() {
        let plot = ScatterPlot(points: [[0, 0, 9], [1, 1, 9], [2, 2, 9]], clusters: [0, -1, 1],
                               clusterNames: ["left", "right"])
        #expect(plot.text.hasSuffix("* left   o right   . unassigned"))
    }

    @Test func nonFinitePointsSkipped() {
        let plot = ScatterPlot(points: [(0, 0), (.nan, 1), (1, .infinity)], centroids: [(.nan, 0)])
        #expect(plot.text.contains("note: skipped 2 points with a non-finite coordinate"))
        #expect(plot.text.contains("note: skipped 1 non-finite centroid"))
    }

    @Test(arguments: [24, 50, 72])
    func widthRespected(width: Int) {
        var plot = PlotSamples.kMeansStep
        plot.width = width
        plot.clusterNames = [String(repeating: "x", count: 90), "b"]
        for line in plot.text.split(separator: "\n") { #expect(line.count <= width) }
    }

    @Test func emptyAndSinglePoint() {
        #expect(ScatterPlot(points: [(Double, Double)]()).text == "(no data)")
        let one = ScatterPlot(points: [(3, 4)])
        #expect(one.text.filter { $0 == "*" }.count == 1)
    }
}

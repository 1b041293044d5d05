import Testing
@testable import Course

@Suite struct PlotLine {
    static func lines(_ text: String) -> [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }

    @Test(arguments: [24, 40, 72, 101])
    func everyLineFitsTheWidth(width: Int) {
        var plot = PlotSamples.lossCurves
        plot.width = width
        plot.title = String(repeating: "a very long title ", count: 8)
        plot.add(String(repeating: "long series name ", count: 10), y: [1, .nan, 3])
        for line in Self.lines(plot.text) { #expect(line.count <= width, "\(line)") }
    }

    @Test func tooNarrowWidthIsRaisedToTheMinimum() {
        var plot = PlotSamples.lossCurves
        plot.width = 5
        let widths = Self.lines(plot.text).map(\.count)
        #expect(widths.max() == XYChart.minimumWidth)
    }

    @Test func legendListsEverySeries() {
        var plot = LinePlot()
        for name in ["train", "validation", "test"] { plot.add(name, y: [1, 2, 3]) }
        let legend = Self.lines(plot.text).last.map(String.init) ?? ""
        #expect(legend == "* train   o validation   + test")
        for name in ["train", "validation", "test"] { #expect(plot.svg.contains(">\(name)</text>")) }
    }

    @Test func pointsLandOnTheirCells() {
        // x 0…4, y 0…4: a rising diagonal from bottom-left to top-right of the plotting area.
        let plot = LinePlot([LineSeries("d", x: [0, 4], y: [0, 4])], width: 40, height: 5)
        let rows = Self.lines(plot.text)
        // y labels "0".."4" are one character, so the plot starts at column 3.
        #expect(rows[4].hasPrefix("0 +*"))
        #expect(rows[0].hasPrefix("4 +") && rows[0].hasSuffix("*") && rows[0].count == 40)
    }

    @Test func nonFiniteValuesAreSkippedAndNoted() {
        let plot = LinePlot([LineSeries("loss", y: [1, .nan, 2, .infinity, 3])])
        #expect(plot.text.contains("note: skipped 2 non-finite points in \"loss\""))
        #expect(plot.svg.contains("note: skipped 2 non-finite points in &quot;loss&quot;"))
        #expect(!plot.svg.contains("nan") && !plot.svg.contains("inf\""))
    }

    @Test func logAxisSkipsNonPositive() {
        let plot = LinePlot([LineSeries("loss", y: [1, 0, 0.1, -1])], logY: true)
        #expect(plot.text.contains("skipped 2 non-finite or non-positive (log axis) points"))
    }

    @Test func constantSeriesDrawsMidPlot() {
        let plot = LinePlot([LineSeries("c", y: [3, 3, 3])], height: 9)
        let rows = Self.lines(plot.text)
        #expect(rows[4].hasPrefix("3.0 +*") && rows[4].filter { $0 == "*" }.count == rows[4].count - 5)
    }

    @Test func singlePointAndEmptyData() {
        #expect(LinePlot([LineSeries("one", y: [7])]).text.contains("*"))
        #expect(LinePlot([LineSeries("one", y: [7])]).svg.contains("<circle"))
        #expect(LinePlot(title: "nothing").text == String(repeating: " ", count: 32) + "nothing\n(no data)")
        #expect(LinePlot([LineSeries("nan", y: [.nan])]).text.hasPrefix("(no data)\n* nan\nnote: skipped 1"))
        #expect(LinePlot().svg.contains(">no data</text>"))
    }

    @Test func htmlIsTheSVGAloneAndTheTextTravelsBesideIt() {
        let plot = LinePlot([LineSeries("a<b", y: [1, 2])])
        #expect(plot.html == "<figure class=\"wb-plot\">" + plot.svg + "</figure>")
        #expect(!plot.html.contains("<details"))
        #expect(plot.svg.contains("a&lt;b"))
        #expect(plot.text.contains("* a<b"))
    }
}

@Suite struct PlotDecimation {
    @Test func shortRunsAreKeptWhole() {
        let points = (0..<10).map { (Double($0), Double($0 % 3)) }
        #expect(Decimation.thin(points).map(\.1) == points.map(\.1))
    }

    @Test func longRunsKeepEachColumnsEnvelope() {
        // 10 points per pixel column over 500 columns; the values zigzag 0…9 within a column.
        let points = (0..<5000).map { (Double($0) / 10, Double(($0 * 7) % 10)) }
        let thinned = Decimation.thin(points)
        // Each column holds values 0,7,4,1,8,5,2,9,6,3: first 0 (also the lowest), highest 9,
        // last 3 — three points per column.
        #expect(thinned.count == 500 * 3)
        #expect(thinned.prefix(3).map(\.1) == [0, 9, 3])
    }

    @Test func longLossCurveSVGStaysSmall() {
        let losses: [Double] = (0..<100_000).map { (i: Int) -> Double in 1.0 / Double(i + 1) + Double(i % 7) * 0.001 }
        let svg = LinePlot([LineSeries("loss", y: losses)]).svg
        #expect(svg.utf8.count < 120_000)
    }
}

/// Issue 14: arrays of different lengths in one plot were cut to the shorter one silently.
@Suite struct PlotLengthMismatch {
    @Test func aSeriesWhoseXAndYDifferInLengthStopsTheCell() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = LineSeries("loss", x: [0, 1, 2], y: [1, 2])
        }
        let stderr = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(stderr.contains("series \"loss\": x has 3 values but y has 2; they must be the same length"))
    }

    @Test func barLabelsAndValuesAndScatterClustersMustPairUp() async {
        await #expect(processExitsWith: .failure) {
            _ = BarChart(labels: ["a", "b"], values: [1])
        }
        await #expect(processExitsWith: .failure) {
            _ = ScatterPlot(points: [[0, 0], [1, 1]], clusters: [0])
        }
    }

    @Test func equalLengthsAreFine() {
        #expect(LineSeries("loss", x: [0, 1], y: [1, 2]).y == [1, 2])
    }
}

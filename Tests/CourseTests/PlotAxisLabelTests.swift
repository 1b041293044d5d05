import Testing
@testable import Course

/// Optional axis labels on scatter plots, line plots and histograms: the y label above the
/// axis and the x label under its right end in text; rotated beside the axis and centred
/// under it in SVG. Without labels neither form has them.
@Suite struct PlotAxisLabels {
    static let scatter = ScatterPlot(points: [(0, 0), (1, 2)], xLabel: "petal length", yLabel: "petal width",
                                     height: 5)

    @Test func scatterTextPutsYLabelOnTopAndXLabelAtTheRightEnd() {
        let lines = Self.scatter.text.split(separator: "\n").map(String.init)
        #expect(lines.first == "petal width")
        #expect(lines.last == String(repeating: " ", count: 72 - 12) + "petal length")
    }

    @Test func scatterSVGRotatesTheYLabel() {
        let svg = Self.scatter.svg
        #expect(svg.contains("transform=\"rotate(-90") && svg.contains(">petal width</text>"))
        #expect(svg.contains(">petal length</text>"))
    }

    @Test func noLabelsNoExtraLines() {
        let plain = ScatterPlot(points: [(0, 0), (1, 2)], height: 5)
        #expect(plain.text.split(separator: "\n").count == Self.scatter.text.split(separator: "\n").count - 2)
        #expect(!plain.svg.contains("rotate(-90"))
    }

    @Test func linePlotLabelsBothForms() {
        let plot = LinePlot([LineSeries("train", y: [3, 2, 1])], xLabel: "epoch", yLabel: "loss", height: 5)
        let lines = plot.text.split(separator: "\n").map(String.init)
        #expect(lines.first == "loss")
        #expect(lines.contains(String(repeating: " ", count: 67) + "epoch"))
        #expect(plot.svg.contains(">epoch</text>") && plot.svg.contains(">loss</text>"))
    }

    @Test func histogramYLabelDefaultsToCountAndCanBeNamed() {
        #expect(Histogram([1, 2, 2, 3]).text.hasPrefix("count\n"))
        let named = Histogram([1, 2, 2, 3], xLabel: "length", yLabel: "sequences")
        #expect(named.text.hasPrefix("sequences\n"))
        #expect(named.svg.contains(">sequences</text>") && !named.svg.contains(">count</text>"))
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Course

/// Properties every SVG shares, checked on every sample plot.
@Suite struct PlotSVG {
    static let samples: [(String, String)] = [
        ("line", PlotSamples.lossCurves.svg), ("line-log", PlotSamples.lossCurvesLog.svg),
        ("scatter", PlotSamples.kMeansStep.svg), ("heatmap", PlotSamples.attention.svg),
        ("contingency", PlotSamples.contingency.svg), ("histogram", PlotSamples.histogram.svg),
        ("bar", PlotSamples.barChart.svg),
        ("empty line", LinePlot().svg), ("empty heatmap", Heatmap([]).svg), ("empty bars", BarChart(labels: [], values: []).svg),
        ("escaped", LinePlot([LineSeries("<&>\"'", y: [1, 2])], title: "a<b").svg),
    ]

    @Test(arguments: samples.map(\.0))
    func wellFormedXML(name: String) throws {
        let svg = try #require(Self.samples.first { $0.0 == name }?.1)
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(name): \(String(describing: parser.parserError))")
    }

    @Test(arguments: samples.map(\.0))
    func scalesToItsContainer(name: String) throws {
        let svg = try #require(Self.samples.first { $0.0 == name }?.1)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "))
        #expect(svg.contains(" width=\"100%\" "))
        #expect(svg.contains("<title>"))
    }

    /// Every coordinate attribute carries exactly two decimals: nothing depends on how a
    /// Double happens to print.
    @Test(arguments: samples.map(\.0))
    func coordinatesHaveFixedDecimals(name: String) throws {
        let svg = try #require(Self.samples.first { $0.0 == name }?.1)
        let pattern = try Regex(#" (?:x|y|x1|y1|x2|y2|cx|cy|r|width|height)="([^"]*)""#)
        var count = 0
        for match in svg.matches(of: pattern) {
            let value = String(match.output[1].substring ?? "")
            if value == "100%" { continue }
            count += 1
            #expect(value.wholeMatch(of: #/-?\d+\.\d\d/#) != nil, "\(name): \(value)")
        }
        #expect(count > 0)
    }

    @Test func sameInputSameBytes() {
        #expect(PlotSamples.lossCurves.svg == PlotSamples.lossCurves.svg)
        #expect(PlotSamples.kMeansStep.text == PlotSamples.kMeansStep.text)
    }

    @Test func paletteIsOkabeIto() {
        #expect(Array(Palette.colours.prefix(5)) == ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7"])
        #expect(Palette.sequential(0) == "#440154" && Palette.sequential(1) == "#fde725")
    }
}

@Suite struct PlotSVGLongText {
    static let long = String(repeating: "x", count: 200)

    /// 480 px wide less a 20 px margin at 16 px × 0.6 per character: 47 characters.
    @Test func longTitlesAreCutToTheViewBox() {
        let cut = String(repeating: "x", count: 46) + "~</text>"
        #expect(LinePlot([LineSeries("a", y: [1, 2])], title: Self.long).svg.contains("font-weight=\"bold\">" + cut))
        #expect(BarChart(labels: ["a"], values: [1], title: Self.long).svg.contains("font-weight=\"bold\">" + cut))
        #expect(Heatmap([[1]], title: Self.long).svg.contains("font-weight=\"bold\">" + cut))
    }

    @Test func longLegendNamesAreCut() {
        let svg = LinePlot([LineSeries(Self.long, y: [1, 2])]).svg
        #expect(!svg.contains(String(repeating: "x", count: 60) + "</text>"))
        #expect(svg.contains("~</text>"))
    }
}

import Testing
@testable import Course

/// Long titles: the text form cuts only at its full width; the SVG form, whose 16 px line holds
/// about 47 characters, breaks a longer title onto a second line instead of cutting it.
@Suite struct PlotTitles {
    // 51 characters, as chapter 5 uses.
    static let long = "EM on the 1-D mixture: log likelihood per iteration"

    static func titleLines(_ svg: String) -> [String] {
        svg.split(separator: "\n").filter { $0.contains("font-weight=\"bold\"") }.map { line in
            let start = line.range(of: ">")!.upperBound, end = line.range(of: "</text>")!.lowerBound
            return String(line[start..<end])
        }
    }

    @Test func textShowsATitleUpToTheFullWidth() {
        let title = String(repeating: "abcdefghi ", count: 7) + "ab"  // 72 characters
        let plot = LinePlot([LineSeries("a", y: [1, 2])], title: title)
        #expect(plot.text.split(separator: "\n")[0] == title)
        let longer = LinePlot([LineSeries("a", y: [1, 2])], title: title + "c")
        #expect(longer.text.split(separator: "\n")[0] == Substring(title.dropLast() + "~"))
    }

    @Test func svgBreaksALongTitleAtASpace() {
        let svg = LinePlot([LineSeries("a", y: [1, 2])], title: Self.long).svg
        #expect(Self.titleLines(svg) == ["EM on the 1-D mixture: log likelihood per", "iteration"])
        #expect(svg.contains("y=\"44.00\" text-anchor=\"middle\" font-size=\"16.00\""))
    }

    @Test func svgKeepsAShortTitleOnOneLine() {
        let svg = BarChart(labels: ["a"], values: [1], title: "short").svg
        #expect(Self.titleLines(svg) == ["short"])
    }

    @Test(arguments: [72, 89])
    func svgShowsWholeTitlesUpToTwoLines(length: Int) {
        let title = String(String(repeating: "word ", count: 20).prefix(length))
        for svg in [LinePlot([LineSeries("a", y: [1, 2])], title: title).svg,
                    ScatterPlot(points: [(0, 0), (1, 1)], title: title).svg,
                    BarChart(labels: ["a"], values: [1], title: title).svg,
                    Heatmap([[1, 2]], title: title).svg] {
            let lines = Self.titleLines(svg)
            #expect(lines.count == 2)
            #expect(lines.joined(separator: " ") == title.trimmingTrailingSpace)
        }
    }

    @Test func svgCutsOnlyBeyondTwoLines() {
        let title = String(repeating: "x", count: 120)
        let lines = Self.titleLines(Histogram([1, 2, 3], title: title).svg)
        #expect(lines.count == 2)
        #expect(lines[1].hasSuffix("~"))
    }

    @Test func twoLineTitlePushesThePlotDown() {
        let one = LinePlot([LineSeries("a", y: [1, 2])], title: "short").svg
        let two = LinePlot([LineSeries("a", y: [1, 2])], title: Self.long).svg
        func height(_ svg: String) -> Double {
            let start = svg.range(of: "viewBox=\"0 0 ")!.upperBound
            return Double(svg[start...].split(separator: " ")[1].prefix { $0 != "\"" })!
        }
        #expect(height(two) == height(one) + SVGTitle.lineHeight)
    }
}

private extension String {
    var trimmingTrailingSpace: String { TextLayout.trimTrailing(self) }
}

import Testing
@testable import Course

@Suite struct PlotHistogram {
    @Test func binsAndCounts() {
        let h = Histogram([1, 2, 2, 3, 3, 3], bins: 2)
        #expect(h.edges == [1, 2, 3])
        // [1, 2) holds the 1; [2, 3] holds both 2s and, as the last bin, the 3s too.
        #expect(h.counts == [1, 5])
    }

    @Test func sampleCounts() {
        let h = PlotSamples.histogram
        #expect(h.edges == [5, 7, 9, 11, 13, 15])
        #expect(h.counts == [3, 5, 5, 3, 4])
    }

    @Test func constantValuesGetAUnitWideRange() {
        let h = Histogram([2, 2, 2], bins: 4)
        #expect(h.edges == [1.5, 1.75, 2, 2.25, 2.5])
        #expect(h.counts == [0, 0, 3, 0])
    }

    @Test func nonFiniteLeftOutAndEmpty() {
        let h = Histogram([1, .nan, 2, -.infinity])
        #expect(h.counts.reduce(0, +) == 2)
        #expect(h.text.contains("note: left out 2 non-finite values"))
        #expect(Histogram([]).text == "(no data)")
        #expect(Histogram([]).counts.isEmpty)
    }

    @Test(arguments: [24, 72])
    func widthRespected(width: Int) {
        var h = PlotSamples.histogram
        h.width = width
        for line in h.text.split(separator: "\n") { #expect(line.count <= width) }
    }

    @Test func tallestBinReachesTheTop() {
        let h = Histogram([0, 1, 1], bins: 2, height: 5)
        let rows = h.text.split(separator: "\n")
        // rows[0] is the "count" label; rows[1] the top of the plotting area (count 2).
        #expect(rows[0] == "count")
        #expect(rows[1].hasPrefix("2.0 +") && rows[1].contains("#"))
    }
}

@Suite struct PlotBarChart {
    @Test func barsStartAtZero() {
        let chart = BarChart(labels: ["up", "down"], values: [10, -5])
        // Range -5…10 over 30 columns: zero at column 10.
        let up = chart.barSpan(10, barWidth: 30), down = chart.barSpan(-5, barWidth: 30)
        #expect(up.start == 10 && up.end == 30)
        #expect(down.start == 0 && down.end == 10)
        let none = chart.barSpan(.nan, barWidth: 30)
        #expect(none.start == none.end)
    }

    @Test func textShowsLabelsBarsAndValues() {
        let chart = BarChart([("a", 2), ("bb", 1)], width: 30)
        let rows = chart.text.split(separator: "\n")
        // Labels 2 wide, values "2.00" 4 wide: 30 - 2 - 4 - 4 = 20 columns of bar.
        #expect(rows[0] == " a |" + String(repeating: "#", count: 20) + "  2.00")
        #expect(rows[1] == "bb |" + String(repeating: "#", count: 10) + String(repeating: " ", count: 12) + "1.00")
    }

    @Test func nonFiniteValueHasNoBar() {
        let chart = BarChart(labels: ["a", "b"], values: [1, .nan])
        #expect(chart.text.contains("note: 1 non-finite value drawn without a bar"))
        #expect(chart.text.split(separator: "\n")[1].hasSuffix(" nan"))
    }

    @Test(arguments: [24, 72])
    func widthRespected(width: Int) {
        let chart = BarChart(labels: [String(repeating: "label ", count: 20), "b"], values: [12345.678, -3],
                             title: String(repeating: "t", count: 200), width: width)
        for line in chart.text.split(separator: "\n") { #expect(line.count <= width, "\(line)") }
    }

    @Test func emptyAndAllZero() {
        #expect(BarChart(labels: [], values: []).text == "(no data)")
        #expect(!BarChart(labels: ["z"], values: [0]).text.contains("#"))
    }
}

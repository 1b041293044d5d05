import Testing
@testable import Course

@Suite struct PlotHeatmap {
    static let small = Heatmap([[1, 2], [3, 5]])

    @Test func scaleShowsMinAndMax() {
        #expect(Self.small.text.contains("scale: min 1.00 [ .:-=+*#%@] max 5.00"))
        #expect(Self.small.svg.contains(">5.00</text>") && Self.small.svg.contains(">1.00</text>"))
    }

    @Test func cellsUseTheRamp() {
        // 1 → ' ' (bottom), 2 → a quarter up → index 2 ':', 3 → half → index 5 '+', 5 → '@'.
        let rows = Self.small.text.split(separator: "\n")
        #expect(rows.contains("0 |  ::|"))
        #expect(rows.contains("1 |++@@|"))
    }

    @Test func fixedRangeOverridesData() {
        let map = Heatmap([[0.5]], range: 0...1)
        #expect(map.glyph(for: 0.5) == "+" && map.glyph(for: 0) == " " && map.glyph(for: 1) == "@")
        #expect(map.text.contains("min 0.00") && map.text.contains("max 1.00"))
        #expect(map.glyph(for: 7) == "@")  // clamped
    }

    @Test func nonFiniteAndMissingCells() {
        let map = Heatmap([[1, .nan], [2]])
        #expect(map.text.contains("0 |  ??|"))
        #expect(map.text.contains("note: 2 non-finite or missing cells shown as ?"))
        #expect(map.text.contains("min 1.00") && map.text.contains("max 2.00"))
        #expect(map.svg.contains(">?</text>"))
    }

    @Test func longColumnLabelsGetAKey() {
        let text = PlotSamples.contingency.text
        #expect(text.contains("columns: 0 = setosa   1 = versicolor   2 = virginica"))
    }

    @Test func tooManyColumnsAreCutWithANote() {
        let map = Heatmap([Array(repeating: 1.0, count: 100)], width: 40)
        for line in map.text.split(separator: "\n") { #expect(line.count <= 40) }
        #expect(map.text.contains("note: first 36 of 100 columns shown"))
    }

    @Test(arguments: [24, 72])
    func widthRespectedWithLongLabels(width: Int) {
        let labels = [String(repeating: "long row label ", count: 5), "b"]
        let map = Heatmap([[1, 2], [3, 4]], rowLabels: labels, columnLabels: labels, title: labels[0], width: width)
        for line in map.text.split(separator: "\n") { #expect(line.count <= width, "\(line)") }
    }

    @Test func emptyAndConstant() {
        #expect(Heatmap([]).text == "(no data)")
        #expect(Heatmap([[]]).svg.contains(">no data</text>"))
        #expect(Heatmap([[2, 2]]).text.contains("0 |++++|"))  // no range: halfway, 4.5 rounds to index 5
    }
}

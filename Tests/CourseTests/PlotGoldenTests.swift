import Testing
@testable import Course

/// Every plot kind's text and SVG against its golden file (see `Golden` to regenerate).
@Suite struct PlotGolden {
    @Test func lineText() throws { try Golden.check(PlotSamples.lossCurves.text, "line.txt") }
    @Test func lineSVG() throws { try Golden.check(PlotSamples.lossCurves.svg, "line.svg") }
    @Test func lineLogText() throws { try Golden.check(PlotSamples.lossCurvesLog.text, "line-log.txt") }
    @Test func lineLogSVG() throws { try Golden.check(PlotSamples.lossCurvesLog.svg, "line-log.svg") }
    @Test func scatterText() throws { try Golden.check(PlotSamples.kMeansStep.text, "scatter.txt") }
    @Test func scatterSVG() throws { try Golden.check(PlotSamples.kMeansStep.svg, "scatter.svg") }
    @Test func heatmapText() throws { try Golden.check(PlotSamples.attention.text, "heatmap.txt") }
    @Test func heatmapSVG() throws { try Golden.check(PlotSamples.attention.svg, "heatmap.svg") }
    @Test func contingencyText() throws { try Golden.check(PlotSamples.contingency.text, "contingency.txt") }
    @Test func contingencySVG() throws { try Golden.check(PlotSamples.contingency.svg, "contingency.svg") }
    @Test func histogramText() throws { try Golden.check(PlotSamples.histogram.text, "histogram.txt") }
    @Test func histogramSVG() throws { try Golden.check(PlotSamples.histogram.svg, "histogram.svg") }
    @Test func barText() throws { try Golden.check(PlotSamples.barChart.text, "bar.txt") }
    @Test func barSVG() throws { try Golden.check(PlotSamples.barChart.svg, "bar.svg") }
    @Test func tableText() throws { try Golden.check(PlotSamples.table.text, "table.txt") }
    @Test func tableHTML() throws { try Golden.check(PlotSamples.table.html, "table.html") }
    @Test func matrixText() throws { try Golden.check(PlotSamples.matrix.text, "matrix.txt") }
    @Test func matrixHTML() throws { try Golden.check(PlotSamples.matrix.html, "matrix.html") }
}

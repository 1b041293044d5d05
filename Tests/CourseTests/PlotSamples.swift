import Foundation
@testable import Course

/// The plots the golden files hold: small, fixed data shaped like what the chapters draw.
enum PlotSamples {
    /// Two loss curves, exponential decay towards a floor (made up, but smooth and fixed).
    static var lossCurves: LinePlot {
        let train = (0..<40).map { 2.0 * exp(-Double($0) / 8) + 0.05 }
        let validation = (0..<40).map { 2.1 * exp(-Double($0) / 10) + 0.12 }
        var plot = LinePlot(title: "Training loss", xLabel: "epoch", yLabel: "loss")
        plot.add("train", y: train)
        plot.add("validation", y: validation)
        return plot
    }

    static var lossCurvesLog: LinePlot {
        var plot = lossCurves
        plot.logY = true
        plot.title = "Training loss (log scale)"
        return plot
    }

    /// Discussion question 1 of the k-means notes: x1 = (1, 0.5), x2 = (2, 1), x3 = (4, 3.5),
    /// with k = 2 started at μ1 = x1, μ2 = x2 — shown after the first assignment step.
    static var kMeansStep: ScatterPlot {
        ScatterPlot(points: [(1, 0.5), (2, 1), (4, 3.5)], clusters: [0, 1, 1],
                    centroids: [(1, 0.5), (3, 2.25)], title: "k-means, k = 2, after one step",
                    xLabel: "x1", yLabel: "x2")
    }

    static var attention: Heatmap {
        Heatmap([[0.70, 0.20, 0.10], [0.25, 0.50, 0.25], [0.05, 0.15, 0.80]],
                rowLabels: ["the", "cat", "sat"], columnLabels: ["the", "cat", "sat"],
                title: "attention weights", range: 0...1)
    }

    static var contingency: Heatmap {
        Heatmap([[48, 2, 0], [5, 40, 5], [0, 3, 47]], rowLabels: ["cluster 0", "cluster 1", "cluster 2"],
                columnLabels: ["setosa", "versicolor", "virginica"], title: "contingency table", decimals: 0)
    }

    static var histogram: Histogram {
        Histogram([5, 6, 6, 7, 7, 7, 8, 8, 9, 9, 9, 10, 10, 11, 12, 12, 13, 14, 15, 15], bins: 5,
                  title: "sequence lengths", xLabel: "length")
    }

    static var barChart: BarChart {
        BarChart(labels: ["k = 1", "k = 2", "k = 3", "k = 4", "k = 5"], values: [120.5, 48.25, 20.1, 17.75, 15.5],
                 title: "within-cluster sum of squares")
    }

    static var table: Table {
        Table(header: ["k", "SSE", "comment"], rows: [["1", "120.50", "one blob"], ["2", "48.25", ""],
                                                      ["3", "20.10", "the elbow"]], title: "elbow")
    }

    static var matrix: MatrixDisplay { MatrixDisplay([[1, -0.5, 0.125], [0.25, 2, -10]], decimals: 3) }
}

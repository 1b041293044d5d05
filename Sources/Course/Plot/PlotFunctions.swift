// Short forms for the plots a chapter draws most, each shown at once.
//
//     plot(lines: ["train": trainLoss], title: "loss")          // one call, one plot
//     plot(lines: [("train", train), ("test", test)], logY: true)

/// Shows a line plot of named series against their index, in the order given.
public func plot(lines: [(String, [Double])], title: String = "", xLabel: String = "", yLabel: String = "",
                 logY: Bool = false) {
    LinePlot(lines.map { LineSeries($0.0, y: $0.1) }, title: title, xLabel: xLabel, yLabel: yLabel, logY: logY).show()
}

/// Shows a line plot of series given as a dictionary, in the order of their names.
public func plot(lines: [String: [Double]], title: String = "", xLabel: String = "", yLabel: String = "",
                 logY: Bool = false) {
    plot(lines: lines.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, title: title, xLabel: xLabel,
         yLabel: yLabel, logY: logY)
}

/// Shows a scatter plot of points coloured by cluster, with centroids marked.
public func plot(points: [[Double]], clusters: [Int]? = nil, centroids: [[Double]] = [], title: String = "",
                 xLabel: String = "", yLabel: String = "") {
    ScatterPlot(points: points, clusters: clusters, centroids: centroids, title: title, xLabel: xLabel,
                yLabel: yLabel).show()
}

/// Shows a heatmap of a matrix.
public func plot(heatmap values: [[Double]], rowLabels: [String] = [], columnLabels: [String] = [],
                 title: String = "", range: ClosedRange<Double>? = nil) {
    Heatmap(values, rowLabels: rowLabels, columnLabels: columnLabels, title: title, range: range).show()
}

/// Shows a histogram.
public func plot(histogram values: [Double], bins: Int = 10, title: String = "", xLabel: String = "",
                 yLabel: String = "count") {
    Histogram(values, bins: bins, title: title, xLabel: xLabel, yLabel: yLabel).show()
}

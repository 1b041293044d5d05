extension HierarchicalClustering {
    /// The merge tree drawn in text, root first, one line per node: a merge shows its height,
    /// a leaf its point's name (its index unless `names` are given).
    ///
    ///     ┬ 4.243
    ///     ├─┬ 1
    ///     │ ├── 0
    ///     │ └── 1
    ///     └── 2
    public func textDendrogram(names: [String]? = nil, decimals: Int = 3) -> String {
        guard pointCount > 0 else { return "" }
        func name(_ leaf: Int) -> String { names.map { $0[leaf] } ?? "\(leaf)" }
        func height(_ distance: Double) -> String {
            let scale = (0..<decimals).reduce(1.0) { value, _ in value * 10 }
            let rounded = (distance * scale).rounded() / scale
            return String(describing: rounded)
        }
        var lines: [String] = []
        func draw(_ node: Int, prefix: String, connector: String, childPrefix: String) {
            if node < pointCount {
                lines.append(prefix + connector + "── " + name(node))
                return
            }
            let merge = merges[node - pointCount]
            lines.append(prefix + connector + "─┬ " + height(merge.distance))
            draw(merge.left, prefix: prefix + childPrefix, connector: "├", childPrefix: "│ ")
            draw(merge.right, prefix: prefix + childPrefix, connector: "└", childPrefix: "  ")
        }
        if merges.isEmpty { return "── " + name(0) }
        let root = merges[merges.count - 1]
        lines.append("┬ " + height(root.distance))
        draw(root.left, prefix: "", connector: "├", childPrefix: "│ ")
        draw(root.right, prefix: "", connector: "└", childPrefix: "  ")
        return lines.joined(separator: "\n")
    }
}

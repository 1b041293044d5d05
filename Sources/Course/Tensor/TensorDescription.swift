import Foundation

extension Tensor: CustomStringConvertible {
    /// The matrix with aligned columns and 4 decimals, e.g.
    ///
    ///     Tensor 2×3
    ///     [  1.0000  -0.5000   2.2500 ]
    ///     [  0.0000   3.0000  -1.0000 ]
    public var description: String {
        let header = "\(label.isEmpty ? "Tensor" : label) \(rows)×\(cols)" + (requiresGrad ? " (requires grad)" : "")
        let cells = data.map { String(format: "%.4f", $0 == 0 ? 0 : $0) }
        let width = cells.map(\.count).max() ?? 0
        let lines = (0..<rows).map { i in
            "[ " + (0..<cols).map { j in
                let s = cells[i * cols + j]
                return String(repeating: " ", count: width - s.count) + s
            }.joined(separator: "  ") + " ]"
        }
        return ([header] + lines).joined(separator: "\n")
    }
}

import Foundation

extension Value {
    /// The computational graph as text, one node per line, inputs first:
    ///
    ///     x = -2                        grad -4
    ///     y = 5                         grad -4
    ///     q = x + y = 3                 grad -4
    ///     z = -4                        grad 3
    ///     f = q * z = -12               grad 1
    ///
    /// Unnamed intermediate nodes are called n1, n2, … in the order they appear.
    public func graph() -> String {
        let order = topologicalOrder()
        var names: [ObjectIdentifier: String] = [:]
        var unnamed = 0
        for node in order {
            if node.label.isEmpty {
                unnamed += 1
                names[ObjectIdentifier(node)] = node.op.isEmpty ? shortText(node.data) : "n\(unnamed)"
            } else {
                names[ObjectIdentifier(node)] = node.label
            }
        }
        func name(_ v: Value) -> String { names[ObjectIdentifier(v)]! }

        var lines: [String] = []
        for node in order {
            // An unnamed constant is shown inline where it is used; it needs no line of its own.
            if node.op.isEmpty && node.label.isEmpty { continue }
            let formula: String
            switch (node.op, node.parents.count) {
            case ("", _): formula = "\(name(node)) = \(shortText(node.data))"
            case (let op, 2): formula = "\(name(node)) = \(name(node.parents[0])) \(op) \(name(node.parents[1])) = \(shortText(node.data))"
            case ("neg", 1): formula = "\(name(node)) = -\(name(node.parents[0])) = \(shortText(node.data))"
            case (let op, 1) where op.hasPrefix("^"):
                formula = "\(name(node)) = \(name(node.parents[0]))\(op) = \(shortText(node.data))"
            case (let op, _):
                formula = "\(name(node)) = \(op)(\(node.parents.map(name).joined(separator: ", "))) = \(shortText(node.data))"
            }
            let padded = formula.count < 30 ? formula + String(repeating: " ", count: 30 - formula.count) : formula + "  "
            lines.append(padded + "grad " + shortText(node.grad))
        }
        return lines.joined(separator: "\n")
    }
}

/// A number as a student would write it: integers without ".0", others with up to 6
/// significant digits (so graphs and tables stay readable and identical run to run).
func shortText(_ x: Double) -> String {
    if x == 0 { return "0" }  // also turns −0 into 0
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return String(format: "%.6g", x)
}

/// Reads `swiftc -diagnostic-style llvm` output: `FILE:LINE:COL: severity: message` lines, and
/// `error: message` lines with no place (link errors). Source excerpts and carets are skipped.
enum DiagnosticParser {
    static func parse(_ text: String) -> [Diagnostic] {
        text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { parseLine(String($0)) }
    }

    private static let severities = ["error", "warning", "note", "remark"]

    static func parseLine(_ line: String) -> Diagnostic? {
        for severity in severities {
            if line.hasPrefix(severity + ": ") {
                return Diagnostic(file: "", line: 0, column: 0, severity: severity,
                                  message: String(line.dropFirst(severity.count + 2)))
            }
            // The last `: severity: ` wins only if what precedes it is FILE:LINE:COL.
            guard let range = line.range(of: ": \(severity): ") else { continue }
            let place = line[..<range.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
            let message = String(line[range.upperBound...])
            if place.count >= 3, let lineNumber = Int(place[place.count - 2]),
               let column = Int(place[place.count - 1]) {
                return Diagnostic(file: place.dropLast(2).joined(separator: ":"), line: lineNumber,
                                  column: column, severity: severity, message: message)
            }
            // `<unknown>:0: error: …`: a line but no column.
            if place.count >= 2, let lineNumber = Int(place[place.count - 1]) {
                return Diagnostic(file: place.dropLast().joined(separator: ":"), line: lineNumber,
                                  column: 0, severity: severity, message: message)
            }
        }
        return nil
    }
}

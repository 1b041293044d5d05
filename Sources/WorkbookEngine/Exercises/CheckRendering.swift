/// How exercise blocks and check results read on a page and in the terminal: a check cell says
/// ✓ or ✗ with each failed expectation's message; an exercise block the edition did not run is
/// the student's starting point, not a skipped cell.
enum CheckRendering {
    /// An exercise block shown but not run because the instructor's edition runs its solution.
    static func isStartingPoint(_ cell: Cell, status: CellStatus) -> Bool {
        cell.attributes.kind == .exercise && status == .skipped && !cell.attributes.skip
    }

    static let startingPointNote = "The student's starting point: shown here, not run in the instructor's edition."

    /// `✓ check passed` / `✗ check failed`, for a check cell that ran to its end.
    static func verdict(_ cell: Cell, result: CellResult?) -> (passed: Bool, text: String)? {
        guard cell.attributes.kind == .check, let result, result.status == .ok else { return nil }
        let failed = result.expectations?.failed ?? 0
        if failed > 0 {
            return (false, "check failed: \(failed) of \(failed + (result.expectations?.passed ?? 0)) expectations not met")
        }
        return (true, "check passed")
    }

    /// One line per failed expectation: `line 12: message: expected 3, got 4`.
    static func failureLines(_ tally: ExpectationTally?) -> [String] {
        guard let tally else { return [] }
        var lines = tally.failures.map { failure in
            (failure.line > 0 ? "line \(failure.line): " : "") + failure.text
        }
        if tally.failed > tally.failures.count { lines.append("… \(tally.failed - tally.failures.count) more") }
        return lines
    }

    static func html(_ cell: Cell, result: CellResult?) -> String {
        guard let verdict = verdict(cell, result: result) else { return "" }
        let symbol = verdict.passed ? "✓" : "✗"
        var html = "<div class=\"check-result tone-\(verdict.passed ? "good" : "bad")\">"
            + "<span class=\"symbol\" aria-hidden=\"true\">\(symbol)</span> \(HTML.escape(verdict.text))"
        let lines = failureLines(result?.expectations)
        if !lines.isEmpty {
            html += "\n<ul class=\"check-failures\">\n"
                + lines.map { "<li>\(HTML.escape($0))</li>" }.joined(separator: "\n") + "\n</ul>"
        }
        return html + "</div>\n"
    }

    static func terminalLines(_ cell: Cell, result: CellResult) -> [(passed: Bool, text: String)] {
        guard let verdict = verdict(cell, result: result) else { return [] }
        return [(verdict.passed, (verdict.passed ? "✓ " : "✗ ") + verdict.text)]
            + failureLines(result.expectations).map { (false, "  " + $0) }
    }
}

/// The plain-text form of cell results for `workbook run`. No colour codes: each piece says
/// what it is, and the CLI colours it (with Rainbow) as it likes.
public enum TerminalRenderer {
    public enum Kind: String, Sendable {
        case stdout, stderr, display, diagnostic, status, notice
    }

    public struct Segment: Equatable, Sendable {
        public var kind: Kind
        /// No trailing newline.
        public var text: String
        /// For diagnostics: "error", "warning" or "note".
        public var severity: String?
    }

    /// What a cell printed and how it ended, in page order: stdout and displays (text form) in
    /// program order, stderr,
    /// diagnostics, then the trap message (or why a cell did not run) and truncation notices.
    /// The status word is in `heading`, printed above these.
    public static func segments(_ result: CellResult, options: RunOptions, cell: Cell? = nil) -> [Segment] {
        var out: [Segment] = []
        func add(_ kind: Kind, _ text: String, severity: String? = nil) {
            let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
            out.append(Segment(kind: kind, text: body, severity: severity))
        }
        // Printed text and displays in program order; displays of unknown place after stderr.
        for piece in OutputPiece.inProgramOrder(stdout: result.stdout.text, displays: result.displays) {
            switch piece {
            case .text(let text): if !text.isEmpty && text != "\n" { add(.stdout, text) }
            case .display(let display): if display.outputOffset != nil && !display.text.isEmpty { add(.display, display.text) }
            }
        }
        if !result.stderr.text.isEmpty { add(.stderr, result.stderr.text) }
        for display in result.displays where display.outputOffset == nil && !display.text.isEmpty { add(.display, display.text) }
        for diagnostic in result.diagnostics {
            // The full `FILE:LINE:COL:` form, which terminals and editors make clickable.
            add(.diagnostic, CellRenderer.diagnosticText(diagnostic, path: ""), severity: diagnostic.severity)
        }
        // The status word itself is in `heading`; here only what it does not already say.
        if let cell {
            for line in CheckRendering.terminalLines(cell, result: result) { add(line.passed ? .notice : .status, line.text) }
        }
        if let trap = result.trapMessage {
            add(.status, trap + (result.trapLine.map { " (at line \($0))" } ?? ""))
        } else if let explanation = StatusText.explanation(result.status) {
            add(.status, explanation)
        }
        for (captured, stream) in [(result.stdout, "output"), (result.stderr, "stderr")] where captured.droppedBytes > 0 {
            add(.notice, CellRenderer.truncationText(captured.droppedBytes, stream: stream, limit: options.outputLimit))
        }
        if options.showTimings, let seconds = result.seconds { add(.notice, Quantities.seconds(seconds)) }
        return out
    }

    /// All segments as plain lines.
    public static func text(_ result: CellResult, options: RunOptions) -> String {
        segments(result, options: options).map { $0.text + "\n" }.joined()
    }

    /// `cell 3 (line 42): crashed`: a heading for a cell in the terminal.
    public static func heading(_ cell: Cell, status: CellStatus) -> String {
        var line = "cell \(cell.index + 1) (line \(cell.firstCodeLine))"
        if let label = CellRenderer.label(cell.attributes) { line += " · \(label)" }
        if CheckRendering.isStartingPoint(cell, status: status) {
            line += ": starting point (not run)"
        } else if let tag = StatusText.tag(status) {
            line += ": \(tag)"
        }
        return line
    }
}

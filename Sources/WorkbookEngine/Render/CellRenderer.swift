/// One cell on a chapter page: a head (label, status, time) when there is something to say,
/// the highlighted source unless `hide`, then everything the cell produced.
struct CellRenderer {
    var options: RunOptions
    /// The chapter's path, to shorten diagnostics that point into it to `line:col`.
    var path: String

    func html(_ cell: Cell, result: CellResult?) -> String {
        let status = result?.status ?? (cell.attributes.skip ? .skipped : .notRun)
        let startingPoint = CheckRendering.isStartingPoint(cell, status: status)
        let source = cell.attributes.hide ? "" : sourceBlock(cell)
        let outputs = (result.map(outputBlock) ?? "") + CheckRendering.html(cell, result: result)
            + (result.map { outputMismatch(cell, $0) } ?? "")
        let head = self.head(cell, status: status, seconds: result?.seconds, startingPoint: startingPoint)
        // A hidden cell that ran quietly leaves no trace on the page.
        if source.isEmpty && outputs.isEmpty && head.isEmpty { return "" }
        let kind = cell.attributes.kind.rawValue
        let statusClass = startingPoint ? "starting-point" : StatusText.cssName(status)
        // `workbook serve` finds exercises by these attributes to make them editable in the page.
        let exercise = cell.attributes.kind == .exercise
            ? " data-exercise=\"\(HTML.escape(cell.attributes.id ?? ""))\" data-fence-line=\"\(cell.fenceLine)\"" : ""
        return "<section class=\"cell cell-\(kind) status-\(statusClass)\" "
            + "id=\"cell-\(cell.index + 1)\"\(exercise)>\n\(head)\(source)\(outputs)</section>\n"
    }

    // MARK: Head

    private func head(_ cell: Cell, status: CellStatus, seconds: Double?, startingPoint: Bool = false) -> String {
        var parts: [String] = []
        if let label = Self.label(cell.attributes) {
            parts.append("<span class=\"cell-label\">\(HTML.escape(label))</span>")
        }
        if !startingPoint, let tag = StatusText.tag(status) {
            parts.append("<span class=\"status-tag tone-\(StatusText.tone(status))\">"
                         + "<span class=\"symbol\" aria-hidden=\"true\">\(StatusText.symbol(status))</span> "
                         + "\(HTML.escape(tag))</span>")
        }
        if options.showTimings, let seconds {
            parts.append("<span class=\"cell-time\">\(Quantities.seconds(seconds))</span>")
        }
        var html = parts.isEmpty ? "" : "<div class=\"cell-head\">\(parts.joined(separator: " "))</div>\n"
        if let explanation = startingPoint ? CheckRendering.startingPointNote : StatusText.explanation(status) {
            html += "<p class=\"cell-note\">\(HTML.escape(explanation))</p>\n"
        }
        return html
    }

    /// `Exercise warm-up · 2 points`, `Solution`, `Check (hidden)`; nil for ordinary cells.
    static func label(_ attributes: CellAttributes) -> String? {
        var words: String
        switch attributes.kind {
        case .code: return nil
        case .exercise: words = "Exercise"
        case .solution: words = "Solution"
        case .check: words = "Check"
        }
        if let id = attributes.id { words += " \(id)" }
        if attributes.hidden { words += " (hidden)" }
        if let points = attributes.points {
            let number = points == points.rounded() && abs(points) < 1e15 ? "\(Int(points))" : "\(points)"
            words += " · \(number) \(points == 1 ? "point" : "points")"
        }
        return words
    }

    private func sourceBlock(_ cell: Cell) -> String {
        var code = cell.code
        if code.hasSuffix("\n") { code.removeLast() }
        return "<pre class=\"source\"><code>\(SwiftHighlighter.html(code))</code></pre>\n"
    }

    // MARK: Outputs

    private func outputBlock(_ result: CellResult) -> String {
        var parts: [String] = []
        // Printed text and displays in program order; displays of unknown place after the text.
        let pieces = OutputPiece.inProgramOrder(stdout: result.stdout.text, displays: result.displays)
        let trailing = pieces.lastIndex { if case .text = $0 { return true } else { return false } } ?? -1
        var later: [String] = []
        var displays = 0
        func displayBlock(_ display: DisplayItem) -> String {
            displays += 1
            return self.displayBlock(display, id: "cell-\(result.index + 1)-display-\(displays)")
        }
        for (number, piece) in pieces.enumerated() {
            switch piece {
            case .text(let text):
                // A piece ending in a newline shows no blank line; a lone newline shows nothing.
                if !trimmed(text).isEmpty || (number == trailing && !text.isEmpty) {
                    parts.append("<pre class=\"stdout\">\(HTML.escape(trimmed(text)))</pre>")
                }
            case .display(let display):
                if display.outputOffset == nil { later.append(displayBlock(display)) } else { parts.append(displayBlock(display)) }
            }
        }
        if let notice = truncationNotice(result.stdout, stream: "output") { parts.append(notice) }
        if !result.stderr.text.isEmpty {
            parts.append("<div class=\"stderr\"><span class=\"stream-label\">stderr</span>"
                         + "<pre>\(HTML.escape(trimmed(result.stderr.text)))</pre></div>")
        }
        if let notice = truncationNotice(result.stderr, stream: "stderr") { parts.append(notice) }
        parts += later
        if !result.diagnostics.isEmpty {
            parts.append(Self.diagnosticsList(result.diagnostics, path: path))
        }
        if let trap = result.trapMessage {
            let place = result.trapLine.map { " (at line \($0))" } ?? ""
            parts.append("<p class=\"trap\">\(HTML.escape(trap + place))</p>")
        }
        if let report = result.crashReport {
            parts.append("<details class=\"crash-report\"><summary>the runtime's report</summary>"
                         + "<pre>\(HTML.escape(report))</pre></details>")
        }
        if parts.isEmpty { return "" }
        return "<div class=\"outputs\">\n\(parts.joined(separator: "\n"))\n</div>\n"
    }

    /// When the cell printed other than its ```output block: where and how it differs, and
    /// the expected text one click away.
    private func outputMismatch(_ cell: Cell, _ result: CellResult) -> String {
        guard result.status == .ok, let expected = cell.expectedOutput,
              let mismatch = OutputComparison.compare(expected, actual: result.stdout.text) else { return "" }
        return "<div class=\"output-mismatch\">\n<p class=\"trap\">line \(mismatch.line): \(HTML.escape(mismatch.message))</p>\n"
            + "<details><summary>the expected output (line \(expected.fenceLine))</summary>"
            + "<pre>\(HTML.escape(trimmed(expected.text)))</pre></details>\n</div>\n"
    }

    /// The display's HTML (sanitised to an allow-list when it was received: see
    /// DisplaySanitiser), with its text form one click away and tied to the picture as its
    /// description (`aria-describedby`), so a screen reader reads the plot's numbers.
    private func displayBlock(_ display: DisplayItem, id: String) -> String {
        if display.html.isEmpty {
            return "<figure class=\"display\"><pre>\(HTML.escape(trimmed(display.text)))</pre></figure>"
        }
        let textID = "\(id)-text"
        var body = display.html
        if !display.text.isEmpty, let svg = body.range(of: "<svg ") {
            body.replaceSubrange(svg, with: "<svg aria-describedby=\"\(textID)\" ")
        }
        var html = "<figure class=\"display\">\n<div class=\"display-body\">\(body)</div>\n"
        if !display.text.isEmpty {
            html += "<details class=\"display-text\"><summary>as text</summary>"
                + "<pre id=\"\(textID)\">\(HTML.escape(trimmed(display.text)))</pre></details>\n"
        }
        return html + "</figure>"
    }

    /// `… 3.2 MiB more not shown: per-cell output limit is 1 MiB`.
    private func truncationNotice(_ captured: CapturedText, stream: String) -> String? {
        guard captured.droppedBytes > 0 else { return nil }
        let text = Self.truncationText(captured.droppedBytes, stream: stream, limit: options.outputLimit)
        return "<p class=\"notice\">\(HTML.escape(text))</p>"
    }

    static func truncationText(_ dropped: Int, stream: String, limit: Int) -> String {
        let what = stream == "output" ? "more" : "more \(stream)"
        return "… \(Quantities.bytes(dropped)) \(what) not shown: per-cell output limit is \(Quantities.bytes(limit))"
    }

    static func diagnosticsList(_ diagnostics: [Diagnostic], path: String) -> String {
        let items = diagnostics.map { diagnostic in
            "<li class=\"diagnostic severity-\(HTML.escape(diagnostic.severity))\">"
                + HTML.escape(diagnosticText(diagnostic, path: path)) + "</li>"
        }
        return "<ul class=\"diagnostics\">\n\(items.joined(separator: "\n"))\n</ul>"
    }

    /// `12:5: error: message`; the file is named only when it is not the chapter itself, and a
    /// diagnostic with no line (a link error, say) is just `error: message`.
    static func diagnosticText(_ diagnostic: Diagnostic, path: String) -> String {
        var location: [String] = []
        if !diagnostic.file.isEmpty && diagnostic.file != path { location.append(diagnostic.file) }
        if diagnostic.line > 0 {
            location.append("\(diagnostic.line)")
            if diagnostic.column > 0 { location.append("\(diagnostic.column)") }
        }
        let prefix = location.isEmpty ? "" : location.joined(separator: ":") + ": "
        return "\(prefix)\(diagnostic.severity): \(diagnostic.message)"
    }

    /// One final newline is how programs end their output; a `<pre>` would show it as a blank line.
    private func trimmed(_ text: String) -> String {
        text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}

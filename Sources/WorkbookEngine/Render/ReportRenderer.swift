/// Turns a parsed chapter and its run result into a report page, and the chapter list into
/// the index page. Pure: the same values always give the same bytes.
public struct ReportRenderer: Sendable {
    public var options: RunOptions
    public var katex: KaTeXSource
    public var theme: Theme

    public init(options: RunOptions, katex: KaTeXSource, theme: Theme = .builtIn) {
        self.options = options
        self.katex = katex
        self.theme = theme
    }

    /// `all` is every chapter of the build, in order, for the previous/next links.
    public func chapterPage(_ chapter: Chapter, result: ChapterResult, all: [ChapterSummary]) -> String {
        let cells = CellRenderer(options: options, path: chapter.path)
        var body = ""
        for block in chapter.blocks {
            switch block {
            case .prose(let html):
                body += InlineValues.substitute(in: html, values: result.inlineValues) + "\n"
            case .cell(let index):
                guard index < chapter.cells.count else { continue }
                let cellResult = result.cells.first { $0.index == index }
                body += cells.html(chapter.cells[index], result: cellResult)
            }
        }
        body = Self.inserting(header(chapter, result: result), underTitleOf: body)
        return PageShell(katex: katex, theme: theme)
            .page(title: chapter.title, current: chapter.slug, all: all, body: body, math: true)
    }

    public func indexPage(_ summaries: [ChapterSummary]) -> String {
        PageShell(katex: katex, theme: theme)
            .page(title: "Contents", current: nil, all: summaries, body: IndexPage.body(summaries), math: false)
    }

    /// The chapter's status belongs just under its title when the page opens with one.
    static func inserting(_ header: String, underTitleOf body: String) -> String {
        guard !header.isEmpty else { return body }
        guard body.hasPrefix("<h1"), let end = body.range(of: "</h1>") else { return header + body }
        var lineEnd = end.upperBound
        if body[lineEnd...].hasPrefix("\n") { lineEnd = body.index(after: lineEnd) }
        return String(body[..<lineEnd]) + (body[..<lineEnd].hasSuffix("\n") ? "" : "\n") + header + body[lineEnd...]
    }

    /// The chapter's status when it did not pass, diagnostics that belong to no cell, and
    /// (with `--timings`) compile and run times. A passing chapter starts straight with its prose.
    private func header(_ chapter: Chapter, result: ChapterResult) -> String {
        var parts: [String] = []
        if result.status != .passed {
            let word = StatusText.word(result.status)
            parts.append("<p class=\"chapter-status tone-bad\"><span class=\"symbol\" aria-hidden=\"true\">"
                         + "\(StatusText.symbol(result.status))</span> This chapter \(word). "
                         + "\(HTML.escape(CellCounts(result, cells: chapter.cells).description))</p>")
        }
        if !result.diagnostics.isEmpty {
            parts.append(CellRenderer.diagnosticsList(result.diagnostics, path: chapter.path))
        }
        if options.showTimings {
            var times: [String] = []
            if let compile = result.compileSeconds { times.append("compiled in \(Quantities.seconds(compile))") }
            if let run = result.runSeconds { times.append("ran in \(Quantities.seconds(run))") }
            if result.fromCache { times.append("from cache") }
            if !times.isEmpty { parts.append("<p class=\"chapter-timing\">\(times.joined(separator: ", "))</p>") }
        }
        return parts.isEmpty ? "" : parts.joined(separator: "\n") + "\n"
    }
}

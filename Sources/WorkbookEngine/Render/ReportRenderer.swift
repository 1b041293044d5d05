/// Turns a parsed chapter and its run result into a report page, and the chapter list into
/// the index page. Pure: the same values always give the same bytes.
public struct ReportRenderer: Sendable {
    public var options: RunOptions
    public var katex: KaTeXSource
    public var theme: Theme
    public var site: CourseSite
    /// The theme template each page is rendered with: `page` for `build`; `workbook serve` uses
    /// `serve`, which fills the page's live-reload block, so built pages never carry it.
    public var template = "page"
    /// More values for the template (the server's page version, say); HTML-escaped here.
    public var extra: [String: String] = [:]

    public init(options: RunOptions, katex: KaTeXSource, theme: Theme = .builtIn, site: CourseSite = CourseSite()) {
        self.options = options
        self.katex = katex
        self.theme = theme
        self.site = site
    }

    /// A chapter page and what search needs to know of it.
    public struct RenderedChapter: Sendable {
        public var html: String
        public var search: [SearchIndex.Entry]
    }

    /// `all` is every chapter of the site, in order, for the sidebar and previous/next links.
    public func chapterPage(_ chapter: Chapter, result: ChapterResult, all: [ChapterSummary]) -> String {
        render(chapter, result: result, all: all).html
    }

    public func render(_ chapter: Chapter, result: ChapterResult, all: [ChapterSummary]) -> RenderedChapter {
        let cells = CellRenderer(options: options, path: chapter.path)
        var anchors = HeadingAnchors()
        var body = ""
        // Search: the text under each heading, keyed by the heading's id ("" before the first).
        var sectionText: [(id: String, title: String, text: String)] = [("", chapter.title, "")]
        for block in chapter.blocks {
            switch block {
            case .prose(let html):
                let before = anchors.sections.count
                let prose = anchors.process(PageLink.rewritingChapterLinks(
                    in: InlineValues.substitute(in: html, values: result.inlineValues)))
                body += prose + "\n"
                // Text before this block's first heading belongs to the section already open.
                var pieces = prose.components(separatedBy: "<h")
                if let first = pieces.first { sectionText[sectionText.count - 1].text += " " + HeadingAnchors.plainText(first) }
                pieces.removeFirst()
                for (offset, section) in anchors.sections[before...].enumerated() where offset < pieces.count {
                    let text = HeadingAnchors.plainText("<h" + pieces[offset])
                    sectionText.append((section.id, section.title, String(text.dropFirst(section.title.count))))
                }
            case .cell(let index):
                guard index < chapter.cells.count else { continue }
                let cellResult = result.cells.first { $0.index == index }
                body += cells.html(chapter.cells[index], result: cellResult)
                if !chapter.cells[index].attributes.hide { sectionText[sectionText.count - 1].text += " " + chapter.cells[index].code }
            }
        }
        body = Self.inserting(header(chapter, result: result), underTitleOf: body)
        let html = PageShell(katex: katex, theme: theme, site: site, template: template, extra: extra)
            .page(title: chapter.title, current: chapter.slug, all: all, sections: anchors.sections, body: body, math: true)
        let search = sectionText.filter { !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || !$0.id.isEmpty }
            .map { section in
                SearchIndex.Entry(href: PageLink.encode(chapter.slug + ".html") + (section.id.isEmpty ? "" : "#" + PageLink.encode(section.id)),
                                  chapter: chapter.title, section: section.title,
                                  text: section.text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
            }
        return RenderedChapter(html: html, search: search)
    }

    public func indexPage(_ summaries: [ChapterSummary]) -> String {
        var introduction: String?
        if let intro = site.introduction {
            var anchors = HeadingAnchors()
            introduction = intro.blocks.compactMap { block -> String? in
                guard case .prose(let html) = block else { return nil }
                return anchors.process(PageLink.rewritingChapterLinks(in: html))
            }.joined(separator: "\n") + "\n"
        }
        return PageShell(katex: katex, theme: theme, site: site, template: template, extra: extra)
            .page(title: site.title, current: nil, all: summaries, sections: [],
                  body: IndexPage.body(summaries, introduction: introduction), math: introduction != nil)
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

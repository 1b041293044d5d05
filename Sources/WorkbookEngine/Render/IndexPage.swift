/// The body of `index.html`: every chapter in order with its status and cell counts.
enum IndexPage {
    /// `introduction` is the course's README/index page as HTML; it then opens the page.
    static func body(_ summaries: [ChapterSummary], introduction: String? = nil) -> String {
        var html = introduction.map { $0 + "<h2 id=\"chapters\">Chapters</h2>\n" } ?? "<h1>Contents</h1>\n"
        html += "<p class=\"index-summary\">\(HTML.escape(overview(summaries)))</p>\n"
        html += "<ol class=\"chapter-list\">\n"
        for summary in summaries {
            let tone = StatusText.tone(summary.status)
            html += """
                <li class="chapter-entry tone-\(tone)">
                <a href="\(PageLink.href(slug: summary.slug))">\(HTML.escape(summary.title))</a>
                <span class="status-tag tone-\(tone)"><span class="symbol" aria-hidden="true">\
                \(StatusText.symbol(summary.status))</span> \(StatusText.word(summary.status))</span>
                <span class="counts">\(HTML.escape(summary.counts.description))</span>
                </li>

                """
        }
        html += "</ol>\n"
        return html
    }

    /// `4 chapters: 3 passed, 1 crashed`.
    static func overview(_ summaries: [ChapterSummary]) -> String {
        let noun = summaries.count == 1 ? "chapter" : "chapters"
        guard !summaries.isEmpty else { return "No chapters." }
        let order: [ChapterStatus] = [.passed, .failedToCompile, .crashed, .timedOut, .failed]
        let parts = order.compactMap { status -> String? in
            let n = summaries.filter { $0.status == status }.count
            return n == 0 ? nil : "\(n) \(StatusText.word(status))"
        }
        return "\(summaries.count) \(noun): \(parts.joined(separator: ", "))"
    }
}

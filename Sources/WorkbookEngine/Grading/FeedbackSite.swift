import Foundation

/// A student's report as a site of its own, `FEEDBACK/NAME/`: an index and one page per graded
/// chapter, drawn by the engine's renderer with the built-in theme, so it reads like the book
/// (their code, its output, ✓/✗ per check). Each student's folder stands alone, so it can be
/// handed back as it is; KaTeX comes from its CDN rather than 2 MB of fonts per student.
public enum FeedbackSite {
    /// Page file name → HTML; empty when no chapter of theirs ran.
    public static func pages(_ feedback: StudentFeedback) -> (pages: [String: String], search: String) {
        let graded = feedback.chapters.compactMap(\.page)
        guard !graded.isEmpty else { return ([:], "") }
        let site = CourseSite(title: "\(feedback.student): \(CheckFormat.number(feedback.points))/"
                                + "\(CheckFormat.number(feedback.maxPoints)) points")
        let renderer = ReportRenderer(options: RunOptions(), katex: .cdn, theme: .builtIn, site: site)
        let summaries = graded.map { ChapterSummary(chapter: $0.chapter, result: $0.result) }
        var pages = ["index.html": renderer.indexPage(summaries)]
        var search: [SearchIndex.Entry] = []
        for page in graded {
            let rendered = renderer.render(page.chapter, result: page.result, all: summaries)
            pages[page.chapter.slug + ".html"] = rendered.html
            search += rendered.search
        }
        return (pages, SearchIndex.script(search))
    }

    /// Writes `folder` (created if missing) as one student's site.
    public static func write(_ feedback: StudentFeedback, to folder: String) throws {
        let (pages, search) = pages(feedback)
        guard !pages.isEmpty else { return }
        try SiteWriter.write(pages: pages, to: folder, katex: .cdn, theme: .builtIn,
                             extraAssets: ["search-index.js": Data(search.utf8)])
    }
}

import Foundation
import Testing
@testable import WorkbookEngine

/// The realistic fixture site (math, a crash, a timeout, a long line, an SVG, a chatty cell).
/// With `WORKBOOK_RENDER_FIXTURE_OUT=DIR` set, it is also written to DIR for `bin/screenshot`:
///   WORKBOOK_RENDER_FIXTURE_OUT=/tmp/site swift test --filter RenderSitePageTests
@Suite struct RenderSitePageTests {
    let renderer = ReportRenderer(options: RunOptions(), katex: .local)

    @Test func renderingTwiceGivesIdenticalBytes() {
        let first = RenderFixtures.sitePages(renderer)
        let second = RenderFixtures.sitePages(ReportRenderer(options: RunOptions(), katex: .local))
        #expect(first == second)
        #expect(first.count == 4)
    }

    @Test func realisticChapterPage() {
        let html = RenderFixtures.sitePages(renderer)["03-backprop.html"]!
        #expect(html.contains("<link rel=\"stylesheet\" href=\"assets/katex/katex.min.css\">"))
        #expect(html.contains("<script src=\"assets/katex/katex.min.js\"></script>"))
        #expect(html.contains("<script src=\"assets/workbook.js\"></script>"))  // It typesets the maths.
        #expect(html.contains("<span class=\"inline-value\">-12.0</span>"))
        #expect(html.contains(">not computed</span>"))           // Inline value after the crash.
        #expect(html.contains("<p class=\"trap\">Fatal error: Index out of range</p>"))
        #expect(html.contains("<pre class=\"stdout\">checking 2 gradients</pre>"))
        #expect(!html.contains("let gradients"))                  // The hidden cell's source.
        #expect(html.contains("This chapter crashed."))
        #expect(!html.contains("wb-inline"))
        let cellSections = html.components(separatedBy: "<section class=\"cell").count - 1
        #expect(cellSections == 9)                                 // 10 cells, the quiet hidden one leaves none.
    }

    @Test func cdnPagesUseThePinnedRelease() {
        let html = ReportRenderer(options: RunOptions(), katex: .cdn)
            .chapterPage(RenderFixtures.introChapter, result: RenderFixtures.introResult, all: [])
        #expect(html.contains("href=\"https://cdn.jsdelivr.net/npm/katex@0.16.4/dist/katex.min.css\""))
        #expect(html.contains("src=\"https://cdn.jsdelivr.net/npm/katex@0.16.4/dist/katex.min.js\""))
    }

    @Test func writesTheFixtureSite() throws {
        let folder = ProcessInfo.processInfo.environment["WORKBOOK_RENDER_FIXTURE_OUT"]
            ?? NSTemporaryDirectory() + "render-fixture-\(UUID().uuidString)"
        let katex = KaTeXSource.detect()
        try SiteWriter.write(pages: RenderFixtures.sitePages(ReportRenderer(options: RunOptions(), katex: katex)),
                             to: folder, katex: katex)
        for page in ["index.html", "01-intro.html", "03-backprop.html", "04-kmeans.html", "assets/workbook.css"] {
            #expect(FileManager.default.fileExists(atPath: "\(folder)/\(page)"), "\(page) missing")
        }
    }
}

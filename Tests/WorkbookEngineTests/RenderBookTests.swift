import Foundation
import Testing
@testable import WorkbookEngine

/// The book around the chapters: heading anchors, sidebar, links between chapters, search,
/// the introduction, the course title and the theme a course may override.
@Suite struct RenderBookTests {
    let renderer = ReportRenderer(options: RunOptions(), katex: .cdn)

    @Test func everyHeadingGetsAnIdAndAVisibleLink() {
        var anchors = HeadingAnchors()
        let html = anchors.process("<h2>Loss &amp; <code>grad</code></h2>\n<p>x</p>\n<h2>Loss &amp; grad</h2><h3>cell 1</h3>")
        #expect(html.contains("<h2 id=\"loss-grad\">Loss &amp; <code>grad</code> <a class=\"anchor\" href=\"#loss-grad\""))
        #expect(html.contains("<h2 id=\"loss-grad-2\">"))   // A repeated heading gets a number.
        #expect(html.contains("<h3 id=\"cell-1-2\">"))      // Never the id of a cell.
        #expect(anchors.sections.map(\.title) == ["Loss & grad", "Loss & grad", "cell 1"])
    }

    @Test func sidebarListsEveryChapterAndTheCurrentChaptersSections() {
        let html = renderer.chapterPage(RenderFixtures.backpropChapter, result: RenderFixtures.backpropResult,
                                        all: RenderFixtures.summaries)
        let sidebar = html.components(separatedBy: "<nav id=\"sidebar\"")[1].components(separatedBy: "</nav>")[0]
        for page in ["01-intro.html", "03-backprop.html", "04-kmeans.html", "index.html"] { #expect(sidebar.contains("href=\"\(page)\"")) }
        #expect(sidebar.contains("<a href=\"03-backprop.html\" aria-current=\"page\">"))
        #expect(sidebar.contains("<li><a href=\"#checking-against-a-numerical-gradient\">Checking against a numerical gradient</a></li>"))
        #expect(sidebar.components(separatedBy: "toc-sections").count == 2)  // Only the current chapter's.
        #expect(html.contains("<a class=\"skip-link\" href=\"#content\">"))
        #expect(html.contains("<main id=\"content\""))
    }

    @Test func chapterLinksBetweenMarkdownFilesPointAtPages() {
        let html = "<p><a href=\"02-rnn.md#bptt\">2</a> <a href=\"../Chapters/03-attention.md\">3</a> "
            + "<a href=\"https://example.org/x.md\">web</a> <a href=\"README.md\">intro</a> <a href=\"C%2350%25.md\">odd</a></p>"
        let rewritten = PageLink.rewritingChapterLinks(in: html)
        #expect(rewritten.contains("href=\"02-rnn.html#bptt\""))
        #expect(rewritten.contains("href=\"03-attention.html\""))
        #expect(rewritten.contains("href=\"https://example.org/x.md\""))
        #expect(rewritten.contains("href=\"index.html\""))
        #expect(rewritten.contains("href=\"C%2350%25.html\""))
    }

    @Test func pageLinksArePercentEncoded() {
        let odd = ChapterSummary(slug: "C#50%", title: "Odd", status: .passed, counts: CellCounts())
        let all = [RenderFixtures.summaries[0], odd]
        let index = renderer.indexPage(all)
        #expect(index.contains("<a href=\"C%2350%25.html\">Odd</a>"))
        #expect(!index.contains("href=\"C#50%.html\""))
        let previous = renderer.chapterPage(RenderFixtures.introChapter, result: RenderFixtures.introResult, all: all)
        #expect(previous.contains("rel=\"next\" href=\"C%2350%25.html\""))
        #expect(PageLink.href(slug: "été & co") == "%C3%A9t%C3%A9%20%26%20co.html")
    }

    @Test func searchIndexMapsWordsToSections() throws {
        let page = renderer.render(RenderFixtures.backpropChapter, result: RenderFixtures.backpropResult,
                                   all: RenderFixtures.summaries)
        let numerical = try #require(page.search.first { $0.section == "Checking against a numerical gradient" })
        #expect(numerical.href == "03-backprop.html#checking-against-a-numerical-gradient")
        #expect(numerical.text.contains("largest central-difference error"))
        #expect(numerical.text.contains("print(\"largest error:\""))   // Cell code is searchable too.
        let script = SearchIndex.script(page.search)
        #expect(script.hasPrefix("window.WORKBOOK_SEARCH = {\"docs\":["))
        let json = String(script.dropFirst("window.WORKBOOK_SEARCH = ".count).dropLast(2))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let terms = decoded["terms"] as! [String: [Int]]
        let docs = decoded["docs"] as! [[String: String]]
        #expect(terms["central"].map { $0.map { docs[$0]["href"]! } } == ["03-backprop.html#checking-against-a-numerical-gradient"])
        #expect(SearchIndex.script(page.search) == script)   // Deterministic.
    }

    @Test func builtPagesCarryNoLiveReloadButServedPagesDo() {
        let built = renderer.indexPage(RenderFixtures.summaries)
        #expect(!built.contains("serve.js"))
        var served = renderer
        served.template = "serve"
        served.extra = ["servePage": "index.html", "serveVersion": "v1", "serveEdition": "instructor"]
        let page = served.indexPage(RenderFixtures.summaries)
        #expect(page.contains("<script src=\"assets/serve.js\" data-page=\"index.html\" data-version=\"v1\""))
        #expect(page.contains("/_serve/codemirror/codemirror.js"))
        // Everything else is the same page.
        #expect(page.contains("<nav id=\"sidebar\""))
    }

    @Test func introductionAndCourseTitle() throws {
        let folder = try makeScratchFolder([
            "Chapters/README.md": "# Deep learning, by hand\n\nStart with [backprop](01-a.md).\n",
            "Chapters/01-a.md": "# A\n", "workbook.toml": "# course\ntitle = \"ML 101\"\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let site = try CourseSite.load(paths: ["\(folder)/Chapters"])
        #expect(site.title == "ML 101")
        #expect(site.introduction?.title == "Deep learning, by hand")
        #expect(try ChapterDiscovery.chapterFiles(for: ["\(folder)/Chapters"]) == ["\(folder)/Chapters/01-a.md"])
        let html = ReportRenderer(options: RunOptions(), katex: .cdn, site: site).indexPage(RenderFixtures.summaries)
        #expect(html.contains("<title>ML 101</title>"))
        #expect(html.contains("<h1 id=\"deep-learning-by-hand\">Deep learning, by hand"))
        #expect(html.contains("<a href=\"01-a.html\">backprop</a>"))
        #expect(html.contains("<h2 id=\"chapters\">Chapters</h2>"))

        try Data("title = ML 101\n".utf8).write(to: URL(fileURLWithPath: "\(folder)/workbook.toml"))
        #expect(throws: WorkbookError("title must be a quoted string on one line, as title = \"My course\"",
                                      file: "\(folder)/workbook.toml", line: 1)) {
            try CourseSite.load(paths: ["\(folder)/Chapters"])
        }
    }

    @Test func aCourseOverridesAnyThemeFile() throws {
        let folder = try makeScratchFolder([
            "theme/pager.mustache": "<p class=\"my-pager\">{{#next}}{{{title}}}{{/next}}</p>\n",
            "theme/workbook.css": "body { color: red; }\n", "theme/extra.js": "// mine\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let theme = try Theme.forCourse(root: folder)
        #expect(theme.assets["workbook.css"] == Data("body { color: red; }\n".utf8))
        #expect(theme.assets["extra.js"] != nil && theme.assets["workbook.js"] != nil)
        let html = ReportRenderer(options: RunOptions(), katex: .cdn, theme: theme).indexPage(RenderFixtures.summaries)
        #expect(html.contains("<p class=\"my-pager\">Getting started</p>"))
        #expect(html.contains("<nav id=\"sidebar\""))   // The other templates are still the built-in ones.

        try Data("{{#unclosed}}\n".utf8).write(to: URL(fileURLWithPath: "\(folder)/theme/page.mustache"))
        #expect(throws: WorkbookError.self) { try Theme.forCourse(root: folder) }
    }
}

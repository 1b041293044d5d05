import Testing
@testable import WorkbookEngine

@Suite struct RenderEscapingTests {
    let renderer = ReportRenderer(options: RunOptions(), katex: .cdn)
    let attack = "<script>alert(\"x\")</script> & 'q'"
    let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"

    private func page(_ result: CellResult) -> String {
        let chapter = RenderFixtures.chapter(cells: [("print(1)\n", RenderFixtures.attributes())])
        return renderer.chapterPage(chapter, result: ChapterResult(path: chapter.path, status: .crashed,
                                                                   cells: [result]), all: [])
    }

    @Test func stdoutIsEscaped() {
        let html = page(CellResult(index: 0, status: .ok, stdout: .init(text: attack)))
        #expect(html.contains("<pre class=\"stdout\">\(escaped)</pre>"))
        #expect(!html.contains("<script>alert"))
    }

    @Test func stderrIsEscapedAndSetApart() {
        let html = page(CellResult(index: 0, status: .ok, stderr: .init(text: attack + "\n")))
        #expect(html.contains("<div class=\"stderr\"><span class=\"stream-label\">stderr</span><pre>\(escaped)</pre></div>"))
        #expect(!html.contains("<script>alert"))
    }

    @Test func diagnosticsAndTrapsAreEscaped() {
        let diagnostic = Diagnostic(file: "Chapters/01-test.md", line: 4, column: 7, severity: "error", message: attack)
        let html = page(CellResult(index: 0, status: .crashed, diagnostics: [diagnostic], trapMessage: attack))
        #expect(html.contains("<li class=\"diagnostic severity-error\">4:7: error: \(escaped)</li>"))
        #expect(html.contains("<p class=\"trap\">\(escaped)</p>"))
        #expect(!html.contains("<script>alert"))
    }

    @Test func displayTextIsEscapedButItsHTMLIsTrusted() {
        let item = DisplayItem(text: "a < b", html: "<svg viewBox=\"0 0 1 1\"><rect/></svg>")
        let html = page(CellResult(index: 0, status: .ok, displays: [item]))
        #expect(html.contains("<div class=\"display-body\"><svg aria-describedby=\"cell-1-display-1-text\" viewBox=\"0 0 1 1\"><rect/></svg></div>"))
        #expect(html.contains("<details class=\"display-text\"><summary>as text</summary><pre id=\"cell-1-display-1-text\">a &lt; b</pre></details>"))
    }

    @Test func displayWithoutHTMLShowsItsTextEscaped() {
        let html = page(CellResult(index: 0, status: .ok, displays: [DisplayItem(text: "<x>\n", html: "")]))
        #expect(html.contains("<figure class=\"display\"><pre>&lt;x&gt;</pre></figure>"))
        #expect(!html.contains("display-text"))
    }

    @Test func inlineValuesAreSubstitutedAndEscaped() {
        let prose = "<p>Accuracy \(RenderFixtures.inline(0)), loss \(RenderFixtures.inline(1)).</p>"
        let html = InlineValues.substitute(in: prose, values: [0: "0.93", 1: "<b>1</b>"])
        #expect(html == "<p>Accuracy <span class=\"inline-value\">0.93</span>, "
                + "loss <span class=\"inline-value\">&lt;b&gt;1&lt;/b&gt;</span>.</p>")
    }

    @Test func missingInlineValueIsMarked() {
        let html = InlineValues.substitute(in: "<p>It is \(RenderFixtures.inline(3)).</p>", values: [0: "1"])
        #expect(html.contains("<span class=\"inline-missing\""))
        #expect(html.contains(">not computed</span>"))
        #expect(!html.contains("wb-inline"))
    }

    @Test func inlineValuesReachTheChapterPage() {
        let chapter = RenderFixtures.chapter(cells: [], prose: ["<p>f = \(RenderFixtures.inline(0))</p>"])
        let html = renderer.chapterPage(chapter, result: ChapterResult(path: chapter.path, status: .passed, cells: [],
                                                                       inlineValues: [0: "-12.0"]), all: [])
        #expect(html.contains("<p>f = <span class=\"inline-value\">-12.0</span></p>"))
    }

    @Test func pageTitleAndNavigationAreEscaped() {
        let chapter = RenderFixtures.chapter(cells: [], slug: "01-a", title: "A <b> & C")
        let summaries = [ChapterSummary(slug: "01-a", title: "A <b> & C", status: .passed, counts: CellCounts()),
                         ChapterSummary(slug: "02-b", title: "Next <i>", status: .passed, counts: CellCounts())]
        let html = renderer.chapterPage(chapter, result: ChapterResult(path: chapter.path, status: .passed, cells: []),
                                        all: summaries)
        #expect(html.contains("<title>A &lt;b&gt; &amp; C · Workbook</title>"))
        #expect(html.contains("href=\"02-b.html\">Next &lt;i&gt; <span aria-hidden=\"true\">→</span></a>"))
    }
}

import Testing
@testable import WorkbookEngine

@Suite struct RenderIndexTests {
    let renderer = ReportRenderer(options: RunOptions(), katex: .cdn)

    @Test func countsComeFromCellStatuses() {
        let counts = CellCounts(RenderFixtures.backpropResult, cells: RenderFixtures.backpropChapter.cells)
        // 6 ran + 1 compile-fail as intended; 1 skipped; 1 crashed; 1 not run; 1 exercise.
        #expect(counts.ok == 7)
        #expect(counts.skipped == 1)
        #expect(counts.crashed == 1)
        #expect(counts.notRun == 1)
        #expect(counts.failed == 0)
        #expect(counts.timedOut == 0)
        #expect(counts.exercises == 1)
        #expect(counts.description == "7 ok · 1 crashed · 1 not run · 1 skipped · 0 of 1 exercise, 0/0 points")
        #expect(CellCounts().description == "no cells")
    }

    @Test func indexListsChaptersInOrderWithStatusAndCounts() {
        let html = renderer.indexPage(RenderFixtures.summaries)
        let intro = try! #require(html.range(of: "href=\"01-intro.html\">Getting started</a>"))
        let backprop = try! #require(html.range(of: "href=\"03-backprop.html\">Backpropagation on a tiny graph</a>"))
        let kmeans = try! #require(html.range(of: "href=\"04-kmeans.html\">k-means, slowly</a>"))
        #expect(intro.upperBound < backprop.lowerBound && backprop.upperBound < kmeans.lowerBound)
        #expect(html.contains("</span> passed</span>\n<span class=\"counts\">1 ok</span>"))
        #expect(html.contains("</span> crashed</span>\n<span class=\"counts\">7 ok · 1 crashed · 1 not run · "
                              + "1 skipped · 0 of 1 exercise, 0/0 points</span>"))
        #expect(html.contains("</span> timed out</span>\n<span class=\"counts\">1 ok · 1 timed out · 1 not run</span>"))
        #expect(html.contains("<p class=\"index-summary\">3 chapters: 1 passed, 1 crashed, 1 timed out</p>"))
    }

    @Test(arguments: [(ChapterStatus.passed, "passed"), (.failedToCompile, "failed to compile"),
                      (.crashed, "crashed"), (.timedOut, "timed out"), (.failed, "failed")])
    func everyChapterStatusHasItsWord(status: ChapterStatus, word: String) {
        let html = renderer.indexPage([ChapterSummary(slug: "a", title: "A", status: status, counts: CellCounts())])
        #expect(html.contains("</span> \(word)</span>"))
        #expect(IndexPage.overview([ChapterSummary(slug: "a", title: "A", status: status, counts: CellCounts())])
                == "1 chapter: 1 \(word)")
    }

    @Test func indexHasNoMathAndNoPreviousNextLinks() {
        let html = renderer.indexPage(RenderFixtures.summaries)
        #expect(!html.contains("katex"))
        #expect(!html.contains("rel=\"prev\""))
    }

    @Test func chapterNavigationLinksNeighbours() {
        let all = RenderFixtures.summaries
        let html = renderer.chapterPage(RenderFixtures.backpropChapter, result: RenderFixtures.backpropResult, all: all)
        #expect(html.contains("<a href=\"index.html\">Introduction</a>"))
        #expect(html.contains("rel=\"prev\" href=\"01-intro.html\"><span aria-hidden=\"true\">←</span> Getting started</a>"))
        #expect(html.contains("rel=\"next\" href=\"04-kmeans.html\">k-means, slowly <span aria-hidden=\"true\">→</span></a>"))
        // Previous and next sit both above and below the chapter.
        #expect(html.components(separatedBy: "rel=\"next\"").count - 1 == 2)
        let first = renderer.chapterPage(RenderFixtures.introChapter, result: RenderFixtures.introResult, all: all)
        #expect(!first.contains("rel=\"prev\""))
        #expect(first.contains("rel=\"next\" href=\"03-backprop.html\""))
    }
}

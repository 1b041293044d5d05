import Testing
@testable import WorkbookEngine

@Suite("Render: printed text and displays in program order")
struct RenderOutputOrderTests {
    let result = CellResult(index: 0, status: .ok, stdout: .init(text: "loss 4.1\nloss 1.2\n"),
                            displays: [DisplayItem(text: "[curve]", html: "<svg></svg>", outputOffset: 9)])

    @Test func thePageShowsTheDisplayWhereTheProgramShowedIt() {
        let chapter = RenderFixtures.chapter(cells: [("print(1)\n", RenderFixtures.attributes())])
        let html = ReportRenderer(options: RunOptions(), katex: .cdn)
            .chapterPage(chapter, result: ChapterResult(path: chapter.path, status: .passed, cells: [result]), all: [])
        let first = try? #require(html.range(of: "<pre class=\"stdout\">loss 4.1</pre>"))
        let plot = try? #require(html.range(of: "<div class=\"display-body\"><svg></svg></div>"))
        let second = try? #require(html.range(of: "<pre class=\"stdout\">loss 1.2</pre>"))
        if let first, let plot, let second {
            #expect(first.upperBound < plot.lowerBound && plot.upperBound < second.lowerBound)
        }
    }

    @Test func theTerminalToo() {
        let segments = TerminalRenderer.segments(result, options: RunOptions())
        #expect(segments.prefix(3).map(\.text) == ["loss 4.1", "[curve]", "loss 1.2"])
    }

    @Test func aCutNeverSplitsACharacterAndUnknownPlacesComeLast() {
        let pieces = OutputPiece.inProgramOrder(stdout: "é!", displays: [
            DisplayItem(text: "a", html: "", outputOffset: 1), DisplayItem(text: "b", html: ""),
        ])
        #expect(pieces == [.display(DisplayItem(text: "a", html: "", outputOffset: 1)), .text("é!"),
                           .display(DisplayItem(text: "b", html: ""))])
    }
}

import Testing
@testable import WorkbookEngine

@Suite struct RenderCellTests {
    private func render(_ attributes: CellAttributes, _ result: CellResult, options: RunOptions = RunOptions(),
                        code: String = "let secretName = 1\n") -> String {
        let chapter = RenderFixtures.chapter(cells: [(code, attributes)])
        return ReportRenderer(options: options, katex: .cdn)
            .chapterPage(chapter, result: ChapterResult(path: chapter.path, status: .passed, cells: [result]), all: [])
    }

    @Test func ordinaryCellShowsHighlightedSourceAndOutputWithoutStatusTag() {
        let html = render(RenderFixtures.attributes(), CellResult(index: 0, status: .ok, stdout: .init(text: "1\n")))
        #expect(html.contains("<pre class=\"source\"><code><span class=\"hl-kw\">let</span> secretName = "
                              + "<span class=\"hl-num\">1</span></code></pre>"))
        #expect(html.contains("<pre class=\"stdout\">1</pre>"))
        #expect(!html.contains("status-tag"))
    }

    @Test func hiddenCellShowsOutputButNotSource() {
        let html = render(RenderFixtures.attributes { $0.hide = true },
                          CellResult(index: 0, status: .ok, stdout: .init(text: "visible\n")))
        #expect(!html.contains("secretName"))
        #expect(html.contains("<pre class=\"stdout\">visible</pre>"))
    }

    @Test func hiddenCellWithNothingToShowLeavesNoTrace() {
        let html = render(RenderFixtures.attributes { $0.hide = true }, CellResult(index: 0, status: .ok))
        #expect(!html.contains("<section class=\"cell"))
    }

    @Test func hiddenCellThatCrashedStillSaysSo() {
        let html = render(RenderFixtures.attributes { $0.hide = true },
                          CellResult(index: 0, status: .crashed, trapMessage: "Fatal error: boom"))
        #expect(!html.contains("secretName"))
        #expect(html.contains("crashed</span>"))
        #expect(html.contains("<p class=\"trap\">Fatal error: boom</p>"))
    }

    @Test func runtimeReportIsFoldedBelowTheTrapMessage() {
        let html = render(RenderFixtures.attributes(),
                          CellResult(index: 0, status: .crashed, stderr: .init(text: "mine\n"),
                                     trapMessage: "Fatal error: boom",
                                     crashReport: "x.swift:1: Fatal error: boom\nCurrent stack trace:\n0 <frame>"))
        #expect(html.contains("<p class=\"trap\">Fatal error: boom</p>\n<details class=\"crash-report\">"
                              + "<summary>the runtime's report</summary><pre>x.swift:1: Fatal error: boom\n"
                              + "Current stack trace:\n0 &lt;frame&gt;</pre></details>"))
        #expect(html.contains("<pre>mine</pre>"))
    }

    @Test func skippedCellShowsSourceWithNotRunSkipTag() {
        let html = render(RenderFixtures.attributes { $0.skip = true }, CellResult(index: 0, status: .skipped))
        #expect(html.contains("secretName"))
        #expect(html.contains("</span> not run (skip)</span>"))
        #expect(html.contains("status-skipped"))
        #expect(!html.contains("class=\"outputs\""))
    }

    @Test(arguments: [
        (CellStatus.crashed, "crashed"), (.timedOut, "timed out"), (.notRun, "not run"),
        (.compileError, "compile error"), (.failedToCompileAsExpected, "does not compile, as intended"),
        (.compiledUnexpectedly, "compiled, but is marked compile-fail"),
    ])
    func statusWordsAppearOnTheCell(status: CellStatus, word: String) {
        let html = render(RenderFixtures.attributes(), CellResult(index: 0, status: status))
        #expect(html.contains("</span> \(word)</span>"))
        #expect(html.contains("status-\(StatusText.cssName(status))"))
    }

    @Test func notRunCellExplainsWhy() {
        let html = render(RenderFixtures.attributes(), CellResult(index: 0, status: .notRun))
        #expect(html.contains("An earlier cell failed, so this cell did not run."))
    }

    @Test func diagnosticsShowLineColumnSeverityAndMessage() {
        let diagnostics = [Diagnostic(file: "Chapters/01-test.md", line: 12, column: 5, severity: "error",
                                      message: "cannot find 'y' in scope"),
                           Diagnostic(file: "Other.swift", line: 3, column: 1, severity: "note", message: "here")]
        let html = render(RenderFixtures.attributes(), CellResult(index: 0, status: .compileError,
                                                                   diagnostics: diagnostics))
        #expect(html.contains(">12:5: error: cannot find &#39;y&#39; in scope</li>"))
        #expect(html.contains("<li class=\"diagnostic severity-note\">Other.swift:3:1: note: here</li>"))
    }

    @Test func truncationNoticeNamesWhatWasCutAndTheLimit() {
        let result = CellResult(index: 0, status: .ok, stdout: .init(text: "x\n", droppedBytes: 3_355_443),
                                stderr: .init(text: "e\n", droppedBytes: 1536))
        let html = render(RenderFixtures.attributes(), result)
        #expect(html.contains("<p class=\"notice\">… 3.2 MiB more not shown: per-cell output limit is 1 MiB</p>"))
        #expect(html.contains("<p class=\"notice\">… 1.5 KiB more stderr not shown: per-cell output limit is 1 MiB</p>"))
    }

    @Test func truncationNoticeUsesTheConfiguredLimit() {
        var options = RunOptions()
        options.outputLimit = 64 * 1024
        let html = render(RenderFixtures.attributes(),
                          CellResult(index: 0, status: .ok, stdout: .init(text: "x", droppedBytes: 100)), options: options)
        #expect(html.contains("… 100 bytes more not shown: per-cell output limit is 64 KiB"))
    }

    @Test func exerciseCellsAreLabelled() {
        #expect(CellRenderer.label(RenderFixtures.attributes { $0.kind = .exercise; $0.id = "e1"; $0.points = 2 })
                == "Exercise e1 · 2 points")
        #expect(CellRenderer.label(RenderFixtures.attributes { $0.kind = .exercise; $0.points = 0.5 })
                == "Exercise · 0.5 points")
        #expect(CellRenderer.label(RenderFixtures.attributes { $0.kind = .check; $0.hidden = true; $0.points = 1 })
                == "Check (hidden) · 1 point")
        #expect(CellRenderer.label(RenderFixtures.attributes { $0.kind = .solution }) == "Solution")
        #expect(CellRenderer.label(RenderFixtures.attributes()) == nil)
        let html = render(RenderFixtures.attributes { $0.kind = .exercise; $0.id = "e1" },
                          CellResult(index: 0, status: .ok))
        #expect(html.contains("<span class=\"cell-label\">Exercise e1</span>"))
        #expect(html.contains("class=\"cell cell-exercise status-ok\""))
    }

    @Test func timingsOnlyWithShowTimings() {
        let result = CellResult(index: 0, status: .ok, seconds: 1.234)
        #expect(!render(RenderFixtures.attributes(), result).contains("1.23 s"))
        var options = RunOptions()
        options.showTimings = true
        #expect(render(RenderFixtures.attributes(), result, options: options)
                .contains("<span class=\"cell-time\">1.23 s</span>"))
    }

    @Test func failedChapterSaysSoAtTheTop() {
        let chapter = RenderFixtures.chapter(cells: [("f()\n", RenderFixtures.attributes())])
        let result = ChapterResult(path: chapter.path, status: .failedToCompile,
                                   cells: [CellResult(index: 0, status: .compileError)],
                                   diagnostics: [Diagnostic(file: "", line: 0, column: 0, severity: "error",
                                                            message: "undefined symbol: main")])
        let html = ReportRenderer(options: RunOptions(), katex: .cdn).chapterPage(chapter, result: result, all: [])
        #expect(html.contains("This chapter failed to compile. 1 failed</p>"))
        #expect(html.contains("<li class=\"diagnostic severity-error\">error: undefined symbol: main</li>"))
    }

    @Test func chapterStatusSitsUnderTheTitle() {
        let html = RenderFixtures.sitePages(ReportRenderer(options: RunOptions(), katex: .cdn))["03-backprop.html"]!
        #expect(html.contains("aria-label=\"Link to this section\">#</a></h1>\n<p class=\"chapter-status tone-bad\">"))
        #expect(ReportRenderer.inserting("H\n", underTitleOf: "<p>x</p>\n") == "H\n<p>x</p>\n")
        #expect(ReportRenderer.inserting("H\n", underTitleOf: "<h1>T</h1>\n<p>x</p>") == "<h1>T</h1>\nH\n<p>x</p>")
        #expect(ReportRenderer.inserting("", underTitleOf: "<h1>T</h1>") == "<h1>T</h1>")
    }

    @Test func quantitiesAreFormattedExactly() {
        #expect(Quantities.bytes(1) == "1 byte")
        #expect(Quantities.bytes(1023) == "1023 bytes")
        #expect(Quantities.bytes(1024) == "1 KiB")
        #expect(Quantities.bytes(1 << 20) == "1 MiB")
        #expect(Quantities.bytes(3_355_443) == "3.2 MiB")
        #expect(Quantities.seconds(0.046) == "0.05 s")
        #expect(Quantities.seconds(73) == "73.00 s")
        #expect(Quantities.seconds(1.2) == "1.20 s")
    }
}

import Testing
@testable import WorkbookEngine

@Suite struct RenderTerminalTests {
    @Test func crashedCellListsEverythingInOrderWithoutColour() {
        let result = CellResult(
            index: 2, status: .crashed, stdout: .init(text: "before\n"), stderr: .init(text: "warn\n"),
            displays: [DisplayItem(text: "▇▅▂", html: "<svg/>")],
            diagnostics: [Diagnostic(file: "Chapters/a.md", line: 9, column: 3, severity: "warning", message: "unused")],
            trapMessage: "Fatal error: Index out of range")
        #expect(TerminalRenderer.text(result, options: RunOptions()) == """
            before
            warn
            ▇▅▂
            Chapters/a.md:9:3: warning: unused
            Fatal error: Index out of range

            """)
        let kinds = TerminalRenderer.segments(result, options: RunOptions()).map(\.kind)
        #expect(kinds == [.stdout, .stderr, .display, .diagnostic, .status])
        #expect(!TerminalRenderer.text(result, options: RunOptions()).contains("\u{1B}"))
    }

    @Test func timeoutNotRunAndTruncation() {
        let timedOut = CellResult(index: 0, status: .timedOut, stdout: .init(text: "partial", droppedBytes: 2 << 20),
                                  trapMessage: "timed out after 60 s")
        #expect(TerminalRenderer.text(timedOut, options: RunOptions()) == """
            partial
            timed out after 60 s
            … 2 MiB more not shown: per-cell output limit is 1 MiB

            """)
        #expect(TerminalRenderer.text(CellResult(index: 0, status: .notRun), options: RunOptions())
                == "An earlier cell failed, so this cell did not run.\n")
        #expect(TerminalRenderer.text(CellResult(index: 0, status: .skipped), options: RunOptions()) == "")
        #expect(TerminalRenderer.text(CellResult(index: 0, status: .ok), options: RunOptions()) == "")
    }

    @Test func headingNamesCellLineLabelAndStatus() {
        let cell = Cell(index: 3, code: "x", fenceLine: 41, closingFenceLine: 43,
                        attributes: RenderFixtures.attributes { $0.kind = .exercise; $0.id = "e2"; $0.points = 3 })
        #expect(TerminalRenderer.heading(cell, status: .timedOut) == "cell 4 (line 42) · Exercise e2 · 3 points: timed out")
        #expect(TerminalRenderer.heading(cell, status: .ok) == "cell 4 (line 42) · Exercise e2 · 3 points")
    }
}

import Foundation
import Testing
@testable import WorkbookEngine

@Suite struct ParseStructureTests {
    @Test func cellsAndProseInOrderWithExactLines() throws {
        let chapter = try parseChapter("""
            # Backprop

            Some *prose*.

            ```swift
            let a = 1
            let b = 2
            ```
            ```swift hide
            print(a + b)
            ```

            More prose.

            """, path: "Chapters/01-backprop.md")
        #expect(chapter.slug == "01-backprop")
        #expect(chapter.title == "Backprop")
        #expect(chapter.blocks == [
            .prose(html: "<h1>Backprop</h1>\n<p>Some <em>prose</em>.</p>\n"),
            .cell(index: 0), .cell(index: 1),
            .prose(html: "<p>More prose.</p>\n"),
        ])
        #expect(chapter.cells.map(\.fenceLine) == [5, 9])
        #expect(chapter.cells.map(\.closingFenceLine) == [8, 11])
        #expect(chapter.cells.map(\.firstCodeLine) == [6, 10])
        #expect(chapter.cells.map(\.code) == ["let a = 1\nlet b = 2\n", "print(a + b)\n"])
        #expect(chapter.cells.map(\.index) == [0, 1])
    }

    @Test func titleFallsBackToTheFileStem() throws {
        let chapter = try parseChapter("Just text.\n", path: "Chapters/02-intro.md")
        #expect(chapter.title == "02-intro")
        #expect(chapter.slug == "02-intro")
    }

    @Test func outputBlockAttachesToThePrecedingCell() throws {
        let chapter = try parseChapter("""
            Intro

            ```swift
            print(1.0)
            print(2)
            ```
            ```output tolerance=1e-6 ignore=^#
            1.0
            2
            ```
            """)
        let expected = try #require(chapter.cells.first?.expectedOutput)
        #expect(expected == ExpectedOutput(text: "1.0\n2\n", fenceLine: 7, firstContentLine: 8, lastContentLine: 9,
                                           options: ["tolerance": "1e-6", "ignore": "^#"]))
        #expect(chapter.blocks == [.prose(html: "<p>Intro</p>\n"), .cell(index: 0)])
    }

    @Test func emptyOutputBlockHasAnEmptyLineRange() throws {
        let chapter = try parseChapter("```swift\nlet x = 1\n```\n\n```output\n```\n")
        let expected = try #require(chapter.cells.first?.expectedOutput)
        #expect(expected.text == "")
        #expect(expected.firstContentLine == 6)
        #expect(expected.lastContentLine == 5)
    }

    @Test func outputBlockErrors() {
        #expect(parseError("Text\n\n```output\n1\n```\n")?.description ==
            "ch.md:3: error: an ```output block must come directly after the ```swift cell it belongs to")
        #expect(parseError("```swift\n```\nprose\n\n```output\n```\n")?.line == 5)
        #expect(parseError("```swift\n```\n```output\n```\n```output\n```\n")?.line == 5)
        #expect(parseError("```swift\n```\n```output fuzzy\n```\n")?.description ==
            "ch.md:3: error: unknown output option 'fuzzy' (valid: tolerance=X, ignore=REGEX)")
        #expect(parseError("```swift\n```\n```output tolerance=-1\n```\n")?.message ==
            "tolerance must be a non-negative number, not '-1'")
        #expect(parseError("```swift\n```\n```output ignore=(\n```\n")?.message ==
            "ignore=( is not a valid regular expression")
    }

    // Issue 14: an ```output block left open ran on through the next cell's ```swift line.
    @Test func anUnclosedOutputBlockIsAnErrorAtItsOpeningLine() {
        let markdown = "```swift\nprint(1)\n```\n\n```output\n1\n\n```swift\nprint(2)\n```\n"
        #expect(parseError(markdown)?.description ==
            "ch.md:5: error: unclosed ```output block: close it before line 8, which opens another block (```swift)")
        // A line of backticks with nothing after them is a closing fence, so it is fine.
        #expect(parseError("```swift\nprint(1)\n```\n\n```output\n1\n```\n") == nil)
    }

    @Test func unterminatedFenceIsAnErrorAtItsOpeningLine() {
        #expect(parseError("# T\n\n```swift\nlet a = 1\n\nmore\n")?.description ==
            "ch.md:3: error: unterminated code fence: no closing ``` before the end of its block")
        #expect(parseError("Text\n~~~~text\nx\n~~~\n")?.line == 2)
        #expect(parseError("> quote\n>\n> ```swift\n> let a\n\nafter\n")?.line == 3)
        // A longer closing fence closes; no trailing newline is fine.
        #expect(parseError("```swift\nlet a = 1\n`````") == nil)
    }

    @Test func cellsInsideListsOrQuotesAreAnErrorNotSilentProse() {
        #expect(parseError("# T\n\n1. Compute it:\n\n   ```swift\n   let a = 1\n   ```\n")?.description ==
            "ch.md:5: error: cells must be top-level blocks: this ```swift cell is inside a list item, "
            + "where it would never run; move it out (no indentation, no '>'), or give a listing "
            + "that is not run another info string such as ```text")
        #expect(parseError("- item\n\n  > quoted\n  > ```swift hide\n  > print(1)\n  > ```\n")?.line == 4)
        #expect(parseError("> ```swift\n> let a = 1\n> ```\n")?.message.contains("inside a block quote") == true)
        #expect(parseError("```swift\nlet a = 1\n```\n\n- after\n\n  ```output\n  1\n  ```\n")?.message
            .contains("this ```output block is inside a list item") == true)
        // Other listings may sit anywhere, and an indented (unfenced) block is never a cell.
        #expect(parseError("- step\n\n  ```text\n  let a = 1\n  ```\n") == nil)
        #expect(parseError("> ```\n> plain\n> ```\n") == nil)
    }

    @Test func inlineExpressionsBecomePlaceholders() throws {
        let chapter = try parseChapter("""
            # Result

            The network reaches `{swift} accuracy` per-step
            accuracy after `{swift}   epochs ` epochs; `{swift}` alone is an error.

            """.replacingOccurrences(of: "; `{swift}` alone is an error", with: ""))
        #expect(chapter.inlines == [
            InlineExpression(index: 0, code: "accuracy", line: 3),
            InlineExpression(index: 1, code: "epochs", line: 4),
        ])
        #expect(proseHTML(chapter) == """
            <h1>Result</h1>
            <p>The network reaches \(chapter.inlines[0].placeholder) per-step
            accuracy after \(chapter.inlines[1].placeholder) epochs.</p>

            """)
        #expect(parseError("Line one\n\nvalue `{swift}` here\n")?.description ==
            "ch.md:3: error: empty inline expression: write `{swift} expression`")
    }

    @Test func ordinaryCodeSpansAndRawHTMLStaySafe() throws {
        let chapter = try parseChapter("Call `f(x)` and <script>alert(1)</script> here.\n")
        #expect(proseHTML(chapter) ==
            "<p>Call <code>f(x)</code> and <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --> here.</p>\n")
        #expect(chapter.inlines.isEmpty)
    }

    @Test func nonUTF8IsAnErrorAtTheBadBytesLine() {
        var bytes = Array("# Title\n\nfine line\nbad \u{e9}".utf8)
        bytes += [0xFF, 0x0A]
        #expect(throws: WorkbookError("file is not valid UTF-8 (byte 0xFF)", file: "x.md", line: 4)) {
            try ChapterParser.parse(path: "x.md", bytes: bytes)
        }
        // A truncated multi-byte sequence and an encoded surrogate are invalid too.
        #expect(throws: WorkbookError("file is not valid UTF-8 (byte 0xC3)", file: "x.md", line: 2)) {
            try ChapterParser.parse(path: "x.md", bytes: [0x61, 0x0A, 0xC3, 0x28])
        }
        #expect(throws: WorkbookError("file is not valid UTF-8 (byte 0xED)", file: "x.md", line: 1)) {
            try ChapterParser.parse(path: "x.md", bytes: [0xED, 0xA0, 0x80])
        }
    }

    @Test func crlfLineEndingsKeepLineNumbers() throws {
        let chapter = try parseChapter("# T\r\n\r\n$a_1 * b_2$\r\n\r\n```swift\r\nlet x = 1\r\n```\r\n")
        #expect(chapter.cells.first?.fenceLine == 5)
        #expect(proseHTML(chapter).contains("<span class=\"math math-inline\">a_1 * b_2</span>"))
    }

    @Test func fixtureChapterParsesDeterministically() throws {
        let path = parseFixturePath("03-attention.md")
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        let first = try ChapterParser.parse(path: "Chapters/03-attention.md", bytes: bytes)
        let second = try ChapterParser.parse(path: "Chapters/03-attention.md", bytes: bytes)
        #expect(first == second)
        #expect(first.title == "Attention, step by step")
        #expect(first.cells.map(\.fenceLine) == [10, 17, 28])
        #expect(first.cells[1].attributes.kind == .exercise)
        #expect(first.cells[1].attributes.id == "softmax")
        #expect(first.cells[2].expectedOutput?.firstContentLine == 32)
        #expect(first.inlines.map(\.line) == [35])
    }
}

extension WorkbookError {
    var line: Int? { location?.line }
}

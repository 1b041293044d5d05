import Testing
@testable import WorkbookEngine

@Suite struct ParseAttributeTests {
    private func attributes(_ info: String) throws -> CellAttributes {
        let chapter = try parseChapter("```\(info)\nlet x = 1\n```\n")
        try #require(chapter.cells.count == 1)
        return chapter.cells[0].attributes
    }

    @Test func plainSwiftHasDefaults() throws {
        #expect(try attributes("swift") == CellAttributes())
    }

    @Test func everyFlagWord() throws {
        #expect(try attributes("swift hide").hide)
        #expect(try attributes("swift skip").skip)
        #expect(try attributes("swift compile-fail").compileFail)
        #expect(try attributes("swift hidden").hidden)
        #expect(try attributes("swift exercise").kind == .exercise)
        #expect(try attributes("swift solution").kind == .solution)
        #expect(try attributes("swift check").kind == .check)
    }

    @Test func valuedWords() throws {
        #expect(try attributes("swift timeout=2.5").timeout == 2.5)
        #expect(try attributes("swift points=3").points == 3)
        #expect(try attributes("swift id=grad-check").id == "grad-check")
    }

    @Test func combinationsKeepEveryWord() throws {
        let attributes = try attributes("swift check hidden id=q1 points=2 timeout=10 hide")
        var expected = CellAttributes()
        expected.kind = .check
        expected.hidden = true
        expected.id = "q1"
        expected.points = 2
        expected.timeout = 10
        expected.hide = true
        #expect(attributes == expected)
    }

    @Test func unknownWordNamesItAndListsTheValidOnes() {
        let error = parseError("Intro\n\n```swift hide fast\nlet x = 1\n```\n")
        #expect(error?.description ==
            "ch.md:3: error: unknown cell attribute 'fast' (valid: hide, skip, compile-fail, timeout=S, exercise, solution, check, hidden, id=ID, points=N)")
    }

    @Test func badValuesAreErrorsAtTheFence() {
        #expect(parseError("```swift timeout=0\n```\n")?.description ==
            "ch.md:1: error: timeout must be a positive number of seconds, not '0'")
        #expect(parseError("```swift timeout=soon\n```\n")?.description ==
            "ch.md:1: error: timeout must be a positive number of seconds, not 'soon'")
        #expect(parseError("```swift points=many\n```\n")?.description ==
            "ch.md:1: error: points must be a finite number, not 'many'")
        #expect(parseError("```swift id=\n```\n")?.description == "ch.md:1: error: id needs a value: id=NAME")
        // A flag given a value is not that flag.
        #expect(parseError("```swift hide=yes\n```\n")?.message.hasPrefix("unknown cell attribute 'hide=yes'") == true)
    }

    @Test func atMostOneKind() {
        #expect(parseError("\n```swift exercise check\n```\n")?.description ==
            "ch.md:2: error: a cell can be only one of exercise, solution, check (has 'exercise' and 'check')")
    }

    @Test func duplicateIdNamesTheFirstLine() {
        let markdown = "```swift id=a\n```\n\n```swift id=b\n```\n\n```swift id=a\n```\n"
        #expect(parseError(markdown)?.description == "ch.md:7: error: duplicate cell id 'a' (first used on line 1)")
    }

    @Test func otherLanguagesStayProse() throws {
        let chapter = try parseChapter("```python\nx = 1\n```\n\n```text\nplain\n```\n\n```swiftui\nView()\n```\n")
        #expect(chapter.cells.isEmpty)
        #expect(chapter.blocks.count == 1)
        #expect(proseHTML(chapter).contains("<code class=\"language-python\">x = 1\n</code>"))
    }
}

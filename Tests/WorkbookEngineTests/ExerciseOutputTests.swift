import Testing
@testable import WorkbookEngine

/// Expected ```output blocks against what a cell printed.
@Suite struct ExerciseOutputTests {
    private func block(_ text: String, _ options: [String: String] = [:]) -> ExpectedOutput {
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        return ExpectedOutput(text: text, fenceLine: 10, firstContentLine: 11, lastContentLine: 10 + lineCount,
                              options: options)
    }

    @Test func exactAfterTrailingWhitespace() {
        #expect(OutputComparison.compare(block("a 1\nb 2\n"), actual: "a 1  \nb 2\n\n") == nil)
        #expect(OutputComparison.compare(block("a 1\nb 2\n"), actual: "a 1\nb 3\n")
            == .init(line: 12, message: "output differs: expected \"b 2\", got \"b 3\""))
    }

    @Test func missingAndExtraLines() {
        #expect(OutputComparison.compare(block("a\nb\n"), actual: "a\n")
            == .init(line: 12, message: "output ends early: expected \"b\""))
        #expect(OutputComparison.compare(block("a\n"), actual: "a\nz\n")
            == .init(line: 12, message: "output has more lines than expected: \"z\""))
    }

    @Test func numbersWithinTolerance() {
        let expected = block("loss 0.25 after 3 steps\n", ["tolerance": "1e-3"])
        #expect(OutputComparison.compare(expected, actual: "loss 0.2504 after 3 steps\n") == nil)
        #expect(OutputComparison.compare(expected, actual: "loss 0.252 after 3 steps\n") != nil)
        #expect(OutputComparison.compare(expected, actual: "cost 0.25 after 3 steps\n") != nil)
        #expect(OutputComparison.compare(block("x = 1e-3\n", ["tolerance": "1e-9"]), actual: "x = 0.001\n") == nil)
        // Without tolerance= the text must match exactly.
        #expect(OutputComparison.compare(block("0.25\n"), actual: "0.2500\n") != nil)
    }

    @Test func ignoredLinesAreLeftOut() {
        let expected = block("start\ntook 12 ms\nend\n", ["ignore": "^took "])
        #expect(OutputComparison.compare(expected, actual: "start\ntook 907 ms\nend\n") == nil)
        #expect(OutputComparison.compare(expected, actual: "start\nend\n") == nil)
        #expect(OutputComparison.compare(expected, actual: "start\ntook 1 ms\nfinish\n")
            == .init(line: 13, message: "output differs: expected \"end\", got \"finish\""))
    }
}

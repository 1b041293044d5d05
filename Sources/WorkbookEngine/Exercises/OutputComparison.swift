import Foundation

/// Compares what a cell printed with its ```` ```output ```` block.
///
/// Lines are compared after removing trailing whitespace and trailing blank lines. With
/// `ignore=REGEX`, lines matching the expression (in either text) are left out first. With
/// `tolerance=X`, a line matches when its text outside numbers is identical and each number is
/// within X (absolute) of the expected one.
public enum OutputComparison {
    public struct Mismatch: Equatable, Sendable {
        /// Line in the chapter file of the first expected line that differs (the block's
        /// closing fence when the actual output is longer).
        public var line: Int
        public var message: String
    }

    /// Every cell that ran to its end and printed other than its ```output block, in order.
    public static func mismatches(_ chapter: Chapter, _ result: ChapterResult) -> [(cell: Int, mismatch: Mismatch)] {
        chapter.cells.compactMap { cell in
            guard let expected = cell.expectedOutput, cell.index < result.cells.count,
                  result.cells[cell.index].status == .ok,
                  let mismatch = compare(expected, actual: result.cells[cell.index].stdout.text) else { return nil }
            return (cell.index, mismatch)
        }
    }

    public static func compare(_ expected: ExpectedOutput, actual: String) -> Mismatch? {
        let ignore = expected.options["ignore"].flatMap { try? NSRegularExpression(pattern: $0) }
        let tolerance = expected.options["tolerance"].flatMap(Double.init)
        let wanted = lines(expected.text, ignoring: ignore, firstLine: expected.firstContentLine)
        let got = lines(actual, ignoring: ignore, firstLine: 0)
        for position in 0..<max(wanted.count, got.count) {
            guard position < wanted.count else {
                return Mismatch(line: expected.lastContentLine + 1,
                                message: "output has more lines than expected: \(quoted(got[position].text))")
            }
            guard position < got.count else {
                return Mismatch(line: wanted[position].line,
                                message: "output ends early: expected \(quoted(wanted[position].text))")
            }
            if !matches(wanted[position].text, got[position].text, tolerance: tolerance) {
                return Mismatch(line: wanted[position].line,
                                message: "output differs: expected \(quoted(wanted[position].text)), "
                                    + "got \(quoted(got[position].text))")
            }
        }
        return nil
    }

    /// Lines with their chapter line numbers, normalised and filtered.
    static func lines(_ text: String, ignoring ignore: NSRegularExpression?, firstLine: Int) -> [(text: String, line: Int)] {
        var out = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { offset, line in
            (text: String(line.reversed().drop(while: { $0.isWhitespace }).reversed()), line: firstLine + offset)
        }
        while out.last?.text.isEmpty == true { out.removeLast() }
        guard let ignore else { return out }
        return out.filter { entry in
            ignore.firstMatch(in: entry.text, range: NSRange(entry.text.startIndex..., in: entry.text)) == nil
        }
    }

    static func matches(_ expected: String, _ actual: String, tolerance: Double?) -> Bool {
        if expected == actual { return true }
        guard let tolerance else { return false }
        let wanted = NumberTokens(expected), got = NumberTokens(actual)
        guard wanted.words == got.words, wanted.numbers.count == got.numbers.count else { return false }
        return zip(wanted.numbers, got.numbers).allSatisfy { abs($0 - $1) <= tolerance }
    }

    private static func quoted(_ text: String) -> String { "\"\(text)\"" }
}

/// A line split into its numbers and the text around them.
struct NumberTokens {
    var words: [String] = []
    var numbers: [Double] = []

    private static let number = try! NSRegularExpression(
        pattern: "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?|[-+]?(?:nan|inf)\\b")

    init(_ line: String) {
        var last = line.startIndex
        for match in Self.number.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
            guard let range = Range(match.range, in: line), let value = Double(line[range]) else { continue }
            words.append(String(line[last..<range.lowerBound]))
            numbers.append(value)
            last = range.upperBound
        }
        words.append(String(line[last...]))
    }
}

/// A fenced code block as written in the source: where it opens, where it closes, what it says.
struct FencedBlock {
    var info: String
    /// The content, exactly as cmark reads it (ends with "\n" unless empty).
    var literal: String
    var openingLine: Int
    var closingLine: Int

    /// Reads a cmark code block; nil when it is an indented (not fenced) block.
    /// Throws when the fence is never closed: cmark would run it to the end of its container.
    init?(node: OpaquePointer, lines: [Substring], path: String) throws {
        let openingLine = CmarkTree.startLine(node)
        guard let opening = Self.fence(inLine: openingLine, lines, fromByte: CmarkTree.startColumn(node) - 1)
        else { return nil }

        let endLine = CmarkTree.endLine(node)
        let closes = endLine > openingLine && endLine <= lines.count
            && Self.isClosingFence(lines[endLine - 1], matching: opening)
        guard closes else {
            let fence = String(repeating: opening.character, count: opening.length)
            throw WorkbookError("unterminated code fence: no closing \(fence) before the end of its block",
                                file: path, line: openingLine)
        }
        self.info = CmarkTree.info(node)
        self.literal = CmarkTree.literal(node)
        self.openingLine = openingLine
        self.closingLine = endLine
    }

    private static func fence(inLine line: Int, _ lines: [Substring], fromByte column: Int)
        -> (character: Character, length: Int)? {
        guard line >= 1, line <= lines.count else { return nil }
        let text = Substring(lines[line - 1].utf8.dropFirst(max(column, 0)))
            .drop(while: { $0 == " " })
        guard let first = text.first, first == "`" || first == "~" else { return nil }
        let length = text.prefix(while: { $0 == first }).count
        return length >= 3 ? (first, length) : nil
    }

    /// A closing fence: the opening character at least as many times, then only spaces.
    /// Container markers (`>`, list indentation) before it are skipped.
    private static func isClosingFence(_ line: Substring, matching opening: (character: Character, length: Int)) -> Bool {
        let text = line.drop(while: { $0 == " " || $0 == "\t" || $0 == ">" })
        let run = text.prefix(while: { $0 == opening.character })
        return run.count >= opening.length
            && text.dropFirst(run.count).allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }
}

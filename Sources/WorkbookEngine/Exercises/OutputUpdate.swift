/// `workbook check --update`: each ```output block's content becomes what its cell printed this
/// run. Only the lines between the block's fences change; cells that did not run to their end
/// keep their block as it was.
public enum OutputUpdate {
    public struct Change: Equatable, Sendable {
        public var path: String
        /// Fence line of the output block.
        public var line: Int
    }

    /// The file's new bytes (nil when nothing changes) and which blocks changed.
    public static func updated(_ chapter: Chapter, result: ChapterResult) -> (bytes: [UInt8], changes: [Change])? {
        var edits: [(lines: ClosedRange<Int>, with: [UInt8])] = []
        var changes: [Change] = []
        let source = SourceLines(Array(chapter.source.utf8))
        for cell in chapter.cells {
            guard let expected = cell.expectedOutput, cell.index < result.cells.count,
                  result.cells[cell.index].status == .ok else { continue }
            var actual = result.cells[cell.index].stdout.text
            if !actual.isEmpty && !actual.hasSuffix("\n") { actual += "\n" }
            guard actual != expected.text.replacingOccurrences(of: "\r\n", with: "\n") else { continue }
            // New lines end as the block's fence line does: a CRLF file stays CRLF.
            if source.lines[expected.fenceLine - 1].reversed().starts(with: [10, 13]) {
                actual = actual.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
            }
            // Lines first...last are the content; an empty block has none (last < first), so the
            // new content goes in before the closing fence.
            let range = expected.firstContentLine...max(expected.firstContentLine, expected.lastContentLine)
            var replacement = Array(actual.utf8)
            if expected.lastContentLine < expected.firstContentLine {
                replacement += source.lines[expected.firstContentLine - 1]
            }
            edits.append((range, replacement))
            changes.append(Change(path: chapter.path, line: expected.fenceLine))
        }
        guard !edits.isEmpty else { return nil }
        return (source.replacing(edits), changes)
    }
}

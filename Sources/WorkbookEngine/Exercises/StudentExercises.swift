import CCmark

/// What grading takes from a student's file: the code of each ```` ```swift exercise id=… ````
/// block, by id, and nothing else. Prose, checks and other cells never matter, so bytes that
/// are not UTF-8 are read as U+FFFD and cmark's reading of the rest is all that is needed.
/// Only a file whose exercise blocks cannot be told apart (an exercise fence never closed, two
/// blocks with one id) throws: then that chapter's exercises count as unanswered.
struct StudentExercises: Sendable {
    struct Block: Equatable, Sendable {
        var code: String
        var fenceLine: Int
        var closingFenceLine: Int
    }

    var path: String
    var blocks: [String: Block]

    static func read(path: String, bytes: [UInt8]) throws -> StudentExercises {
        // A lone carriage return ends a line for cmark; made a line feed, every line number
        // below agrees with cmark's.
        var normalised: [UInt8] = []
        normalised.reserveCapacity(bytes.count)
        for (offset, byte) in bytes.enumerated() {
            let lone = byte == 13 && (offset + 1 == bytes.count || bytes[offset + 1] != 10)
            normalised.append(lone ? 10 : byte)
        }
        let text = String(decoding: normalised, as: UTF8.self)
        let lines = ChapterParser.sourceLines(text)
        let tree = CmarkTree(markdown: text)
        var blocks: [String: Block] = [:]
        try withExtendedLifetime(tree) {
            for node in CmarkTree.descendants(of: tree.root) where CmarkTree.type(node) == CMARK_NODE_CODE_BLOCK {
                guard let id = exerciseID(info: CmarkTree.info(node)),
                      let fenced = try FencedBlock(node: node, lines: lines, path: path) else { continue }
                if let first = blocks[id] {
                    throw WorkbookError("duplicate exercise id '\(id)' (first used on line \(first.fenceLine))",
                                        file: path, line: fenced.openingLine)
                }
                blocks[id] = Block(code: fenced.literal, fenceLine: fenced.openingLine, closingFenceLine: fenced.closingLine)
            }
        }
        return StudentExercises(path: path, blocks: blocks)
    }

    /// `swift exercise id=mean …` → "mean"; nil for any other block. Other words are not
    /// checked: the instructor's info string is what runs.
    static func exerciseID(info: String) -> String? {
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.first == "swift", words.contains("exercise") else { return nil }
        return words.first { $0.hasPrefix("id=") && $0.count > 3 }.map { String($0.dropFirst(3)) }
    }
}

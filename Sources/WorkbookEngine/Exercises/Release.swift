import Foundation

/// `workbook release`: the student edition of a chapter file. Solution blocks, hidden checks and
/// the ```output blocks that follow either are removed, line for line; every other byte stays
/// (except that an exercise checked only by hidden checks gets one visible check that fails).
public enum Release {
    public static func studentEdition(of chapter: Chapter) throws -> [UInt8] {
        let set = try ExerciseSet(chapter)
        let source = SourceLines(Array(chapter.source.utf8))
        // An exercise graded by hidden checks alone would have no check left, and the student's
        // copy would not check at all: its first hidden check becomes one that says so and fails.
        var standIns: [Int: [UInt8]] = [:]
        for exercise in set.exercises where exercise.checkCells.allSatisfy({ chapter.cells[$0].attributes.hidden }) {
            let first = chapter.cells[exercise.checkCells[0]]
            let end = source.lines[first.fenceLine - 1].reversed().starts(with: [10, 13]) ? "\r\n" : "\n"
            let text = ["```swift check id=\(exercise.id) points=\(CheckFormat.number(exercise.maxPoints))",
                        "expect(false, \"graded by hidden checks only: your instructor's grading decides this exercise\")",
                        "```"].joined(separator: end) + end
            standIns[first.index] = Array(text.utf8)
        }
        let removed = chapter.cells.filter { $0.attributes.kind == .solution || $0.attributes.hidden }
        // Exactly the blocks' own lines: blank lines between a cell and its output block stay.
        let edits = removed.flatMap { cell -> [(lines: ClosedRange<Int>, with: [UInt8])] in
            var edits = [(cell.fenceLine...cell.closingFenceLine, standIns[cell.index] ?? [])]
            if let output = cell.expectedOutput { edits.append((output.fenceLine...(output.lastContentLine + 1), [])) }
            return edits
        }
        return source.replacing(edits)
    }

    /// Writes the student edition of every chapter to `directory`, keeping file names. Every
    /// chapter is read and checked, and the output folder is checked against the chapters,
    /// before anything is written; each file is written atomically.
    public static func write(chapters: [Chapter], to directory: String) throws -> [String] {
        let editions = try chapters.map { ($0, try studentEdition(of: $0)) }
        try ReleaseTarget.refuseUnsafe(directory, chapters: chapters)
        try AtomicWrite.makeFolder(directory)
        var written: [String] = []
        for (chapter, bytes) in editions {
            let name = URL(fileURLWithPath: chapter.path).lastPathComponent
            let target = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            try AtomicWrite.write(bytes, to: target, durable: true)
            written.append(target)
        }
        return written
    }
}

/// Writes a report file (CSV, JUnit XML) atomically, creating its folder, for the command line.
public enum ReportFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) { try AtomicWrite.makeFolder(folder) }
        try AtomicWrite.write(bytes, to: path)
    }
}

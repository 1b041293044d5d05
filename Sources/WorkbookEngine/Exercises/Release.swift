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
        // A stand-in check replaces its block line for line; the other blocks go, with their
        // output blocks and (see `removalRanges`) the blank line that would be left doubled.
        let replaced = removed.filter { standIns[$0.index] != nil }
        let gone = removed.filter { standIns[$0.index] == nil }.flatMap { cell -> [ClosedRange<Int>] in
            var ranges = [cell.fenceLine...cell.closingFenceLine]
            if let output = cell.expectedOutput { ranges.append(output.fenceLine...(output.lastContentLine + 1)) }
            return ranges
        }
        var edits = removalRanges(gone, in: source).map { (lines: $0, with: [UInt8]()) }
        for cell in replaced {
            edits.append((cell.fenceLine...cell.closingFenceLine, standIns[cell.index]!))
            if let output = cell.expectedOutput { edits.append((output.fenceLine...(output.lastContentLine + 1), [])) }
        }
        return source.replacing(edits)
    }

    /// The blocks' lines, joined across the blank lines between removed blocks; where a
    /// removed stretch sits between two blank lines, the one after it goes too, so the
    /// student edition has one blank line where the blocks were, not two.
    static func removalRanges(_ blocks: [ClosedRange<Int>], in source: SourceLines) -> [ClosedRange<Int>] {
        func blank(_ line: Int) -> Bool {
            guard line >= 1, line <= source.lines.count else { return false }
            return source.lines[line - 1].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
        }
        var merged: [ClosedRange<Int>] = []
        for block in blocks.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, (last.upperBound + 1..<block.lowerBound).allSatisfy(blank) {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, block.upperBound)
            } else {
                merged.append(block)
            }
        }
        return merged.map { range in
            (range.lowerBound == 1 || blank(range.lowerBound - 1)) && blank(range.upperBound + 1)
                ? range.lowerBound...(range.upperBound + 1) : range
        }
    }

    /// Writes the student edition into `directory`, a course root of its own: every chapter to
    /// `directory/Chapters/` (file names kept) and the course's data folder to `directory/Data/`,
    /// so the edition runs as it is. Every chapter is read and checked, and the output folder is
    /// checked against the chapters, before anything is written; each file is written
    /// atomically. Returns the chapter files written.
    public static func write(chapters: [Chapter], to directory: String) throws -> [String] {
        let editions = try chapters.map { ($0, try studentEdition(of: $0)) }
        let chaptersFolder = (directory as NSString).appendingPathComponent("Chapters")
        try OutputFolder.requireNotAFile(directory)
        try ReleaseTarget.refuseUnsafe(directory, chapters: chapters)
        try ReleaseTarget.refuseUnsafe(chaptersFolder, chapters: chapters)
        try AtomicWrite.makeFolder(chaptersFolder)
        var written: [String] = []
        for (chapter, bytes) in editions {
            let name = URL(fileURLWithPath: chapter.path).lastPathComponent
            let target = URL(fileURLWithPath: chaptersFolder).appendingPathComponent(name).path
            try AtomicWrite.write(bytes, to: target, durable: true)
            written.append(target)
        }
        let dataFolders = Set(chapters.compactMap { CourseRoot.dataFolder(forChapter: $0.path) })
        for folder in dataFolders.sorted() {
            try copyData(from: folder, to: (directory as NSString).appendingPathComponent("Data"))
        }
        return written
    }

    /// Copies the data folder's files (following symlinks to their targets), each written
    /// atomically and only when its bytes differ.
    static func copyData(from source: String, to destination: String) throws {
        guard ReleaseTarget.physical(source) != ReleaseTarget.physical(destination) else { return }
        let files = FileManager.default
        guard let walker = files.enumerator(atPath: source) else {
            throw ToolFailure("\(source): cannot read the data folder")
        }
        var names: [String] = []
        while let name = walker.nextObject() as? String {
            if URL(fileURLWithPath: name).lastPathComponent.hasPrefix(".") { continue }
            names.append(name)
        }
        for name in names.sorted() {
            let from = source + "/" + name, to = destination + "/" + name
            if CourseRoot.isFolder(from) { try AtomicWrite.makeFolder(to); continue }
            guard let data = files.contents(atPath: from) else {
                throw ToolFailure("\(from): cannot read the data file")
            }
            try AtomicWrite.makeFolder((to as NSString).deletingLastPathComponent)
            if files.contents(atPath: to) != data { try AtomicWrite.write(Array(data), to: to) }
        }
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

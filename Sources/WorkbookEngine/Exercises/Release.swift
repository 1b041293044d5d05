import Foundation

/// `workbook release`: the student edition of a chapter file. Solution blocks, hidden checks and
/// the ```output blocks that follow either are removed, line for line; every other byte stays.
public enum Release {
    public static func studentEdition(of chapter: Chapter) throws -> [UInt8] {
        _ = try ExerciseSet(chapter)
        let removed = chapter.cells.filter { $0.attributes.kind == .solution || $0.attributes.hidden }
        let blocks = removed.flatMap { cell -> [ClosedRange<Int>] in
            var ranges = [cell.fenceLine...cell.closingFenceLine]
            if let output = cell.expectedOutput { ranges.append(output.fenceLine...(output.lastContentLine + 1)) }
            return ranges
        }
        let source = SourceLines(Array(chapter.source.utf8))
        return source.replacing(removalRanges(blocks, in: source).map { ($0, []) })
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
    /// so the edition runs as it is. Each chapter is read and checked before anything is
    /// written; each file is written to a temporary name and renamed into place. Returns the
    /// chapter files written.
    public static func write(chapters: [Chapter], to directory: String) throws -> [String] {
        let editions = try chapters.map { ($0, try studentEdition(of: $0)) }
        let chaptersFolder = URL(fileURLWithPath: directory).appendingPathComponent("Chapters")
        for chapter in chapters {
            let target = chaptersFolder.appendingPathComponent(URL(fileURLWithPath: chapter.path).lastPathComponent)
            if target.standardizedFileURL == URL(fileURLWithPath: chapter.path).standardizedFileURL {
                throw WorkbookError("\(chapter.path): the release would overwrite the instructor's chapter; choose another --output")
            }
        }
        try OutputFolder.requireNotAFile(directory)
        try OutputFolder.prepare(chaptersFolder.path)
        var written: [String] = []
        for (chapter, bytes) in editions {
            let target = chaptersFolder.appendingPathComponent(URL(fileURLWithPath: chapter.path).lastPathComponent).path
            try AtomicFile.write(bytes, to: target)
            written.append(target)
        }
        let dataFolders = Set(chapters.compactMap { CourseRoot.dataFolder(forChapter: $0.path) })
        for folder in dataFolders.sorted() {
            try copyData(from: folder, to: URL(fileURLWithPath: directory).appendingPathComponent("Data").path)
        }
        return written
    }

    /// Copies the data folder's files (following symlinks to their targets, keeping each file's
    /// mode), each written atomically and only when its bytes differ.
    static func copyData(from source: String, to destination: String) throws {
        let sourceURL = URL(fileURLWithPath: source).standardizedFileURL
        guard sourceURL.resolvingSymlinksInPath() != URL(fileURLWithPath: destination).standardizedFileURL.resolvingSymlinksInPath()
        else { return }
        let files = FileManager.default
        guard let walker = files.enumerator(atPath: source) else {
            throw WorkbookError.toolFailure("\(source): cannot read the data folder")
        }
        var names: [String] = []
        while let name = walker.nextObject() as? String {
            if URL(fileURLWithPath: name).lastPathComponent.hasPrefix(".") { continue }
            names.append(name)
        }
        for name in names.sorted() {
            let from = source + "/" + name, to = destination + "/" + name
            guard CourseRoot.isFolder(from) == false else { try OutputFolder.prepare(to); continue }
            guard let data = files.contents(atPath: from) else {
                throw WorkbookError.toolFailure("\(from): cannot read the data file")
            }
            try OutputFolder.prepare(URL(fileURLWithPath: to).deletingLastPathComponent().path)
            if files.contents(atPath: to) != data { try AtomicFile.write(Array(data), to: to) }
            if let mode = try? files.attributesOfItem(atPath: from)[.posixPermissions] {
                try? files.setAttributes([.posixPermissions: mode], ofItemAtPath: to)
            }
        }
    }
}

/// Temp file in the same folder, then rename: a reader never sees half a file.
enum AtomicFile {
    static func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw WorkbookError.toolFailure("\(path): cannot write \(temporary)")
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw WorkbookError.toolFailure("\(path): cannot write: \(reason)")
        }
    }
}

/// Writes a report file (CSV, JUnit XML) atomically, for the command line.
public enum ReportFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try OutputFolder.requireFile(path, option: "the report file")
        if !folder.isEmpty { try OutputFolder.prepare(folder) }
        try AtomicFile.write(bytes, to: path)
    }
}

import Foundation

/// `workbook release`: the student edition of a chapter file. Solution blocks, hidden checks and
/// the ```output blocks that follow either are removed, line for line; every other byte stays.
public enum Release {
    public static func studentEdition(of chapter: Chapter) throws -> [UInt8] {
        _ = try ExerciseSet(chapter)
        let removed = chapter.cells.filter { $0.attributes.kind == .solution || $0.attributes.hidden }
        // Exactly the blocks' own lines: blank lines between a cell and its output block stay.
        let edits = removed.flatMap { cell -> [(lines: ClosedRange<Int>, with: [UInt8])] in
            var ranges = [cell.fenceLine...cell.closingFenceLine]
            if let output = cell.expectedOutput { ranges.append(output.fenceLine...(output.lastContentLine + 1)) }
            return ranges.map { ($0, []) }
        }
        return SourceLines(Array(chapter.source.utf8)).replacing(edits)
    }

    /// Writes the student edition of every chapter to `directory`, keeping file names. Each
    /// chapter is read and checked before anything is written; each file is written to a
    /// temporary name and renamed into place.
    public static func write(chapters: [Chapter], to directory: String) throws -> [String] {
        let editions = try chapters.map { ($0, try studentEdition(of: $0)) }
        for chapter in chapters {
            let target = URL(fileURLWithPath: directory).appendingPathComponent(URL(fileURLWithPath: chapter.path).lastPathComponent)
            if target.standardizedFileURL == URL(fileURLWithPath: chapter.path).standardizedFileURL {
                throw WorkbookError("\(chapter.path): the release would overwrite the instructor's chapter; choose another --output")
            }
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var written: [String] = []
        for (chapter, bytes) in editions {
            let name = URL(fileURLWithPath: chapter.path).lastPathComponent
            let target = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            try AtomicFile.write(bytes, to: target)
            written.append(target)
        }
        return written
    }
}

/// Temp file in the same folder, then rename: a reader never sees half a file.
enum AtomicFile {
    static func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw WorkbookError("\(path): cannot write \(temporary)")
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw WorkbookError("\(path): cannot write: \(reason)")
        }
    }
}

/// Writes a report file (CSV, JUnit XML) atomically, for the command line.
public enum ReportFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try AtomicFile.write(bytes, to: path)
    }
}

import Crypto
import Foundation

/// Writing an exercise edited in the browser (`workbook serve`) back into its chapter file:
/// only that exercise block's code changes, re-fenced with the block's own info string and
/// line ending; every other byte stays. The write is atomic and keeps the file's mode
/// (`AtomicWrite`). A page says which version of the file it was built from; when the file
/// changed on disk since, nothing is written and the caller is told, so no edit is lost.
public enum ExerciseEdit {
    public enum Outcome: Equatable, Sendable {
        /// Written; the file's new version.
        case saved(version: String)
        /// The file is not the version the page was built from.
        case changedOnDisk(current: String)
    }

    /// A short hash of the file's bytes; "" when it cannot be read.
    public static func version(of path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        return version(of: data)
    }

    public static func version(of data: Data) -> String {
        SHA256.hash(data: data).prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    /// Which of an exercise's blocks is edited: the student's (`exercise`) or the instructor's
    /// reference answer (`solution`, what the instructor edition runs).
    public enum Block: String, Sendable {
        case exercise, solution
    }

    /// Replaces exercise `id`'s code (its `block`) in the chapter at `path`. Bad input (no such
    /// exercise or solution, a chapter that does not parse, code that would change its shape)
    /// throws a `WorkbookError`.
    public static func save(path: String, id: String, code: String, expectedVersion: String,
                            block: Block = .exercise) throws -> Outcome {
        let current = version(of: path)
        guard current == expectedVersion else { return .changedOnDisk(current: current) }
        guard let data = FileManager.default.contents(atPath: path) else { throw WorkbookError("\(path): cannot read the file") }
        let bytes = Array(data)
        let chapter = try ChapterParser.parse(path: path, bytes: bytes)
        let exercises = try ExerciseSet(chapter)
        guard let exercise = exercises.exercises.first(where: { $0.id == id }) else {
            throw WorkbookError("\(path): no exercise with id '\(id)'")
        }
        let index: Int
        switch block {
        case .exercise: index = exercise.exerciseCell
        case .solution:
            guard let solution = exercise.solutionCell else {
                throw WorkbookError("\(path): exercise '\(id)' has no solution block")
            }
            index = solution
        }
        let cell = chapter.cells[index]
        let source = SourceLines(bytes)
        let opening = Array(source.lines[cell.fenceLine - 1])
        let crlf = opening.last == 13 || opening.reversed().starts(with: [10, 13])
        // The browser sends "\n"; a CRLF file gets CRLF inside the block too.
        var text = code.replacingOccurrences(of: "\r\n", with: "\n")
        if crlf { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        let block = Splice.refenced(text, openingLine: opening)
        let edited = source.replacing([(cell.fenceLine...cell.closingFenceLine, block)])
        // The edited chapter must still parse to the same exercises, or nothing is written.
        let reparsed = try ChapterParser.parse(path: path, bytes: edited)
        guard try ExerciseSet(reparsed) == exercises, reparsed.cells.count == chapter.cells.count else {
            throw WorkbookError("\(path): this code would change the chapter's structure; nothing was saved")
        }
        try AtomicWrite.write(edited, to: path, durable: true)
        return .saved(version: version(of: path))
    }
}

/// What a build did, chapter by chapter: enough for the CLI's summary and exit status.
public struct BuildReport: Sendable {
    public struct ChapterOutcome: Sendable, Equatable {
        public var path: String
        public var slug: String
        public var title: String
        public var status: ChapterStatus
        public var counts: CellCounts
        /// The result was reused: nothing was compiled or run.
        public var fromCache: Bool
        /// Wall time to plan, look up and (when not cached) compile and run.
        public var seconds: Double
        /// `FILE:LINE:COL: error: …` lines: every compiler diagnostic, then every ```output
        /// block the output did not match and every cell that stopped the chapter.
        public var messages: [String] = []
        /// The tool itself failed on this chapter (see `ChapterResult.toolFailure`).
        public var toolFailure: String? = nil
    }

    /// `passed    Chapters/01-backprop.md — 12 ok · 5 of 5 exercises, 9/9 points (cached)`.
    public static func chapterLine(path: String, result: ChapterResult, cells: [Cell]) -> String {
        let word = StatusText.word(result.status).padding(toLength: 9, withPad: " ", startingAt: 0)
        return "\(word) \(path) — \(CellCounts(result, cells: cells).description)" + (result.fromCache ? " (cached)" : "")
    }

    /// What the terminal shows under a chapter's line, in the compiler's own format.
    public static func messages(_ chapter: Chapter, _ result: ChapterResult) -> [String] {
        var lines: [String] = []
        func place(_ file: String, _ line: Int, _ column: Int) -> String {
            let file = file.isEmpty ? chapter.path : file
            guard line > 0 else { return file }
            return column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
        }
        // A compile-fail cell's diagnostics are what its author wanted: not news.
        let cellDiagnostics = result.cells.filter { $0.status != .failedToCompileAsExpected }.flatMap(\.diagnostics)
        for diagnostic in cellDiagnostics + result.diagnostics {
            lines.append("\(place(diagnostic.file, diagnostic.line, diagnostic.column)): \(diagnostic.severity): \(diagnostic.message)")
        }
        for cell in result.cells where [.crashed, .timedOut, .compiledUnexpectedly].contains(cell.status) {
            guard cell.index < chapter.cells.count else { continue }
            lines.append("\(place(chapter.path, chapter.cells[cell.index].firstCodeLine, 0)): error: "
                         + (cell.trapMessage ?? cell.status.rawValue))
        }
        for (_, mismatch) in OutputComparison.mismatches(chapter, result) {
            lines.append("\(place(chapter.path, mismatch.line, 0)): error: \(mismatch.message)")
        }
        return lines
    }

    /// In chapter order.
    public var chapters: [ChapterOutcome]
    public var outputDirectory: String
    /// Wall time of each phase: reading and parsing every chapter, running them, rendering
    /// and writing the site.
    public var parseSeconds: Double
    public var runSeconds: Double
    public var renderSeconds: Double

    /// True when any chapter failed to compile, crashed, timed out or failed a check.
    public var anyFailed: Bool { chapters.contains { $0.status != .passed } }

    /// 0 when every cell ran as expected, 1 otherwise, 3 when the tool itself failed on a
    /// chapter (bad input never gets this far: it throws).
    public var exitStatus: Int32 { chapters.contains { $0.toolFailure != nil } ? 3 : anyFailed ? 1 : 0 }
}

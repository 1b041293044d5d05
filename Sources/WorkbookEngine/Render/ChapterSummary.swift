/// How many cells of a chapter ended in each way.
public struct CellCounts: Codable, Equatable, Sendable {
    /// Ran to the end, or failed to compile as the author intended.
    public var ok = 0
    /// A compile error, or a `compile-fail` cell that compiled.
    public var failed = 0
    public var crashed = 0
    public var timedOut = 0
    public var notRun = 0
    public var skipped = 0
    /// Cells marked `exercise`.
    public var exercises = 0

    public init() {}

    public init(_ result: ChapterResult, cells: [Cell] = []) {
        for cell in result.cells {
            switch cell.status {
            case .ok, .failedToCompileAsExpected: ok += 1
            case .compileError, .compiledUnexpectedly: failed += 1
            case .crashed: crashed += 1
            case .timedOut: timedOut += 1
            case .notRun: notRun += 1
            case .skipped:
                // The answer an edition does not run (exercise or solution) is not a skipped cell.
                let byEdition = cell.index < cells.count && !cells[cell.index].attributes.skip
                    && [.exercise, .solution].contains(cells[cell.index].attributes.kind)
                if !byEdition { skipped += 1 }
            }
        }
        exercises = cells.filter { $0.attributes.kind == .exercise }.count
    }

    /// `5 ok · 1 crashed · 2 not run`: only the counts that are not zero (`no cells` if none).
    public var description: String {
        let parts: [(Int, String)] = [(ok, "ok"), (failed, "failed"), (crashed, "crashed"),
                                      (timedOut, "timed out"), (notRun, "not run"),
                                      (skipped, "skipped"),
                                      (exercises, exercises == 1 ? "exercise" : "exercises")]
        let shown = parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return shown.isEmpty ? "no cells" : shown.joined(separator: " · ")
    }
}

/// One line of the index page, and what a chapter page needs to link its neighbours.
public struct ChapterSummary: Codable, Equatable, Sendable {
    public var slug: String
    public var title: String
    public var status: ChapterStatus
    public var counts: CellCounts

    public init(slug: String, title: String, status: ChapterStatus, counts: CellCounts) {
        self.slug = slug
        self.title = title
        self.status = status
        self.counts = counts
    }

    public init(chapter: Chapter, result: ChapterResult) {
        self.init(slug: chapter.slug, title: chapter.title, status: result.status,
                  counts: CellCounts(result, cells: chapter.cells))
    }

    /// The page's file name inside the output folder.
    public var fileName: String { "\(slug).html" }
}

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
    /// Exercises whose every check ran and held.
    public var exercisesPassed = 0
    /// Points of the checks that passed, and of all checks.
    public var points: Double = 0
    public var maxPoints: Double = 0

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
        tallyExercises(result, cells: cells)
    }

    /// Exercises passed and points earned in this run: a check passes when it ran to its end
    /// with every expectation held and printed what its ```output block says.
    private mutating func tallyExercises(_ result: ChapterResult, cells: [Cell]) {
        var checksByID: [String: [Cell]] = [:]
        for cell in cells where cell.attributes.kind == .check {
            checksByID[cell.attributes.id ?? "", default: []].append(cell)
        }
        for cell in cells where cell.attributes.kind == .exercise {
            let checks = checksByID[cell.attributes.id ?? ""] ?? []
            var passedAll = true
            for check in checks {
                let points = ExerciseSet.points(of: check)
                maxPoints += points
                if Self.passed(check, result) { self.points += points } else { passedAll = false }
            }
            if passedAll && !checks.isEmpty { exercisesPassed += 1 }
        }
    }

    private static func passed(_ check: Cell, _ result: ChapterResult) -> Bool {
        guard check.index < result.cells.count else { return false }
        let ran = result.cells[check.index]
        guard ran.status == .ok, (ran.expectations?.failed ?? 0) == 0 else { return false }
        if let expected = check.expectedOutput, OutputComparison.compare(expected, actual: ran.stdout.text) != nil {
            return false
        }
        return true
    }

    /// `5 ok · 1 crashed · 2 not run · 1 of 4 exercises, 2/10 points`: only the counts that
    /// are not zero (`no cells` if none).
    public var description: String {
        let parts: [(Int, String)] = [(ok, "ok"), (failed, "failed"), (crashed, "crashed"),
                                      (timedOut, "timed out"), (notRun, "not run"),
                                      (skipped, "skipped")]
        var shown = parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        if exercises > 0 { shown.append(exerciseDescription) }
        return shown.isEmpty ? "no cells" : shown.joined(separator: " · ")
    }

    /// `1 of 4 exercises, 2/10 points`.
    public var exerciseDescription: String {
        "\(exercisesPassed) of \(exercises) exercise\(exercises == 1 ? "" : "s"), "
            + "\(CheckFormat.number(points))/\(CheckFormat.number(maxPoints)) point\(maxPoints == 1 ? "" : "s")"
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

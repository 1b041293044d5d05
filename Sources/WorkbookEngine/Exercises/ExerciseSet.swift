/// One exercise of a chapter: the student's starting code, the reference answer and the checks
/// that grade it, all sharing one `id`.
public struct Exercise: Equatable, Sendable {
    public var id: String
    /// Cell indices, in document order.
    public var exerciseCell: Int
    public var solutionCell: Int?
    public var checkCells: [Int]
    /// Sum of the checks' `points=` (a check without `points=` is worth 1).
    public var maxPoints: Double

    /// Every cell that belongs to the exercise.
    public var cells: [Int] { ([exerciseCell] + (solutionCell.map { [$0] } ?? []) + checkCells).sorted() }
}

/// A chapter's exercises, checked for well-formedness: every error is `FILE:LINE: error: …`.
public struct ExerciseSet: Equatable, Sendable {
    /// In the order their exercise blocks appear.
    public var exercises: [Exercise]

    /// Several chapters' points must add up too.
    public static func requireFiniteTotal(_ sets: [ExerciseSet]) throws {
        let total = sets.flatMap(\.exercises).reduce(0) { $0 + $1.maxPoints }
        if !total.isFinite { throw WorkbookError("the chapters' points add up to more than can be counted") }
    }

    public var isEmpty: Bool { exercises.isEmpty }

    public func exercise(owning cell: Int) -> Exercise? {
        exercises.first { $0.cells.contains(cell) }
    }

    public static func points(of cell: Cell) -> Double { cell.attributes.points ?? 1 }

    public init(_ chapter: Chapter) throws {
        func fail(_ cell: Cell, _ message: String) -> WorkbookError {
            WorkbookError(message, file: chapter.path, line: cell.fenceLine)
        }
        var exerciseByID: [String: Int] = [:]
        var solutionByID: [String: Int] = [:]
        for cell in chapter.cells {
            let attributes = cell.attributes
            if attributes.kind != .check {
                if attributes.hidden { throw fail(cell, "only a check can be hidden") }
                if attributes.points != nil { throw fail(cell, "only a check carries points=") }
            }
            guard attributes.kind == .exercise || attributes.kind == .solution else { continue }
            guard let id = attributes.id else {
                throw fail(cell, "an \(attributes.kind.rawValue) needs an id: ```swift \(attributes.kind.rawValue) id=NAME")
            }
            if attributes.kind == .exercise {
                if let first = exerciseByID[id] {
                    throw fail(cell, "duplicate exercise id '\(id)' (first used on line \(chapter.cells[first].fenceLine))")
                }
                exerciseByID[id] = cell.index
            } else {
                if let first = solutionByID[id] {
                    throw fail(cell, "duplicate solution id '\(id)' (first used on line \(chapter.cells[first].fenceLine))")
                }
                solutionByID[id] = cell.index
            }
        }
        var checksByID: [String: [Int]] = [:]
        for cell in chapter.cells {
            switch cell.attributes.kind {
            case .solution:
                let id = cell.attributes.id!
                if exerciseByID[id] == nil { throw fail(cell, "solution '\(id)' has no ```swift exercise id=\(id) block") }
            case .check:
                guard let id = cell.attributes.id else {
                    throw fail(cell, "a check must name its exercise: ```swift check id=NAME points=N")
                }
                guard exerciseByID[id] != nil else {
                    throw fail(cell, "check names no exercise: there is no ```swift exercise id=\(id) block")
                }
                if let points = cell.attributes.points, points < 0 {
                    throw fail(cell, "points must not be negative")
                }
                checksByID[id, default: []].append(cell.index)
            default:
                break
            }
        }
        exercises = exerciseByID.sorted { $0.value < $1.value }.map { id, index in
            let checks = checksByID[id] ?? []
            return Exercise(id: id, exerciseCell: index, solutionCell: solutionByID[id], checkCells: checks,
                            maxPoints: checks.reduce(0) { $0 + Self.points(of: chapter.cells[$1]) })
        }
        // Points that add up to infinity would print as no number at all (JSON has none).
        if let huge = exercises.first(where: { !$0.maxPoints.isFinite }) {
            throw fail(chapter.cells[huge.exerciseCell], "exercise '\(huge.id)' has points that add up to more than can be counted")
        }
        if !exercises.reduce(0, { $0 + $1.maxPoints }).isFinite, let first = exercises.first {
            throw fail(chapter.cells[first.exerciseCell], "the chapter's points add up to more than can be counted")
        }
        if let lonely = exercises.first(where: { $0.checkCells.isEmpty }) {
            throw fail(chapter.cells[lonely.exerciseCell],
                       "exercise '\(lonely.id)' has no check: add ```swift check id=\(lonely.id) points=N")
        }
    }
}

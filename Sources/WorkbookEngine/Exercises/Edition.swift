/// Which edition of a chapter a build shows.
public enum Edition: String, Codable, Sendable {
    /// Solutions run; exercise blocks are shown as the student's starting point, not run.
    case instructor
    /// Exercise blocks (the student's code) run in place of their solutions; solutions are
    /// never shown; hidden checks run but their code is not shown.
    case student

    /// The cell kinds the planner runs in this edition.
    public var runKinds: Set<CellKind> {
        switch self {
        case .instructor: return Planner.teacherRunKinds
        case .student: return [.code, .exercise, .check]
        }
    }

    /// The chapter to plan (with `AnswerPlanning.allKinds`): the answer this edition does not
    /// run is marked `skip`. An exercise with no solution runs its exercise block in both.
    public func runnable(_ chapter: Chapter) -> Chapter {
        guard let exercises = try? ExerciseSet(chapter), !exercises.isEmpty else { return chapter }
        return AnswerPlanning.runnable(chapter, exercises: exercises, answers: [:],
                                       fallback: self == .student ? .student : .reference)
    }

    /// The chapter as its page shows it. Cell indices stay as they are, so results still line up.
    public func displayed(_ chapter: Chapter) -> Chapter {
        guard self == .student else { return chapter }
        var shown = chapter
        shown.blocks = chapter.blocks.filter { block in
            if case .cell(let index) = block { return chapter.cells[index].attributes.kind != .solution }
            return true
        }
        for index in shown.cells.indices where shown.cells[index].attributes.hidden {
            shown.cells[index].attributes.hide = true
        }
        return shown
    }
}

/// Whose code answers an exercise in one run.
public enum AnswerSource: String, Codable, Sendable {
    /// The exercise block: the student's own code.
    case student
    /// The solution block: the instructor's reference answer.
    case reference
    /// Neither: the exercise and its checks are left out of the run. What replaces a broken
    /// answer that has no solution to stand in for it (a student's own copy), so the rest of
    /// the chapter still runs.
    case omitted
}

extension ChapterResult {
    /// A chapter that ran to its end but has a failed expectation has failed.
    public func withExpectationVerdict() -> ChapterResult {
        var copy = self
        if copy.status == .passed, cells.contains(where: { ($0.expectations?.failed ?? 0) > 0 }) {
            copy.status = .failed
        }
        return copy
    }

    /// A chapter that ran to its end but printed other than an ```output block says has failed.
    public func withOutputVerdict(_ chapter: Chapter) -> ChapterResult {
        var copy = self
        if copy.status == .passed, !OutputComparison.mismatches(chapter, self).isEmpty { copy.status = .failed }
        return copy
    }
}

public enum AnswerPlanning {
    /// Every kind may run: which answer runs is decided per exercise by `runnable`.
    public static let allKinds = Set(CellKind.allCases)

    /// Whose code answers `exercise` when nothing else was decided: `fallback`, except that an
    /// exercise with no solution runs its exercise block.
    static func initialAnswer(_ exercise: Exercise, fallback: AnswerSource) -> AnswerSource {
        exercise.solutionCell == nil ? .student : fallback
    }

    /// The chapter to plan when each exercise is answered by `answers[id]` (default
    /// `initialAnswer`): the answer not chosen is marked `skip`; an omitted exercise has its
    /// checks skipped too.
    static func runnable(_ chapter: Chapter, exercises: ExerciseSet, answers: [String: AnswerSource],
                         fallback: AnswerSource) -> Chapter {
        var copy = chapter
        for exercise in exercises.exercises {
            let source = answers[exercise.id] ?? initialAnswer(exercise, fallback: fallback)
            if source == .omitted {
                for check in exercise.checkCells { copy.cells[check].attributes.skip = true }
            }
            copy.cells[exercise.exerciseCell].attributes.skip = source != .student
                || chapter.cells[exercise.exerciseCell].attributes.skip
            if let solution = exercise.solutionCell {
                copy.cells[solution].attributes.skip = source != .reference || chapter.cells[solution].attributes.skip
            }
        }
        return copy
    }
}

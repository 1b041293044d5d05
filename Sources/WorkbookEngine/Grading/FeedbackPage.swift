import Foundation

/// One chapter of a student's report, as the engine's renderer draws it: the instructor's
/// chapter with the student's exercise code spliced in, and what its last graded run printed,
/// with everything the student may not see taken out first. Kept in the feedback (and so in
/// `--format json`), so `grade merge` writes the same pages as one whole run.
///
/// Taken out: solutions (cells and their output), every hidden check's code, output block,
/// printed output, displays, trap and messages (only its label, points and ✓/✗ stay), the
/// instructor's source text, paths and timings. Lines are the student's own file's.
public struct FeedbackPage: Codable, Equatable, Sendable {
    public var chapter: Chapter
    public var result: ChapterResult

    /// What a visible check of an answer that was replaced says instead of its run (it ran on
    /// the course's reference answer, so the rest of the chapter could run).
    static let replacedCheck = "not run on your answer: it was replaced so the rest of the chapter could run (see the exercise)"

    /// `line`: a line of the spliced chapter → the student's file, or nil where it has none.
    static func make(spliced: Chapter, result run: ChapterResult, exercises: ExerciseSet, grade: ChapterCheck,
                     feedback: ChapterFeedback, file: String, line: @escaping (Int) -> Int?) -> FeedbackPage {
        var shown = spliced
        shown.path = file
        shown.source = ""
        shown.blocks = spliced.blocks.filter { block in
            if case .cell(let index) = block { return spliced.cells[index].attributes.kind != .solution }
            return true
        }
        var result = ChapterResult(path: file, status: run.status, cells: run.cells, inlineValues: run.inlineValues)
        let hidden = Set(spliced.cells.filter { $0.attributes.kind == .check && $0.attributes.hidden }.map(\.index))
        let solutions = Set(spliced.cells.filter { $0.attributes.kind == .solution }.map(\.index))
        func isPrivate(_ spliceLine: Int) -> Bool {
            spliced.cells.contains { ($0.fenceLine...$0.closingFenceLine).contains(spliceLine)
                && (hidden.contains($0.index) || solutions.contains($0.index)) }
        }
        func moved(_ diagnostic: Diagnostic) -> Diagnostic? {
            // A line of another file (the engine's glue) means nothing to the student.
            let own = diagnostic.file.isEmpty || diagnostic.file == spliced.path
            guard !(own && isPrivate(diagnostic.line)) else { return nil }
            var copy = diagnostic
            copy.file = file
            copy.line = own && diagnostic.line > 0 ? line(diagnostic.line) ?? 0 : 0
            if copy.line == 0 { copy.column = 0 }
            return copy
        }
        result.diagnostics = run.diagnostics.compactMap(moved)
        for index in shown.cells.indices {
            var cell = spliced.cells[index]
            let ran = index < run.cells.count ? run.cells[index] : CellResult(index: index, status: .notRun)
            if hidden.contains(index) || solutions.contains(index) {
                cell.code = ""
                cell.expectedOutput = nil
                cell.attributes.hide = true
            }
            (cell.fenceLine, cell.closingFenceLine) = (line(cell.fenceLine) ?? 0, line(cell.closingFenceLine) ?? 0)
            if var expected = cell.expectedOutput {
                let length = expected.lastContentLine - expected.firstContentLine
                expected.fenceLine = line(expected.fenceLine) ?? 0
                expected.firstContentLine = line(expected.firstContentLine) ?? 0
                expected.lastContentLine = expected.firstContentLine + length
                cell.expectedOutput = expected
            }
            shown.cells[index] = cell
            if solutions.contains(index) {
                result.cells[index] = CellResult(index: index, status: .skipped)
            } else if hidden.contains(index) {
                // Graded below from the exercise's grade; this stands for a check of no exercise.
                let held = ran.status == .ok && (ran.expectations?.failed ?? 0) == 0
                result.cells[index] = withheld(index: index, ran: ran, passed: held)
            } else {
                var own = ran
                own.diagnostics = ran.diagnostics.compactMap(moved)
                // A trap inside a hidden check's lines says where that check is: not shown.
                own.trapLine = ran.trapLine.flatMap { isPrivate($0) ? nil : line($0) }
                own.crashReport = nil
                own.seconds = nil
                if var tally = ran.expectations {
                    tally.failures = tally.failures.map { failure in
                        var copy = failure
                        copy.file = file
                        copy.line = failure.line > 0 ? line(failure.line) ?? 0 : 0
                        return copy
                    }
                    own.expectations = tally
                }
                result.cells[index] = own
            }
        }
        // Each check as graded: hidden ones reduced to ✓/✗, the checks of a replaced answer failed.
        for (exercise, graded) in zip(exercises.exercises, grade.exercises) {
            let replaced = graded.replacement != nil
            if replaced {
                let messages = feedback.exercises.first { $0.id == exercise.id }?.messages ?? []
                result.cells[exercise.exerciseCell] = replacedAnswer(index: exercise.exerciseCell, messages: messages, file: file)
            }
            for (index, check) in zip(exercise.checkCells, graded.checks) {
                if hidden.contains(index) {
                    result.cells[index] = withheld(index: index, ran: run.cells[index], passed: check.passed)
                } else if replaced {
                    result.cells[index] = CellResult(index: index, status: .ok, expectations: ExpectationTally(
                        failed: 1, failures: [ExpectationFailure(file: file, line: 0, message: replacedCheck)]))
                }
            }
        }
        result.status = run.status
        if result.status == .passed {
            result = result.withExpectationVerdict().withOutputVerdict(shown)
        }
        return FeedbackPage(chapter: shown, result: result)
    }

    /// A hidden check: only whether it passed (and how it stopped, if it did), as one
    /// verdict; nothing it printed, and no count of its expectations.
    static func withheld(index: Int, ran: CellResult, passed: Bool) -> CellResult {
        if passed { return CellResult(index: index, status: .ok, expectations: ExpectationTally(passed: 1)) }
        switch ran.status {
        case .crashed, .timedOut, .notRun, .skipped:
            return CellResult(index: index, status: ran.status)
        default:
            return CellResult(index: index, status: .ok, expectations: ExpectationTally(
                failed: 1, failures: [ExpectationFailure(file: "", line: 0, message: StudentFeedback.withheld)]))
        }
    }

    /// The exercise block of an answer that was replaced: why, at the student's lines.
    static func replacedAnswer(index: Int, messages: [FeedbackMessage], file: String) -> CellResult {
        let compile = messages.contains { $0.text.hasPrefix("error: ") }
        if compile {
            return CellResult(index: index, status: .compileError, diagnostics: messages.map {
                Diagnostic(file: file, line: $0.line ?? 0, column: 0, severity: "error",
                           message: $0.text.hasPrefix("error: ") ? String($0.text.dropFirst(7)) : $0.text)
            })
        }
        return CellResult(index: index, status: .crashed,
                          trapMessage: messages.map(FeedbackText.message).joined(separator: "\n"))
    }
}

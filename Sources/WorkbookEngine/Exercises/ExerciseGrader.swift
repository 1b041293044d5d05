import Foundation

/// Runs a chapter and grades its exercises.
///
/// Robustness: when the run stops inside an exercise answered by the student (a trap or a
/// timeout in its exercise block or its checks), or the student's code does not compile, that
/// exercise fails with the message, the student's code is replaced by the reference solution,
/// and the chapter runs again, until a run gets through or nothing more can be replaced. When
/// the run stops in an ordinary cell instead (it calls the student's function, which traps, or
/// uses a name the student's code no longer has), the student exercises above that cell are
/// tried, nearest first: one whose replacement lets the chapter past that cell is blamed; one
/// whose replacement does not is left as the student wrote it. In a student's own copy there
/// is no solution to stand in: the broken exercise and its checks are left out of the run
/// instead. So one broken exercise never costs the others their grade. Every run is its own
/// compiler and program processes.
///
/// Before the first run, each exercise block a student answers is screened alone: the
/// `ExerciseCodeRules` and a syntax-only parse. One that breaks them fails with that message
/// at its own line and is replaced from the start, so a missing `}` cannot swallow the cells
/// after it and a shadowed `expectEqual` never runs. When the engine itself fails (no
/// temporary folder, a compiler or program it cannot start), the chapter is "could not grade".
public struct ExerciseGrader: Sendable {
    public var toolchain: Toolchain
    public var options: RunOptions
    /// Where results of runs whose inputs did not change are reused from (nil: always run).
    public var cache: ResultCache?

    public init(toolchain: Toolchain, options: RunOptions, cache: ResultCache? = nil) {
        self.toolchain = toolchain
        self.options = options
        self.cache = cache
    }

    public struct Outcome: Sendable {
        public var check: ChapterCheck
        /// The last run's result (what `--update` reads actual outputs from).
        public var result: ChapterResult
    }

    /// `start`: whose code answers every exercise at first (`.reference` for the instructor's
    /// own check, where nothing is replaced).
    /// `screened`: the exercises whose blocks are screened before the first run (with
    /// `start: .student`); nil means all of them. Grading leaves out blocks a student left as
    /// the instructor wrote them.
    public func check(_ chapter: Chapter, exercises: ExerciseSet, start: AnswerSource,
                      screened: Set<String>? = nil) -> Outcome {
        let began = Date()
        var outcome = grade(chapter, exercises: exercises, start: start, screened: screened)
        outcome.check.started = ISO8601DateFormatter().string(from: began)
        outcome.check.seconds = Date().timeIntervalSince(began)
        return outcome
    }

    private func grade(_ chapter: Chapter, exercises: ExerciseSet, start: AnswerSource,
                       screened: Set<String>?) -> Outcome {
        var answers: [String: AnswerSource] = [:]
        var replaced: [String: (by: AnswerSource, findings: [Finding])] = [:]
        var runs = 0, cachedRuns = 0
        var toolFailure: String?
        func run() -> Grading {
            let runnable = AnswerPlanning.runnable(chapter, exercises: exercises, answers: answers, fallback: start)
            let plan = Planner.plan(runnable, toolchain: toolchain, options: options, runKinds: AnswerPlanning.allKinds)
            let result: ChapterResult
            if let cached = cache?.lookup(plan) {
                result = cached
                cachedRuns += 1
            } else {
                result = options.runner.run(plan, chapter: runnable, toolchain: toolchain, options: options, events: nil)
                // A cache that cannot be written costs only speed next time.
                try? cache?.store(result, for: plan)
            }
            runs += 1
            toolFailure = toolFailure ?? result.toolFailure
            let frozen = answers
            return Grading(chapter: chapter, exercises: exercises, result: result,
                           answer: { frozen[$0.id] ?? AnswerPlanning.initialAnswer($0, fallback: start) })
        }
        /// What stands in for a broken student answer.
        func stand(in exercise: Exercise) -> AnswerSource { exercise.solutionCell == nil ? .omitted : .reference }
        if start == .student {
            do {
                for (id, findings) in try screen(chapter, exercises: exercises, only: screened) {
                    let exercise = exercises.exercises.first { $0.id == id }!
                    replaced[id] = (stand(in: exercise), findings)
                    answers[id] = stand(in: exercise)
                }
            } catch {
                toolFailure = (error as? ToolFailure)?.message ?? "\(error)"
            }
        }
        var grading = run()
        search: while toolFailure == nil {
            let blamed = grading.blame()
            if !blamed.isEmpty {
                for exercise in exercises.exercises {
                    guard let findings = blamed[exercise.id] else { continue }
                    replaced[exercise.id] = (stand(in: exercise), findings)
                    answers[exercise.id] = stand(in: exercise)
                }
                grading = run()
                continue
            }
            guard let stop = grading.firstStop() else { break }
            for suspect in grading.suspects(before: stop.cell) {
                answers[suspect.id] = stand(in: suspect)
                let trial = run()
                // Kept only when the reference gets the chapter further: compiling where it did
                // not, or running past the cell where it stopped.
                if toolFailure != nil { break search }
                if trial.firstStop().map({ $0.progress > stop.progress }) ?? true {
                    let line = chapter.cells[suspect.exerciseCell].firstCodeLine
                    replaced[suspect.id] = (stand(in: suspect), [Finding(file: chapter.path, line: line,
                                                    message: "with this answer the chapter stops at a later cell:")]
                        + stop.findings)
                    grading = trial
                    continue search
                }
                answers[suspect.id] = nil
            }
            break
        }
        var check = grading.report(replaced: replaced, runs: runs)
        check.cachedRuns = cachedRuns
        check.couldNotGrade = toolFailure
        return Outcome(check: check, result: grading.result)
    }

    /// Each exercise block answered by the student, alone: the code rules, then (for those
    /// that keep them) a syntax-only parse. Exercise id → why it fails; throws `ToolFailure`.
    func screen(_ chapter: Chapter, exercises: ExerciseSet, only: Set<String>?) throws -> [String: [Finding]] {
        var failed: [String: [Finding]] = [:]
        var parsed: [(id: String, snippet: SyntaxCheck.Snippet)] = []
        for exercise in exercises.exercises where only?.contains(exercise.id) ?? true {
            let cell = chapter.cells[exercise.exerciseCell]
            guard !cell.attributes.skip else { continue }
            let broken = ExerciseCodeRules.violations(in: cell.code).map {
                Finding(file: chapter.path, line: cell.firstCodeLine + $0.lineOffset, message: "error: \($0.message)")
            }
            if broken.isEmpty {
                parsed.append((exercise.id, SyntaxCheck.Snippet(code: cell.code, file: chapter.path, firstLine: cell.firstCodeLine)))
            } else {
                failed[exercise.id] = broken
            }
        }
        let errors = try SyntaxCheck.errors(in: parsed.map(\.snippet), toolchain: toolchain)
        for ((id, _), diagnostics) in zip(parsed, errors) where !diagnostics.isEmpty {
            failed[id] = diagnostics.map {
                Finding(file: $0.file.isEmpty ? chapter.path : $0.file, line: $0.line, message: "error: \($0.message)")
            }
        }
        return failed
    }
}

/// Reads one run's result against the chapter's exercises.
struct Grading {
    let chapter: Chapter
    let exercises: ExerciseSet
    let result: ChapterResult
    let answer: (Exercise) -> AnswerSource

    /// Student-answered exercises (with a solution to fall back on) that stopped this run.
    func blame() -> [String: [Finding]] {
        var blamed: [String: [Finding]] = [:]
        let replaceable = exercises.exercises.filter { answer($0) == .student }
        switch result.status {
        case .failedToCompile:
            for exercise in replaceable {
                let errors = ([exercise.exerciseCell] + exercise.checkCells).flatMap { index in
                    result.cells[index].diagnostics.filter { $0.severity == "error" }
                }
                if !errors.isEmpty { blamed[exercise.id] = errors.map(finding) }
            }
        case .crashed, .timedOut:
            guard let stopped = result.cells.first(where: { $0.status == .crashed || $0.status == .timedOut }) else { break }
            // A trap inside the student's own code blames that exercise, wherever it was called from.
            let trapCell = stopped.trapLine.flatMap { line in
                chapter.cells.first { $0.fenceLine <= line && line <= $0.closingFenceLine }?.index
            }
            guard let exercise = replaceable.first(where: { $0.exerciseCell == trapCell })
                ?? replaceable.first(where: { $0.cells.contains(stopped.index) }) else { break }
            blamed[exercise.id] = problems(ofCell: stopped.index)
        default:
            break
        }
        return blamed
    }

    /// Where a run stopped: the first cell with a compile error, a trap or a timeout.
    struct Stop {
        var cell: Int
        var compiled: Bool
        var findings: [Finding]
        /// How far the chapter got: a run that compiled beats one that did not, then the later cell.
        var progress: (Int, Int) { (compiled ? 1 : 0, cell) }
    }

    func firstStop() -> Stop? {
        guard [.failedToCompile, .crashed, .timedOut].contains(result.status),
              let cell = result.cells.first(where: { [.compileError, .crashed, .timedOut].contains($0.status) })
        else { return nil }
        return Stop(cell: cell.index, compiled: result.status != .failedToCompile, findings: problems(ofCell: cell.index))
    }

    /// Student-answered exercises (with a solution) whose code comes before `cell`, nearest first.
    func suspects(before cell: Int) -> [Exercise] {
        exercises.exercises.filter { answer($0) == .student && $0.exerciseCell < cell }
            .sorted { $0.exerciseCell > $1.exerciseCell }
    }

    func report(replaced: [String: (by: AnswerSource, findings: [Finding])], runs: Int) -> ChapterCheck {
        var owned = Set<Int>()
        let grades = exercises.exercises.map { exercise -> ExerciseGrade in
            owned.formUnion(exercise.cells)
            return grade(exercise, replacedBecause: replaced[exercise.id])
        }
        var problems: [Finding] = []
        for cell in chapter.cells where !owned.contains(cell.index) && result.cells[cell.index].status != .notRun {
            problems += self.problems(ofCell: cell.index)
        }
        problems += result.diagnostics.filter { $0.severity == "error" }.map(finding)
        if problems.isEmpty, result.status != .passed, result.status != .failed,
           grades.allSatisfy(\.passed) {
            problems.append(Finding(file: chapter.path, line: 0, message: "chapter \(StatusText.word(result.status))"))
        }
        var check = ChapterCheck(path: chapter.path, exercises: grades, problems: problems, runs: runs)
        check.stopped = result.cells.contains { !owned.contains($0.index) && Self.stops($0.status) }
            || (result.status == .failedToCompile && !problems.isEmpty)
        return check
    }

    static func stops(_ status: CellStatus) -> Bool {
        [.crashed, .timedOut, .compileError].contains(status)
    }

    private func grade(_ exercise: Exercise, replacedBecause: (by: AnswerSource, findings: [Finding])?) -> ExerciseGrade {
        let fence = chapter.cells[exercise.exerciseCell].fenceLine
        func checkGrade(_ index: Int, passed: Bool) -> CheckGrade {
            let points = ExerciseSet.points(of: chapter.cells[index])
            return CheckGrade(line: chapter.cells[index].fenceLine, hidden: chapter.cells[index].attributes.hidden,
                              passed: passed, points: passed ? points : 0, maxPoints: points)
        }
        if let (replacement, findings) = replacedBecause {
            return ExerciseGrade(id: exercise.id, file: chapter.path, line: fence, passed: false, points: 0,
                                 maxPoints: exercise.maxPoints, answer: .student, replacement: replacement,
                                 checks: exercise.checkCells.map { checkGrade($0, passed: false) }, findings: findings,
                                 stopped: true, seconds: seconds(of: exercise))
        }
        let source = answer(exercise)
        let answerCell = source == .reference ? exercise.solutionCell ?? exercise.exerciseCell : exercise.exerciseCell
        var findings = problems(ofCell: answerCell)
        let answerFailed = !findings.isEmpty
        let checks = exercise.checkCells.map { index -> CheckGrade in
            let own = problems(ofCell: index)
            // A check that did not run because the answer stopped adds nothing new.
            if !(answerFailed && result.cells[index].status == .notRun) { findings += own }
            return checkGrade(index, passed: !answerFailed && own.isEmpty)
        }
        let points = checks.reduce(0) { $0 + $1.points }
        return ExerciseGrade(id: exercise.id, file: chapter.path, line: fence, passed: checks.allSatisfy(\.passed),
                             points: points, maxPoints: exercise.maxPoints, answer: source,
                             replacement: nil, checks: checks, findings: findings,
                             stopped: exercise.cells.contains { Self.stops(result.cells[$0].status) },
                             seconds: seconds(of: exercise))
    }

    private func seconds(of exercise: Exercise) -> Double {
        exercise.cells.reduce(0) { $0 + (result.cells[$1].seconds ?? 0) }
    }

    /// Everything wrong with one cell's run: how it stopped, failed expectations, output that
    /// differs from its ```output block.
    func problems(ofCell index: Int) -> [Finding] {
        let cell = chapter.cells[index]
        let ran = result.cells[index]
        let here = { (message: String) in Finding(file: chapter.path, line: cell.firstCodeLine, message: message) }
        switch ran.status {
        case .ok:
            var out = (ran.expectations?.failures ?? []).map {
                Finding(file: $0.file.isEmpty ? chapter.path : $0.file, line: $0.line, message: "check failed: \($0.text)")
            }
            if let failed = ran.expectations?.failed, failed > out.count {
                out.append(here("\(failed - out.count) more failed expectations not shown"))
            }
            if let expected = cell.expectedOutput,
               let mismatch = OutputComparison.compare(expected, actual: ran.stdout.text) {
                out.append(Finding(file: chapter.path, line: mismatch.line, message: mismatch.message))
            }
            return out
        case .skipped, .failedToCompileAsExpected:
            return []
        case .notRun:
            return [here("not run: an earlier cell stopped the chapter")]
        case .compileError:
            return ran.diagnostics.filter { $0.severity == "error" }.map(finding)
        case .crashed, .timedOut, .compiledUnexpectedly:
            let message = ran.trapMessage ?? StatusText.tag(ran.status) ?? ran.status.rawValue
            guard let line = ran.trapLine else { return [here(message)] }
            if (cell.fenceLine...cell.closingFenceLine).contains(line) {
                return [Finding(file: chapter.path, line: line, message: message)]
            }
            // Trapped in code of another cell (a student's function): the trap, then the call
            // that led there, as two places, so grading a student's copy can move each to the
            // student's own lines (a line number inside a message could not be moved).
            return [Finding(file: chapter.path, line: line, message: message), here("the call that led to that trap")]
        }
    }

    private func finding(_ diagnostic: Diagnostic) -> Finding {
        Finding(file: diagnostic.file.isEmpty ? chapter.path : diagnostic.file, line: diagnostic.line,
                message: "error: \(diagnostic.message)")
    }
}

/// `workbook check`: runs chapters, grades every exercise, compares expected outputs, and with
/// `update` rewrites the expected outputs from what the cells printed.
public enum CheckSession {
    public struct Summary: Sendable {
        public var chapters: [ChapterCheck]
        /// Output blocks rewritten by `update`.
        public var updated: [OutputUpdate.Change]

        public var passed: Bool { chapters.allSatisfy(\.passed) }
    }

    /// Every chapter is read and checked first, so bad input throws before anything runs.
    /// `exercise`: only that exercise is reported (and only the chapters holding it run; the
    /// other exercises' code still runs, as later cells may need it, but not their checks).
    /// `cacheDirectory`: reuse the results of runs whose inputs did not change.
    /// `progress`: told as each chapter starts and finishes.
    public static func run(paths: [String], student: Bool, update: Bool, toolchain: Toolchain,
                           options: RunOptions, exercise: String? = nil, cacheDirectory: String? = nil,
                           progress: ChapterProgress? = nil) throws -> Summary {
        // No pages are written, so two chapters may share a file name (two students' copies).
        var chapters = try ChapterDiscovery.chapterFiles(for: paths).map(Workbook.loadChapter)
        var sets = try chapters.map(ExerciseSet.init)
        try ExerciseSet.requireFiniteTotal(sets)
        if let exercise {
            let holding = sets.indices.filter { sets[$0].exercises.contains { $0.id == exercise } }
            guard !holding.isEmpty else {
                let known = sets.flatMap { $0.exercises.map(\.id) }
                throw WorkbookError("no exercise '\(exercise)' in \(paths.joined(separator: " "))"
                                    + (known.isEmpty ? "" : " (exercises: \(known.joined(separator: ", ")))"))
            }
            chapters = holding.map { only(exercise, in: chapters[$0]) }
            sets = holding.map { sets[$0] }
        }
        let cache = cacheDirectory.map(ResultCache.init(directory:))
        let grader = ExerciseGrader(toolchain: toolchain, options: options, cache: cache)
        let outcomes = boundedParallelMap(Array(zip(chapters, sets)), limit: max(1, options.jobs)) { chapter, set in
            progress?.started(chapter.path)
            var outcome = grader.check(chapter, exercises: set, start: student ? .student : .reference)
            if let exercise { outcome.check.exercises.removeAll { $0.id != exercise } }
            progress?.finished(chapter.path, line: CheckFormat.chapterLine(outcome.check))
            return outcome
        }
        var updated: [OutputUpdate.Change] = []
        var checks = outcomes.map(\.check)
        if update {
            for (index, (chapter, outcome)) in zip(chapters, outcomes).enumerated() {
                guard let (bytes, changes) = OutputUpdate.updated(chapter, result: outcome.result) else { continue }
                // Through a symlink to its target, keeping mode and owner.
                try AtomicWrite.write(bytes, to: chapter.path, durable: true)
                updated += changes
                // The blocks now say what the cells printed: those mismatches are settled.
                let lines = Set(chapter.cells.compactMap { cell in
                    changes.contains { $0.line == cell.expectedOutput?.fenceLine } ? cell.expectedOutput : nil
                }.flatMap { Array($0.firstContentLine...($0.lastContentLine + 1)) })
                checks[index] = checks[index].dropping { $0.file == chapter.path && lines.contains($0.line)
                    && $0.message.hasPrefix("output ") }
            }
        }
        return Summary(chapters: checks, updated: updated)
    }
}

extension CheckSession {
    /// The chapter with the checks of every other exercise skipped: their code still runs.
    static func only(_ exercise: String, in chapter: Chapter) -> Chapter {
        var copy = chapter
        for index in copy.cells.indices
        where copy.cells[index].attributes.kind == .check && copy.cells[index].attributes.id != exercise {
            copy.cells[index].attributes.skip = true
        }
        return copy
    }
}

/// Told as chapters start and finish, from the threads that run them (the CLI's live lines).
public protocol ChapterProgress: Sendable {
    func started(_ path: String)
    /// `line`: what the chapter's summary line says.
    func finished(_ path: String, line: String)
}

extension ChapterCheck {
    /// Without the chapter-level findings `settled` says are resolved. (An exercise's own
    /// verdict stands: its points were earned or not in this run.)
    func dropping(_ settled: (Finding) -> Bool) -> ChapterCheck {
        var copy = self
        copy.problems.removeAll(where: settled)
        return copy
    }
}

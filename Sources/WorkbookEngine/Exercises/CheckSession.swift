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
    public static func run(paths: [String], student: Bool, update: Bool, toolchain: Toolchain,
                           options: RunOptions) throws -> Summary {
        // No pages are written, so two chapters may share a file name (two students' copies).
        let chapters = try ChapterDiscovery.chapterFiles(for: paths).map(Workbook.loadChapter)
        let sets = try chapters.map(ExerciseSet.init)
        try ExerciseSet.requireFiniteTotal(sets)
        let grader = ExerciseGrader(toolchain: toolchain, options: options)
        let outcomes = boundedParallelMap(Array(zip(chapters, sets)), limit: max(1, options.jobs)) { chapter, set in
            grader.check(chapter, exercises: set, start: student ? .student : .reference)
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

extension ChapterCheck {
    /// Without the chapter-level findings `settled` says are resolved. (An exercise's own
    /// verdict stands: its points were earned or not in this run.)
    func dropping(_ settled: (Finding) -> Bool) -> ChapterCheck {
        var copy = self
        copy.problems.removeAll(where: settled)
        return copy
    }
}

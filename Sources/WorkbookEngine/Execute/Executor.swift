import Foundation

/// Compiles and runs one chapter's plan and reports every cell's outcome.
public enum Executor {
    public static func run(_ plan: ExecutionPlan, chapter: Chapter, toolchain: Toolchain, options: RunOptions,
                           events: (@Sendable (RunEvent) -> Void)? = nil) -> ChapterResult {
        execute(plan, chapter: chapter, toolchain: toolchain, options: options, events: events).result
    }

    /// What the kernel hands a full run so the program keeps checkpoints (see `Kernel`).
    struct Checkpointing {
        var environment: [String: String]
        var inherited: [Int32: Int32]
        /// In the sandbox: the run's socket folder (bound read-write, only this run's
        /// checkpoints in it) and the folder of compiled suffixes (bound read-only).
        var sockets: String
        var libraries: String
    }

    /// What the kernel learns from a run besides its result.
    struct RunDetails {
        var checkpoints: [(cell: Int, pid: Int32)] = []
        var dependencyCells: [String: Int] = [:]
    }

    static func execute(_ plan: ExecutionPlan, chapter: Chapter, toolchain: Toolchain, options: RunOptions,
                        events: (@Sendable (RunEvent) -> Void)? = nil,
                        checkpointing: Checkpointing? = nil) -> (result: ChapterResult, details: RunDetails) {
        var details = RunDetails()
        var result = ChapterResult(path: chapter.path, status: .passed, cells: plan.cells.map { entry in
            CellResult(index: entry.index, status: entry.role == .displayOnly ? .skipped : .notRun)
        })
        let directory: String
        do {
            directory = try TemporaryFolder.make()
        } catch let failure as ToolFailure {
            result.status = .failedToCompile
            result.toolFailure = failure.message
            result.diagnostics = [Diagnostic(file: "", line: 0, column: 0, severity: "error", message: failure.message)]
            return (result, details)
        } catch {
            result.status = .failedToCompile
            result.toolFailure = "\(error)"
            return (result, details)
        }
        defer { try? FileManager.default.removeItem(atPath: directory) }

        // An exercise that declares a runtime name or uses `#sourceLocation` fails like a compile
        // error, before anything is compiled (see ExerciseCodeRules).
        let violations = plan.cells.filter { $0.role == .run && chapter.cells[$0.index].attributes.kind == .exercise }
            .map { (index: $0.index, found: ExerciseCodeRules.violations(in: chapter.cells[$0.index], path: chapter.path)) }
            .filter { !$0.found.isEmpty }
        if !violations.isEmpty {
            for violation in violations {
                result.cells[violation.index].status = .compileError
                result.cells[violation.index].diagnostics = violation.found
            }
            result.status = .failedToCompile
            return (result, details)
        }

        events?(.compiling)
        var compiler = ChapterCompiler(toolchain: toolchain, directory: directory)
        compiler.forCheckpoints = checkpointing != nil
        let compiled = compiler.compileAll(plan)
        for (program, outcome) in zip(plan.compileFailPrograms, compiled.compileFails) {
            result.cells[program.cellIndex] = compileFailResult(program.cellIndex, outcome, plan: plan)
        }
        if result.cells.contains(where: { $0.status == .compiledUnexpectedly }) { result.status = .failed }
        if let failure = ([compiled.main].compactMap { $0 } + compiled.compileFails).compactMap(\.toolFailure).first {
            result.toolFailure = failure
        }
        guard var main = compiled.main else { return (result, details) }
        var plan = plan
        // A typo in an inline `{swift} …` costs only that value: it is reported at its line,
        // and the program is compiled again without it so every cell still runs.
        let badInlineLines = Self.inlineLinesWithErrors(main, plan: plan)
        if !main.succeeded, !badInlineLines.isEmpty {
            let inlineErrors = main.diagnostics.filter { badInlineLines.contains($0.line) && $0.file == plan.chapterPath }
            // Each broken value becomes a note, so the inline sequence the runtime reports is whole.
            let inlines = chapter.inlines.map { inline -> InlineExpression in
                guard badInlineLines.contains(inline.line) else { return inline }
                return InlineExpression(index: inline.index, code: "\"(does not compile)\"", line: inline.line)
            }
            plan.program = ProgramWriter(path: plan.chapterPath, session: ProgramWriter.randomSessionName()).program(
                cells: plan.runningCells.map { chapter.cells[$0] }, inlines: inlines, withRuntime: true)
            plan.compileFailPrograms = []
            if let again = compiler.compileAll(plan).main {
                main = again
                main.diagnostics = inlineErrors + again.diagnostics
            }
        }
        result.compileSeconds = main.seconds
        attach(main.diagnostics, to: &result, plan: plan)
        guard main.succeeded else {
            result.status = .failedToCompile
            result.toolFailure = main.toolFailure
            for index in result.cells.indices
            where result.cells[index].diagnostics.contains(where: { $0.severity == "error" })
                && plan.cells[index].role == .run {
                result.cells[index].status = .compileError
            }
            return (result, details)
        }

        let outcome: ProgramRun.Outcome
        do {
            outcome = try ProgramRun(plan: plan, executable: compiler.executablePath, toolchain: toolchain,
                                     options: options, events: events, checkpointing: checkpointing).run()
        } catch {
            // The program could not be started: the tool failed, not the chapter.
            result.status = .crashed
            result.toolFailure = (error as? WorkbookError)?.message ?? "\(error)"
            result.diagnostics.append(Diagnostic(file: "", line: 0, column: 0, severity: "error", message: "\(error)"))
            return (result, details)
        }
        record(outcome, into: &result, plan: plan, events: events,
               symbolizer: TrapSymbolizer(executable: compiler.executablePath, chapterPath: chapter.path))
        if result.status == .passed, result.diagnostics.contains(where: { $0.severity == "error" }) {
            result.status = .failed
        }
        details.checkpoints = outcome.recorder.checkpoints
        // Keyed as `result.dependencies` is: resolved from the folder the program ran in.
        for (path, cell) in outcome.recorder.dependencyCells {
            let joined = path.hasPrefix("/") ? path : outcome.workingDirectory + "/" + path
            details.dependencyCells[URL(fileURLWithPath: joined).standardizedFileURL.resolvingSymlinksInPath().path] = cell
        }
        return (result, details)
    }

    /// Prose lines holding an inline expression that has a compile error of its own.
    static func inlineLinesWithErrors(_ outcome: ChapterCompiler.Outcome, plan: ExecutionPlan) -> Set<Int> {
        let inlineLines = Set(plan.inlineLines)
        return Set(outcome.diagnostics.filter {
            $0.severity == "error" && $0.file == plan.chapterPath && inlineLines.contains($0.line)
                && plan.cell(containing: $0.line) == nil
        }.map(\.line))
    }

    /// Fills cell outputs, statuses, inline values and dependencies from a finished run; a run
    /// resumed in a kernel checkpoint fills the cells from `firstCell` on and adds to the rest.
    static func record(_ outcome: ProgramRun.Outcome, into result: inout ChapterResult,
                       plan: ExecutionPlan, events: (@Sendable (RunEvent) -> Void)?,
                       symbolizer: TrapSymbolizer?, from firstCell: Int = 0) {
        result.runSeconds = outcome.totalSeconds
        result.inlineValues.merge(outcome.recorder.inlineValues) { $1 }
        result.dependencies.merge(FileHash.hashes(of: outcome.recorder.dependencies, relativeTo: outcome.workingDirectory,
                                                  allowed: outcome.dataFolder)) { $1 }
        let stopped = outcome.stoppedCell
        // An inline expression before the first cell stopped the program: no cell ran.
        var reachedStop = outcome.stoppedInline != nil && stopped == nil
        for index in plan.runningCells where index >= firstCell {
            var cell = result.cells[index]
            if reachedStop {
                cell.status = .notRun
            } else {
                (cell.stdout, cell.stderr) = outcome.recorder.captured(cell: index)
                cell.displays = outcome.recorder.placedDisplays(cell: index)
                cell.seconds = outcome.recorder.seconds[index]
                cell.expectations = outcome.recorder.expectations[index]
                cell.status = .ok
            }
            if index == stopped {
                reachedStop = true
                if outcome.stoppedInline == nil {
                    cell.status = outcome.timedOut ? .timedOut : .crashed
                    if let violation = outcome.violation {
                        // Nothing the program said after this is believed; its own stderr stays.
                        cell.trapMessage = "stopped: \(violation)"
                    } else if outcome.timedOut {
                        cell.trapMessage = "timed out after \(formatSeconds(plan.cells[index].timeout)) s"
                    } else {
                        cell.trapMessage = TrapMessage.describe(exit: outcome.exit, stderr: cell.stderr.text)
                        let runtime = RuntimeReport(stderr: cell.stderr.text)
                        cell.stderr.text = runtime.programOutput
                        cell.crashReport = runtime.report
                        if let report = runtime.report, let symbolizer {
                            let frames = symbolizer.frames(in: report)
                            cell.trapLine = frames.first?.line
                            if !frames.isEmpty {
                                cell.crashReport = report + "\nIn the chapter, innermost first:\n"
                                    + frames.map { "  line \($0.line): \($0.function)" }.joined(separator: "\n")
                            }
                        }
                    }
                    events?(.cellFinished(cell))
                }
            }
            result.cells[index] = cell
        }
        if outcome.stoppedCell != nil || outcome.stoppedInline != nil {
            result.status = outcome.timedOut ? .timedOut : .crashed
        }
        if let inline = outcome.stoppedInline {
            let stderr = outcome.recorder.captured(cell: ProgramRun.inlineStreamBase + inline).stderr.text
            let why = outcome.violation.map { "stopped: \($0)" }
                ?? (outcome.timedOut ? "timed out after \(formatSeconds(plan.defaultTimeout)) s"
                    : TrapMessage.describe(exit: outcome.exit, stderr: stderr))
            result.diagnostics.append(Diagnostic(file: plan.chapterPath, line: plan.inlineLines[inline], column: 0,
                                                 severity: "error", message: "inline expression stopped the chapter: \(why)"))
        }
    }

    static func compileFailResult(_ index: Int, _ outcome: ChapterCompiler.Outcome,
                                          plan: ExecutionPlan) -> CellResult {
        let own = outcome.diagnostics.filter { plan.cell(containing: $0.line) == index && $0.file == plan.chapterPath }
        if outcome.succeeded {
            return CellResult(index: index, status: .compiledUnexpectedly, diagnostics: own,
                              trapMessage: "compiled, but this cell is marked compile-fail")
        }
        return CellResult(index: index, status: .failedToCompileAsExpected,
                          diagnostics: own.isEmpty ? outcome.diagnostics : own)
    }

    /// Diagnostics inside a cell's lines go to that cell; the rest to the chapter. Warnings from
    /// the generated glue (not the chapter file) are noise and dropped.
    static func attach(_ diagnostics: [Diagnostic], to result: inout ChapterResult, plan: ExecutionPlan) {
        for diagnostic in diagnostics {
            if diagnostic.file == plan.chapterPath, let cell = plan.cell(containing: diagnostic.line),
               plan.cells[cell].role == .run {
                result.cells[cell].diagnostics.append(diagnostic)
            } else if diagnostic.file == plan.chapterPath || diagnostic.severity == "error" {
                result.diagnostics.append(diagnostic)
            }
        }
    }

    static func formatSeconds(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

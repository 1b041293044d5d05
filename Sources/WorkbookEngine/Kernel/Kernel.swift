import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Incremental execution: a chapter program keeps its state alive at cell boundaries as
/// checkpoints (forked processes, see `Checkpoints` in WorkbookRuntime), and after an edit to
/// cell j the kernel runs only cells j…n, in a fork of the checkpoint taken before cell j.
///
/// How: the full program is always built testable with its symbols exported. For a resume the
/// kernel emits the module interface of cells 1…j−1 alone, compiles cells j…n as a script that
/// `@testable import`s it into a shared library, and the checkpoint's fork loads that and runs
/// it. The page is the checkpoint's stored results for cells 1…j−1 plus the suffix's. Anything
/// it cannot do exactly (no checkpoint, a data file changed, a later cell declares a name an
/// earlier one uses, the suffix does not compile cleanly alone, a crash) runs the whole chapter.
public final class Kernel: ChapterRunner, @unchecked Sendable {
    public static let shared = Kernel()

    /// What happened to the runs so far (tests and `kernel status` read it).
    public struct Statistics: Equatable, Sendable {
        public var fullRuns = 0
        public var resumedRuns = 0
        /// Resumes that were abandoned for a full run (suffix compile, crash, lost checkpoint).
        public var fallbacks = 0
        public var checkpointsHeld = 0
    }

    struct Checkpoint {
        var key: String
        var cell: Int
        var socketPath: String
        var pid: Int32
        /// Results of cells before `cell`, diagnostic lines relative to each cell's first code line.
        var cells: [CellResult]
        var inlineValues: [Int: String]
        var dependencies: [String: String]
        /// Names declared by the cells from `cell` on, in the program that took it.
        var later: TopLevelNames
        /// The global holding that program's runtime session (its name is random per plan).
        var session: String
        var lastUsed: UInt64
    }

    private let lock = NSLock()
    private var checkpoints: [String: Checkpoint] = [:]
    /// Prefix key → folder with its module interface; nil value: it did not type-check alone.
    private var interfaces: [String: String?] = [:]
    private let interfaceLock = NSLock()
    private var clock: UInt64 = 0
    private var runs = 0
    private var stats = Statistics()
    /// Sockets and interfaces live here (mode 0700).
    private let directory: String?
    /// The checkpoints end when this process closes the write end (on exit, or `shutDown`).
    private var lifeline: (read: Int32, write: Int32)?
    /// Checkpoints held at most, whatever their memory.
    static let maximumCheckpoints = 64
    static let entryPoint = "workbook_resume_main"
    static let lifelineDescriptor: Int32 = 5

    public init() {
        directory = try? TemporaryFolder.make()
        if let directory {
            for folder in ["sockets", "suffixes"] {
                try? FileManager.default.createDirectory(atPath: directory + "/" + folder, withIntermediateDirectories: true)
            }
        }
        var ends: [Int32] = [0, 0]
        if makePipe(&ends) == 0 { lifeline = (ends[0], ends[1]) }
    }

    public var statistics: Statistics {
        lock.withLock {
            var copy = stats
            copy.checkpointsHeld = checkpoints.count
            return copy
        }
    }

    /// The processes of the checkpoints held now, as this process sees them.
    var checkpointPIDs: [Int32] {
        lock.withLock { checkpoints.values.map(\.pid).sorted() }
    }

    /// Summed private memory of the checkpoints held now.
    public var privateBytes: Int {
        lock.withLock { checkpoints.values.reduce(0) { $0 + CheckpointMemory.privateBytes(of: $1.pid) } }
    }

    /// Lets every checkpoint go (they see the lifeline close) and removes the kernel's files.
    public func shutDown() {
        lock.withLock {
            for checkpoint in checkpoints.values { CheckpointConnection.quit(socket: checkpoint.socketPath) }
            checkpoints = [:]
            if let lifeline {
                close(lifeline.write)
                close(lifeline.read)
            }
            lifeline = nil
        }
        if let directory { try? FileManager.default.removeItem(atPath: directory) }
    }

    public func run(_ plan: ExecutionPlan, chapter: Chapter, toolchain: Toolchain, options: RunOptions,
                    events: (@Sendable (RunEvent) -> Void)?) -> ChapterResult {
        // Grading resumes no student from a checkpoint another's code could reach (see README,
        // "Incremental execution"): a run that must be sandboxed goes from the top.
        guard options.sandbox != .required, plan.needsProgram, let directory,
              let lifeline = lock.withLock({ lifeline }) else {
            return Executor.run(plan, chapter: chapter, toolchain: toolchain, options: options, events: events)
        }
        var resumeEvents = events
        switch resume(plan, chapter: chapter, toolchain: toolchain, options: options, events: events) {
        case .resumed(let result):
            lock.withLock { stats.resumedRuns += 1 }
            evict(budget: options.kernelMemoryBudget)
            return result
        case .abandoned(let live):
            lock.withLock { stats.fallbacks += 1 }
            // The cells it showed live are not shown twice.
            if live { resumeEvents = nil }
        case .none:
            break
        }
        let run = lock.withLock { () -> String in
            runs += 1
            return "r\(runs)"
        }
        let boundaries = plan.runningCells.dropFirst().map(String.init).joined(separator: ",")
        // Each run's sockets in a folder of their own: a sandboxed program sees only its own.
        let sockets = directory + "/sockets/" + run
        try? FileManager.default.createDirectory(atPath: sockets, withIntermediateDirectories: true)
        let checkpointing = Executor.Checkpointing(
            environment: ["WORKBOOK_KERNEL_DIR": sockets, "WORKBOOK_KERNEL_RUN": run,
                          "WORKBOOK_KERNEL_CELLS": boundaries,
                          "WORKBOOK_KERNEL_LIFELINE_FD": String(Self.lifelineDescriptor)],
            inherited: [Self.lifelineDescriptor: lifeline.read], sockets: sockets, libraries: directory + "/suffixes")
        let (result, details) = Executor.execute(plan, chapter: chapter, toolchain: toolchain, options: options,
                                                 events: resumeEvents, checkpointing: checkpointing)
        lock.withLock { stats.fullRuns += 1 }
        register(details, run: run, result: result, plan: plan, chapter: chapter, toolchain: toolchain,
                 options: options)
        evict(budget: options.kernelMemoryBudget)
        // A program built for checkpoints exports its symbols, so a trap's stack names functions
        // instead of the image offsets `TrapSymbolizer` maps to `.md` lines: the report a fresh
        // run gives comes from a fresh run (the checkpoints before the trap are kept).
        if result.cells.contains(where: { $0.status == .crashed }) {
            return Executor.run(plan, chapter: chapter, toolchain: toolchain, options: options, events: nil)
        }
        return result
    }

    private enum Resume {
        case none
        case resumed(ChapterResult)
        /// Tried and given up; `live`: it had already reported cells as they ran.
        case abandoned(live: Bool)
    }

    private func resume(_ plan: ExecutionPlan, chapter: Chapter, toolchain: Toolchain, options: RunOptions,
                        events: (@Sendable (RunEvent) -> Void)?) -> Resume {
        let running = plan.runningCells
        // An exercise that breaks the code rules fails before anything compiles: the full path says how.
        if running.contains(where: { chapter.cells[$0].attributes.kind == .exercise
            && !ExerciseCodeRules.violations(in: chapter.cells[$0], path: chapter.path).isEmpty }) { return .none }
        for boundary in running.dropFirst().reversed() {
            let key = CheckpointKey.compute(chapter: chapter, plan: plan, boundary: boundary,
                                            toolchain: toolchain, options: options)
            guard let checkpoint = lock.withLock({ checkpoints[key] }) else { continue }
            let dataFolder = SandboxPolicy.dataFolder(ofCourseRoot: SandboxPolicy.courseRoot(ofChapter: plan.chapterPath))
            if FileHash.hashes(of: Array(checkpoint.dependencies.keys), relativeTo: "/", allowed: dataFolder)
                != checkpoint.dependencies {
                // A data file the cells above read has changed: this checkpoint is stale for good.
                drop(key)
                continue
            }
            let prefix = names(of: running.filter { $0 < boundary }, inlines: CheckpointKey.inlinesBefore(boundary, in: chapter),
                               in: chapter)
            var later = checkpoint.later
            later.formUnion(names(of: running.filter { $0 >= boundary }, inlines: [], in: chapter))
            guard prefix.isIndependent(of: later) else { continue }
            lock.withLock {
                clock += 1
                checkpoints[key]?.lastUsed = clock
            }
            return resume(from: checkpoint, plan: plan, chapter: chapter, toolchain: toolchain,
                          options: options, imports: prefix.imports, events: events)
        }
        return .none
    }

    private func resume(from checkpoint: Checkpoint, plan: ExecutionPlan, chapter: Chapter, toolchain: Toolchain,
                        options: RunOptions, imports: [String], events: (@Sendable (RunEvent) -> Void)?) -> Resume {
        let boundary = checkpoint.cell
        // Under the folder a sandboxed checkpoint sees read-only.
        guard let directory else { return Self.gaveUp(1, chapter.path, boundary, live: false) }
        let work = directory + "/suffixes/" + UUID().uuidString.prefix(12)
        guard (try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)) != nil else {
            return Self.gaveUp(2, chapter.path, boundary, live: false)
        }
        defer { try? FileManager.default.removeItem(atPath: work) }
        let started = Monotonic.seconds()
        events?(.compiling)
        let interfaceFolder = interface(for: checkpoint, chapter: chapter, plan: plan, toolchain: toolchain)
        let interfaceReady = Monotonic.seconds()
        guard let interface = interfaceFolder else {
            return Self.gaveUp(3, chapter.path, boundary, live: false)
        }
        let compiler = ChapterCompiler(toolchain: toolchain, directory: work)
        let suffixCells = plan.runningCells.filter { $0 >= boundary }.map { chapter.cells[$0] }
        let inlines = chapter.inlines.filter { $0.line > chapter.cells[boundary].fenceLine }
        let source = ProgramWriter(path: chapter.path, session: checkpoint.session).suffix(cells: suffixCells, inlines: inlines, imports: imports,
                                                              prefixModule: ChapterCompiler.moduleName)
        let mainSource = work + "/main.swift"
        let library = work + "/suffix.so"
        _ = FileManager.default.createFile(atPath: mainSource, contents: Data(source.utf8))
        // Compiled and linked in one driver run (one start-up of swiftc, not two): built as a
        // program (so `main.swift` stays a script; `-emit-library` would parse it as a library)
        // and linked shared, its entry point renamed.
        var jobs = [toolchain.flags + ["-I", interface, "-module-name", "WorkbookResume", mainSource, "-o", library,
                                       "-Xclang-linker", "-shared", "-Xclang-linker", "-Wno-unused-command-line-argument",
                                       "-Xfrontend", "-entry-point-function-name", "-Xfrontend", Self.entryPoint]
                    + compiler.linkArguments]
        let laterFails = plan.compileFailPrograms.filter { $0.cellIndex >= boundary }
        for (number, program) in laterFails.enumerated() {
            let folder = work + "/compile-fail-\(number)"
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: folder + "/main.swift", contents: Data(program.source.utf8))
            jobs.append(toolchain.flags + ["-typecheck", "-I", toolchain.courseDirectory + "/Modules",
                                           "-module-name", ChapterCompiler.moduleName, folder + "/main.swift"])
        }
        let outcomes = ResultSlots<ChapterCompiler.Outcome>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { number in
            outcomes[number] = compiler.compile(arguments: jobs[number])
        }
        let compiled = outcomes.values
        let suffixCompiled = Monotonic.seconds()
        // Any diagnostic at all: the whole program might say something else; let it.
        guard compiled[0].succeeded, compiled[0].diagnostics.isEmpty else {
            Self.trace("suffix diagnostics: \(compiled[0].diagnostics.map { "\($0.line): \($0.message)" })")
            return Self.gaveUp(4, chapter.path, boundary, live: false)
        }

        var result = ChapterResult(path: chapter.path, status: .passed, cells: plan.cells.map { entry in
            CellResult(index: entry.index, status: entry.role == .displayOnly ? .skipped : .notRun)
        })
        for stored in checkpoint.cells {
            var cell = stored
            let shift = plan.cells[cell.index].firstCodeLine
            for number in cell.diagnostics.indices { cell.diagnostics[number].line += shift }
            result.cells[cell.index] = cell
        }
        for (program, outcome) in zip(laterFails, compiled.dropFirst()) {
            result.cells[program.cellIndex] = Executor.compileFailResult(program.cellIndex, outcome, plan: plan)
        }
        if result.cells.contains(where: { $0.status == .compiledUnexpectedly }) { result.status = .failed }
        result.inlineValues = checkpoint.inlineValues
        result.dependencies = checkpoint.dependencies
        result.compileSeconds = Monotonic.seconds() - started
        // `workbook run` shows the cells above as if they had just run.
        for cell in result.cells where cell.index < boundary && plan.cells[cell.index].role == .run {
            events?(.cellStarted(index: cell.index))
            events?(.cellFinished(cell))
        }

        let outcome: ProgramRun.Outcome
        do {
            let firstInline = CheckpointKey.inlinesBefore(boundary, in: chapter).count
            outcome = try ProgramRun(plan: plan, executable: library, toolchain: toolchain, options: options,
                                     events: events, resume: (boundary, firstInline, { key in
                try CheckpointConnection.resume(socket: checkpoint.socketPath, key: key, library: library,
                                                entry: Self.entryPoint)
            })).run()
        } catch {
            Self.trace("resume failed: \(error)")
            drop(checkpoint.key)
            return Self.gaveUp(5, chapter.path, boundary, live: false)
        }
        // Never began (the library did not load): nothing to show; a trap: its stack trace
        // would name the library, not the program a fresh run gives.
        guard outcome.recorder.lastBegunCell != nil else { return Self.gaveUp(6, chapter.path, boundary, live: false) }
        if (outcome.stoppedCell != nil || outcome.stoppedInline != nil) && !outcome.timedOut {
            return Self.gaveUp(7, chapter.path, boundary, live: events != nil)
        }
        // A trap never gets here (see above), so no frames to map.
        Executor.record(outcome, into: &result, plan: plan, events: events, symbolizer: nil, from: boundary)
        Self.trace(String(format: "resumed %@ at cell %d: interface %.3f s, suffix compile+link %.3f s, run %.3f s",
                          chapter.path, boundary, interfaceReady - started, suffixCompiled - interfaceReady,
                          Monotonic.seconds() - suffixCompiled))
        return .resumed(result)
    }

    /// Traces why a resume was given up (see `trace`), by the place in `resume(from:)`.
    private static func gaveUp(_ place: Int, _ path: String, _ boundary: Int, live: Bool) -> Resume {
        trace("resume of \(path) at cell \(boundary) given up (\(place))")
        return .abandoned(live: live)
    }

    /// `WORKBOOK_KERNEL_TRACE=1`: where a resume's time goes, one line on stderr (the daemon's
    /// log, beside its socket).
    static func trace(_ line: @autoclosure () -> String) {
        guard ProcessInfo.processInfo.environment["WORKBOOK_KERNEL_TRACE"] == "1" else { return }
        FileHandle.standardError.write(Data(("workbook kernel: " + line() + "\n").utf8))
    }

    /// The module interface of the cells before the checkpoint's, emitted once per prefix.
    private func interface(for checkpoint: Checkpoint, chapter: Chapter, plan: ExecutionPlan, toolchain: Toolchain) -> String? {
        interfaceLock.withLock {
            let key = checkpoint.key + checkpoint.session
            if let known = interfaces[key] { return known }
            guard let directory else { return nil }
            let boundary = checkpoint.cell
            let folder = directory + "/interface-\(checkpoint.key.prefix(12))-\(checkpoint.session.suffix(8))"
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let cells = plan.runningCells.filter { $0 < boundary }.map { chapter.cells[$0] }
            // With the session global, under the name the checkpoint's program gave it.
            let source = ProgramWriter(path: chapter.path, session: checkpoint.session)
                .program(cells: cells, inlines: [], withRuntime: true)
            _ = FileManager.default.createFile(atPath: folder + "/main.swift", contents: Data(source.utf8))
            let compiler = ChapterCompiler(toolchain: toolchain, directory: folder)
            let outcome = compiler.compile(arguments: toolchain.flags + [
                "-I", toolchain.courseDirectory + "/Modules", "-enable-testing", "-emit-module",
                "-module-name", ChapterCompiler.moduleName, folder + "/main.swift",
                "-emit-module-path", folder + "/\(ChapterCompiler.moduleName).swiftmodule"])
            let made: String? = outcome.succeeded ? folder : nil
            interfaces[key] = made
            return made
        }
    }

    /// Keeps the checkpoints a full run took, each with the results of the cells before it.
    private func register(_ details: Executor.RunDetails, run: String, result: ChapterResult, plan: ExecutionPlan,
                          chapter: Chapter, toolchain: Toolchain, options: RunOptions) {
        guard let directory else { return }
        var made: [Checkpoint] = []
        var unusable: [String] = []
        // `let __workbookSession_… = WorkbookRuntime.ChapterSession.start()`, the program's first statement.
        let session = plan.program.split(separator: "\n").lazy.compactMap { line -> String? in
            guard line.hasPrefix("let "), line.hasSuffix("= WorkbookRuntime.ChapterSession.start()") else { return nil }
            return String(line.dropFirst(4).prefix { $0 != " " })
        }.first ?? ""
        for (cell, reported) in details.checkpoints {
            let socket = "\(directory)/sockets/\(run)/\(run)-\(cell).sock"
            // A sandboxed checkpoint's pid is one of its PID namespace's: ask its socket instead.
            let pid = reported > 0 ? reported : CheckpointConnection.peerPID(socket: socket) ?? 0
            guard cell < plan.cells.count, plan.cells[cell].role == .run, result.diagnostics.isEmpty,
                  result.cells.prefix(cell).allSatisfy({ $0.status != .notRun && $0.status != .crashed
                      && $0.status != .timedOut && $0.status != .compileError }) else {
                unusable.append(socket)
                continue
            }
            var cells = Array(result.cells.prefix(cell))
            for index in cells.indices {
                let shift = plan.cells[index].firstCodeLine
                for number in cells[index].diagnostics.indices { cells[index].diagnostics[number].line -= shift }
            }
            let inlineIndices = Set(CheckpointKey.inlinesBefore(cell, in: chapter).map(\.index))
            let dependencies = result.dependencies.filter { (details.dependencyCells[$0.key] ?? -1) < cell }
            let later = names(of: plan.runningCells.filter { $0 >= cell }, inlines: [], in: chapter)
            made.append(Checkpoint(
                key: CheckpointKey.compute(chapter: chapter, plan: plan, boundary: cell, toolchain: toolchain, options: options),
                cell: cell, socketPath: socket, pid: pid, cells: cells,
                inlineValues: result.inlineValues.filter { inlineIndices.contains($0.key) },
                dependencies: dependencies, later: later, session: session, lastUsed: 0))
        }
        for socket in unusable { CheckpointConnection.quit(socket: socket) }
        lock.withLock {
            for checkpoint in made {
                clock += 1
                var kept = checkpoint
                kept.lastUsed = clock
                if let old = checkpoints[kept.key] { CheckpointConnection.quit(socket: old.socketPath) }
                checkpoints[kept.key] = kept
            }
        }
    }

    private func names(of cells: [Int], inlines: [InlineExpression], in chapter: Chapter) -> TopLevelNames {
        var names = TopLevelNames()
        for index in cells { names.formUnion(TopLevelNames(code: chapter.cells[index].code)) }
        for inline in inlines { names.formUnion(TopLevelNames(code: inline.code)) }
        return names
    }

    private func drop(_ key: String) {
        lock.withLock {
            if let old = checkpoints.removeValue(forKey: key) { CheckpointConnection.quit(socket: old.socketPath) }
        }
    }

    /// Lets the least recently used checkpoints go until the rest fit the memory budget and count.
    func evict(budget: Int) {
        lock.withLock {
            var byAge = checkpoints.values.sorted { $0.lastUsed < $1.lastUsed }
            var total = byAge.reduce(0) { $0 + CheckpointMemory.privateBytes(of: $1.pid) }
            while let oldest = byAge.first, total > budget || byAge.count > Self.maximumCheckpoints {
                total -= CheckpointMemory.privateBytes(of: oldest.pid)
                CheckpointConnection.quit(socket: oldest.socketPath)
                checkpoints[oldest.key] = nil
                byAge.removeFirst()
            }
        }
    }
}

/// A process's private memory (what it alone holds; pages shared with its parent count for
/// neither), from /proc/PID/smaps_rollup.
enum CheckpointMemory {
    static func privateBytes(of pid: Int32) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8) else { return 0 }
        var kilobytes = 0
        for line in text.split(separator: "\n") where line.hasPrefix("Private_") {
            kilobytes += Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return kilobytes * 1024
    }
}

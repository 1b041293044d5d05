import Foundation
import WorkbookProtocol

/// Runs a compiled chapter program and follows it cell by cell (see `RunRecorder`), enforcing
/// each cell's time limit, and ending it at once when it breaks the protocol.
struct ProgramRun {
    struct Outcome {
        var exit: ProcessExit
        /// The cell that was running when the program stopped early (crash, timeout, breach);
        /// when an inline expression stopped it, the cell that ran last (it finished).
        var stoppedCell: Int?
        /// The inline expression being evaluated when the program stopped early.
        var stoppedInline: Int?
        var timedOut: Bool
        /// The runtime reported the end of the program: every cell ran to its end.
        var finished: Bool
        /// Why the engine stopped believing the program (a forged or oversized record).
        var violation: String?
        var recorder: RunRecorder
        var totalSeconds: Double
        /// The folder the program ran in: relative dependency paths start there.
        var workingDirectory: String
        var dataFolder: String?
    }

    /// Stream markers of inline expression `i` carry this plus `i` (see WorkbookProtocol).
    static let inlineStreamBase = StreamMarker.inlineStreamBase

    let plan: ExecutionPlan
    let executable: String
    let toolchain: Toolchain
    let options: RunOptions
    let events: (@Sendable (RunEvent) -> Void)?
    /// A full run the kernel asked to keep checkpoints (see `Kernel`).
    var checkpointing: Executor.Checkpointing?
    /// A run resumed in a kernel checkpoint: its first cell, the inline expressions already
    /// evaluated, and how it starts (a command to the checkpoint, given the run's key).
    var resume: (firstCell: Int, firstInline: Int, start: (_ key: [UInt8]) throws -> ChildProcess)?
    /// The program's working directory (the course root, so `Data/x.csv` resolves there).
    var workingDirectory: String? = nil

    func run() throws -> Outcome {
        // The run's key: tags every record and stream marker; the program reads it from a pipe.
        var generator = SystemRandomNumberGenerator()
        let key = (0..<Handshake.keyLength).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let root = SandboxPolicy.courseRoot(ofChapter: plan.chapterPath)
        let policy: SandboxPolicy? = try resume == nil && Sandbox.use(options.sandbox)
            ? SandboxPolicy.standard(program: executable, toolchain: toolchain, chapterPath: plan.chapterPath,
                                     memoryLimit: options.memoryLimit, cpuSeconds: cpuSeconds())
            : nil
        let started = Monotonic.seconds()
        let cells = plan.runningCells.filter { $0 >= (resume?.firstCell ?? 0) }
        var recorder = RunRecorder(key: key, cells: cells, inlineCount: plan.inlineLines.count,
                                   firstInline: resume?.firstInline ?? 0,
                                   outputLimit: plan.outputLimit, startedAt: started, events: events)
        let timeouts = Dictionary(uniqueKeysWithValues: plan.cells.map { ($0.index, $0.timeout) })
        let child = try resume.map { try $0.start(key) }
            ?? ChapterLauncher.start(program: executable, policy: policy, key: key, workingDirectory: root,
                                     kernel: checkpointing)

        var timedOut = false
        let exit = child.pump(
            deadline: {
                // A breach ends the program now.
                if recorder.violation != nil { return -Double.infinity }
                if let running = recorder.current {
                    return running.started + (timeouts[running.cell] ?? plan.defaultTimeout)
                }
                if let inline = recorder.currentInline { return inline.started + plan.defaultTimeout }
                return recorder.idleSince + plan.defaultTimeout
            },
            onTimeout: { if recorder.violation == nil { timedOut = true } },
            onOutput: { stream, bytes in recorder.receive(stream, bytes) })
        let ended = Monotonic.seconds()
        let lastBegun = recorder.lastBegunCell
        let violated = recorder.violation != nil
        let stoppedInline = recorder.finished && !violated ? nil : recorder.currentInline?.index
        let unfinished = recorder.finish(at: ended)
        let finished = recorder.finished && recorder.violation == nil
        // A program that stopped before its first cell began (start-up failed) blames that cell;
        // one that broke the protocol after its last cell, the last cell.
        let stopped = finished ? nil
            : stoppedInline != nil ? lastBegun : unfinished ?? (violated ? lastBegun : nil) ?? cells.first
        return Outcome(exit: exit, stoppedCell: stopped, stoppedInline: stoppedInline,
                       timedOut: timedOut && (stopped != nil || stoppedInline != nil),
                       finished: finished, violation: recorder.violation, recorder: recorder,
                       totalSeconds: ended - started,
                       workingDirectory: FileManager.default.fileExists(atPath: root) ? root
                           : FileManager.default.currentDirectoryPath,
                       dataFolder: SandboxPolicy.dataFolder(ofCourseRoot: root))
    }

    /// RLIMIT_CPU: every cell's and inline expression's time limit, once per core, at least a minute.
    private func cpuSeconds() -> Int {
        let wall = plan.cells.filter { $0.role == .run }.map(\.timeout).reduce(plan.defaultTimeout, +)
            + plan.defaultTimeout * Double(plan.inlineLines.count)
        let total = wall * Double(ProcessInfo.processInfo.activeProcessorCount)
        return Int(min(max(60, total.rounded(.up)), 1e7))
    }
}

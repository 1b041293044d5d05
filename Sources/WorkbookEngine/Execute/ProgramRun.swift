/// Runs a compiled chapter program and follows it cell by cell (see `RunRecorder`), enforcing
/// each cell's time limit.
struct ProgramRun {
    struct Outcome {
        var exit: ProcessExit
        /// The cell that was running when the program stopped early (crash, timeout); when an
        /// inline expression stopped it, the cell that ran last (it finished).
        var stoppedCell: Int?
        /// The inline expression being evaluated when the program stopped early.
        var stoppedInline: Int?
        var timedOut: Bool
        /// The runtime reported the end of the program: every cell ran to its end.
        var finished: Bool
        var recorder: RunRecorder
        var totalSeconds: Double
    }

    /// Stream markers of inline expression `i` carry this plus `i` (as in WorkbookRuntime).
    static let inlineStreamBase = 90_000_000

    let plan: ExecutionPlan
    let events: (@Sendable (RunEvent) -> Void)?
    /// The first cell this process runs (a run resumed in a kernel checkpoint starts later).
    var firstCell: Int?
    /// Starts the program with this nonce in its environment (or its resume command).
    let start: (_ nonce: String) throws -> ChildProcess

    init(plan: ExecutionPlan, executable: String, events: (@Sendable (RunEvent) -> Void)?,
         kernelEnvironment: [String: String] = [:], inherited: [Int32: Int32] = [:]) {
        self.plan = plan
        self.events = events
        start = { nonce in
            try ChildProcess.spawn(
                executable: executable, arguments: [],
                extraEnvironment: ["WORKBOOK_CHANNEL_FD": String(ChildProcess.channelDescriptor),
                                   "WORKBOOK_NONCE": nonce,
                                   // A crash ends at once with the runtime's one-line message.
                                   "SWIFT_BACKTRACE": "enable=no"].merging(kernelEnvironment) { $1 },
                channel: true, inherited: inherited)
        }
    }

    init(plan: ExecutionPlan, firstCell: Int, events: (@Sendable (RunEvent) -> Void)?,
         start: @escaping (_ nonce: String) throws -> ChildProcess) {
        self.plan = plan
        self.firstCell = firstCell
        self.events = events
        self.start = start
    }

    static func makeNonce() -> String {
        (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }

    func run() throws -> Outcome {
        // Tags the stream markers; the runtime reads it once and removes it from the environment.
        let nonce = Self.makeNonce()
        let started = Monotonic.seconds()
        let first = firstCell ?? plan.runningCells.first ?? 0
        var recorder = RunRecorder(nonce: nonce, firstCell: first,
                                   outputLimit: plan.outputLimit, startedAt: started, events: events)
        let timeouts = Dictionary(uniqueKeysWithValues: plan.cells.map { ($0.index, $0.timeout) })
        let child = try start(nonce)

        var timedOut = false
        let exit = child.pump(
            deadline: {
                if let running = recorder.current {
                    return running.started + (timeouts[running.cell] ?? plan.defaultTimeout)
                }
                if let inline = recorder.currentInline { return inline.started + plan.defaultTimeout }
                return recorder.idleSince + plan.defaultTimeout
            },
            onTimeout: { timedOut = true },
            onOutput: { stream, bytes in recorder.receive(stream, bytes) })
        let ended = Monotonic.seconds()
        let lastBegun = recorder.lastBegunCell
        let stoppedInline = recorder.finished ? nil : recorder.currentInline?.index
        let unfinished = recorder.finish(at: ended)
        let finished = recorder.finished
        // A program that stopped before its first cell began (start-up failed) blames that cell.
        let stopped = finished ? nil
            : stoppedInline != nil ? lastBegun : unfinished ?? first
        return Outcome(exit: exit, stoppedCell: stopped, stoppedInline: stoppedInline,
                       timedOut: timedOut && (stopped != nil || stoppedInline != nil),
                       finished: finished, recorder: recorder, totalSeconds: ended - started)
    }
}

import Foundation

/// Runs a compiled chapter program and follows it cell by cell: splits stdout and stderr at the
/// runtime's markers, collects channel records, enforces each cell's time limit.
struct ProgramRun {
    struct Outcome {
        var exit: ProcessExit
        /// The cell that was running when the program stopped (crash, timeout) or last began.
        var lastCell: Int?
        var timedOut: Bool
        /// The runtime reported the end of the program: every cell ran to its end.
        var finished: Bool
        var stdout: StreamSplitter
        var stderr: StreamSplitter
        var displays: [Int: [DisplayItem]]
        var inlineValues: [Int: String]
        var dependencies: [String]
        var seconds: [Int: Double]
        var totalSeconds: Double
    }

    let plan: ExecutionPlan
    let executable: String
    let events: (@Sendable (RunEvent) -> Void)?

    /// Rich displays kept per cell: SVG plots are large, but an endless stream of them is not.
    var displayLimit: Int { max(plan.outputLimit * 16, 16 << 20) }

    func run() throws -> Outcome {
        let running = plan.runningCells
        let nonce = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        let firstCell = running.first ?? 0
        var stdout = StreamSplitter(nonce: nonce, firstCell: firstCell, limit: plan.outputLimit)
        var stderr = StreamSplitter(nonce: nonce, firstCell: firstCell, limit: plan.outputLimit)
        var decoder = ChannelDecoder()
        var displays: [Int: [DisplayItem]] = [:]
        var displayBytes: [Int: Int] = [:]
        var inlineValues: [Int: String] = [:]
        var dependencies: [String] = []
        var seconds: [Int: Double] = [:]
        var current: (cell: Int, started: Double)?
        var finished = false
        var timedOut = false
        // Start-up before the first cell and shutdown after the last get the default limit.
        var idleSince = 0.0
        // Cells whose end the channel reported; their event waits until both streams passed them.
        var awaitingFinish: [(cell: Int, markersNeeded: Int)] = []
        var markersSent = 0

        let timeouts = Dictionary(uniqueKeysWithValues: plan.cells.map { ($0.index, $0.timeout) })
        let started = Monotonic.seconds()
        idleSince = started
        let child = try ChildProcess.spawn(
            executable: executable, arguments: [],
            extraEnvironment: ["WORKBOOK_CHANNEL_FD": String(ChildProcess.channelDescriptor),
                               "WORKBOOK_NONCE": nonce, "SWIFT_BACKTRACE": "enable=no"],
            channel: true)

        func endCurrent(at time: Double) {
            guard let running = current else { return }
            seconds[running.cell] = max(0, time - running.started)
            awaitingFinish.append((running.cell, markersSent))
            current = nil
        }
        func flushFinishedEvents(final: Bool) {
            guard let events else { return }
            while let next = awaitingFinish.first,
                  final || (stdout.markersSeen >= next.markersNeeded && stderr.markersSeen >= next.markersNeeded) {
                awaitingFinish.removeFirst()
                events(.cellFinished(CellResult(index: next.cell, status: .ok,
                                                stdout: stdout.captured(cell: next.cell),
                                                stderr: stderr.captured(cell: next.cell),
                                                displays: displays[next.cell] ?? [],
                                                seconds: seconds[next.cell])))
            }
        }
        func handle(_ record: ChannelRecord) {
            switch record.kind {
            case "C":
                guard let cell = record.fields.first.flatMap(Int.init) else { return }
                let time = record.fields.dropFirst().first.flatMap(UInt64.init).map { Double($0) / 1e9 } ?? Monotonic.seconds()
                endCurrent(at: time)
                markersSent += 1
                current = (cell, time)
                events?(.cellStarted(index: cell))
            case "X":
                let time = record.fields.first.flatMap(UInt64.init).map { Double($0) / 1e9 } ?? Monotonic.seconds()
                endCurrent(at: time)
                finished = true
                idleSince = Monotonic.seconds()
            case "D":
                guard let cell = current?.cell, let textLength = record.fields.first.flatMap(Int.init),
                      textLength <= record.payload.count else { return }
                let used = displayBytes[cell, default: 0] + record.payload.count
                guard used <= displayLimit else { return }
                displayBytes[cell] = used
                displays[cell, default: []].append(DisplayItem(
                    text: String(decoding: record.payload[..<textLength], as: UTF8.self),
                    html: String(decoding: record.payload[textLength...], as: UTF8.self)))
            case "I":
                guard let index = record.fields.first.flatMap(Int.init) else { return }
                inlineValues[index] = String(decoding: record.payload, as: UTF8.self)
            case "P":
                let path = String(decoding: record.payload, as: UTF8.self)
                if !dependencies.contains(path) { dependencies.append(path) }
            default:
                break
            }
        }

        var lastCell: Int?
        let exit = child.pump(
            deadline: {
                if let running = current { return running.started + (timeouts[running.cell] ?? plan.defaultTimeout) }
                return idleSince + plan.defaultTimeout
            },
            onTimeout: {
                timedOut = true
                lastCell = current?.cell
            },
            onOutput: { stream, bytes in
                switch stream {
                case .stdout: stdout.feed(bytes)
                case .stderr: stderr.feed(bytes)
                case .channel: for record in decoder.feed(bytes) { handle(record) }
                }
                flushFinishedEvents(final: false)
            })
        let ended = Monotonic.seconds()
        stdout.finish()
        stderr.finish()
        if let running = current {
            lastCell = running.cell
            seconds[running.cell] = max(0, ended - running.started)
            current = nil
        }
        flushFinishedEvents(final: true)
        return Outcome(exit: exit, lastCell: lastCell ?? (finished ? nil : running.first),
                       timedOut: timedOut, finished: finished, stdout: stdout, stderr: stderr,
                       displays: displays, inlineValues: inlineValues, dependencies: dependencies,
                       seconds: seconds, totalSeconds: ended - started)
    }
}

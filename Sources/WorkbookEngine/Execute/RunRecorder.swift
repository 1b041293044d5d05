/// Everything a running chapter program has told the engine so far: each cell's stdout and
/// stderr (split at the stream markers), displays, inline values, dependencies and wall times,
/// and which cell is running now (from the channel's cell records).
struct RunRecorder {
    private(set) var stdout: StreamSplitter
    private(set) var stderr: StreamSplitter
    private var decoder = ChannelDecoder()
    private(set) var displays: [Int: [DisplayItem]] = [:]
    private var displayBytes: [Int: Int] = [:]
    private(set) var inlineValues: [Int: String] = [:]
    private(set) var dependencies: [String] = []
    /// The cell that had begun last when each data file was first read (nil: before any cell).
    private(set) var dependencyCells: [String: Int] = [:]
    /// Kernel checkpoints the program took: the cell each was taken before, and its process.
    private(set) var checkpoints: [(cell: Int, pid: Int32)] = []
    private(set) var seconds: [Int: Double] = [:]
    /// Check results (`K` records from `expect…` calls) per cell.
    private(set) var expectations: [Int: ExpectationTally] = [:]
    /// The cell running now and when it began (monotonic seconds, the runtime's clock).
    private(set) var current: (cell: Int, started: Double)?
    /// The inline expression being evaluated now (between cells) and when it began.
    private(set) var currentInline: (index: Int, started: Double)?
    /// The runtime reported the end of the program: every cell ran to its end.
    private(set) var finished = false
    /// Start-up before the first cell, and shutdown after the last, are timed from here.
    private(set) var idleSince: Double
    /// Cells the channel says have ended; each one's event waits until both streams have passed
    /// the next marker, so the event carries all of the cell's output.
    private var awaitingFinish: [(cell: Int, markersNeeded: Int)] = []
    private var markersSent = 0
    /// The cell that began last, running or not.
    private(set) var lastBegunCell: Int?
    private let displayLimit: Int
    private let events: (@Sendable (RunEvent) -> Void)?

    init(nonce: String, firstCell: Int, outputLimit: Int, startedAt: Double,
         events: (@Sendable (RunEvent) -> Void)?) {
        stdout = StreamSplitter(nonce: nonce, firstCell: firstCell, limit: outputLimit)
        stderr = StreamSplitter(nonce: nonce, firstCell: firstCell, limit: outputLimit)
        // SVG plots are large, but an endless stream of them must not exhaust memory.
        displayLimit = max(outputLimit * 16, 16 << 20)
        idleSince = startedAt
        self.events = events
    }

    mutating func receive(_ stream: ChildStream, _ bytes: ArraySlice<UInt8>) {
        switch stream {
        case .stdout: stdout.feed(bytes)
        case .stderr: stderr.feed(bytes)
        case .channel: for record in decoder.feed(bytes) { handle(record) }
        }
        reportFinishedCells(final: false)
    }

    /// The streams have closed: stops the clock of a cell that never ended (crash, timeout) and
    /// reports the cells that did. Returns the cell that never ended.
    mutating func finish(at time: Double) -> Int? {
        stdout.finish()
        stderr.finish()
        let unfinished = current?.cell
        if let running = current {
            seconds[running.cell] = max(0, time - running.started)
            current = nil
        }
        reportFinishedCells(final: true)
        return unfinished
    }

    func captured(cell: Int) -> (stdout: CapturedText, stderr: CapturedText) {
        (stdout.captured(cell: cell), stderr.captured(cell: cell))
    }

    private mutating func handle(_ record: ChannelRecord) {
        switch record.kind {
        case "C":
            guard let cell = record.fields.first.flatMap(Int.init) else { return }
            let time = Self.time(record.fields.dropFirst().first)
            endCurrent(at: time)
            currentInline = nil
            markersSent += 1
            current = (cell, time)
            lastBegunCell = cell
            events?(.cellStarted(index: cell))
        case "X":
            endCurrent(at: Self.time(record.fields.first))
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
        case "J":
            guard let index = record.fields.first.flatMap(Int.init) else { return }
            let time = Self.time(record.fields.dropFirst().first)
            endCurrent(at: time)
            currentInline = (index, time)
        case "I":
            guard let index = record.fields.first.flatMap(Int.init) else { return }
            inlineValues[index] = String(decoding: record.payload, as: UTF8.self)
            currentInline = nil
            idleSince = Monotonic.seconds()
        case "K":
            guard let cell = current?.cell else { return }
            expectations[cell, default: ExpectationTally()].add(fields: record.fields, payload: record.payload)
        case "P":
            let path = String(decoding: record.payload, as: UTF8.self)
            if !dependencies.contains(path) {
                dependencies.append(path)
                dependencyCells[path] = lastBegunCell
            }
        case "F":
            guard record.fields.count == 2, let cell = Int(record.fields[0]), let pid = Int32(record.fields[1]),
                  pid > 0 else { return }
            checkpoints.append((cell, pid))
        default:
            break  // a record kind from a newer runtime: ignored
        }
    }

    private mutating func endCurrent(at time: Double) {
        guard let running = current else { return }
        seconds[running.cell] = max(0, time - running.started)
        // Its output is complete once both streams show the next marker (or end).
        awaitingFinish.append((running.cell, markersSent + 1))
        current = nil
    }

    private mutating func reportFinishedCells(final: Bool) {
        guard let events else { return }
        while let next = awaitingFinish.first,
              final || (stdout.markersSeen >= next.markersNeeded && stderr.markersSeen >= next.markersNeeded) {
            awaitingFinish.removeFirst()
            events(.cellFinished(CellResult(index: next.cell, status: .ok,
                                            stdout: stdout.captured(cell: next.cell),
                                            stderr: stderr.captured(cell: next.cell),
                                            displays: displays[next.cell] ?? [],
                                            seconds: seconds[next.cell],
                                            expectations: expectations[next.cell])))
        }
    }

    /// The runtime's timestamps are CLOCK_MONOTONIC nanoseconds, the engine's own clock.
    private static func time(_ field: String?) -> Double {
        field.flatMap(UInt64.init).map { Double($0) / 1e9 } ?? Monotonic.seconds()
    }
}

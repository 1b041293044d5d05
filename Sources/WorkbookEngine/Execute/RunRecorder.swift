import WorkbookProtocol

/// Everything a running chapter program has told the engine so far: each cell's stdout and
/// stderr (split at the stream markers), displays, inline values, dependencies and wall times,
/// and which cell is running now (from the channel's cell records).
///
/// Believes only what the protocol allows: records must carry the run's tag and come in
/// sequence (`RecordDecoder`), cells must begin in the plan's order, each at most once, inline
/// expressions likewise, and the end record only after the last of them. The first breach is
/// kept in `violation`; from then on nothing the program says is believed, and the run is ended.
struct RunRecorder {
    private(set) var stdout: StreamSplitter
    private(set) var stderr: StreamSplitter
    private var decoder: RecordDecoder
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
    /// Why the program's word is no longer taken (a forged, oversized or out-of-order record).
    private(set) var violation: String?
    /// Start-up before the first cell, and shutdown after the last, are timed from here.
    private(set) var idleSince: Double
    /// Cells the channel says have ended; each one's event waits until both streams have passed
    /// the next marker, so the event carries all of the cell's output.
    private var awaitingFinish: [(cell: Int, markersNeeded: Int)] = []
    private var markersSent = 0
    /// The cell that began last, running or not.
    private(set) var lastBegunCell: Int?
    /// The cells still to begin, in plan order, and how many inline expressions have begun.
    private var cellsToBegin: ArraySlice<Int>
    private let inlineCount: Int
    private var inlinesBegun = 0
    private let displayLimit: Int
    private let events: (@Sendable (RunEvent) -> Void)?

    static let dependencyLimit = 256

    /// `firstInline`: inline expressions already evaluated before this process's first cell
    /// (a run resumed in a kernel checkpoint).
    init(key: [UInt8], cells: [Int], inlineCount: Int, firstInline: Int = 0, outputLimit: Int, startedAt: Double,
         events: (@Sendable (RunEvent) -> Void)?) {
        let first = cells.first ?? 0
        stdout = StreamSplitter(key: key, stream: 1, firstCell: first, limit: outputLimit)
        stderr = StreamSplitter(key: key, stream: 2, firstCell: first, limit: outputLimit)
        decoder = RecordDecoder(key: key)
        cellsToBegin = cells[...]
        self.inlineCount = inlineCount
        inlinesBegun = firstInline
        // SVG plots are large, but an endless stream of them must not exhaust memory.
        displayLimit = max(outputLimit * 16, 16 << 20)
        idleSince = startedAt
        self.events = events
    }

    mutating func receive(_ stream: ChildStream, _ bytes: ArraySlice<UInt8>) {
        switch stream {
        case .stdout: stdout.feed(bytes)
        case .stderr: stderr.feed(bytes)
        case .channel:
            guard violation == nil else { return }
            let (records, problem) = decoder.decode(bytes)
            do {
                // Records before a breach still count: the cell that breached had begun.
                for record in records { try handle(record) }
                if let problem { violation = "\(problem)" }
            } catch {
                violation = "\(error)"
            }
        }
        reportFinishedCells(final: false)
    }

    /// The streams have closed: stops the clock of a cell that never ended (crash, timeout) and
    /// reports the cells that did. Returns the cell that never ended.
    mutating func finish(at time: Double) -> Int? {
        stdout.finish()
        stderr.finish()
        if violation == nil && decoder.isMidRecord && !finished {
            violation = "the program's last channel record was cut short"
        }
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

    /// The cell's displays, each with where in its stdout it was shown.
    func placedDisplays(cell: Int) -> [DisplayItem] {
        (displays[cell] ?? []).map { item in
            var placed = item
            if let ordinal = item.ordinal, let position = stdout.displayPositions[ordinal], position.cell == cell {
                placed.outputOffset = position.offset
            }
            placed.ordinal = nil
            return placed
        }
    }

    private struct Breach: Error, CustomStringConvertible {
        var description: String
    }

    private mutating func handle(_ record: ChannelRecord) throws {
        if finished { throw Breach(description: "the program sent a record after its end record") }
        switch record.kind {
        case .cellBegin:
            let cell = record.fields[0]
            guard cell == cellsToBegin.first else {
                let wanted = cellsToBegin.first.map { "cell \($0 + 1)" } ?? "no further cell"
                throw Breach(description: "a cell began out of order (cell \(cell + 1), expected \(wanted))")
            }
            cellsToBegin = cellsToBegin.dropFirst()
            let time = Self.time(record.fields[1])
            endCurrent(at: time)
            currentInline = nil
            markersSent += 1
            current = (cell, time)
            lastBegunCell = cell
            events?(.cellStarted(index: cell))
        case .end:
            guard cellsToBegin.isEmpty, inlinesBegun == inlineCount, currentInline == nil else {
                throw Breach(description: "the end record came before every cell had run")
            }
            endCurrent(at: Self.time(record.fields[0]))
            finished = true
            idleSince = Monotonic.seconds()
        case .display:
            let ordinal = record.fields[0], textLength = record.fields[1]
            guard let cell = current?.cell, textLength >= 0, textLength <= record.payload.count else { return }
            // Each display costs at least 256 bytes of the budget, so a flood of empty ones is bounded too.
            let used = displayBytes[cell, default: 0] + max(256, record.payload.count)
            guard used <= displayLimit else { return }
            displayBytes[cell] = used
            let html = String(decoding: record.payload[textLength...], as: UTF8.self)
            var item = DisplayItem(text: String(decoding: record.payload[..<textLength], as: UTF8.self),
                                   html: DisplaySanitiser.sanitise(html))
            item.ordinal = ordinal
            displays[cell, default: []].append(item)
        case .inlineBegin:
            let index = record.fields[0]
            guard index == inlinesBegun, currentInline == nil else {
                throw Breach(description: "an inline expression began out of order")
            }
            inlinesBegun += 1
            let time = Self.time(record.fields[1])
            endCurrent(at: time)
            markersSent += 1
            currentInline = (index, time)
        case .inlineValue:
            let index = record.fields[0]
            guard currentInline?.index == index else {
                throw Breach(description: "an inline value arrived for an expression that was not being evaluated")
            }
            inlineValues[index] = String(decoding: record.payload, as: UTF8.self)
            currentInline = nil
            idleSince = Monotonic.seconds()
        case .check:
            guard let cell = current?.cell else { return }
            expectations[cell, default: ExpectationTally()].add(fields: record.fields.map(String.init), payload: record.payload)
        case .dependency:
            let path = String(decoding: record.payload, as: UTF8.self)
            if !dependencies.contains(path) && dependencies.count < Self.dependencyLimit {
                dependencies.append(path)
                dependencyCells[path] = lastBegunCell
            }
        case .checkpoint:
            // Keyed like every record, so only the runtime's fork loop can send it.
            checkpoints.append((record.fields[0], Int32(truncatingIfNeeded: record.fields[1])))
        case .progress:
            // Progress for the live line only: one short line of printable text, never stored.
            guard let cell = current?.cell else { return }
            let text = String(decoding: record.payload.prefix(ProtocolLimits.progressBytes), as: UTF8.self)
                .unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value) }
            events?(.progress(cell: cell, text: String(String.UnicodeScalarView(text))))
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
                                            displays: placedDisplays(cell: next.cell),
                                            seconds: seconds[next.cell],
                                            expectations: expectations[next.cell])))
        }
    }

    /// The runtime's timestamps are CLOCK_MONOTONIC nanoseconds, the engine's own clock.
    private static func time(_ nanoseconds: Int) -> Double {
        nanoseconds >= 0 ? Double(nanoseconds) / 1e9 : Monotonic.seconds()
    }
}

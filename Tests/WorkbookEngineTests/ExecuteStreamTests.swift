import Testing
import WorkbookProtocol
@testable import WorkbookEngine

@Suite("Execute: stream splitting, channel framing, diagnostics")
struct ExecuteStreamTests {
    let key: [UInt8] = Array(0..<16)

    /// The runtime's n-th marker on stdout.
    func marker(_ cell: Int, ordinal: Int, kind: StreamMarker.Kind = .cell) -> [UInt8] {
        StreamMarker.bytes(key: key, stream: 1, ordinal: ordinal, kind: kind, number: cell)
    }

    @Test func markersSplitOutputEvenWhenCutAcrossReads() {
        let stream = Array("before".utf8) + marker(3, ordinal: 0) + Array("three".utf8) + marker(7, ordinal: 1)
            + Array("seven\u{1E}WB".utf8)
        // Every way of cutting the stream in two gives the same split.
        for cut in 0...stream.count {
            var splitter = StreamSplitter(key: key, stream: 1, firstCell: 1, limit: 100)
            splitter.feed(stream[..<cut])
            splitter.feed(stream[cut...])
            splitter.finish()
            #expect(splitter.captured(cell: 1).text == "before")
            #expect(splitter.captured(cell: 3).text == "three")
            #expect(splitter.captured(cell: 7).text == "seven\u{1E}WB")
            #expect(splitter.markersSeen == 2)
        }
    }

    @Test func aMarkerWithTheWrongTagOrOutOfTurnIsPlainOutput() {
        var splitter = StreamSplitter(key: key, stream: 1, firstCell: 0, limit: 100)
        let forged = "\u{1E}WBffffffffffffffff:00000002\n"
        // A real marker, but not the next one (a replay of marker 1 before marker 0).
        let outOfTurn = marker(2, ordinal: 1)
        splitter.feed(Array(forged.utf8)[...] + outOfTurn[...])
        splitter.finish()
        #expect(splitter.captured(cell: 0).text == forged + String(decoding: outOfTurn, as: UTF8.self))
        #expect(splitter.captured(cell: 2).text == "")
        #expect(splitter.markersSeen == 0)
    }

    @Test func displayMarkersRecordWhereInTheCellsOutputTheDisplayWasShown() {
        var splitter = StreamSplitter(key: key, stream: 1, firstCell: 0, limit: 100)
        splitter.feed(marker(4, ordinal: 0)[...] + Array("ab".utf8) + marker(0, ordinal: 1, kind: .display)
                      + Array("cde".utf8) + marker(1, ordinal: 2, kind: .display))
        splitter.finish()
        #expect(splitter.captured(cell: 4).text == "abcde")
        #expect(splitter.displayPositions[0]?.cell == 4 && splitter.displayPositions[0]?.offset == 2)
        #expect(splitter.displayPositions[1]?.offset == 5)
    }

    @Test func limitKeepsFirstBytesAndCountsTheRest() {
        var buffer = CappedBuffer(limit: 4)
        buffer.append(Array("abc".utf8)[...])
        buffer.append(Array("defgh".utf8)[...])
        #expect(buffer.captured == CapturedText(text: "abcd", droppedBytes: 4))
        // A cut inside "é" (2 bytes) drops the orphan lead byte too rather than showing junk.
        var accented = CappedBuffer(limit: 2)
        accented.append(Array("aé".utf8)[...] + Array("zz".utf8))
        #expect(accented.captured == CapturedText(text: "a", droppedBytes: 4))
    }

    @Test func channelRecordsSurviveAnyCut() {
        let html = String(repeating: "<g/>", count: 50_000)
        let records = [
            ChannelRecord(kind: .display, sequence: 0, fields: [0, 3], payload: Array("abc".utf8) + Array(html.utf8)),
            ChannelRecord(kind: .inlineValue, sequence: 1, fields: [4], payload: Array("42".utf8)),
            ChannelRecord(kind: .cellBegin, sequence: 2, fields: [1, 99], payload: []),
        ]
        let bytes = records.flatMap { $0.encoded(key: key) }
        for cut in [0, 1, 5, 7, 100, 199_999, bytes.count - 3, bytes.count] {
            var decoder = RecordDecoder(key: key)
            let decoded = (try? decoder.feed(bytes[..<cut]) + decoder.feed(bytes[cut...])) ?? []
            #expect(decoded == records)
        }
    }

    @Test func diagnosticLinesAreParsed() {
        let output = """
        Chapters/01 intro.md:12:5: error: cannot find 'x' in scope
           print(x)
                 ^
        Chapters/01 intro.md:3:9: warning: initialization of immutable value 'y' was never used
        error: link command failed with exit code 1
        <unknown>:0: error: unable to load standard library
        """
        #expect(DiagnosticParser.parse(output) == [
            Diagnostic(file: "Chapters/01 intro.md", line: 12, column: 5, severity: "error", message: "cannot find 'x' in scope"),
            Diagnostic(file: "Chapters/01 intro.md", line: 3, column: 9, severity: "warning",
                       message: "initialization of immutable value 'y' was never used"),
            Diagnostic(file: "", line: 0, column: 0, severity: "error", message: "link command failed with exit code 1"),
            Diagnostic(file: "<unknown>", line: 0, column: 0, severity: "error", message: "unable to load standard library"),
        ])
    }

    @Test func runtimeReportIsSplitFromTheProgramsOwnStderr() {
        let stderr = """
            careful: a warning
            Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range
            Current stack trace:
            0    libswiftCore.so                    0x00007f50bb35f130 swift_reportError + 33
            5    chapter                            0x000056075ae20f55 <unavailable> + 3925

            """
        let split = RuntimeReport(stderr: stderr)
        #expect(split.programOutput == "careful: a warning\n")
        #expect(split.report == """
            Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range
            Current stack trace:
            0    libswiftCore.so                    swift_reportError + 33
            5    chapter                            <unavailable> + 3925
            """)
        let quiet = RuntimeReport(stderr: "just a warning\n")
        #expect(quiet.programOutput == "just a warning\n")
        #expect(quiet.report == nil)
    }

    @Test func trapMessagesComeFromTheRuntimeOrTheSignal() {
        #expect(TrapMessage.describe(exit: .signaled(4), stderr: "Swift/Array.swift:10: Fatal error: Index out of range\n")
                == "Fatal error: Index out of range")
        #expect(TrapMessage.describe(exit: .signaled(11), stderr: "") == "killed by signal 11 (SIGSEGV)")
        #expect(TrapMessage.describe(exit: .exited(3), stderr: "") == "the program exited with status 3 before the chapter ended")
    }
}

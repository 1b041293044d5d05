import Testing
@testable import WorkbookEngine

@Suite("Execute: stream splitting, channel framing, diagnostics")
struct ExecuteStreamTests {
    let nonce = "0123456789abcdef0123456789abcdef"

    func marker(_ cell: Int) -> [UInt8] { Array("\u{1E}WB\(nonce):\(String(format: "%08d", cell))\n".utf8) }

    @Test func markersSplitOutputEvenWhenCutAcrossReads() {
        let stream = Array("before".utf8) + marker(3) + Array("three".utf8) + marker(7) + Array("seven\u{1E}WB".utf8)
        // Every way of cutting the stream in two gives the same split.
        for cut in 0...stream.count {
            var splitter = StreamSplitter(nonce: nonce, firstCell: 1, limit: 100)
            splitter.feed(stream[..<cut])
            splitter.feed(stream[cut...])
            splitter.finish()
            #expect(splitter.captured(cell: 1).text == "before")
            #expect(splitter.captured(cell: 3).text == "three")
            #expect(splitter.captured(cell: 7).text == "seven\u{1E}WB")
            #expect(splitter.markersSeen == 2)
        }
    }

    @Test func aForgedMarkerWithTheWrongNonceIsPlainOutput() {
        var splitter = StreamSplitter(nonce: nonce, firstCell: 0, limit: 100)
        let forged = "\u{1E}WBffffffffffffffffffffffffffffffff:00000002\n"
        splitter.feed(Array(forged.utf8)[...])
        splitter.finish()
        #expect(splitter.captured(cell: 0).text == forged)
        #expect(splitter.captured(cell: 2).text == "")
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
        let bytes = Array("D 3 \(3 + html.utf8.count)\nabc".utf8) + Array(html.utf8) + Array("I 4 2\n42C 1 99 0\n".utf8)
        for cut in [0, 1, 5, 7, 100, 199_999, bytes.count - 3, bytes.count] {
            var decoder = ChannelDecoder()
            let records = decoder.feed(bytes[..<cut]) + decoder.feed(bytes[cut...])
            #expect(records == [
                ChannelRecord(kind: "D", fields: ["3"], payload: Array("abc".utf8) + Array(html.utf8)),
                ChannelRecord(kind: "I", fields: ["4"], payload: Array("42".utf8)),
                ChannelRecord(kind: "C", fields: ["1", "99"], payload: []),
            ])
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

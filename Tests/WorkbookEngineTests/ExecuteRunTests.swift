import Foundation
import Testing
@testable import WorkbookEngine

@Suite("Execute: running chapters")
struct ExecuteRunTests {
    @Test func sharedStateStreamsInlinesAndSkippedCells() throws {
        let chapter = try ExecuteFixtures.chapter("shared-state")
        let log = EventLog()
        let result = try ExecuteFixtures.run(chapter, events: { log.append($0) })
        #expect(result.status == .passed)
        #expect(result.cells.map(\.status) == [.ok, .ok, .ok, .skipped, .skipped, .ok])
        #expect(result.cells[1].stdout == CapturedText(text: "hello 2\n"))
        #expect(result.cells[2].stdout.text == "20\n")
        #expect(result.cells[2].stderr.text == "to stderr\n")
        #expect(result.cells[1].stderr.text == "")
        #expect(result.cells[5].stdout.text == "last 2\n")
        #expect(result.cells[4].stdout.text == "")
        #expect(result.inlineValues == [0: "20", 1: "HELLO"])
        #expect(result.cells.allSatisfy { $0.status != .ok || $0.seconds != nil })

        let started = log.events.compactMap { event -> Int? in
            if case .cellStarted(let index) = event { return index } else { return nil }
        }
        let finished = log.events.compactMap { event -> CellResult? in
            if case .cellFinished(let cell) = event { return cell } else { return nil }
        }
        #expect(started == [0, 1, 2, 5])
        #expect(finished.map(\.index) == [0, 1, 2, 5])
        #expect(finished.first { $0.index == 1 }?.stdout.text == "hello 2\n")
        if case .compiling = log.events.first {} else { Issue.record("first event is not .compiling") }
    }

    @Test func compileErrorNamesTheMarkdownLineAndCell() throws {
        let chapter = try ExecuteFixtures.chapter("compile-error")
        let result = try ExecuteFixtures.run(chapter)
        let wrongLine = try #require(ExecuteFixtures.line(of: "let wrong", in: chapter.source))
        #expect(result.status == .failedToCompile)
        #expect(result.cells.map(\.status) == [.notRun, .compileError, .notRun])
        let error = try #require(result.cells[1].diagnostics.first { $0.severity == "error" })
        #expect(error.file == "Fixtures/execute/compile-error.md")
        #expect(error.line == wrongLine)
        #expect(error.message.contains("cannot convert value of type 'String'"))
        #expect(result.cells[0].diagnostics.allSatisfy { $0.severity != "error" })
    }

    @Test func trapKeepsEarlierOutputAndStopsLaterCells() throws {
        let result = try ExecuteFixtures.run("trap")
        #expect(result.status == .crashed)
        #expect(result.cells.map(\.status) == [.ok, .crashed, .notRun])
        #expect(result.cells[0].stdout.text == "first cell\n")
        // Unbuffered in the child: even a line without its newline survives the crash.
        #expect(result.cells[1].stdout.text == "before the trap\nno newline yet")
        #expect(result.cells[1].trapMessage == "Fatal error: Index out of range")
        #expect(result.cells[2].stdout.text == "")
    }

    @Test func theRuntimesStackTraceIsKeptApartFromTheCellsStderr() throws {
        let cell = try ExecuteFixtures.run("trap").cells[1]
        // What the program wrote stays; the runtime's report moves out of stderr.
        #expect(cell.stderr.text == "a warning of its own\n")
        let report = try #require(cell.crashReport)
        let lines = report.split(separator: "\n")
        #expect(lines.first?.hasSuffix(": Fatal error: Index out of range") == true)
        #expect(lines.dropFirst().first == "Current stack trace:")
        #expect(lines.count > 2)
        // Frame addresses change from run to run; the page must not.
        #expect(!report.contains("0x"))
    }

    @Test func signalIsNamed() throws {
        let result = try ExecuteFixtures.run("signal")
        #expect(result.status == .crashed)
        #expect(result.cells.map(\.status) == [.crashed, .notRun])
        #expect(result.cells[0].stdout.text == "about to die\n")
        #expect(result.cells[0].trapMessage == "killed by signal 11 (SIGSEGV)")
    }

    @Test func timeoutKillsTheCellAndKeepsItsOutput() throws {
        let result = try ExecuteFixtures.run("timeout")
        #expect(result.status == .timedOut)
        #expect(result.cells.map(\.status) == [.ok, .timedOut, .notRun])
        #expect(result.cells[1].stdout.text == "spinning\n")
        #expect(result.cells[1].trapMessage == "timed out after 1 s")
        let seconds = try #require(result.cells[1].seconds)
        #expect(seconds >= 1 && seconds < 10)
    }

    @Test func outputPastTheLimitIsCountedNotKept() throws {
        let result = try ExecuteFixtures.run("chatty")
        #expect(result.status == .passed)
        let stdout = result.cells[0].stdout
        #expect(stdout.text.utf8.count == 1 << 20)
        #expect(stdout.droppedBytes == (5 << 20) - (1 << 20))
        #expect(stdout.text.allSatisfy { $0 == "x" })
        #expect(result.cells[0].stderr == CapturedText(text: "err"))
        #expect(result.cells[1].stdout == CapturedText(text: "small\n"))
    }

    @Test func displaysTravelApartFromStdout() throws {
        let result = try ExecuteFixtures.run("display")
        #expect(result.status == .passed)
        #expect(result.cells[0].stdout.text == "plain text stays on stdout\n")
        // Placed after the 27 bytes printed before it; its HTML rebuilt by the sanitiser.
        #expect(result.cells[0].displays == [DisplayItem(text: "[plot]", html: "<svg width=\"10\"></svg>", outputOffset: 27)])
        let big = try #require(result.cells[1].displays.first)
        let size = (500_000 / 7 + 1) * 7
        #expect(big.text == "big")
        #expect(big.html == String(repeating: "<rect></rect>", count: 500_000 / 7 + 1))
        #expect(result.cells[1].stdout.text == "\(size)\n")
    }

    @Test func compileFailCellThatFailsIsExpected() throws {
        let chapter = try ExecuteFixtures.chapter("compile-fail")
        let result = try ExecuteFixtures.run(chapter)
        #expect(result.status == .passed)
        #expect(result.cells.map(\.status) == [.ok, .failedToCompileAsExpected, .ok])
        #expect(result.cells[2].stdout.text == "2\n")
        let error = try #require(result.cells[1].diagnostics.first { $0.severity == "error" })
        #expect(error.line == ExecuteFixtures.line(of: "n = 2", in: chapter.source))
        #expect(error.message.contains("let"))
    }

    @Test func compileFailCellThatCompilesFailsTheChapter() throws {
        let result = try ExecuteFixtures.run("compile-fail-unexpected")
        #expect(result.status == .failed)
        #expect(result.cells.map(\.status) == [.ok, .compiledUnexpectedly])
    }

    @Test func sameChapterTwiceGivesEqualResults() throws {
        let chapter = try ExecuteFixtures.chapter("shared-state")
        let first = try ExecuteFixtures.run(chapter)
        let second = try ExecuteFixtures.run(chapter)
        #expect(ExecuteFixtures.withoutTimings(first) == ExecuteFixtures.withoutTimings(second))
    }

    @Test func invalidUTF8OutputIsRepaired() throws {
        let chapter = try ExecuteFixtures.chapter("shared-state") { _ in
            "# Bytes\n\n```swift\nimport Foundation\nFileHandle.standardOutput.write(Data([0x61, 0xFF, 0x62, 0x0A]))\n```\n"
        }
        let result = try ExecuteFixtures.run(chapter)
        #expect(result.status == .passed)
        #expect(result.cells[0].stdout.text == "a\u{FFFD}b\n")
    }

    // Issue 14: a training loop's progress reaches the live line through the engine channel.
    @Test func trainingProgressArrivesAsEventsAndStaysOffThePage() throws {
        let chapter = try ChapterParser.parse(path: "Chapters/ch.md", bytes: Array("""
            ```swift
            let reporter = ProgressReporter(total: 4, label: "epochs")
            for epoch in 1...4 { reporter.update(epoch, message: "loss \\(5 - epoch)") }
            print("trained")
            ```

            """.utf8))
        let log = EventLog()
        let result = try ExecuteFixtures.run(chapter, events: { log.append($0) })
        #expect(result.status == .passed)
        let progress = log.events.compactMap { event -> String? in
            if case .progress(let cell, let text) = event, cell == 0 { return text } else { return nil }
        }
        #expect(progress == ["epochs 1/4 loss 4", "epochs 2/4 loss 3", "epochs 3/4 loss 2", "epochs 4/4 loss 1"])
        #expect(result.cells[0].stdout.text == "trained\n")
        #expect(result.cells[0].stderr.text == "")
    }

    @Test func inlineExpressionThatDoesNotCompileNamesItsProseLine() throws {
        let chapter = try ExecuteFixtures.chapter("shared-state") {
            $0.replacingOccurrences(of: "`{swift} greeting.uppercased()`", with: "`{swift} greting`")
        }
        let result = try ExecuteFixtures.run(chapter)
        // Issue 14: the typo costs only that value; every cell still runs, and the chapter fails.
        #expect(result.status == .failed)
        #expect(result.cells.map(\.status) == [.ok, .ok, .ok, .skipped, .skipped, .ok])
        #expect(result.cells[5].stdout.text == "last 2\n")
        // Both inline values share the typo's line, and a diagnostic names only the line.
        #expect(result.inlineValues == [0: "(does not compile)", 1: "(does not compile)"])
        let error = try #require(result.diagnostics.first { $0.severity == "error" })
        #expect(error.file == chapter.path)
        #expect(error.line == ExecuteFixtures.line(of: "greting", in: chapter.source))
        #expect(error.message.contains("greting"))
    }

    @Test func timeoutEventsReportTheKilledCell() throws {
        let log = EventLog()
        let result = try ExecuteFixtures.run(ExecuteFixtures.chapter("timeout"), events: { log.append($0) })
        let finished = log.events.compactMap { event -> CellResult? in
            if case .cellFinished(let cell) = event { return cell } else { return nil }
        }
        #expect(finished.map(\.status) == [.ok, .timedOut])
        #expect(finished.last == result.cells[1])
    }
}

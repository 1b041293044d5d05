import Foundation
import Testing
@testable import WorkbookEngine

@Suite("Execute: runtime edges")
struct ExecuteRuntimeTests {
    func chapter(_ markdown: String) throws -> Chapter {
        try ChapterParser.parse(path: "edge.md", bytes: Array(markdown.utf8))
    }

    @Test func outsideTheEngineDisplaysPrintTheirTextAndMarkersVanish() throws {
        let toolchain = try ExecuteFixtures.toolchainOrFail()
        let chapter = try chapter("""
        # Outside

        ```swift
        import WorkbookRuntime
        Notebook.display(text: "[plot]", html: "<svg/>")
        Notebook.recordDependency(path: "data.csv")
        ```

        ```swift
        print("done")
        ```

        Value `{swift} 6 * 7`.
        """)
        let plan = Planner.plan(chapter, toolchain: toolchain, options: RunOptions())
        let folder = NSTemporaryDirectory() + "/workbook-outside-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let compiler = ChapterCompiler(toolchain: toolchain, directory: folder)
        #expect(compiler.compileAll(plan).main?.succeeded == true)
        let run = try ProcessRunner.run(executable: compiler.executablePath, arguments: [])
        #expect(run.exit == .exited(0))
        #expect(String(decoding: run.stdout, as: UTF8.self) == "[plot]\ndone\n")
        #expect(run.stderr.isEmpty)
    }

    @Test func somethingLeftRunningDoesNotHoldTheChapterUp() throws {
        let result = try ExecuteFixtures.run(chapter("""
        # Leaves a process behind

        ```swift
        import Foundation
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["20"]
        try sleeper.run()
        print("started")
        ```
        """))
        #expect(result.status == .passed)
        #expect(result.cells[0].stdout.text == "started\n")
        // Far below the sleeper's 20 s: the engine did not wait for it.
        #expect(try #require(result.runSeconds) < 10)
    }

    @Test func chapterWithNothingToRunCompilesOnlyItsChecks() throws {
        let result = try ExecuteFixtures.run(chapter("""
        # Only a check

        ```swift skip
        not compiled
        ```

        ```swift compile-fail
        let x: Int = "text"
        ```
        """))
        #expect(result.status == .passed)
        #expect(result.cells.map(\.status) == [.skipped, .failedToCompileAsExpected])
        #expect(result.compileSeconds == nil && result.runSeconds == nil)
        #expect(result.cells[1].diagnostics.first?.line == 8)
    }

    @Test func compileFailCellsCanCallTheChecksAndSoCanTheCellsBeforeThem() throws {
        let result = try ExecuteFixtures.run(chapter("""
        # Checks around compile-fail cells

        ```swift
        expect(1 + 1 == 2, "arithmetic")
        ```

        ```swift compile-fail
        expectEqual(2, 2)
        let fine = 1
        ```

        ```swift compile-fail
        expect(true)
        let wrong: Int = "text"
        ```
        """))
        // Without the runtime, `expect` in the first cell would make every compile-fail "fail".
        #expect(result.cells.map(\.status) == [.ok, .compiledUnexpectedly, .failedToCompileAsExpected])
        let errors = result.cells[2].diagnostics.filter { $0.severity == "error" }
        #expect(errors.map(\.line) == [14])
        #expect(errors.allSatisfy { !$0.message.contains("expect") })
    }

    @Test func exitInACellStopsTheChapterWithItsStatus() throws {
        let result = try ExecuteFixtures.run(chapter("""
        # Exits early

        ```swift
        import Foundation
        print("bye")
        exit(3)
        ```

        ```swift
        print("never")
        ```
        """))
        #expect(result.status == .crashed)
        #expect(result.cells.map(\.status) == [.crashed, .notRun])
        #expect(result.cells[0].stdout.text == "bye\n")
        #expect(result.cells[0].trapMessage == "the program exited with status 3 before the chapter ended")
    }
}

@Suite("Execute: inline expressions that stop the chapter")
struct ExecuteInlineStopTests {
    @Test func trapInAnInlineIsReportedOnItsProseLineNotOnACell() throws {
        let chapter = try ChapterParser.parse(path: "inline.md", bytes: Array("""
        # Inline trap

        ```swift
        let numbers = [1, 2]
        print("fine")
        ```

        The third number is `{swift} numbers[2]`.

        ```swift
        print("never")
        ```
        """.utf8))
        let result = try ExecuteFixtures.run(chapter)
        #expect(result.status == .crashed)
        #expect(result.cells.map(\.status) == [.ok, .notRun])
        #expect(result.cells[0].stdout.text == "fine\n")
        #expect(result.cells[0].stderr.text == "")
        #expect(result.cells[0].trapMessage == nil)
        #expect(result.inlineValues.isEmpty)
        #expect(result.diagnostics == [Diagnostic(
            file: "inline.md", line: 8, column: 0, severity: "error",
            message: "inline expression stopped the chapter: Fatal error: Index out of range")])
    }
}

@Suite("Execute: the engine going away")
struct ExecuteParentDeathTests {
    /// Whether a process is gone (or a zombie waiting to be reaped by whoever adopted it).
    func isGone(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }

    @Test func aChapterProgramDiesWithTheProcessThatStartedIt() throws {
        let toolchain = try ExecuteFixtures.toolchainOrFail()
        let chapter = try ChapterParser.parse(path: "spin.md", bytes: Array("""
        # Spins

        ```swift
        var spins = 0
        while true { spins &+= 1 }
        ```
        """.utf8))
        let plan = Planner.plan(chapter, toolchain: toolchain, options: RunOptions())
        let folder = NSTemporaryDirectory() + "/workbook-orphan-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let compiler = ChapterCompiler(toolchain: toolchain, directory: folder)
        #expect(compiler.compileAll(plan).main?.succeeded == true)
        // A stand-in engine: starts the program in a session of its own (out of reach of any
        // group kill, as a Ctrl-C'd engine would leave it), then exits under it.
        let script = "WORKBOOK_CHANNEL_FD=3 WORKBOOK_HANDSHAKE_FD=4 setsid '\(compiler.executablePath)' 3>/dev/null 4</dev/zero >/dev/null 2>&1 & echo $!; sleep 1"
        let run = try ProcessRunner.run(executable: "/bin/sh", arguments: ["-c", script])
        let pid = try #require(Int32(String(decoding: run.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        var gone = isGone(pid)
        for _ in 0..<50 where !gone {
            usleep(100_000)
            gone = isGone(pid)
        }
        if !gone { kill(pid, SIGKILL) }
        #expect(gone)
    }
}

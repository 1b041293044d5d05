import Foundation
import Testing
@testable import WorkbookEngine

/// The kernel on small chapters: what it resumes, what it refuses, and that each result equals
/// a fresh full run's.
@Suite("Kernel: resuming from checkpoints", .serialized)
struct KernelRunTests {
    /// A chapter whose first cell leaves a mark in `log` each time it runs.
    static func chapter(log: String, last: String) -> String {
        """
        # Resume

        ```swift
        import Foundation
        var total = 0
        let log = FileHandle(forWritingAtPath: "\(log)")!
        log.seekToEndOfFile()
        log.write("first cell ran\\n".data(using: .utf8)!)
        func square(_ x: Int) -> Int { x * x }
        func describe(_ x: Any) -> String { "any \\(x)" }
        print("first")
        ```

        Total so far: `{swift} total`.

        ```swift
        total += square(3)
        print("second", describe(total))
        ```

        ```swift
        \(last)
        ```

        """
    }

    struct Setup {
        let folder: String
        let log: String
        let path: String
        let toolchain: Toolchain
        var options = RunOptions()

        init() throws {
            folder = try makeScratchFolder(["log.txt": ""])
            log = folder + "/log.txt"
            path = folder + "/01-resume.md"
            toolchain = try pipelineToolchain()
            options.useCache = false
            // The kernel keeps checkpoints only outside the sandbox (see Kernel.run).
            options.sandbox = .off
        }

        func run(_ source: String, kernel: Kernel?) throws -> ChapterResult {
            try Data(source.utf8).write(to: URL(fileURLWithPath: path))
            let chapter = try Workbook.loadChapter(path)
            let plan = Planner.plan(chapter, toolchain: toolchain, options: options)
            let runner: ChapterRunner = kernel ?? FullRunner()
            var result = runner.run(plan, chapter: chapter, toolchain: toolchain, options: options, events: nil)
            // Wall times differ from run to run; everything else must not.
            result.compileSeconds = nil
            result.runSeconds = nil
            result.fromCache = false
            for index in result.cells.indices { result.cells[index].seconds = nil }
            return result
        }

        var firstCellRuns: Int {
            (readText(log) ?? "").components(separatedBy: "first cell ran").count - 1
        }
    }

    @Test func anEditToTheLastCellRunsOnlyThatCell() throws {
        let setup = try Setup()
        let kernel = Kernel()
        defer { kernel.shutDown(); try? FileManager.default.removeItem(atPath: setup.folder) }
        _ = try setup.run(Self.chapter(log: setup.log, last: "print(\"third\", total)"), kernel: kernel)
        #expect(setup.firstCellRuns == 1)
        let edited = Self.chapter(log: setup.log, last: "print(\"third, edited\", total + square(2))")
        let resumed = try setup.run(edited, kernel: kernel)
        #expect(setup.firstCellRuns == 1, "the first cell ran again")
        #expect(kernel.statistics.resumedRuns == 1, "fell back \(kernel.statistics.fallbacks) times")
        #expect(resumed.cells[2].stdout.text == "third, edited 13\n")
        #expect(resumed.cells[0].stdout.text == "first\n")
        #expect(resumed.inlineValues == [0: "0"])
        let fresh = try setup.run(edited, kernel: nil)
        #expect(resumed == fresh)
    }

    @Test func aStateChangeInTheResumedCellsStaysInThatRun() throws {
        let setup = try Setup()
        let kernel = Kernel()
        defer { kernel.shutDown(); try? FileManager.default.removeItem(atPath: setup.folder) }
        _ = try setup.run(Self.chapter(log: setup.log, last: "total += 100\nprint(total)"), kernel: kernel)
        // Each resume starts from the checkpoint's state, not from the last resume's.
        let first = try setup.run(Self.chapter(log: setup.log, last: "total += 1\nprint(total)"), kernel: kernel)
        let second = try setup.run(Self.chapter(log: setup.log, last: "total += 2\nprint(total)"), kernel: kernel)
        #expect(first.cells[2].stdout.text == "10\n")
        #expect(second.cells[2].stdout.text == "11\n")
        #expect(kernel.statistics.resumedRuns == 2)
    }

    @Test func aLaterDeclarationAnEarlierCellCouldSeeRunsEverythingAgain() throws {
        let setup = try Setup()
        let kernel = Kernel()
        defer { kernel.shutDown(); try? FileManager.default.removeItem(atPath: setup.folder) }
        _ = try setup.run(Self.chapter(log: setup.log, last: "print(total)"), kernel: kernel)
        // A later overload changes what the second cell calls, in a fresh run.
        let overload = Self.chapter(log: setup.log, last: "func describe(_ x: Int) -> String { \"int \\(x)\" }")
        let result = try setup.run(overload, kernel: kernel)
        #expect(result.cells[1].stdout.text == "second int 9\n")
        #expect(kernel.statistics.resumedRuns == 0)
        #expect(setup.firstCellRuns == 2)
        #expect(result == (try setup.run(overload, kernel: nil)))
    }

    @Test func aSuffixThatDoesNotCompileFallsBackAndNamesTheMarkdownLine() throws {
        let setup = try Setup()
        let kernel = Kernel()
        defer { kernel.shutDown(); try? FileManager.default.removeItem(atPath: setup.folder) }
        _ = try setup.run(Self.chapter(log: setup.log, last: "print(total)"), kernel: kernel)
        let broken = Self.chapter(log: setup.log, last: "let wrong: Int = \"text\"")
        let result = try setup.run(broken, kernel: kernel)
        #expect(kernel.statistics.fallbacks == 1)
        #expect(result.status == .failedToCompile)
        let error = try #require(result.cells[2].diagnostics.first { $0.severity == "error" })
        #expect(error.file == setup.path)
        #expect(error.line == broken.components(separatedBy: "\n").firstIndex { $0.contains("let wrong") }! + 1)
        #expect(result == (try setup.run(broken, kernel: nil)))
    }

    /// `grade` (the sandbox required) resumes no student from a checkpoint another's code could
    /// reach: it runs every chapter from the top; `build` and `check` in the sandbox use the kernel.
    @Test func sandboxedGradingRunsFromTheTopAndSandboxedBuildsUseTheKernel() {
        var grading = RunOptions()
        grading.kernel = .inProcess
        grading.sandbox = .required
        #expect(grading.runner is FullRunner)
        var building = grading
        building.sandbox = .preferred
        #expect(building.runner is Kernel)
        var unsandboxedGrading = grading
        unsandboxedGrading.sandbox = .off
        #expect(unsandboxedGrading.runner is Kernel)
    }

    /// State kept outside the sandbox must never run a sandboxed edit, nor the reverse.
    @Test func aCheckpointKeyDependsOnTheSandbox() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(atPath: setup.folder) }
        try Data(Self.chapter(log: setup.log, last: "print(total)").utf8).write(to: URL(fileURLWithPath: setup.path))
        let chapter = try Workbook.loadChapter(setup.path)
        var sandboxed = setup.options
        sandboxed.sandbox = .required
        let plan = Planner.plan(chapter, toolchain: setup.toolchain, options: setup.options)
        let outside = CheckpointKey.compute(chapter: chapter, plan: plan, boundary: 1, toolchain: setup.toolchain, options: setup.options)
        let inside = CheckpointKey.compute(chapter: chapter, plan: plan, boundary: 1, toolchain: setup.toolchain, options: sandboxed)
        #expect(outside != inside)
    }

    /// Inside the sandbox the checkpoints are the sandbox's own processes: the edited cell
    /// resumes there, and the page is what a fresh sandboxed run gives.
    /// Processor time (user + system, clock ticks) a process has used so far.
    static func ticks(of pid: Int32) -> Int {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        // After "pid (comm) ": field 3 is the state; utime and stime are fields 14 and 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
    }

    /// A sandboxed checkpoint waits for the fork that went on; that fork becomes the next
    /// checkpoint and never ends. Looked at every 5 ms, each checkpoint woke 200 times a second
    /// for as long as it lived (chapter 7's 37 checkpoints: 15% of a processor and a load
    /// average of several, for nothing); now a checkpoint sleeps until something happens.
    @Test func sandboxedCheckpointsSleepBetweenRuns() throws {
        var setup = try Setup()
        setup.options.sandbox = .preferred
        try #require(Sandbox.unavailableReason == nil, "bubblewrap cannot start here")
        let kernel = Kernel()
        defer { kernel.shutDown(); try? FileManager.default.removeItem(atPath: setup.folder) }
        var cells = "# Idle\n\n"
        for number in 1...11 { cells += "```swift\nprint(\(number))\n```\n\n" }
        #expect(try setup.run(cells, kernel: kernel).status == .passed)
        let pids = kernel.checkpointPIDs
        #expect(pids.count == 10)
        Thread.sleep(forTimeInterval: 0.3)
        let before = pids.map(Self.ticks(of:)).reduce(0, +)
        Thread.sleep(forTimeInterval: 2)
        let used = pids.map(Self.ticks(of:)).reduce(0, +) - before
        // Clock ticks are 1/100 s: 10 checkpoints looking every 5 ms used about 8 in 2 s.
        #expect(used <= 1, "checkpoints used \(used) ticks of processor time in 2 s while idle")
    }

    @Test func insideTheSandboxAnEditToTheLastCellResumesInASandboxedCheckpoint() throws {
        var setup = try Setup()
        setup.options.sandbox = .preferred
        try #require(Sandbox.unavailableReason == nil, "bubblewrap cannot start here")
        let kernel = Kernel()
        defer { kernel.shutDown(); try? FileManager.default.removeItem(atPath: setup.folder) }
        // No log file: the sandbox sees nothing of the scratch folder.
        let source = { (last: String) in
            "# Resume\n\n```swift\nvar total = 0\nfunc square(_ x: Int) -> Int { x * x }\nprint(\"first\")\n```\n\n"
                + "```swift\ntotal += square(3)\nprint(\"second\", total)\n```\n\n```swift\n\(last)\n```\n"
        }
        let first = try setup.run(source("print(\"third\", total)"), kernel: kernel)
        #expect(first.status == .passed)
        #expect(kernel.statistics.checkpointsHeld == 2)
        // The checkpoints live in another PID namespace than ours: the sandbox's.
        let pids = kernel.checkpointPIDs
        #expect(pids.count == 2 && pids.allSatisfy { $0 > 0 })
        let ours = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/ns/pid")
        for pid in pids {
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/ns/pid")) != ours)
        }

        let edited = source("total += 1\nprint(\"third\", total * 2)")
        let resumed = try setup.run(edited, kernel: kernel)
        #expect(kernel.statistics.resumedRuns == 1)
        #expect(resumed.cells[2].stdout.text == "third 20\n")
        #expect(resumed == (try setup.run(edited, kernel: nil)))

        // A resumed cell past its time limit is killed by its checkpoint, like a fresh run's.
        let looping = source("print(\"looping\")\nwhile total > 0 { total += 1; if total == -1 { break } }")
            .replacingOccurrences(of: "```swift\nprint(\"looping", with: "```swift timeout=1\nprint(\"looping")
        let timedOut = try setup.run(looping, kernel: kernel)
        #expect(kernel.statistics.resumedRuns == 2)
        #expect(timedOut.cells[2].status == .timedOut)
        let freshTimedOut = try setup.run(looping, kernel: nil)
        #expect(timedOut == freshTimedOut, "\(timedOut)\n\(freshTimedOut)")
        // The checkpoint survived its fork's kill and serves the next edit.
        _ = try setup.run(source("print(total + 5)"), kernel: kernel)
        #expect(kernel.statistics.resumedRuns == 3)
    }

    @Test func aTrapInAFullRunThatKeepsCheckpointsIsReportedAsAFreshRunReportsIt() throws {
        let setup = try Setup()
        let kernel = Kernel()
        defer { kernel.shutDown(); try? FileManager.default.removeItem(atPath: setup.folder) }
        // The trap is inside a function of the chapter's: a fresh run maps that frame to its line.
        let crashing = Self.chapter(log: setup.log, last: "func pick(_ xs: [Int]) -> Int {\n    xs[total]\n}\nprint(pick([1]))")
        let result = try setup.run(crashing, kernel: kernel)
        let fresh = try setup.run(crashing, kernel: nil)
        #expect(result.status == .crashed)
        #expect(fresh.cells[2].trapLine == 23)
        #expect(result == fresh)
        // The checkpoints before the trapping cell are kept all the same.
        #expect(kernel.statistics.checkpointsHeld == 2)
    }

    @Test func aCrashInTheResumedCellsGivesTheFreshRunsReport() throws {
        let setup = try Setup()
        let kernel = Kernel()
        defer { kernel.shutDown(); try? FileManager.default.removeItem(atPath: setup.folder) }
        _ = try setup.run(Self.chapter(log: setup.log, last: "print(total)"), kernel: kernel)
        let crashing = Self.chapter(log: setup.log, last: "let xs = [1]\nprint(\"before\")\nprint(xs[total])")
        let result = try setup.run(crashing, kernel: kernel)
        #expect(result.status == .crashed)
        #expect(result.cells[2].trapMessage == "Fatal error: Index out of range")
        #expect(result == (try setup.run(crashing, kernel: nil)))
    }

    @Test func aChangedDataFileEndsTheCheckpointsAfterTheCellThatReadIt() throws {
        let setup = try Setup()
        let kernel = Kernel()
        defer { kernel.shutDown(); try? FileManager.default.removeItem(atPath: setup.folder) }
        try FileManager.default.createDirectory(atPath: setup.folder + "/Data", withIntermediateDirectories: true)
        let data = setup.folder + "/Data/numbers.txt"
        try Data("abc".utf8).write(to: URL(fileURLWithPath: data))
        let reading = """
            import Foundation
            let text = try! String(contentsOfFile: "\(data)", encoding: .utf8)
            Notebook.recordDependency(path: "\(data)")
            """
        func source(_ last: String) -> String {
            Self.chapter(log: setup.log, last: last).replacingOccurrences(of: "import Foundation\n", with: reading + "\n")
        }
        _ = try setup.run(source("print(text)"), kernel: kernel)
        _ = try setup.run(source("print(text, 1)"), kernel: kernel)
        #expect(kernel.statistics.resumedRuns == 1)
        try Data("changed".utf8).write(to: URL(fileURLWithPath: data))
        let result = try setup.run(source("print(text, 2)"), kernel: kernel)
        #expect(kernel.statistics.resumedRuns == 1, "resumed from state that read the old file")
        #expect(result.cells[2].stdout.text == "changed 2\n")
        #expect(result == (try setup.run(source("print(text, 2)"), kernel: nil)))
    }

    @Test func memoryBeyondTheBudgetLetsCheckpointsGo() throws {
        let setup = try Setup()
        let kernel = Kernel()
        defer { kernel.shutDown(); try? FileManager.default.removeItem(atPath: setup.folder) }
        _ = try setup.run(Self.chapter(log: setup.log, last: "print(total)"), kernel: kernel)
        #expect(kernel.statistics.checkpointsHeld == 2)
        kernel.evict(budget: 0)
        #expect(kernel.statistics.checkpointsHeld == 0)
        _ = try setup.run(Self.chapter(log: setup.log, last: "print(total, 1)"), kernel: kernel)
        #expect(kernel.statistics.resumedRuns == 0)
        #expect(setup.firstCellRuns == 2)
    }
}

@Suite("Kernel: names that make a checkpoint unsafe")
struct KernelNamesTests {
    @Test func topLevelDeclarationsAndExtensionMembersAreFound() {
        let names = TopLevelNames(code: """
            import Foundation
            let (a, b) = (1, 2)
            var c: [Int] = [a]
            func f(_ x: Int) -> Int { let local = x; return local }
            struct S { var inner = 0 }
            extension Array { func mean() -> Double { 0 } }
            // a comment naming ghost
            print("a string naming phantom \\(a)")
            """)
        #expect(names.declared == ["a", "b", "c", "f", "S", "Array", "mean"])
        #expect(names.imports == ["Foundation"])
        #expect(names.words.isSuperset(of: ["ghost", "phantom", "local", "inner"]))
    }

    @Test func operatorsAndForeignConformancesAffectEverything() {
        #expect(TopLevelNames(code: "func +(a: S, b: S) -> S { a }").declared.contains(TopLevelNames.everything))
        #expect(TopLevelNames(code: "extension Int: P {}").declared.contains(TopLevelNames.everything))
        #expect(!TopLevelNames(code: "struct T {}\nextension T: Equatable {}").declared.contains(TopLevelNames.everything))
    }

    @Test func independenceIsAboutSharedWordsAndNewImports() {
        let prefix = TopLevelNames(code: "import Foundation\nlet x = square(2)")
        #expect(prefix.isIndependent(of: TopLevelNames(code: "let y = 3\nimport Foundation")))
        #expect(!prefix.isIndependent(of: TopLevelNames(code: "func square(_ v: Int) -> Int { v }")))
        #expect(!prefix.isIndependent(of: TopLevelNames(code: "import Dispatch")))
    }
}

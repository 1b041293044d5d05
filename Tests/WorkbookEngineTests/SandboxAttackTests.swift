import Foundation
import Testing
@testable import WorkbookEngine
#if canImport(Glibc)
import Glibc
#endif

/// One test per way a chapter program has tried to lie to the engine or reach past its sandbox.
/// Each chapter is written as a student (or a careless author) would; each failed before the
/// protocol and the sandbox existed.
@Suite("Sandbox: attacks by chapter code", .serialized)
struct SandboxAttackTests {
    /// A course folder `Chapters/NAME.md` + `Data/table.csv` + an `Output/.cache/` with one entry.
    struct Course {
        let root: String
        var chapter: String { root + "/Chapters/attack.md" }
        var cacheEntry: String { root + "/Output/.cache/other.json" }
    }

    func course() throws -> Course {
        let root = try makeScratchFolder(["Data/table.csv": "a,b\n1,2\n", "Output/.cache/other.json": "{\"ok\":1}",
                                          "Chapters/other.md": "# Other\n\nhidden solution\n"])
        return Course(root: URL(fileURLWithPath: root).standardizedFileURL.path)
    }

    func run(_ markdown: String, in course: Course, options: RunOptions = RunOptions(),
             runKinds: Set<CellKind> = Planner.teacherRunKinds) throws -> ChapterResult {
        try markdown.write(toFile: course.chapter, atomically: true, encoding: .utf8)
        let chapter = try Workbook.loadChapter(course.chapter)
        let toolchain = try ExecuteFixtures.toolchainOrFail()
        let plan = Planner.plan(chapter, toolchain: toolchain, options: options, runKinds: runKinds)
        return Executor.run(plan, chapter: chapter, toolchain: toolchain, options: options)
    }

    func sandboxAvailable() -> Bool { Sandbox.unavailableReason == nil }

    // MARK: Forged records

    @Test func aForgedEndRecordLeavesLaterCellsNotRun() throws {
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        let result = try run("""
        # Forged end

        ```swift
        print("first")
        ```

        ```swift
        import Glibc
        let record = Array("X 0 0\\n".utf8)
        _ = write(3, record, record.count)
        _exit(0)
        ```

        ```swift check
        expect(false, "never reached")
        ```

        """, in: course)
        #expect(result.status == .crashed)
        #expect(result.cells.map(\.status) == [.ok, .crashed, .notRun])
        #expect(result.cells[1].trapMessage?.contains("not a record") == true)
    }

    @Test func aWellFormedRecordWithoutTheKeyIsForged() throws {
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        let result = try run("""
        # Forged, well formed

        ```swift
        import Glibc
        // The runtime has sent C (sequence 0); a forged end follows with a guessed tag.
        let record = Array("X 1 0 0 0123456789abcdef\\n".utf8)
        _ = write(3, record, record.count)
        _exit(0)
        ```

        ```swift
        print("later")
        ```

        """, in: course)
        #expect(result.cells.map(\.status) == [.crashed, .notRun])
        #expect(result.cells[0].trapMessage == "stopped: the program wrote a forged record to the engine channel (its tag does not match)")
    }

    @Test func cellsThatBeginOutOfPlanOrderStopTheChapter() throws {
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        // An exercise that opens a block the next answer closes: the check between never runs.
        let skipped = try run("""
        # Skips a check

        ```swift
        let never = false
        if never {
        ```

        ```swift check
        expect(false, "the check")
        ```

        ```swift
        }
        ```

        ```swift
        print("after")
        ```

        """, in: course)
        #expect(skipped.cells.map(\.status) == [.crashed, .notRun, .notRun, .notRun])
        #expect(skipped.cells[0].trapMessage == "stopped: a cell began out of order (cell 4, expected cell 2)")
        // And one that runs a check twice.
        let repeated = try run("""
        # Repeats a cell

        ```swift
        for _ in 0..<2 {
        ```

        ```swift
        print("twice")
        ```

        ```swift
        }
        ```

        """, in: course)
        #expect(repeated.status == .crashed)
        #expect(repeated.cells[2].trapMessage == "stopped: a cell began out of order (cell 2, expected no further cell)")
    }

    @Test func chapterCodeCannotGetTheGluesSession() throws {
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        let result = try run("""
        # Public API forging

        ```swift
        import WorkbookRuntime
        let mine = ChapterSession.start()
        mine.end()
        ```

        ```swift
        print("later")
        ```

        """, in: course)
        #expect(result.cells.map(\.status) == [.crashed, .notRun])
        #expect(result.cells[0].trapMessage?.contains("ChapterSession.start() is for the generated program") == true)
    }

    // MARK: Flooding the channel

    @Test func aDisplayOverItsLimitEndsTheProgramWithAClearMessage() throws {
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        let result = try run("""
        # Flood

        ```swift
        import WorkbookRuntime
        Notebook.display(text: "big", html: String(repeating: "x", count: 9 << 20))
        ```

        ```swift
        print("later")
        ```

        """, in: course)
        #expect(result.cells.map(\.status) == [.crashed, .notRun])
        #expect(result.cells[0].trapMessage?.contains("larger than the 8388608 bytes (8 MiB) one may have") == true)
        #expect(result.cells[0].displays.isEmpty)
    }

    @Test func aRawFloodIsRefusedFromItsHeader() throws {
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        let result = try run("""
        # Raw flood

        ```swift
        import Glibc
        let header = Array("D 1 0 0 4294967296 0123456789abcdef\\n".utf8)
        _ = write(3, header, header.count)
        let chunk = [UInt8](repeating: 120, count: 1 << 20)
        for _ in 0..<64 { _ = write(3, chunk, chunk.count) }
        print("wrote")
        ```

        """, in: course)
        #expect(result.cells[0].status == .crashed)
        #expect(result.cells[0].trapMessage?.contains("display of 4294967296 bytes") == true)
    }

    @Test func aDependencyOutsideTheDataFolderIsNeverRead() throws {
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        let result = try run("""
        # Dependencies

        ```swift
        import WorkbookRuntime
        Notebook.recordDependency(path: "/dev/zero")
        Notebook.recordDependency(path: "../\(URL(fileURLWithPath: course.root).lastPathComponent)/Chapters/other.md")
        Notebook.recordDependency(path: "Data/table.csv")
        ```

        """, in: course)
        #expect(result.status == .passed)
        let real = URL(fileURLWithPath: course.root).resolvingSymlinksInPath().path
        #expect(result.dependencies["/dev/zero"] == FileHash.missing)
        #expect(result.dependencies[real + "/Chapters/other.md"] == FileHash.missing)
        #expect(result.dependencies[real + "/Data/table.csv"] == FileHash.sha256(ofFile: real + "/Data/table.csv"))
        #expect(result.dependencies[real + "/Data/table.csv"] != FileHash.missing)
    }

    // MARK: Displays

    @Test func aRawScriptInADisplayNeverReachesThePage() throws {
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        let result = try run("""
        # Script

        ```swift
        import WorkbookRuntime
        print("before")
        Notebook.display(text: "plot", html: "<script>alert(1)</script><svg onload=\\"alert(2)\\"><rect width=\\"1\\"/></svg>")
        print("after")
        ```

        """, in: course)
        #expect(result.status == .passed)
        #expect(result.cells[0].displays == [DisplayItem(text: "plot", html: "<svg><rect width=\"1\"></rect></svg>",
                                                         outputOffset: 7)])
        #expect(result.cells[0].stdout.text == "before\nafter\n")
    }

    // MARK: The sandbox

    @Test func theChapterHomeOtherChaptersAndTheCacheAreInvisibleButDataIsReadable() throws {
        try #require(sandboxAvailable())
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "/root"
        let result = try run("""
        # Reader

        ```swift
        import Foundation
        let files = FileManager.default
        print(files.contents(atPath: #filePath) == nil)
        print(files.contents(atPath: "\(course.root)/Chapters/other.md") == nil)
        print(files.fileExists(atPath: "\(course.cacheEntry)"))
        print(files.fileExists(atPath: "\(home)"))
        print(try String(contentsOfFile: "Data/table.csv", encoding: .utf8), terminator: "")
        ```

        """, in: course)
        #expect(result.status == .passed)
        #expect(result.cells[0].stdout.text == "true\ntrue\nfalse\nfalse\na,b\n1,2\n")
    }

    @Test func nothingOutsideTheTempFolderCanBeWritten() throws {
        try #require(sandboxAvailable())
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        let result = try run("""
        # Writer

        ```swift
        import Foundation
        let files = FileManager.default
        for path in ["\(course.cacheEntry)", "\(course.root)/Chapters/other.md", "\(course.root)/Data/table.csv"] {
            print(files.createFile(atPath: path, contents: Data("pwned".utf8)))
        }
        // The working folder may take a file, but only inside the sandbox.
        _ = files.createFile(atPath: "\(course.root)/planted.txt", contents: Data("pwned".utf8))
        print(files.createFile(atPath: NSTemporaryDirectory() + "/scratch.txt", contents: Data("ok".utf8)))
        ```

        """, in: course)
        #expect(result.cells[0].stdout.text == "false\nfalse\nfalse\ntrue\n")
        #expect(readText(course.cacheEntry) == "{\"ok\":1}")
        #expect(readText(course.root + "/Chapters/other.md") == "# Other\n\nhidden solution\n")
        #expect(readText(course.root + "/Data/table.csv") == "a,b\n1,2\n")
        #expect(!FileManager.default.fileExists(atPath: course.root + "/planted.txt"))
    }

    @Test func aSetsidDaemonDoesNotOutliveTheRun() throws {
        try #require(sandboxAvailable())
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        let tag = "\(Int.random(in: 100...999)).\(Int.random(in: 100_000...999_999))"
        let result = try run("""
        # Daemon

        ```swift
        import Glibc
        // A daemon in a session of its own, holding none of the engine's pipes.
        _ = system("/usr/bin/setsid -f /bin/sleep \(tag) > /dev/null 2>&1")
        print("started")
        ```

        """, in: course)
        #expect(result.cells[0].stdout.text == "started\n")
        usleep(300_000)
        let survivors = processes(withArgument: tag)
        for pid in survivors { kill(pid, SIGKILL) }
        #expect(survivors.isEmpty)
    }

    @Test func thereIsNoNetwork() throws {
        try #require(sandboxAvailable())
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        // A listener on the engine's loopback: reachable from any unsandboxed process.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, size) == 0 && listen(listener, 1) == 0
                && getsockname(listener, $0, &size) == 0 }
        }
        try #require(bound)
        let port = UInt16(bigEndian: address.sin_port)
        let result = try run("""
        # Network

        ```swift
        import Glibc
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(\(port)).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        print(connected == 0 ? "connected" : "no network")
        ```

        """, in: course)
        #expect(result.cells[0].stdout.text == "no network\n")
    }

    @Test func theKeyIsNotInTheEnvironmentAndTheHandshakeIsClosed() throws {
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        let result = try run("""
        # Environment

        ```swift
        import Foundation
        let environ = (try? String(contentsOfFile: "/proc/self/environ", encoding: .utf8)) ?? ""
        print(environ.contains("NONCE"), environ.contains("KEY"))
        var byte: UInt8 = 0
        print(read(4, &byte, 1) < 0 && errno == EBADF)
        ```

        """, in: course)
        #expect(result.cells[0].stdout.text == "false false\ntrue\n")
    }

    @Test func withoutTheSandboxTheSameChapterSeesEverything() throws {
        // The control for the tests above: --no-sandbox really is different.
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        var options = RunOptions()
        options.sandbox = .off
        let result = try run("""
        # Unsandboxed

        ```swift
        import Foundation
        print(FileManager.default.fileExists(atPath: "\(course.cacheEntry)"))
        print(try String(contentsOfFile: "Data/table.csv", encoding: .utf8), terminator: "")
        ```

        """, in: course, options: options)
        #expect(result.cells[0].stdout.text == "true\na,b\n1,2\n")
    }

    /// Processes whose command line has `argument` (from /proc).
    func processes(withArgument argument: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return data.split(separator: 0).contains { String(decoding: $0, as: UTF8.self) == argument }
        }
    }
}

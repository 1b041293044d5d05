import Foundation
import Testing
@testable import WorkbookEngine
#if canImport(Glibc)
import Glibc
#endif

/// One test per way chapter code has tried to reach past its program: files outside `Data/`,
/// the cache, daemons, the network, the environment, memory. Each fails with the sandbox off
/// (`RunOptions.sandbox = .off`), which is how the engine ran every program before it.
@Suite("Sandbox: attacks by chapter code", .serialized)
struct SandboxAttackTests: AttackSuite {
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

    @Test func theMemoryLimitHolds() throws {
        try #require(sandboxAvailable())
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        var options = RunOptions()
        options.memoryLimit = 256 << 20
        let result = try run("""
        # Memory

        ```swift
        var hog = [UInt8](repeating: 1, count: 512 << 20)
        print(hog.count)
        ```

        """, in: course, options: options)
        #expect(result.cells[0].status == .crashed)
        #expect(result.cells[0].stdout.text == "")
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
}

import Foundation
import Testing
@testable import WorkbookEngine

/// The kernel daemon seen from outside: a command that starts it must still end for whoever
/// waits on it (a test, a CI step, a shell's `$(…)`), and the daemon must hold nothing of the
/// command's: no pipe, no socket, no session.
@Suite(.serialized) struct KernelDaemonTests {
    /// A private socket folder for this test's daemon (short: socket paths are limited to 107 bytes).
    static func kernelFolder() throws -> String {
        let folder = "/tmp/wbk-test-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        return folder
    }

    /// Runs `workbook` as Foundation runs any child (which notices the end when the last holder
    /// of its private socket closes it), giving up after `timeout` seconds instead of hanging.
    static func workbookWithin(_ timeout: Double, _ arguments: [String], in directory: String,
                               environment extra: [String: String]) throws -> (status: Int32?, pid: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pipelineBuildFolder() + "/workbook")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "WORKBOOK_COURSE_DIR")
        environment.removeValue(forKey: "WORKBOOK_NO_KERNEL")
        environment.merge(extra) { _, new in new }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        guard ended.wait(timeout: .now() + timeout) == .success else { return (nil, process.processIdentifier) }
        return (process.terminationStatus, process.processIdentifier)
    }

    /// Fields of /proc/PID/stat after the command name: state, ppid, pgrp, session, …
    static func stat(_ pid: Int32) -> [String] {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return [] }
        return text[text.index(after: close)...].split(separator: " ").map(String.init)
    }

    @Test func aCommandThatStartsTheDaemonEndsForWhoeverWaitsOnIt() throws {
        let scratch = try ExerciseFixtures.scratchCourse()
        let kernel = try Self.kernelFolder()
        let environment = ["WORKBOOK_KERNEL_FOLDER": kernel]
        defer {
            _ = try? ExerciseFixtures.workbook(["kernel", "stop"], in: scratch, environment: environment)
            try? FileManager.default.removeItem(atPath: scratch)
            try? FileManager.default.removeItem(atPath: kernel)
        }
        let check = try Self.workbookWithin(150, ["check", "Chapters", "--no-sandbox"], in: scratch, environment: environment)
        if check.status == nil {
            // What the hang looked like: the command a zombie, its daemon holding Foundation's socket.
            Issue.record("`workbook check` did not end for its waiter within 150 s (state \(Self.stat(check.pid).first ?? "?"))")
        }
        #expect(check.status == 0)

        let status = try ExerciseFixtures.workbook(["kernel", "status"], in: scratch, environment: environment)
        #expect(status.status == 0, "\(status.stdout)\(status.stderr)")
        let pid = Int32(status.stdout.split(separator: " ").dropFirst(2).first ?? "") ?? -1
        #expect(pid > 0)
        let fields = Self.stat(pid)
        // Its own session (setsid), so no terminal or process group signal of the command's reaches it.
        #expect(fields.count > 3 && fields[3] == String(pid), "\(fields)")
        // Only its standard streams and what it opened itself: nothing inherited past fd 2 that
        // is a pipe or a socket it did not make (its listener is the one socket in its folder).
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
        #expect(!descriptors.isEmpty)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/0")) == "/dev/null")
        #expect(FileManager.default.fileExists(atPath: kernel) && ((try? FileManager.default.contentsOfDirectory(atPath: kernel)) ?? [])
            .contains { $0.hasSuffix(".sock") }, "the socket is in the folder WORKBOOK_KERNEL_FOLDER names")

        let stop = try ExerciseFixtures.workbook(["kernel", "stop"], in: scratch, environment: environment)
        #expect(stop.status == 0)
        let after = try ExerciseFixtures.workbook(["kernel", "status"], in: scratch, environment: environment)
        #expect(after.status == 1)
    }

    /// The daemon answers each command on a thread that then ends; the sandboxes holding its
    /// checkpoints must outlive that thread (bubblewrap's --die-with-parent follows the thread
    /// that started it), so the next command resumes.
    @Test func aSandboxedEditResumesThroughTheDaemon() throws {
        try #require(Sandbox.unavailableReason == nil, "bubblewrap cannot start here")
        let chapter = { (last: String) in
            "# Daemon\n\n```swift\nvar total = 0\nprint(\"first\")\n```\n\n```swift\ntotal += 2\nprint(total)\n```\n\n```swift\n\(last)\n```\n"
        }
        let scratch = try makeScratchFolder(["Chapters/01-daemon.md": chapter("print(total)")])
        let kernel = try Self.kernelFolder()
        var environment = ["WORKBOOK_KERNEL_FOLDER": kernel]
        environment["WORKBOOK_NO_KERNEL"] = ""
        defer {
            _ = try? ExerciseFixtures.workbook(["kernel", "stop"], in: scratch, environment: environment)
            try? FileManager.default.removeItem(atPath: scratch)
            try? FileManager.default.removeItem(atPath: kernel)
        }
        let first = try Self.workbookWithin(120, ["build", "Chapters"], in: scratch, environment: environment)
        #expect(first.status == 0)
        try chapter("print(total * 10)").write(toFile: scratch + "/Chapters/01-daemon.md", atomically: true, encoding: .utf8)
        let second = try Self.workbookWithin(120, ["build", "Chapters"], in: scratch, environment: environment)
        #expect(second.status == 0)
        let status = try ExerciseFixtures.workbook(["kernel", "status"], in: scratch, environment: environment)
        #expect(status.stdout.contains("runs: 1 resumed from a checkpoint, 1 from the top"), "\(status.stdout)")
        #expect(readText(scratch + "/Output/01-daemon.html")?.contains("20") == true)
    }
}

import Foundation
import Testing
@testable import WorkbookEngine

/// Every writer goes through one atomic write: through symlinks to their target, mode, owner
/// and line endings kept, temp files of interrupted runs removed on the next start.
@Suite(.serialized) struct SupportAtomicWriteTests {
    static let stale = "# Update\r\n\r\n```swift\r\nprint(\"new\")\r\n```\r\n\r\n```output\r\nold\r\n```\r\n"

    @Test func checkUpdateWritesThroughASymlinkKeepingModeAndCRLF() throws {
        let scratch = try makeScratchFolder(["Real/01-update.md": Self.stale])
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let real = scratch + "/Real/01-update.md"
        try FileManager.default.createDirectory(atPath: scratch + "/Chapters", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch + "/Chapters/01-update.md", withDestinationPath: real)
        #expect(chmod(real, 0o600) == 0)
        let outcome = try ExerciseFixtures.workbook(["check", "--update", "Chapters"], in: scratch)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        // The link is still a link, and its target holds the new text, in CRLF, mode 0600.
        let link = try FileManager.default.attributesOfItem(atPath: scratch + "/Chapters/01-update.md")
        #expect(link[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(readText(real) == Self.stale.replacingOccurrences(of: "\r\nold\r\n", with: "\r\nnew\r\n"))
        var info = stat()
        #expect(stat(real, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch + "/Real") == ["01-update.md"])
        // A second check finds nothing to update: the CRLF block now matches.
        let again = try ExerciseFixtures.workbook(["check", "--update", "Chapters"], in: scratch)
        #expect(again.status == 0)
        #expect(!again.stdout.contains("updated"))
    }

    @Test func atomicWriteKeepsModeAndFollowsLinks() throws {
        let scratch = try makeScratchFolder(["target.txt": "old\n"])
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        #expect(chmod(scratch + "/target.txt", 0o640) == 0)
        try FileManager.default.createSymbolicLink(atPath: scratch + "/link.txt", withDestinationPath: "target.txt")
        try AtomicWrite.write(Array("new\n".utf8), to: scratch + "/link.txt")
        #expect(readText(scratch + "/target.txt") == "new\n")
        var info = stat()
        #expect(lstat(scratch + "/link.txt", &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
        #expect(stat(scratch + "/target.txt", &info) == 0 && info.st_mode & 0o777 == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).sorted() == ["link.txt", "target.txt"])
    }

    @Test(.enabled(if: getuid() == 0, "only root may give a file to another owner"))
    func atomicWriteKeepsTheOwner() throws {
        let scratch = try makeScratchFolder(["theirs.txt": "old\n"])
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        #expect(chown(scratch + "/theirs.txt", 4321, 4322) == 0)
        try AtomicWrite.write(Array("new\n".utf8), to: scratch + "/theirs.txt")
        var info = stat()
        #expect(stat(scratch + "/theirs.txt", &info) == 0)
        #expect(info.st_uid == 4321 && info.st_gid == 4322)
        #expect(readText(scratch + "/theirs.txt") == "new\n")
    }

    @Test func aFailedWriteNamesThePathOnceAndIsAToolFailure() throws {
        let scratch = try makeScratchFolder(["blocker": "a file\n"])
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let target = scratch + "/blocker/out.csv"
        do {
            try AtomicWrite.write(Array("x".utf8), to: target)
            Issue.record("wrote into a file")
        } catch let failure as ToolFailure {
            #expect(failure.message.components(separatedBy: target).count == 2, "\(failure.message)")
        }
    }

    /// A pid that has surely exited: a child we started and waited for.
    static func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func aNewRunRemovesTheTemporariesOfDeadRunsOnly() throws {
        let scratch = try makeScratchFolder(["Chapters/01-a.md": "# A\n\n```swift\nprint(1)\n```\n",
                                             "tmp/keep.txt": "not ours\n"])
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let dead = try Self.deadPID(), alive = getpid()
        let files = FileManager.default
        for pid in [dead, alive] {
            try files.createDirectory(atPath: scratch + "/tmp/workbook-run-\(pid)-abc123/sub", withIntermediateDirectories: true)
            try files.createDirectory(atPath: scratch + "/Output", withIntermediateDirectories: true)
            try Data("half".utf8).write(to: URL(fileURLWithPath: scratch + "/Output/.index.html.workbook-tmp-\(pid)-7"))
        }
        let outcome = try ExerciseFixtures.workbook(["build", "Chapters"], in: scratch,
                                                    environment: ["TMPDIR": scratch + "/tmp"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!files.fileExists(atPath: scratch + "/tmp/workbook-run-\(dead)-abc123"))
        #expect(files.fileExists(atPath: scratch + "/tmp/workbook-run-\(alive)-abc123"))
        #expect(files.fileExists(atPath: scratch + "/tmp/keep.txt"))
        #expect(!files.fileExists(atPath: scratch + "/Output/.index.html.workbook-tmp-\(dead)-7"))
        #expect(files.fileExists(atPath: scratch + "/Output/.index.html.workbook-tmp-\(alive)-7"))
        // The build's own temporary folders are gone when it ends.
        let left = try files.contentsOfDirectory(atPath: scratch + "/tmp").filter { $0.hasPrefix("workbook-run-") }
        #expect(left == ["workbook-run-\(alive)-abc123"])
    }
}

/// Points that are not finite (or sum to infinity) are bad input, never `{}` with exit 0.
@Suite struct ExercisePointsTests {
    @Test func pointsThatSumToInfinityAreAnInputError() throws {
        let chapter = "# Big\n\n```swift exercise id=a\nlet a = 1\n```\n\n"
            + "```swift check id=a points=1e308\nexpect(a == 1)\n```\n\n"
            + "```swift check id=a points=1e308\nexpect(a == 1)\n```\n"
        let scratch = try makeScratchFolder(["Chapters/01-big.md": chapter])
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let outcome = try ExerciseFixtures.workbook(["check", "--format", "json"], in: scratch)
        #expect(outcome.status == 2, "\(outcome.stdout)")
        #expect(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines) != "{}")
        #expect(outcome.stderr.hasPrefix("Chapters/01-big.md:3: error: "), "\(outcome.stderr)")
    }

    @Test func infinitePointsAreAnInputError() throws {
        #expect(ExerciseFixtures.exerciseError("```swift exercise id=a\n```\n\n```swift check id=a points=inf\n```\n")?
            .contains("4: error: points must be a finite") == true)
    }
}

@Suite("Support: temp folders of interrupted runs")
struct StaleTemporaryFolderTests {
    @Test func foldersOfDeadRunsAreRemovedOthersKept() throws {
        let folder = NSTemporaryDirectory() + "/stale-sweep-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A pid that cannot be running (above the kernel's pid_max), this process, and a stranger's folder.
        let dead = folder + "/workbook-run-99999999-abc123"
        let mine = folder + "/workbook-run-\(getpid())-abc123"
        let other = folder + "/someone-else"
        for path in [dead, mine, other] {
            try FileManager.default.createDirectory(atPath: path + "/inner", withIntermediateDirectories: true)
        }
        StaleTemporaries.sweepFolders(in: folder)
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: mine))
        #expect(FileManager.default.fileExists(atPath: other))
    }
}

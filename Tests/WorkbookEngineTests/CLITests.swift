import Foundation
import Testing
@testable import WorkbookEngine

/// The `workbook` executable end to end: exit statuses, error lines, what it writes.
/// It must be built in the same build folder as these tests (`swift build` then `swift test`,
/// or plain `swift test`, which builds every product).
@Suite(.serialized) struct CLITests {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    private func workbook(_ arguments: [String], in directory: String) throws -> Outcome {
        let executable = pipelineBuildFolder() + "/workbook"
        try #require(FileManager.default.isExecutableFile(atPath: executable),
                     "build the workbook executable first: swift build --product workbook")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "WORKBOOK_COURSE_DIR")
        environment["WORKBOOK_NO_KERNEL"] = "1"  // no daemon outlives a test
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both before waiting so a chatty child never blocks on a full pipe.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let stderrDone = DispatchSemaphore(value: 0)
        Thread {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            stderrDone.signal()
        }.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        stderrDone.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test func missingPathIsOneErrorLineAndStatus2() throws {
        let folder = try makeScratchFolder([:])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try workbook(["build", "Chapters/nope.md"], in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "error: Chapters/nope.md: no such file or directory\n")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/Output"))
    }

    @Test func badInputNamesFileAndLineAndWritesNothing() throws {
        let folder = try makeScratchFolder(["Chapters/01-ok.md": SampleChapters.passing,
                                            "Chapters/02-bad.md": SampleChapters.badAttribute,
                                            "Chapters/03-utf.md": "# T\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try workbook(["build"], in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "Chapters/02-bad.md:3: error: unknown cell attribute 'fast' (valid: "
                + CellAttributes.validWords.joined(separator: ", ") + ")\n")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/Output"))

        try Data([0x23, 0x20, 0x54, 0x0A, 0x0A, 0xC0, 0xAF, 0x0A]).write(to: URL(fileURLWithPath: "\(folder)/Chapters/02-bad.md"))
        let notUTF8 = try workbook(["build", "Chapters"], in: folder)
        #expect(notUTF8.status == 2)
        #expect(notUTF8.stderr == "Chapters/02-bad.md:3: error: file is not valid UTF-8 (byte 0xC0)\n")

        try Data("```swift\nprint(1)\n".utf8).write(to: URL(fileURLWithPath: "\(folder)/Chapters/02-bad.md"))
        let unterminated = try workbook(["run", "Chapters/02-bad.md"], in: folder)
        #expect(unterminated.status == 2)
        #expect(unterminated.stderr == "Chapters/02-bad.md:1: error: unterminated code fence: no closing ``` before the end of its block\n")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/Output"))
    }

    @Test func usageErrorsExit2AndHelpExits0() throws {
        let folder = try makeScratchFolder([:])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try workbook(["build", "--jobs", "0"], in: folder).status == 2)
        #expect(try workbook(["build", "--timeout", "-1"], in: folder).status == 2)
        #expect(try workbook(["--no-such-flag"], in: folder).status == 2)
        #expect(try workbook(["run"], in: folder).status == 2)
        let help = try workbook(["--help"], in: folder)
        #expect(help.status == 0)
        #expect(help.stdout.contains("EXIT STATUS"))
        #expect(help.stdout.contains("build"))
        #expect(help.stdout.contains("run"))
    }

    @Test func everyHelpTextTeachesWithAnExampleAndItsExitStatus() throws {
        let folder = try makeScratchFolder([:])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let root = try workbook(["--help"], in: folder).stdout
        #expect(root.contains("CHAPTER FORMAT") && root.contains("must be top-level blocks"))
        for command in ["build", "run", "check", "release", "grade", "autograder"] {
            let help = try workbook(["help", command], in: folder)
            #expect(help.status == 0)
            #expect(help.stdout.contains("  workbook \(command) "), "no example in `workbook help \(command)`")
            #expect(help.stdout.contains("Exit status: 0"), "no exit status in `workbook help \(command)`")
            // Examples name chapters that exist, so they can be pasted as they are.
            for chapter in help.stdout.matches(of: #/Chapters\/[0-9][^ \n]*\.md/#) {
                #expect(Self.courseChapters.contains(String(chapter.output)), "\(chapter.output) does not exist")
            }
        }
    }

    static let courseChapters: Set<String> = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path + "/Chapters")) ?? []
        return Set(names.map { "Chapters/" + $0 })
    }()

    @Test func bareWorkbookBuildsChaptersIntoOutputFromAnyFolder() throws {
        let folder = try makeScratchFolder(["Chapters/01-sums.md": SampleChapters.passing])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try workbook([], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(folder)/Output/index.html"))
        #expect(readText("\(folder)/Output/01-sums.html")?.contains("total 6") == true)
        #expect(outcome.stdout.contains("1 chapter, all passed"))
    }

    @Test func failingCellExits1AndOtherChaptersStillRender() throws {
        let folder = try makeScratchFolder(["Chapters/01-sums.md": SampleChapters.passing,
                                            "Chapters/02-crash.md": SampleChapters.crashing])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try workbook(["build", "--output", "site", "--jobs", "2", "--timeout", "20"], in: folder)
        #expect(outcome.status == 1)
        #expect(readText("\(folder)/site/01-sums.html")?.contains("total 6") == true)
        #expect(FileManager.default.fileExists(atPath: "\(folder)/site/02-crash.html"))
        #expect(outcome.stdout.contains("1 failed"))
        #expect(outcome.stdout.hasPrefix("passed    Chapters/01-sums.md — 2 ok\ncrashed   Chapters/02-crash.md"))
    }

    @Test func runPrintsEachCellsOutput() throws {
        let folder = try makeScratchFolder(["01-sums.md": SampleChapters.passing,
                                            "02-crash.md": SampleChapters.crashing])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let passing = try workbook(["run", "01-sums.md"], in: folder)
        #expect(passing.status == 0, "\(passing.stderr)")
        #expect(passing.stdout.contains("total 6\n"))
        #expect(passing.stdout.contains("cell 2 (line 11)"))
        // Not a terminal: the progress line is plain text, once per phase, on stderr.
        #expect(passing.stderr.hasPrefix("compiling 01-sums.md …\n"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/Output"))

        let crashing = try workbook(["run", "02-crash.md"], in: folder)
        #expect(crashing.status == 1)
        #expect(crashing.stdout.contains("before\n"))
        #expect(crashing.stdout.contains("Index out of range"))
        #expect(!crashing.stdout.contains("never"))
    }

    // Issue 14: the small conventions a new user met.
    @Test func versionAndHelpForAnUnknownCommand() throws {
        let folder = try makeScratchFolder([:])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let version = try workbook(["--version"], in: folder)
        #expect(version.status == 0, "\(version.stderr)")
        #expect(version.stdout.hasPrefix("workbook 0."))
        let unknown = try workbook(["help", "no-such-command"], in: folder)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("error: no command 'no-such-command'"))
    }

    @Test func everyHelpDocumentsStatus3AndTimingsSayWhereTheyShow() throws {
        let folder = try makeScratchFolder([:])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try workbook(["--help"], in: folder).stdout.contains("3  the tool itself failed"))
        for command in ["build", "run", "check", "release", "grade", "grade merge", "autograder"] {
            // Lines are wrapped to the terminal: compare with the wrapping undone.
            let words = command.split(separator: " ").map(String.init)
            let help = try workbook(["help"] + words, in: folder).stdout
                .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
            #expect(help.contains(#/Exit status: 0 .*; 3 /#), "`workbook help \(command)` does not document status 3")
            #expect(!help.contains("times on the pages (they"), "`workbook help \(command)` promises pages")
        }
        #expect(try workbook(["help", "run"], in: folder).stdout.contains("--timeout"))
    }

    @Test func outputPathsThatAreFilesAndSymlinkLoopsAreNamedPlainly() throws {
        let folder = try makeScratchFolder(["Chapters/01-sums.md": SampleChapters.passing, "taken": "x"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try workbook(["release", "--output", "taken"], in: folder)
        #expect(file.status == 2)
        #expect(file.stderr == "error: taken: is a file, not a folder; choose another --output\n")
        let build = try workbook(["build", "--output", "taken/site"], in: folder)
        #expect(build.status == 2)
        #expect(build.stderr == "error: taken/site: taken is a file, not a folder; choose another --output\n")

        try FileManager.default.createSymbolicLink(atPath: folder + "/Chapters/02-loop.md", withDestinationPath: "02-loop.md")
        let loop = try workbook(["build", "Chapters/02-loop.md"], in: folder)
        #expect(loop.status == 2)
        #expect(loop.stderr == "error: Chapters/02-loop.md: too many levels of symbolic links (a symlink loop)\n")
    }

    @Test func theToolFailingToWriteItsOutputExits3() throws {
        let folder = try makeScratchFolder(["Chapters/01-sums.md": SampleChapters.passing, "site/assets": "a file"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try workbook(["build", "--output", "site"], in: folder)
        #expect(outcome.status == 3, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("\nerror: cannot create the folder site/assets"))
    }

    // Issue 14: an endless loop cost 60 s of silence.
    @Test func aLongCellSaysItIsStillRunningAndHowLongItMayTake() throws {
        let folder = try makeScratchFolder(["Chapters/01-slow.md": "# Slow\n\n```swift\nimport Foundation\nThread.sleep(forTimeInterval: 11)\nprint(\"awake\")\n```\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try workbook(["run", "--timeout", "30", "Chapters/01-slow.md"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("awake\n"))
        // Not a terminal: plain lines, the phase once and then every 10 s.
        #expect(outcome.stderr.contains("cell 1 of 1 (line 4) · 0 s of 30 s limit\n"))
        #expect(outcome.stderr.contains(#/still running: cell 1 of 1 \(line 4\) · 1\d s of 30 s limit\n/#))
    }

    @Test func buildPrintsEachChaptersLineAsItFinishes() throws {
        let folder = try makeScratchFolder(["Chapters/01-sums.md": SampleChapters.passing])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try workbook(["build"], in: folder)
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "passed    Chapters/01-sums.md — 2 ok\n")
    }
}

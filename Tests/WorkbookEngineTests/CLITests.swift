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
}

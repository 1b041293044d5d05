import Foundation
import Testing
@testable import WorkbookEngine

/// The whole build through every stage. These compile real chapter programs against the
/// Course library in this test's build folder, so they run one at a time.
@Suite(.serialized) struct PipelineBuildTests {
    private func options(jobs: Int = 2) -> RunOptions {
        var options = RunOptions()
        options.jobs = jobs
        options.timeout = 20
        return options
    }

    @Test func badInputAbortsBeforeAnythingIsWritten() throws {
        let folder = try makeScratchFolder(["Chapters/01-ok.md": SampleChapters.passing,
                                            "Chapters/02-bad.md": SampleChapters.badAttribute])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Parsing fails first, so the toolchain is never used: a fake one proves it.
        let fake = Toolchain(swiftc: "/nonexistent/swiftc", courseDirectory: "/nonexistent",
                             compilerVersion: "none", fingerprint: "none")
        #expect(throws: WorkbookError("unknown cell attribute 'fast' (valid: \(CellAttributes.validWords.joined(separator: ", ")))",
                                      file: "\(folder)/Chapters/02-bad.md", line: 3)) {
            try Workbook.build(paths: ["\(folder)/Chapters"], outputDirectory: "\(folder)/Output",
                               options: options(), toolchain: fake)
        }
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/Output"))
    }

    @Test func sameSlugTwiceIsAnError() throws {
        let folder = try makeScratchFolder(["a/01-x.md": "# A\n", "b/01-x.md": "# B\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: WorkbookError("\(folder)/b/01-x.md: would write the same page as \(folder)/a/01-x.md (01-x.html)")) {
            try Workbook.loadChapters(["\(folder)/a", "\(folder)/b"])
        }
    }

    @Test func buildRunsCachesAndReportsFailures() throws {
        let toolchain = try pipelineToolchain()
        let folder = try makeScratchFolder(["Chapters/01-sums.md": SampleChapters.passing,
                                            "Chapters/02-crash.md": SampleChapters.crashing])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = "\(folder)/Output"

        let first = try Workbook.build(paths: ["\(folder)/Chapters"], outputDirectory: output,
                                       options: options(), toolchain: toolchain)
        #expect(first.chapters.map(\.slug) == ["01-sums", "02-crash"])
        #expect(first.chapters.map(\.status) == [.passed, .crashed])
        #expect(first.chapters.map(\.fromCache) == [false, false])
        #expect(first.anyFailed)
        #expect(first.exitStatus == 1)
        let page = try #require(readText("\(output)/01-sums.html"))
        #expect(page.contains("total 6"))
        #expect(page.contains("<span class=\"math math-inline\">a_1 + a_2</span>"))
        #expect(readText("\(output)/index.html")?.contains("02-crash.html") == true)

        // Nothing changed: the passing chapter comes from the cache, the crashed one runs again.
        let second = try Workbook.build(paths: ["\(folder)/Chapters"], outputDirectory: output,
                                        options: options(jobs: 1), toolchain: toolchain)
        #expect(second.chapters.map(\.fromCache) == [true, false])
        #expect(readText("\(output)/01-sums.html") == page)

        // --no-cache runs everything again, and the page is byte-identical.
        var noCache = options()
        noCache.useCache = false
        let third = try Workbook.build(paths: ["\(folder)/Chapters"], outputDirectory: output,
                                       options: noCache, toolchain: toolchain)
        #expect(third.chapters.map(\.fromCache) == [false, false])
        #expect(third.chapters.map(\.status) == [.passed, .crashed])
        #expect(readText("\(output)/01-sums.html") == page)
    }

    @Test func proseEditReusesTheResultAndCodeEditDoesNot() throws {
        let toolchain = try pipelineToolchain()
        let folder = try makeScratchFolder(["Chapters/01-sums.md": SampleChapters.passing])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let chapter = "\(folder)/Chapters/01-sums.md"
        let output = "\(folder)/Output"
        _ = try Workbook.build(paths: [chapter], outputDirectory: output, options: options(), toolchain: toolchain)

        let edited = SampleChapters.passing.replacingOccurrences(of: "We add", with: "Now we add\n\nthe parts")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: chapter))
        let afterProse = try Workbook.build(paths: [chapter], outputDirectory: output, options: options(), toolchain: toolchain)
        #expect(afterProse.chapters.map(\.fromCache) == [true])
        let page = try #require(readText("\(output)/01-sums.html"))
        #expect(page.contains("Now we add"))
        #expect(page.contains("total 6"))

        let recoded = edited.replacingOccurrences(of: "[1, 2, 3]", with: "[1, 2, 3, 4]")
        try Data(recoded.utf8).write(to: URL(fileURLWithPath: chapter))
        let afterCode = try Workbook.build(paths: [chapter], outputDirectory: output, options: options(), toolchain: toolchain)
        #expect(afterCode.chapters.map(\.fromCache) == [false])
        #expect(afterCode.exitStatus == 0)
        #expect(readText("\(output)/01-sums.html")?.contains("total 10") == true)
    }
}

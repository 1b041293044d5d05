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

    // Issue 14: build reported `passed` when an ```output block differed, and hid compile errors.
    @Test func buildComparesOutputBlocksAndReportsEveryDiagnostic() throws {
        let toolchain = try pipelineToolchain()
        let folder = try makeScratchFolder([
            "Chapters/01-out.md": "# Out\n\n```swift\nprint(\"six\")\n```\n\n```output\nseven\n```\n",
            "Chapters/02-typo.md": "# Typo\n\n```swift\nlet x = 1\nprint(y)\n```\n",
            "Chapters/03-unshown.md": "# Unshown\n\n```swift\nLinePlot([LineSeries(\"a\", y: [1, 2])])\nprint(\"done\")\n```\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try Workbook.build(paths: ["\(folder)/Chapters"], outputDirectory: "\(folder)/Output",
                                        options: options(), toolchain: toolchain)
        #expect(report.chapters.map(\.status) == [.failed, .failedToCompile, .passed])
        #expect(report.chapters[0].messages == ["\(folder)/Chapters/01-out.md:8: error: output differs: expected \"seven\", got \"six\""])
        #expect(report.chapters[1].messages.contains { $0.hasPrefix("\(folder)/Chapters/02-typo.md:5:7: error: cannot find 'y' in scope") })
        let page = try #require(readText("\(folder)/Output/01-out.html"))
        #expect(page.contains("<div class=\"output-mismatch\">\n<p class=\"trap\">line 8: output differs: expected &quot;seven&quot;, got &quot;six&quot;</p>"))
        // A display built and not shown draws nothing: Swift warns, and the page says so.
        let unshown = try #require(readText("\(folder)/Output/03-unshown.html"))
        #expect(unshown.contains("warning: result of &#39;LinePlot&#39; initializer is unused")
                || unshown.contains("warning: result of 'LinePlot' initializer is unused"))
        #expect(report.chapters[2].messages.contains { $0.contains("03-unshown.md:4:1: warning: result of 'LinePlot' initializer is unused") })
    }

    @Test func aChapterReadsDataFromTheCourseRootWhateverTheWorkingFolder() throws {
        let toolchain = try pipelineToolchain()
        let folder = try makeScratchFolder([
            "Course/Chapters/01-data.md": "# Data\n\n```swift\nimport Foundation\nprint(try! String(contentsOfFile: \"Data/n.txt\", encoding: .utf8))\n```\n",
            "Course/Data/n.txt": "forty-two",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The test process's working folder is not the course: the path resolves in the course root.
        let report = try Workbook.build(paths: ["\(folder)/Course/Chapters"], outputDirectory: "\(folder)/Output",
                                        options: options(), toolchain: toolchain)
        #expect(report.chapters.map(\.status) == [.passed])
        #expect(readText("\(folder)/Output/01-data.html")?.contains("forty-two") == true)
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

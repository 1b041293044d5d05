import Foundation
import Testing
@testable import WorkbookEngine

/// The student edition: solutions, hidden checks and their output blocks removed, nothing else.
@Suite struct ReleaseTests {
    @Test func removesExactlySolutionsHiddenChecksAndTheirOutputs() throws {
        let source = try ExerciseFixtures.text("course/01-sums.md")
        let released = String(decoding: try Release.studentEdition(of: try ExerciseFixtures.chapter(source)), as: UTF8.self)
        // The lines the fixture's removed blocks span, found by their text: the mean solution
        // (5 lines), the hidden check (3), the scale solution (6) and its output block (3), each
        // with the blank line after it (the one before stays), so no double blank is left.
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let meanSolution = try #require(ExerciseFixtures.lines(equalTo: "```swift solution id=mean", in: source).first)
        let hiddenCheck = try #require(ExerciseFixtures.lines(equalTo: "```swift check id=mean points=1 hidden", in: source).first)
        let scaleSolution = try #require(ExerciseFixtures.lines(equalTo: "```swift solution id=scale", in: source).first)
        let removed = [scaleSolution...(scaleSolution + 10), hiddenCheck...(hiddenCheck + 3),
                       meanSolution...(meanSolution + 5)]
        for range in removed { lines.removeSubrange((range.lowerBound - 1)...(range.upperBound - 1)) }
        #expect(released == lines.joined(separator: "\n"))
        #expect(!released.contains("\n\n\n"))
        #expect(!released.contains("solution"))
        #expect(!released.contains("hidden"))
        #expect(!released.contains("xs.map"))
        // The output block of an ordinary cell stays, and so does the exercise's starting code.
        #expect(released.contains("```output tolerance=1e-9\ntotal 6.000000000001\n```"))
        #expect(released.contains("// TODO: multiply every element by k"))
        let reparsed = try ExerciseSet(try ExerciseFixtures.chapter(released))
        #expect(reparsed.exercises.map(\.id) == ["mean", "scale"])
        #expect(reparsed.exercises.map(\.maxPoints) == [2, 3])
    }

    @Test func keepsCarriageReturnsAndAMissingFinalNewline() throws {
        let source = "# T\r\n\r\n```swift exercise id=a\r\nlet a = 0\r\n```\r\n\r\n```swift solution id=a\r\nlet a = 1\r\n```\r\n\r\n"
            + "```swift check id=a\r\nexpect(a == 1)\r\n```\r\ntail"
        let released = try Release.studentEdition(of: try ExerciseFixtures.chapter(source))
        let expected = "# T\r\n\r\n```swift exercise id=a\r\nlet a = 0\r\n```\r\n\r\n"
            + "```swift check id=a\r\nexpect(a == 1)\r\n```\r\ntail"
        #expect(released == Array(expected.utf8))
    }

    @Test func writesEveryChapterAndRefusesToOverwriteTheSource() throws {
        let scratch = try ExerciseFixtures.scratchCourse()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let chapters = try Workbook.loadChapters([scratch + "/Chapters"])
        let written = try Release.write(chapters: chapters, to: scratch + "/Student")
        #expect(written == [scratch + "/Student/Chapters/01-sums.md"])
        #expect(FileManager.default.contents(atPath: written[0]).map(Array.init)
            == (try Release.studentEdition(of: chapters[0])))
        #expect(throws: WorkbookError.self) { try Release.write(chapters: chapters, to: scratch) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch + "/Student/Chapters") == ["01-sums.md"])
    }

    // Issue 14: the student edition held only the .md files, so a chapter reading Data/ failed.
    @Test func copiesTheCourseDataBesideTheChapters() throws {
        let scratch = try ExerciseFixtures.scratchCourse()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try FileManager.default.createDirectory(atPath: scratch + "/Data/sub", withIntermediateDirectories: true)
        try Data("x,y\n1,2\n".utf8).write(to: URL(fileURLWithPath: scratch + "/Data/points.csv"))
        try Data("7\n".utf8).write(to: URL(fileURLWithPath: scratch + "/Data/sub/seven.txt"))
        let chapters = try Workbook.loadChapters([scratch + "/Chapters"])
        _ = try Release.write(chapters: chapters, to: scratch + "/Student")
        #expect(readText(scratch + "/Student/Data/points.csv") == "x,y\n1,2\n")
        #expect(readText(scratch + "/Student/Data/sub/seven.txt") == "7\n")
    }

    @Test func anOutputPathThatIsAFileIsAPlainError() throws {
        let scratch = try ExerciseFixtures.scratchCourse()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: scratch + "/taken"))
        let chapters = try Workbook.loadChapters([scratch + "/Chapters"])
        #expect(throws: WorkbookError("\(scratch)/taken: is a file, not a folder; choose another --output")) {
            try Release.write(chapters: chapters, to: scratch + "/taken")
        }
    }
}

/// `check --update`: only the content lines of output blocks change.
@Suite struct ExerciseUpdateTests {
    @Test func rewritesOnlyOutputContents() throws {
        let source = "# T\n\n```swift\nprint(1)\n```\n\n```output ignore=^x\nold\nlines\n```\n\nProse.\n\n"
            + "```swift\nprint(2)\n```\n\n```output\n```\n\n```swift\nprint(3)\n```\n\n```output\nsame\n```\n"
        let chapter = try ExerciseFixtures.chapter(source)
        let result = ChapterResult(path: "ch.md", status: .passed, cells: [
            CellResult(index: 0, status: .ok, stdout: CapturedText(text: "one\n")),
            CellResult(index: 1, status: .ok, stdout: CapturedText(text: "two\nthree")),
            CellResult(index: 2, status: .crashed, stdout: CapturedText(text: "partial\n")),
        ])
        let update = try #require(OutputUpdate.updated(chapter, result: result))
        let expected = "# T\n\n```swift\nprint(1)\n```\n\n```output ignore=^x\none\n```\n\nProse.\n\n"
            + "```swift\nprint(2)\n```\n\n```output\ntwo\nthree\n```\n\n```swift\nprint(3)\n```\n\n```output\nsame\n```\n"
        #expect(String(decoding: update.bytes, as: UTF8.self) == expected)
        #expect(update.changes == [.init(path: "ch.md", line: 7), .init(path: "ch.md", line: 18)])
    }

    @Test func nothingToChangeIsNil() throws {
        let chapter = try ExerciseFixtures.chapter("```swift\nprint(1)\n```\n```output\n1\n```\n")
        let result = ChapterResult(path: "ch.md", status: .passed,
                                   cells: [CellResult(index: 0, status: .ok, stdout: CapturedText(text: "1\n"))])
        #expect(OutputUpdate.updated(chapter, result: result) == nil)
    }
}

/// `release` never writes over, into or through a symlink to the instructor's chapters.
@Suite struct ReleaseSafetyTests {
    func chapterBytes(_ scratch: String) -> Data? { FileManager.default.contents(atPath: scratch + "/Chapters/01-sums.md") }

    @Test func refusesAnOutputFolderThatResolvesToTheChapters() throws {
        let scratch = try ExerciseFixtures.scratchCourse()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let before = chapterBytes(scratch)
        try FileManager.default.createSymbolicLink(atPath: scratch + "/Student", withDestinationPath: "Chapters")
        let outcome = try ExerciseFixtures.workbook(["release", "Chapters", "--output", "Student"], in: scratch)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("error: "), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("Student"))
        #expect(chapterBytes(scratch) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch + "/Chapters") == ["01-sums.md"])
    }

    @Test func refusesAnOutputFolderThatContainsOrIsAChapter() throws {
        let scratch = try ExerciseFixtures.scratchCourse()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let before = chapterBytes(scratch)
        for output in [".", scratch, "Chapters/01-sums.md", "Chapters/../Chapters"] {
            let outcome = try ExerciseFixtures.workbook(["release", "Chapters", "--output", output], in: scratch)
            #expect(outcome.status == 2, "\(output): \(outcome.stderr)")
        }
        #expect(chapterBytes(scratch) == before)
        #expect(!FileManager.default.fileExists(atPath: scratch + "/01-sums.md"))
    }

    @Test func refusesAFileInTheOutputThatLinksToAChapter() throws {
        let scratch = try ExerciseFixtures.scratchCourse()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let before = chapterBytes(scratch)
        try FileManager.default.createDirectory(atPath: scratch + "/Student", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch + "/Student/01-sums.md",
                                                   withDestinationPath: scratch + "/Chapters/01-sums.md")
        let outcome = try ExerciseFixtures.workbook(["release", "Chapters", "--output", "Student"], in: scratch)
        #expect(outcome.status == 2)
        #expect(chapterBytes(scratch) == before)
    }

    @Test func anExerciseWithOnlyHiddenChecksStillChecksInTheStudentEdition() throws {
        let chapter = "# Hidden\n\n```swift exercise id=secret\nlet answer = 0\n```\n\n"
            + "```swift solution id=secret\nlet answer = 42\n```\n\n"
            + "```swift check id=secret points=2 hidden\nexpectEqual(answer, 42)\n```\n"
        let scratch = try makeScratchFolder(["Chapters/01-hidden.md": chapter])
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let release = try ExerciseFixtures.workbook(["release", "Chapters", "--output", "Student"], in: scratch)
        #expect(release.status == 0, "\(release.stderr)")
        let edition = readText(scratch + "/Student/01-hidden.md") ?? ""
        #expect(!edition.contains("42"))
        let check = try ExerciseFixtures.workbook(["check", "--student", "Student"], in: scratch)
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.stdout.contains("✗ secret"))
        #expect(check.stdout.contains("hidden checks"))
    }
}

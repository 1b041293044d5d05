import Foundation
import Testing
@testable import WorkbookEngine
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `workbook check`, `release` and `build --student` end to end on the fixture course.
@Suite(.serialized) struct CheckCommandTests {
    @Test func solutionsPassWithFullPoints() throws {
        let scratch = try ExerciseFixtures.scratchCourse()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let outcome = try ExerciseFixtures.workbook(["check"], in: scratch)
        #expect(outcome.status == 0)
        #expect(outcome.stdout == """
            Chapters/01-sums.md
              ✓ mean  3/3 points
              ✓ scale  3/3 points
            2 of 2 exercises passed, 6/6 points; all checks passed

            """)
    }

    @Test func startingCodeFailsEveryCheckInEachFormat() throws {
        let scratch = try ExerciseFixtures.scratchCourse()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let github = try ExerciseFixtures.workbook(["check", "--student", "--format", "github", "--junit", "out/junit.xml"],
                                                   in: scratch)
        #expect(github.status == 1)
        let annotations = github.stdout.split(separator: "\n").filter { $0.hasPrefix("::error ") }.map(String.init)
        #expect(annotations == [
            "::error file=Chapters/01-sums.md,line=25,title=exercise mean::check failed: not within tolerance 1e-12: difference 2.0: expected 2.0, got 0.0",
            "::error file=Chapters/01-sums.md,line=29,title=exercise mean::check failed: values differ: expected 6.0, got 0.0",
            "::error file=Chapters/01-sums.md,line=53,title=exercise scale::check failed: not within tolerance 1e-06: difference 3.0 at [2]: expected [2.0, 4.0, 6.0], got [1.0, 2.0, 3.0]",
            "::error file=Chapters/01-sums.md,line=54,title=exercise scale::check failed: not within tolerance 1e-06: difference 4.5 at [0]: expected [-3.0], got [1.5]",
        ])
        #expect(github.stdout.hasSuffix("0 of 2 exercises passed, 0/6 points; 1 chapter failed\n"))

        let xml = try XMLDocument(contentsOf: URL(fileURLWithPath: scratch + "/out/junit.xml"))
        let root = try #require(xml.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "tests")?.stringValue == "3")
        #expect(root.attribute(forName: "failures")?.stringValue == "2")
        let failures = try xml.nodes(forXPath: "//testcase/failure")
        #expect(failures.count == 2)

        let json = try ExerciseFixtures.workbook(["check", "--student", "--format", "json"], in: scratch)
        #expect(json.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["passed"] as? Bool == false)
        #expect(document["points"] as? Double == 0)
        #expect(document["maxPoints"] as? Double == 6)
        let chapters = try #require(document["chapters"] as? [[String: Any]])
        let exercises = try #require(chapters.first?["exercises"] as? [[String: Any]])
        #expect(exercises.map { $0["id"] as? String } == ["mean", "scale"])
        #expect(exercises.map { $0["answer"] as? String } == ["student", "student"])
    }

    // Issue 14: check could not check one exercise and never reused a result.
    @Test func oneExerciseIsReportedAndUnchangedChaptersComeFromTheCache() throws {
        let scratch = try ExerciseFixtures.scratchCourse()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let one = try ExerciseFixtures.workbook(["check", "--student", "--exercise", "scale"], in: scratch)
        #expect(one.status == 1)
        #expect(one.stdout.contains("✗ scale  0/3 points"))
        #expect(!one.stdout.contains("mean"))
        #expect(one.stdout.hasSuffix("0 of 1 exercises passed, 0/3 points; 1 chapter failed\n"))
        // Each chapter's line as it finishes, on stderr (plain: not a terminal).
        #expect(one.stderr.contains("✗ Chapters/01-sums.md — 0 of 1 exercise, 0/3 points\n"))
        let unknown = try ExerciseFixtures.workbook(["check", "--exercise", "nope"], in: scratch)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: no exercise 'nope' in Chapters (exercises: mean, scale)\n")

        func cachedRuns() throws -> Int? {
            let json = try ExerciseFixtures.workbook(["check", "--format", "json"], in: scratch)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let chapters = try #require(document["chapters"] as? [[String: Any]])
            return chapters.first?["cachedRuns"] as? Int
        }
        #expect(try cachedRuns() == 0)
        #expect(try cachedRuns() == 1)
        let noCache = try ExerciseFixtures.workbook(["check", "--no-cache"], in: scratch)
        #expect(noCache.status == 0)
    }

    @Test func updateRewritesOnlyOutputBlocks() throws {
        let scratch = try ExerciseFixtures.scratchCourse()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let path = scratch + "/Chapters/01-sums.md"
        let original = try #require(readText(path))
        let stale = original.replacingOccurrences(of: "[2.0, 4.0, 6.0]\n```", with: "[9.0]\n[9.0]\n```")
        try Data(stale.utf8).write(to: URL(fileURLWithPath: path))
        let failing = try ExerciseFixtures.workbook(["check"], in: scratch)
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("Chapters/01-sums.md:49: output differs: expected \"[9.0]\", got \"[2.0, 4.0, 6.0]\""))

        let updated = try ExerciseFixtures.workbook(["check", "--update"], in: scratch)
        #expect(updated.stdout.contains("updated Chapters/01-sums.md:48\n"))
        // The tolerance block already matched in number but not in text: it is rewritten too.
        let expected = original.replacingOccurrences(of: "total 6.000000000001", with: "total 6.0")
        #expect(readText(path) == expected)
        let again = try ExerciseFixtures.workbook(["check"], in: scratch)
        #expect(again.status == 0)
    }

    @Test func malformedBlocksAreBadInput() throws {
        let scratch = try makeScratchFolder(["Chapters/01-bad.md": "# Bad\n\n```swift exercise id=a\n```\n\n```swift check id=b\n```\n"])
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        for command in [["check"], ["release", "--output", "Out"], ["build"]] {
            let outcome = try ExerciseFixtures.workbook(command, in: scratch)
            #expect(outcome.status == 2)
            #expect(outcome.stderr == "Chapters/01-bad.md:6: error: check names no exercise: there is no ```swift exercise id=b block\n")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch + "/Out"))
        #expect(!FileManager.default.fileExists(atPath: scratch + "/Output"))
    }

    @Test func releaseThenStudentBuildShowsChecksAndNoSolution() throws {
        let scratch = try ExerciseFixtures.scratchCourse()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let release = try ExerciseFixtures.workbook(["release", "--output", "Student"], in: scratch)
        #expect(release.status == 0)
        let source = try #require(readText(scratch + "/Chapters/01-sums.md"))
        #expect(readText(scratch + "/Student/Chapters/01-sums.md")
            == String(decoding: try Release.studentEdition(of: try ExerciseFixtures.chapter(source)), as: UTF8.self))

        // The instructor's own chapter built as the student sees it: no solution on the page.
        let student = try ExerciseFixtures.workbook(["build", "--student", "--output", "StudentOut", "Chapters"], in: scratch)
        #expect(student.status == 1)
        let page = try #require(readText(scratch + "/StudentOut/01-sums.html"))
        #expect(!page.contains("xs.reduce"))   // the mean solution's code
        #expect(!page.contains("cell-solution"))
        #expect(page.contains("check failed: 1 of 1 expectations"))
        #expect(page.contains("values differ: expected 6.0, got 0.0"))
        #expect(!page.contains("mean([5, 7])"))  // the hidden check's code

        let instructor = try ExerciseFixtures.workbook(["build", "--output", "TeacherOut", "Chapters"], in: scratch)
        #expect(instructor.status == 0)
        let teacherPage = try #require(readText(scratch + "/TeacherOut/01-sums.html"))
        #expect(teacherPage.contains("status-starting-point"))
        #expect(!teacherPage.contains("not run (skip)"))
        #expect(teacherPage.contains("✓</span> check passed"))
    }
}

import Foundation
import Testing
@testable import WorkbookEngine

/// `workbook grade` on a class with a correct, a crashing, a looping, a non-compiling and a
/// check-tampering student: each graded on their own, by the instructor's checks.
@Suite(.serialized) struct GradeClassTests {
    @Test func gradesEachStudentIndependently() throws {
        let scratch = try ExerciseFixtures.scratchCourse(withSubmissions: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let outcome = try ExerciseFixtures.workbook(["grade", "Submissions", "--output", "grades.csv",
                                                     "--timeout", "3", "--jobs", "2"], in: scratch)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let rows = try #require(readText(scratch + "/grades.csv")).split(separator: "\n").map(String.init)
        #expect(rows.first == GradesCSV.header)
        // student, exercise, points, passed: the message column is checked below.
        let verdicts = rows.dropFirst().map { row -> String in
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            return [fields[0], fields[2], fields[3], fields[4], fields[5]].joined(separator: " ")
        }
        #expect(verdicts == [
            "alice mean 3 3 yes", "alice scale 3 3 yes",
            "bob mean 0 3 no", "bob scale 3 3 yes",
            "carol mean 3 3 yes", "carol scale 0 3 no",
            "dave mean 3 3 yes", "dave scale 0 3 no",
            "erin mean 0 3 no", "erin scale 3 3 yes",
        ])
        func message(_ student: String, _ exercise: String) -> String {
            rows.first { $0.hasPrefix("\(student),01-sums.md,\(exercise),") } ?? ""
        }
        #expect(message("bob", "mean").contains("Fatal error: Index out of range"))
        #expect(message("carol", "scale").contains("timed out after 3 s"))
        // The diagnostic names the student's own file and line.
        #expect(message("dave", "scale").contains("Submissions/dave/01-sums.md:29: error: cannot convert return expression"))
        #expect(message("erin", "mean").contains("Chapters/01-sums.md:25: check failed"))
        #expect(outcome.stdout.contains("alice  6/6 points\n"))
        #expect(outcome.stdout.contains("5 students, mean 3.60 points\n"))
    }
}

/// Submissions that cannot be graded at all score 0 with the reason, touching no one else.
@Suite struct GradeUnreadableSubmissionTests {
    @Test func unreadableOrMissingChaptersScoreZeroWithTheReason() throws {
        let course = try ExerciseFixtures.text("course/01-sums.md")
        let scratch = try makeScratchFolder([
            "Chapters/01-sums.md": course,
            "Submissions/frank/01-sums.md": "# Mine\n\n```swift exercise id=mean\nfunc mean() {}\n",
            "Submissions/gina/notes.txt": "I could not find the chapter\n",
            "Submissions/hana/Chapters/01-sums.md": "```swift exercise id=mean\n```\n\n```swift exercise id=mean\n```\n",
            "Submissions/ivan/01-sums.md/README": "a folder where the chapter should be\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        // Nothing here needs compiling: the toolchain is never asked to run.
        let toolchain = Toolchain(swiftc: "/nonexistent/swiftc", courseDirectory: "/nonexistent", compilerVersion: "",
                                  fingerprint: "")
        let grades = try ClassGrading.grade(submissions: scratch + "/Submissions", course: [scratch + "/Chapters"],
                                            toolchain: toolchain, options: RunOptions())
        #expect(grades.map(\.student) == ["frank", "gina", "hana", "ivan"])
        #expect(grades.map(\.points) == [0, 0, 0, 0])
        #expect(grades.map(\.maxPoints) == [6, 6, 6, 6])
        let frank = try #require(grades[0].chapters.first?.exercises.first?.findings.first)
        #expect(frank.file == scratch + "/Submissions/frank/01-sums.md")
        #expect(frank.line == 3)
        #expect(frank.message.hasPrefix("unterminated code fence"))
        let gina = try #require(grades[1].chapters.first?.exercises.first?.findings.first)
        // The place names the file; the message does not say it again.
        #expect(gina.file == scratch + "/Submissions/gina/01-sums.md")
        #expect(gina.message == "missing from the submission")
        let ivan = try #require(grades[3].chapters.first?.exercises.first?.findings.first)
        #expect(ivan.file == scratch + "/Submissions/ivan/01-sums.md")
        #expect(ivan.message == "is a folder, not a chapter file")
        // A copy in the student's Chapters/ folder is found; a file whose exercise blocks cannot
        // be told apart scores 0.
        let hana = try #require(grades[2].chapters.first?.exercises.first?.findings.first)
        #expect(hana.file == scratch + "/Submissions/hana/Chapters/01-sums.md")
        #expect(hana.line == 4)
        #expect(hana.message == "duplicate exercise id 'mean' (first used on line 1)")
        #expect(GradesCSV.text(grades).split(separator: "\n").count == 9)
        #expect(GradesCSV.text(grades).contains(",\"\(scratch)/Submissions/ivan/01-sums.md: is a folder, not a chapter file\"\n"))
    }

    @Test func csvFieldsAreQuotedWhenTheyMustBe() {
        #expect(GradesCSV.field("plain") == "plain")
        #expect(GradesCSV.field("a, b") == "\"a, b\"")
        #expect(GradesCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    }
}

/// A failure of the grader itself is "could not grade" with its cause and exit status 3, never 0 points.
@Suite(.serialized) struct GradeToolFailureTests {
    @Test func noTemporaryFolderIsStatus3AndNoGrades() throws {
        let scratch = try ExerciseFixtures.scratchCourse(withSubmissions: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let outcome = try ExerciseFixtures.workbook(["grade", "Submissions", "--output", "grades.csv"], in: scratch,
                                                    environment: ["TMPDIR": scratch + "/no-such-folder"])
        #expect(outcome.status == 3, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stderr.hasPrefix("error: "), "\(outcome.stderr)")
        #expect(!outcome.stdout.contains("0/6 points"))
        let rows = ExerciseFixtures.csvRows(readText(scratch + "/grades.csv") ?? "")
        #expect(rows.dropFirst().allSatisfy { $0[5] == "could not grade" && $0[3] == "" })
    }

    @Test func aCompilerThatCannotStartIsCouldNotGradeNeverZeroPoints() throws {
        let scratch = try ExerciseFixtures.scratchCourse(withSubmissions: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let toolchain = Toolchain(swiftc: scratch + "/no-such-swiftc", courseDirectory: pipelineBuildFolder(),
                                  compilerVersion: "", fingerprint: "")
        let grades = try ClassGrading.grade(submissions: scratch + "/Submissions", course: [scratch + "/Chapters"],
                                            toolchain: toolchain, options: RunOptions())
        let causes = grades.flatMap(\.chapters).map(\.couldNotGrade)
        #expect(causes.count == 5)
        #expect(causes.allSatisfy { $0?.contains("no-such-swiftc") == true }, "\(causes)")
        let rows = ExerciseFixtures.csvRows(GradesCSV.text(grades)).dropFirst()
        #expect(rows.count == 10)
        #expect(rows.allSatisfy { $0[3] == "" && $0[5] == "could not grade" && $0[6].contains("no-such-swiftc") })
        #expect(GradesCSV.couldNotGrade(grades).first?.hasPrefix("could not grade alice 01-sums.md: ") == true)
        // The cause names the compiler once, not twice.
        #expect(causes[0]!.components(separatedBy: "no-such-swiftc").count == 2, "\(causes[0]!)")
    }

    @Test func aGradesFileThatCannotBeWrittenIsStatus3NamingThePathOnce() throws {
        let scratch = try ExerciseFixtures.scratchCourse()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try FileManager.default.createDirectory(atPath: scratch + "/Submissions/empty", withIntermediateDirectories: true)
        try Data("a file\n".utf8).write(to: URL(fileURLWithPath: scratch + "/blocker"))
        let outcome = try ExerciseFixtures.workbook(["grade", "Submissions", "--output", "blocker/grades.csv"], in: scratch)
        #expect(outcome.status == 3, "\(outcome.stderr)")
        #expect(outcome.stderr.components(separatedBy: "blocker/grades.csv").count == 2, "\(outcome.stderr)")
    }

    @Test func csvCellsThatASpreadsheetWouldEvaluateAreDefused() {
        for formula in ["=HYPERLINK(\"x\")", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"] {
            let field = GradesCSV.field(formula)
            #expect(field.hasPrefix("\"'"), "\(formula) → \(field)")
        }
        #expect(GradesCSV.field("alice") == "alice")
    }
}

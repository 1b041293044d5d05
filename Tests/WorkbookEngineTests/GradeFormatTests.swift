import Foundation
import Testing
@testable import WorkbookEngine

/// The grade formats on hand-made grades: no compiler runs here.
@Suite struct GradeFormatTests {
    /// Two students, one chapter with two exercises (mean: a visible and a hidden check).
    static func grade(_ name: String, mean: Double, hiddenPassed: Bool, scale: Double) -> StudentGrade {
        let checks = [CheckGrade(line: 24, hidden: false, passed: mean >= 2, points: min(mean, 2), maxPoints: 2),
                      CheckGrade(line: 28, hidden: true, passed: hiddenPassed, points: hiddenPassed ? 1 : 0, maxPoints: 1)]
        let exercises = [
            ExerciseGrade(id: "mean", file: "S/\(name)/01-sums.md", line: 11, passed: checks.allSatisfy(\.passed),
                          points: checks.reduce(0) { $0 + $1.points }, maxPoints: 3, answer: .student, replacement: nil,
                          checks: checks, findings: hiddenPassed ? [] : [Finding(file: "C/01-sums.md", line: 29,
                                                                                 message: "check failed: expected 6, got 2")]),
            ExerciseGrade(id: "scale", file: "S/\(name)/01-sums.md", line: 33, passed: scale == 3, points: scale,
                          maxPoints: 3, answer: .student, replacement: nil,
                          checks: [CheckGrade(line: 50, hidden: false, passed: scale == 3, points: scale, maxPoints: 3)],
                          findings: []),
        ]
        return StudentGrade(student: name, chapters: [ChapterCheck(path: "C/01-sums.md", exercises: exercises,
                                                                   problems: [], runs: 1)])
    }

    static let alice = grade("alice", mean: 2, hiddenPassed: true, scale: 3)
    static let fay = grade("=fay", mean: 2, hiddenPassed: false, scale: 3)

    @Test func cellsThatASpreadsheetWouldRunAreQuotedAsText() {
        #expect(CSVCell.escape("plain") == "plain")
        #expect(CSVCell.escape("a, b") == "\"a, b\"")
        #expect(CSVCell.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVCell.escape("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSVCell.escape("+1") == "\"'+1\"")
        #expect(CSVCell.escape("-2+3") == "\"'-2+3\"")
        #expect(CSVCell.escape("@SUM(A1)") == "\"'@SUM(A1)\"")
        #expect(CSVCell.escape("\tx") == "\"'\tx\"")
        #expect(CSVCell.escape("2.5") == "2.5")
    }

    @Test func longCSVQuotesAFormulaInAName() {
        var grade = Self.fay
        grade.chapters[0].exercises[0].findings = [Finding(file: "S/x.md", line: 3, message: "=cmd|' /C calc'!A0")]
        let rows = GradesCSV.text([grade]).split(separator: "\n").map(String.init)
        #expect(rows[0] == GradesCSV.header)
        #expect(rows[1] == "\"'=fay\",01-sums.md,mean,2,3,no,S/x.md:3: =cmd|' /C calc'!A0,")
        let parsed = try? CSVCell.parse(GradesCSV.text([grade]), file: "x.csv")
        #expect(parsed?[1].cells.first == "'=fay")
    }

    @Test func wideCSVHasOneRowPerStudentAndAColumnPerExercise() {
        #expect(WideCSV.text([Self.alice, Self.fay]) == """
            student,total,max_points,01-sums.md:mean,01-sums.md:scale
            alice,6,6,3,3
            "'=fay",5,6,2,3

            """)
    }

    @Test func aChapterTheGraderCouldNotGradeIsBlankNotZero() {
        var broken = Self.fay
        broken.chapters[0].couldNotGrade = "cannot create a temporary folder"
        #expect(WideCSV.text([Self.alice, broken]).split(separator: "\n").last == "\"'=fay\",,6,,")
        let canvas = CanvasCSV.make([broken], roster: nil, assignment: "W").text
        #expect(canvas.split(separator: "\n").last == "\"'=fay\",,,\"'=fay\",,")
    }

    @Test func csvParserReadsQuotesLineBreaksCRLFAndAByteOrderMark() throws {
        let rows = try CSVCell.parse("\u{FEFF}a,\"b,c\"\r\n\"d\"\"e\",\"two\nlines\"\r\n\r\nlast,\n", file: "r.csv")
        #expect(rows.map(\.cells) == [["a", "b,c"], ["d\"e", "two\nlines"], ["last", ""]])
        #expect(rows.map(\.line) == [1, 2, 5])
        #expect(throws: WorkbookError("a quoted cell is never closed", file: "r.csv", line: 2)) {
            try CSVCell.parse("a\n\"open,\n", file: "r.csv")
        }
    }

    @Test func canvasExportIsARosterAndUnknownFoldersAreKeptAndReported() throws {
        // Canvas's gradebook export: its Points Possible row is skipped, folders match SIS Login ID.
        let roster = try Roster.parse("""
            Student,ID,SIS User ID,SIS Login ID,Section,Workbook (1234)
                Points Possible,,,,,6
            "Lovelace, Ada",101,S101,alice,Sec 1,
            Hopper Grace,102,S102,grace,Sec 2,

            """, file: "roster.csv")
        #expect(roster.entries.map(\.folder) == ["alice", "grace"])
        let output = CanvasCSV.make([Self.alice, Self.fay], roster: roster, assignment: "Workbook (1234)")
        #expect(output.text == """
            Student,ID,SIS User ID,SIS Login ID,Section,Workbook (1234)
            Points Possible,,,,,6
            "Lovelace, Ada",101,S101,alice,Sec 1,6
            "'=fay",,,,,5

            """)
        #expect(output.unmatchedFolders == ["=fay"])
        #expect(output.missingStudents == ["Hopper Grace"])
    }

    @Test func rosterErrorsNameTheFileAndLine() {
        #expect(throws: WorkbookError("'alice' is listed twice (first on line 2)", file: "r.csv", line: 3)) {
            try Roster.parse("Folder,Student\nalice,A\nalice,B\n", file: "r.csv")
        }
        #expect(throws: WorkbookError("the roster needs a Folder, SIS Login ID or ID column to match folders against",
                                      file: "r.csv", line: 1)) {
            try Roster.parse("Name,Section\nA,1\n", file: "r.csv")
        }
    }

    @Test func shardsPartitionTheSortedRosterWhateverItsOrder() throws {
        let roster = (1...10).map { "s\($0)" }
        let shards = try (1...4).map { try Shard(parsing: "\($0)/4") }
        let parts = shards.map { $0.select(roster) }
        #expect(parts.map(\.count) == [3, 3, 2, 2])
        #expect(Set(parts.flatMap { $0 }) == Set(roster))
        #expect(parts.flatMap { $0 }.count == roster.count)
        #expect(parts[0] == ["s1", "s4", "s8"])  // sorted: s1 s10 s2 s3 s4 …, every 4th from the first
        #expect(shards[0].select(roster.reversed()) == parts[0])
        for bad in ["0/4", "5/4", "1/0", "a/b", "2", "1/2/3"] {
            #expect(throws: WorkbookError.self) { try Shard(parsing: bad) }
        }
    }

    static func entry(_ name: String) -> GradeDocument.Entry {
        let grade = Self.grade(name, mean: 3, hiddenPassed: true, scale: 3)
        return GradeDocument.Entry(grade: grade, feedback: StudentFeedback(student: name, points: 6, maxPoints: 6, chapters: []))
    }

    @Test func mergeRefusesDuplicatesMissingStudentsAndForeignRosters() throws {
        let roster = ["a", "b", "c"]
        func part(_ index: Int, _ names: [String], roster: [String] = roster, count: Int = 2) -> GradeDocument {
            GradeDocument(roster: roster, shard: Shard(index: index, count: count), students: names.map(Self.entry))
        }
        let merged = try ShardMerge.merge([("p2", part(2, ["b"])), ("p1", part(1, ["c", "a"]))])
        #expect(merged.students.map(\.student) == ["a", "b", "c"])
        #expect(merged.shard == nil)

        #expect(throws: WorkbookError("1 student is missing: b (no part for shard 2/2)")) {
            try ShardMerge.merge([("p1", part(1, ["a", "c"]))])
        }
        #expect(throws: WorkbookError("p2: student 'a' is graded twice (also in p1)")) {
            try ShardMerge.merge([("p1", part(1, ["a", "c"])), ("p2", part(2, ["a", "b"]))])
        }
        #expect(throws: WorkbookError("p1b: shard 1/2 was already given by p1")) {
            try ShardMerge.merge([("p1", part(1, ["a", "c"])), ("p1b", part(1, ["b"]))])
        }
        #expect(throws: WorkbookError("p2: cut from a different roster than p1 (2 against 3 students)")) {
            try ShardMerge.merge([("p1", part(1, ["a", "c"])), ("p2", part(2, ["b"], roster: ["a", "b"]))])
        }
        #expect(throws: WorkbookError("p2: shard 2/3 does not belong with p1's shard 1/2")) {
            try ShardMerge.merge([("p1", part(1, ["a", "c"])), ("p2", part(2, ["b"], count: 3))])
        }
        #expect(throws: WorkbookError("p2: student 'z' is not on the roster it records")) {
            try ShardMerge.merge([("p1", part(1, ["a", "c"])), ("p2", part(2, ["b", "z"]))])
        }
    }

    static let feedback = StudentFeedback(student: "fay", points: 5, maxPoints: 6, chapters: [
        ChapterFeedback(chapter: "01-sums.md", file: "Chapters/01-sums.md", points: 5, maxPoints: 6, exercises: [
            ExerciseFeedback(id: "mean", line: 11, passed: false, points: 2, maxPoints: 3, code: "return 2\n", messages: [],
                             checks: [CheckFeedback(name: "check 1", hidden: false, line: 18, passed: true, points: 2,
                                                    maxPoints: 2, messages: []),
                                      CheckFeedback(name: "hidden check 2", hidden: true, line: nil, passed: false,
                                                    points: 0, maxPoints: 1,
                                                    messages: [FeedbackMessage(line: nil, text: StudentFeedback.withheld)])]),
        ]),
    ])

    @Test func gradescopeResultsFollowTheSchemaAndShowHiddenChecksAfterPublishing() throws {
        let json = try GradescopeResults.json(Self.feedback)
        #expect(try GradingSchemas.errors(json, schema: "gradescope-results") == [])
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(document?["score"] as? Double == 5)
        let tests = document?["tests"] as? [[String: Any]] ?? []
        #expect(tests.map { $0["visibility"] as? String } == ["visible", "after_published"])
        #expect(tests.map { $0["max_score"] as? Double } == [2, 1])
        #expect(tests.map { $0["status"] as? String } == ["passed", "failed"])
        #expect(tests[0]["name"] as? String == "01-sums.md mean: check 1 (line 18)")
        #expect(tests[1]["output"] as? String == StudentFeedback.withheld)
    }

    @Test func prairieLearnResultsFollowTheSchemaWithAScoreInZeroToOne() throws {
        let json = try PrairieLearnResults.json(Self.feedback)
        #expect(try GradingSchemas.errors(json, schema: "prairielearn-results") == [])
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(document?["gradable"] as? Bool == true)
        #expect(document?["score"] as? Double == 5.0 / 6.0)
        let tests = document?["tests"] as? [[String: Any]] ?? []
        #expect(tests.map { $0["points"] as? Double } == [2, 0])
        #expect(tests.map { $0["max_points"] as? Double } == [2, 1])
        #expect(try GradingSchemas.errors(PrairieLearnResults.notGradable("broken"), schema: "prairielearn-results") == [])
    }

    @Test func feedbackTextAndHTMLSayWhatPassedAndEscapeEverything() {
        var feedback = Self.feedback
        feedback.student = "<b>fay</b>"
        let text = FeedbackText.render(feedback)
        #expect(text == """
            <b>fay</b>: 5/6 points
            Chapters/01-sums.md  5/6 points
              ✗ mean  2/3 points (line 11)
                  ✓ check 1  2/2 (line 18)
                  ✗ hidden check 2  0/1
                      \(StudentFeedback.withheld)

            """)
        let html = FeedbackHTML.render(feedback)
        #expect(html.contains("<h1>&lt;b&gt;fay&lt;/b&gt;: 5/6 points</h1>"))
        #expect(!html.contains("<b>fay"))
        #expect(html.contains("<span class=\"ln\">12</span>return 2"))
        #expect(!html.contains("<script"))
    }
}

/// The schema checker itself: each schema must reject what the platform would.
@Suite struct SchemaValidatorTests {
    @Test func gradescopeSchemaRejectsWhatGradescopeWould() throws {
        let ok = #"{"score": 1, "tests": [{"name": "t", "score": 1, "max_score": 1, "status": "passed", "visibility": "visible"}]}"#
        #expect(try GradingSchemas.errors(ok, schema: "gradescope-results") == [])
        #expect(try GradingSchemas.errors(#"{"score": 1, "tests": [{"visibility": "later"}]}"#, schema: "gradescope-results")
                == ["$.tests[0].visibility: string(\"later\") is not one of the allowed values"])
        #expect(try GradingSchemas.errors(#"{"score": "1"}"#, schema: "gradescope-results")
                == ["$.score: expected number, found string"])
        #expect(try GradingSchemas.errors(#"{"score": 1, "points": 2}"#, schema: "gradescope-results")
                == ["$: unexpected key points"])
        #expect(try GradingSchemas.errors(#"{"output": "x"}"#, schema: "gradescope-results") == ["$: matches none of anyOf"])
        #expect(try GradingSchemas.errors(#"{"tests": [{"status": "ok"}]}"#, schema: "gradescope-results").count == 1)
    }

    @Test func prairieLearnSchemaRejectsWhatPrairieLearnWould() throws {
        #expect(try GradingSchemas.errors(#"{"gradable": true, "score": 1.5}"#, schema: "prairielearn-results")
                == ["$.score: 1.5 > maximum 1.0"])
        #expect(try GradingSchemas.errors(#"{"gradable": true}"#, schema: "prairielearn-results") == ["$: matches none of anyOf"])
        #expect(try GradingSchemas.errors(#"{"score": 1}"#, schema: "prairielearn-results") == ["$: missing gradable"])
        #expect(try GradingSchemas.errors(#"{"gradable": true, "score": 1, "tests": [{"points": 1}]}"#,
                                          schema: "prairielearn-results") == ["$.tests[0]: missing name"])
        #expect(try GradingSchemas.errors(#"{"gradable": "yes", "score": 0}"#, schema: "prairielearn-results")
                == ["$.gradable: expected boolean, found string"])
    }

    @Test func ourSchemaRejectsAPartWithoutItsRoster() throws {
        #expect(try GradingSchemas.errors(#"{"format": "workbook-grades", "version": 1, "students": []}"#,
                                          schema: "workbook-grades") == ["$: missing roster"])
        #expect(try GradingSchemas.errors(#"{"format": "workbook-grades", "version": 1, "roster": [], "students": [],"#
                                          + #""shard": {"index": 0, "count": 2}}"#, schema: "workbook-grades")
                == ["$.shard.index: 0.0 < minimum 1.0"])
    }
}

/// Feedback from a hand-made grade on the fixture chapter: where each finding lands, and what
/// a student never sees (no compiler runs).
@Suite struct FeedbackBuilderTests {
    @Test func findingsMoveToTheStudentsLinesAndPrivateCellsStayPrivate() throws {
        let scratch = try makeScratchFolder(["C/01-sums.md": try ExerciseFixtures.text("course/01-sums.md"),
                                             "S/fay/01-sums.md": try String(contentsOfFile: Bundle.module.resourceURL!
                                                 .appendingPathComponent("Fixtures/grading/fay/01-sums.md").path, encoding: .utf8)])
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let course = try Workbook.loadChapter(scratch + "/C/01-sums.md")
        let instructor = course.path, student = scratch + "/S/fay/01-sums.md"
        var grade = GradeFormatTests.grade("fay", mean: 2, hiddenPassed: false, scale: 0)
        grade.chapters[0].path = instructor
        // mean: the hidden check (instructor line 29) failed with its expected value.
        grade.chapters[0].exercises[0].findings = [Finding(file: instructor, line: 29, message: "check failed: expected 6, got 2")]
        // scale: its answer was replaced; the stop was in the instructor's solution (line 43)
        // and in the last ordinary cell (line 60, fay's 43).
        grade.chapters[0].exercises[1].findings = [
            Finding(file: student, line: 27, message: "with this answer the chapter stops at a later cell:"),
            Finding(file: instructor, line: 43, message: "Fatal error: xs.map { $0 * k } trapped"),
            Finding(file: instructor, line: 60, message: "not run: an earlier cell stopped the chapter"),
        ]
        let feedback = FeedbackBuilder.make(grade, course: [course], studentFolder: scratch + "/S/fay")
        let mean = try #require(feedback.chapters.first?.exercises.first)
        #expect(mean.line == 11)
        #expect(mean.code?.contains("return 2") == true)
        #expect(mean.checks.map(\.line) == [19, nil])
        #expect(mean.checks[1].messages == [FeedbackMessage(line: nil, text: StudentFeedback.withheld)])
        #expect(mean.messages.isEmpty)
        let scale = try #require(feedback.chapters.first?.exercises.last)
        #expect(scale.messages.map(\.line) == [27, nil, 43])
        #expect(scale.messages[1].text.hasPrefix("the course's own code stopped"))
        #expect(scale.checks.map(\.line) == [35])
        let everything = String(decoding: try JSONEncoder().encode(feedback), as: UTF8.self) + FeedbackText.render(feedback)
            + FeedbackHTML.render(feedback)
        for secret in ["expected 6", "$0 * k", "C/01-sums.md", scratch] { #expect(!everything.contains(secret), "\(secret)") }
        #expect(feedback.chapters.first?.file == "01-sums.md")
    }
}

import Foundation
import Testing
@testable import WorkbookEngine

/// `workbook grade` at scale, end to end with the built executable: shards graded by parallel
/// processes merge to the unsharded bytes; every format is checked against its schema; the
/// generated autograders run against fake /autograder and /grade trees.
@Suite(.serialized) struct GradeScaleTests {
    /// The fixture class without carol (her endless loop only costs time here), plus "@eve",
    /// alice's copy under a name a spreadsheet would run as a formula.
    static func scratchClass() throws -> String {
        let scratch = try ExerciseFixtures.scratchCourse(withSubmissions: true)
        let files = FileManager.default
        try files.removeItem(atPath: scratch + "/Submissions/carol")
        try files.copyItem(atPath: scratch + "/Submissions/alice", toPath: scratch + "/Submissions/@eve")
        return scratch
    }

    /// Starts every command at once and waits for all of them.
    static func parallel(_ commands: [[String]], in directory: String) throws -> [Int32] {
        let processes = try commands.map { arguments -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: pipelineBuildFolder() + "/workbook")
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            process.environment = ProcessInfo.processInfo.environment.merging(["WORKBOOK_NO_KERNEL": "1"]) { _, new in new }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        return processes.map { $0.waitUntilExit(); return $0.terminationStatus }
    }

    @Test func fourShardsInParallelMergeToTheUnshardedGradesByteForByte() throws {
        let scratch = try Self.scratchClass()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let whole = try ExerciseFixtures.workbook(["grade", "Submissions", "--format", "csv", "--output", "whole.csv",
                                                   "--jobs", "2"], in: scratch)
        #expect(whole.status == 0, "\(whole.stderr)")
        let statuses = try Self.parallel((1...4).map {
            ["grade", "Submissions", "--shard", "\($0)/4", "--output", "parts/part-\($0).json", "--jobs", "1"]
        }, in: scratch)
        #expect(statuses == [0, 0, 0, 0])
        let parts = (1...4).map { "parts/part-\($0).json" }
        let merged = try ExerciseFixtures.workbook(["grade", "merge"] + parts + ["--format", "csv", "--output", "merged.csv"],
                                                   in: scratch)
        #expect(merged.status == 0, "\(merged.stderr)")
        let wholeCSV = try #require(FileManager.default.contents(atPath: scratch + "/whole.csv"))
        #expect(FileManager.default.contents(atPath: scratch + "/merged.csv") == wholeCSV)
        #expect(String(decoding: wholeCSV, as: UTF8.self) == """
            student,total,max_points,01-sums.md:mean,01-sums.md:scale
            "'@eve",6,6,3,3
            alice,6,6,3,3
            bob,3,6,0,3
            dave,3,6,3,0
            erin,3,6,0,3

            """)
        // Feedback pages too: the merge writes the same bytes the whole run did.
        for name in ["@eve", "alice", "bob", "dave", "erin"] {
            for suffix in [".txt", ".html"] {
                let page = FileManager.default.contents(atPath: scratch + "/whole-feedback/" + name + suffix)
                #expect(page != nil)
                #expect(FileManager.default.contents(atPath: scratch + "/merged-feedback/" + name + suffix) == page)
            }
        }

        // Each part records the whole roster and validates against our schema.
        for part in parts {
            #expect(try GradingSchemas.errors(try #require(readText(scratch + "/" + part)), schema: "workbook-grades") == [])
        }
        #expect(try GradeDocument.read(scratch + "/parts/part-1.json").roster == ["@eve", "alice", "bob", "dave", "erin"])

        // A missing shard is refused by name, and nothing is written.
        let short = try ExerciseFixtures.workbook(["grade", "merge"] + parts.dropLast() + ["--output", "short.csv"], in: scratch)
        #expect(short.status == 2)
        // Sorted, "@eve" comes first: shard 4 of 4 holds dave alone.
        #expect(short.stderr == "error: 1 student is missing: dave (no part for shard 4/4)\n")
        #expect(!FileManager.default.fileExists(atPath: scratch + "/short.csv"))
        let twice = try ExerciseFixtures.workbook(["grade", "merge"] + parts + [parts[0], "--output", "twice.csv"], in: scratch)
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("shard 1/4 was already given by parts/part-1.json"))

        try checkFeedbackAndFormats(scratch: scratch, parts: parts)
    }

    /// What the merged class says in json, csv-long and canvas, and what erin is told.
    func checkFeedbackAndFormats(scratch: String, parts: [String]) throws {
        let json = try ExerciseFixtures.workbook(["grade", "merge"] + parts + ["--format", "json", "-o", "all.json"], in: scratch)
        #expect(json.status == 0, "\(json.stderr)")
        let text = try #require(readText(scratch + "/all.json"))
        #expect(try GradingSchemas.errors(text, schema: "workbook-grades") == [])
        let document = try GradeDocument.read(scratch + "/all.json")
        let erin = try #require(document.students.first { $0.student == "erin" }?.feedback)
        let mean = try #require(erin.chapters.first?.exercises.first)
        #expect(erin.chapters.first?.file == "01-sums.md")
        #expect(mean.id == "mean" && mean.line == 11 && !mean.passed)
        // Her visible check, at her own lines (the instructor's are 24/25); the hidden one withheld.
        #expect(mean.checks.map(\.name) == ["check 1", "hidden check 2"])
        #expect(mean.checks.map(\.line) == [19, nil])
        #expect(mean.checks[0].messages.first?.line == 20)
        #expect(mean.checks[0].messages.first?.text.hasPrefix("check failed:") == true)
        #expect(mean.checks[1].messages == [FeedbackMessage(line: nil, text: StudentFeedback.withheld)])
        // The instructor's grade names the hidden check's expectation; the feedback never does.
        let instructorView = String(decoding: try JSONEncoder().encode(document.students.first { $0.student == "erin" }!.grade),
                                    as: UTF8.self)
        #expect(instructorView.contains("mean([5, 7])") || instructorView.contains("expected 6")
                || instructorView.contains(":29"))
        let erinText = try #require(readText(scratch + "/merged-feedback/erin.txt"))
        let erinHTML = try #require(readText(scratch + "/merged-feedback/erin.html"))
        for page in [erinText, erinHTML, String(decoding: try JSONEncoder().encode(erin), as: UTF8.self)] {
            #expect(!page.contains("[5, 7]") && !page.contains("5, 7") && !page.contains(":29"))
            #expect(!page.contains(scratch))
        }
        #expect(erinText.contains("✓ scale  3/3 points (line 26)"))
        // bob's crash (at the line of his function that trapped, then at his check that called
        // it) and dave's compile error are placed in their own files.
        let bob = try #require(readText(scratch + "/merged-feedback/bob.txt"))
        #expect(bob.contains("\n      line 13: Fatal error: Index out of range\n"))
        #expect(bob.contains("✗ check 1  0/2 (line 18)\n          line 19: the call that led to that trap\n"))
        let dave = try #require(readText(scratch + "/merged-feedback/dave.txt"))
        #expect(dave.contains("line 29: error: cannot convert return expression"))

        let long = try ExerciseFixtures.workbook(["grade", "merge", "all.json", "--format", "csv-long", "-o", "long.csv"],
                                                 in: scratch)
        #expect(long.status == 0, "\(long.stderr)")
        let rows = try #require(readText(scratch + "/long.csv")).split(separator: "\n")
        #expect(rows.first.map(String.init) == GradesCSV.header)
        #expect(rows.dropFirst().first?.hasPrefix("\"'@eve\",01-sums.md,mean,3,3,yes,") == true)

        try Data("Student,ID,SIS User ID,SIS Login ID,Section\nAlice A,1,S1,alice,A\nNobody,9,S9,nobody,A\n".utf8)
            .write(to: URL(fileURLWithPath: scratch + "/roster.csv"))
        let canvas = try ExerciseFixtures.workbook(["grade", "merge", "all.json", "--format", "canvas", "--roster", "roster.csv",
                                                    "--assignment", "Workbook (77)", "-o", "canvas.csv", "--no-feedback"],
                                                   in: scratch)
        #expect(canvas.status == 0, "\(canvas.stderr)")
        #expect(readText(scratch + "/canvas.csv") == """
            Student,ID,SIS User ID,SIS Login ID,Section,Workbook (77)
            Points Possible,,,,,6
            "'@eve",,,,,6
            Alice A,1,S1,alice,A,6
            bob,,,,,3
            dave,,,,,3
            erin,,,,,3

            """)
        #expect(canvas.stderr.contains("warning: folder 'bob' is not on the roster"))
        #expect(canvas.stderr.contains("warning: roster student 'Nobody' has no submission folder"))
    }

    /// The course folder an autograder is made from, and fay's submission: her mean is right
    /// for the visible check's data only, so the hidden check fails.
    static func autograderScratch() throws -> (scratch: String, fay: String) {
        let scratch = try makeScratchFolder(["course/Chapters/01-sums.md": try ExerciseFixtures.text("course/01-sums.md")])
        let fay = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/grading/fay/01-sums.md").path
        return (scratch, fay)
    }

    static func run(_ script: String, environment extra: [String: String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "WORKBOOK_COURSE_DIR")
        for (key, value) in extra { environment[key] = value }
        environment["WORKBOOK_NO_KERNEL"] = "1"  // no daemon outlives a test
        process.environment = environment
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("ag-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, readText(log.path) ?? "")
    }

    @Test func gradescopeAutograderGradesASubmissionEndToEnd() throws {
        let (scratch, fay) = try Self.autograderScratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let root = scratch + "/autograder"
        let made = try ExerciseFixtures.workbook(["autograder", "gradescope", "--course", "course", "--output",
                                                  "autograder/source", "--timeout", "30"], in: scratch)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.contains("warning: course has no Package.swift"))
        for script in ["setup.sh", "run_autograder"] {
            #expect(FileManager.default.isExecutableFile(atPath: root + "/source/" + script))
            #expect(try Self.run("/bin/bash", environment: [:], arguments: ["-n", root + "/source/" + script]).status == 0)
        }
        #expect(FileManager.default.fileExists(atPath: root + "/source/course/Chapters/01-sums.md"))
        try FileManager.default.createDirectory(atPath: root + "/submission/Chapters", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fay, toPath: root + "/submission/Chapters/01-sums.md")

        let ran = try Self.run(root + "/source/run_autograder",
                               environment: ["WORKBOOK_AUTOGRADER_ROOT": root,
                                             "WORKBOOK_EXECUTABLE": pipelineBuildFolder() + "/workbook"])
        #expect(ran.status == 0, "\(ran.output)")
        let results = try #require(readText(root + "/results/results.json"))
        #expect(try GradingSchemas.errors(results, schema: "gradescope-results") == [])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(results.utf8)) as? [String: Any])
        #expect(document["score"] as? Double == 5)
        let tests = document["tests"] as? [[String: Any]] ?? []
        #expect(tests.map { $0["name"] as? String } == ["01-sums.md mean: check 1 (line 19)", "01-sums.md mean: hidden check 2",
                                                         "01-sums.md scale: check 1 (line 35)"])
        #expect(tests.map { $0["status"] as? String } == ["passed", "failed", "passed"])
        #expect(tests.map { $0["visibility"] as? String } == ["visible", "after_published", "visible"])
        #expect(!results.contains("[5, 7]") && !results.contains("5, 7") && !results.contains(scratch))

        // The grader itself failing leaves no results.json (Gradescope: "not graded", not 0 points).
        try FileManager.default.removeItem(atPath: root + "/results")
        let broken = try Self.run(root + "/source/run_autograder",
                                  environment: ["WORKBOOK_AUTOGRADER_ROOT": root, "WORKBOOK_EXECUTABLE": "/nonexistent/workbook"])
        #expect(broken.status != 0)
        #expect(!FileManager.default.fileExists(atPath: root + "/results/results.json"))
    }

    @Test func prairieLearnEntryPointGradesASubmissionEndToEnd() throws {
        let (scratch, fay) = try Self.autograderScratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let made = try ExerciseFixtures.workbook(["autograder", "prairielearn", "--course", "course", "--output", "pl"],
                                                 in: scratch)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(readText(scratch + "/pl/Dockerfile")?.contains("COPY grade.sh /workbook/grade.sh") == true)
        let grade = scratch + "/grade"
        try FileManager.default.createDirectory(atPath: grade + "/student", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fay, toPath: grade + "/student/01-sums.md")
        let environment = ["WORKBOOK_GRADE_ROOT": grade, "WORKBOOK_COURSE": scratch + "/pl/course",
                           "WORKBOOK_EXECUTABLE": pipelineBuildFolder() + "/workbook"]
        let ran = try Self.run(scratch + "/pl/grade.sh", environment: environment)
        #expect(ran.status == 0, "\(ran.output)")
        let results = try #require(readText(grade + "/results/results.json"))
        #expect(try GradingSchemas.errors(results, schema: "prairielearn-results") == [])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(results.utf8)) as? [String: Any])
        #expect(document["gradable"] as? Bool == true)
        #expect(document["score"] as? Double == 5.0 / 6.0)
        #expect((document["tests"] as? [[String: Any]])?.map { $0["points"] as? Double } == [2, 0, 3])
        #expect(!results.contains("[5, 7]") && !results.contains("5, 7"))

        var failing = environment
        failing["WORKBOOK_EXECUTABLE"] = "/nonexistent/workbook"
        let broken = try Self.run(scratch + "/pl/grade.sh", environment: failing)
        #expect(broken.status == 0)
        let notGraded = try #require(readText(grade + "/results/results.json"))
        #expect(try GradingSchemas.errors(notGraded, schema: "prairielearn-results") == [])
        #expect(notGraded.contains("\"gradable\": false"))
    }

    @Test func autograderRefusesAnOutputInsideTheCourseAndWritesNothing() throws {
        let (scratch, _) = try Self.autograderScratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let inside = try ExerciseFixtures.workbook(["autograder", "gradescope", "--course", "course", "--output", "course/ag"],
                                                   in: scratch)
        #expect(inside.status == 2)
        #expect(inside.stderr == "error: course/ag: is inside the course course; write the autograder elsewhere\n")
        #expect(!FileManager.default.fileExists(atPath: scratch + "/course/ag"))
        let noCourse = try ExerciseFixtures.workbook(["autograder", "prairielearn", "--course", ".", "--output", "x"],
                                                     in: scratch + "/course/Chapters")
        #expect(noCourse.status == 2)
        #expect(noCourse.stderr == "error: .: not a course root (it has no Chapters/ folder)\n")
    }
}

extension GradeScaleTests {
    static func run(_ executable: String, environment: [String: String], arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
            .merging(["WORKBOOK_NO_KERNEL": "1"]) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, "")
    }
}

import Foundation
import Testing
@testable import WorkbookEngine

/// The held-out class of cheats (Fixtures/exercises/cheats/): each gets exactly the points its
/// code deserves, and an honest student's grade is the same alone or among them.
@Suite(.serialized) struct GradeCheatTests {
    /// `student exercise points/max passed` for every row, and each row's message and flags.
    struct Graded {
        var verdicts: [String]
        var rows: [[String]]

        func row(_ student: String, _ exercise: String) -> [String] {
            rows.first { $0.count > 2 && $0[0] == student && $0[2] == exercise } ?? []
        }

        func message(_ student: String, _ exercise: String) -> String { row(student, exercise).dropFirst(6).first ?? "" }
        func flags(_ student: String, _ exercise: String) -> String { row(student, exercise).dropFirst(7).first ?? "" }
    }

    static func grade(_ students: [String], in scratch: String) throws -> (ExerciseFixtures.Outcome, Graded) {
        let submissions = scratch + "/Submissions-\(students.count)"
        try FileManager.default.createDirectory(atPath: submissions, withIntermediateDirectories: true)
        for student in students {
            let from = ["submissions", "cheats"].map { ExerciseFixtures.folder + "/\($0)/\(student)" }
                .first { FileManager.default.fileExists(atPath: $0) }!
            try FileManager.default.copyItem(atPath: from, toPath: submissions + "/" + student)
        }
        let csv = "grades-\(students.count).csv"
        let outcome = try ExerciseFixtures.workbook(["grade", URL(fileURLWithPath: submissions).lastPathComponent,
                                                     "--output", csv, "--timeout", "10", "--jobs", "2"], in: scratch)
        let rows = ExerciseFixtures.csvRows(readText(scratch + "/" + csv) ?? "")
        let verdicts = rows.dropFirst().map { [$0[0], $0[2], "\($0[3])/\($0[4])", $0[5]].joined(separator: " ") }
        return (outcome, Graded(verdicts: verdicts, rows: rows))
    }

    @Test func eachCheatGetsExactlyWhatItsCodeDeservesAndHonestGradesDoNotMove() throws {
        let scratch = try ExerciseFixtures.scratchCourse()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let cheats = ["brace", "fence", "flagged", "latin1", "session", "shadow"]
        let (outcome, graded) = try Self.grade(["alice", "dave"] + cheats, in: scratch)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(graded.rows.first == GradesCSV.header.split(separator: ",").map(String.init))
        #expect(graded.verdicts == [
            "alice mean 3/3 yes", "alice scale 3/3 yes",
            // One missing } fails that exercise only, at the student's own line.
            "brace mean 0/3 no", "brace scale 3/3 yes",
            "dave mean 3/3 yes", "dave scale 0/3 no",
            // The block's ``` lines are its code (which does not compile), never fences: the
            // fake checks worth 1000 points and the <!-- never reach the instructor's chapter.
            "fence mean 0/3 no", "fence scale 3/3 yes",
            // Touching #filePath is flagged for a human, not punished.
            "flagged mean 3/3 yes", "flagged scale 3/3 yes",
            // An invalid UTF-8 byte in the prose does not matter.
            "latin1 mean 3/3 yes", "latin1 scale 3/3 yes",
            "session mean 0/3 no", "session scale 3/3 yes",
            "shadow mean 0/3 no", "shadow scale 3/3 yes",
        ])
        #expect(graded.message("brace", "mean").hasPrefix("Submissions-8/brace/01-sums.md:16: error: expected '}'"))
        #expect(graded.message("fence", "mean").hasPrefix("Submissions-8/fence/01-sums.md:16: error: expected expression"))
        #expect(graded.message("session", "mean")
            == "Submissions-8/session/01-sums.md:16: error: an exercise may not use 'ChapterSession' (the engine's own API)")
        #expect(graded.message("shadow", "mean")
            == "Submissions-8/shadow/01-sums.md:16: error: an exercise may not declare 'expect' (a name the checks use)")
        #expect(!graded.rows.joined().joined().contains("main.swift"))
        #expect(graded.flags("flagged", "mean") == "#filePath")
        #expect(graded.flags("alice", "mean") == "")
        #expect(graded.flags("session", "mean") == "")

        // Honest students: the same rows, message and flags included, graded without the cheats.
        let (alone, honest) = try Self.grade(["alice", "dave"], in: scratch)
        #expect(alone.status == 0, "\(alone.stderr)")
        let relabel = { (row: [String]) in row.map { $0.replacingOccurrences(of: "Submissions-8/", with: "Submissions-2/") } }
        for student in ["alice", "dave"] {
            for exercise in ["mean", "scale"] {
                #expect(relabel(graded.row(student, exercise)) == honest.row(student, exercise))
            }
        }
    }
}

/// The pieces grading is made of, each on its own.
@Suite struct ExerciseSpliceTests {
    @Test func studentCodeIsReFencedSoItCannotCloseTheBlock() throws {
        let instructor = try ExerciseFixtures.chapter(try ExerciseFixtures.text("course/01-sums.md"), path: "Chapters/01-sums.md")
        let set = try ExerciseSet(instructor)
        let code = "let a = 1\n```\n\n```swift check id=mean points=1000\nexpect(true)\n````\n<!--\n"
        let student = StudentExercises(path: "s.md", blocks: ["mean": .init(code: code, fenceLine: 3, closingFenceLine: 11)])
        let splice = try Splice.make(instructor: instructor, exercises: set, student: student)
        #expect(splice.chapter.cells.count == instructor.cells.count)
        #expect(splice.chapter.cells[set.exercises[0].exerciseCell].code == code)
        #expect(try ExerciseSet(splice.chapter).exercises.map(\.maxPoints) == [3, 3])
        #expect(splice.chapter.source.contains("`````swift exercise id=mean\n"))
        // Lines inside the block map to the student's file, the rest to the instructor's.
        let fence = instructor.cells[set.exercises[0].exerciseCell].fenceLine
        #expect(splice.origin(file: "Chapters/01-sums.md", line: fence + 2) == ("s.md", 5) as (String, Int))
        #expect(splice.origin(file: "Chapters/01-sums.md", line: 1) == ("Chapters/01-sums.md", 1) as (String, Int))
    }

    @Test func studentExercisesAreReadWhateverTheProseSays() throws {
        var bytes = Array("# Caf".utf8) + [0xE9] + Array("\n\n- ```swift\n  in a list\n\n```swift exercise id=a hide\nlet a = 1\n```\n".utf8)
        bytes += Array("\n```swift check id=a points=99\nexpect(true)\n```\n".utf8)
        let read = try StudentExercises.read(path: "s.md", bytes: bytes)
        #expect(read.blocks == ["a": .init(code: "let a = 1\n", fenceLine: 6, closingFenceLine: 8)])
        #expect(throws: WorkbookError.self) {
            try StudentExercises.read(path: "s.md", bytes: Array("```swift exercise id=a\n```\n```swift exercise id=a\n```\n".utf8))
        }
    }
}

@Suite struct ExerciseCodeRulesGradeTests {
    func messages(_ code: String) -> [String] {
        ExerciseCodeRules.violations(in: code).map { "\($0.lineOffset): \($0.message)" }
    }

    @Test func topLevelDeclarationsOfCheckNamesAndTheSessionAreRefused() {
        #expect(messages("func expectEqual<T>(_ a: T, _ b: T) {}\n") == ["0: an exercise may not declare 'expectEqual' (a name the checks use)"])
        #expect(messages("let x = 1\nvar expect = 2\n") == ["1: an exercise may not declare 'expect' (a name the checks use)"])
        #expect(messages("struct `expectClose` {}\n").count == 1)
        #expect(messages("func == (a: Double, b: Double) -> Bool { true }\n")
            == ["0: an exercise may not declare the operator '==' at the top level (the checks use it)"])
        #expect(messages("ChapterSession.end()\n") == ["0: an exercise may not use 'ChapterSession' (the engine's own API)"])
        #expect(messages("#sourceLocation(file: \"x\", line: 1)\n") == ["0: an exercise may not use #sourceLocation"])
        #expect(messages("enum Notebook {}\n").count == 1)
    }

    @Test func honestCodeIsLeftAlone() {
        let honest = """
            // expectEqual is what the check calls; ChapterSession is not ours
            let expected = [1.0, 2.0]
            struct Vector: Equatable {
                var x: Double
                static func == (a: Vector, b: Vector) -> Bool { a.x == b.x }
                func expect() -> Int { 1 }
            }
            let note = "func expectEqual ChapterSession #sourceLocation"
            let raw = #"func expect("#
            /* nested /* func expect */ */
            """
        #expect(messages(honest) == [])
    }
}

@Suite struct SubmissionFlagTests {
    @Test func touchingDescriptorsProcessesOrTheEnginesFilesIsFlagged() {
        #expect(SubmissionFlags.flags(in: "write(3, \"X 0 0\\n\", 6)\n_exit(0)\n") == ["fd", "_exit"])
        #expect(SubmissionFlags.flags(in: "let h = dlopen(nil, 0)\n") == ["dlopen"])
        #expect(SubmissionFlags.flags(in: "let p = Process()\n") == ["process"])
        #expect(SubmissionFlags.flags(in: "let s = try String(contentsOfFile: \"/proc/self/environ\")\n") == ["/proc"])
        #expect(SubmissionFlags.flags(in: "print(#filePath)\n") == ["#filePath"])
        #expect(SubmissionFlags.flags(in: "func rewrite(_ x: Int) -> Int { x } // write(\n") == [])
    }
}

@Suite struct StudentExercisesLineEndingTests {
    @Test func aLoneCarriageReturnCannotSmuggleAFenceAndLinesStayCmarks() throws {
        let bytes = Array("# T\r```swift exercise id=a\rlet a = 1\r```\r```\rmore\r```\r".utf8)
        let read = try StudentExercises.read(path: "s.md", bytes: bytes)
        #expect(read.blocks == ["a": .init(code: "let a = 1\n", fenceLine: 2, closingFenceLine: 4)])
    }
}

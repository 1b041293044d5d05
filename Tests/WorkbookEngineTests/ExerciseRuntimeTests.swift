import Foundation
import Testing
@testable import WorkbookEngine

/// The check API as a running chapter uses it, and the grader's replacement of broken answers.
@Suite struct ExerciseRuntimeTests {
    private func grade(_ markdown: String, start: AnswerSource = .student) throws -> ExerciseGrader.Outcome {
        let chapter = try ChapterParser.parse(path: "Chapters/ch.md", bytes: Array(markdown.utf8))
        return ExerciseGrader(toolchain: try pipelineToolchain(), options: RunOptions())
            .check(chapter, exercises: try ExerciseSet(chapter), start: start)
    }

    // Issue 14: a trap in the student's own function was reported at the check that called it.
    @Test func aTrapInTheStudentsFunctionIsReportedWhereItHappened() throws {
        let markdown = """
            # Sums

            ```swift exercise id=total
            func total(_ xs: [Int]) -> Int {
                var sum = 0
                for i in 0...xs.count { sum += xs[i] }
                return sum
            }
            ```

            ```swift solution id=total
            func total(_ xs: [Int]) -> Int { xs.reduce(0, +) }
            ```

            ```swift check id=total points=2
            expectEqual(total([1, 2, 3]), 6)
            ```

            """
        let outcome = try grade(markdown)
        let exercise = try #require(outcome.check.exercises.first)
        #expect(!exercise.passed)
        let finding = try #require(exercise.findings.first)
        #expect(finding.line == 6)  // `for i in 0...xs.count`, not the check on line 16
        #expect(finding.message == "Fatal error: Index out of range (reached from line 16)")
    }

    @Test func aTrapsFramesInChapterCodeAreNamedInTheCrashReport() throws {
        let chapter = try ChapterParser.parse(path: "Chapters/ch.md", bytes: Array("""
            ```swift
            func inner(_ xs: [Int]) -> Int { xs[7] }
            func outer() -> Int { inner([1]) + 1 }
            ```

            ```swift
            print(outer())
            ```

            """.utf8))
        let toolchain = try pipelineToolchain()
        let plan = Planner.plan(chapter, toolchain: toolchain, options: RunOptions())
        let result = Executor.run(plan, chapter: chapter, toolchain: toolchain, options: RunOptions())
        #expect(result.cells[1].status == .crashed)
        #expect(result.cells[1].trapLine == 2)
        let report = try #require(result.cells[1].crashReport)
        #expect(report.hasSuffix("In the chapter, innermost first:\n  line 2: inner(_:)\n  line 3: outer()\n  line 7: main"))
    }

    @Test func failedExpectationsAreRecordedWithTheirLineAndTheChapterGoesOn() throws {
        let markdown = """
            # Checks

            ```swift exercise id=m
            let m: [[Double]] = [[1, 2], [3, 4.5]]
            ```

            ```swift check id=m points=4
            expectClose(m, [[1, 2], [3, 4]], tolerance: 0.1)
            expectClose(m, [[1, 2, 3]])
            expectEqual(m.count, 2)
            expect(m[0][0] > 5, "first entry too small")
            expectClose(0.1 + 0.2, 0.3)
            // Any type can take part by conforming, as the course's tensor does.
            struct Grid: ApproximatelyComparable {
                var comparisonShape: [Int] { [1, 2] }
                var comparisonValues: [Double] { [7, 8] }
            }
            expectClose(Grid(), [[7, 8.0000001]])
            expectClose(Grid(), [7, 8])
            ```

            ```swift
            print("still running")
            ```

            """
        let outcome = try grade(markdown)
        let check = outcome.result.cells[1]
        #expect(check.expectations?.passed == 3)
        #expect(check.expectations?.failed == 4)
        #expect(check.expectations?.failures == [
            ExpectationFailure(file: "Chapters/ch.md", line: 8, message: "not within tolerance 0.1: difference 0.5 at [1, 1]",
                               expected: "[[1.0, 2.0], [3.0, 4.0]]", actual: "[[1.0, 2.0], [3.0, 4.5]]"),
            ExpectationFailure(file: "Chapters/ch.md", line: 9, message: "shapes differ: expected [1, 3], got [2, 2]",
                               expected: "[[1.0, 2.0, 3.0]]", actual: "[[1.0, 2.0], [3.0, 4.5]]"),
            ExpectationFailure(file: "Chapters/ch.md", line: 11, message: "first entry too small"),
            ExpectationFailure(file: "Chapters/ch.md", line: 19, message: "shapes differ: expected [2], got [1, 2]",
                               expected: "[7.0, 8.0]", actual: "[[7.0, 8.0]]"),
        ])
        #expect(outcome.result.cells[2].stdout.text == "still running\n")
        let exercise = try #require(outcome.check.exercises.first)
        #expect(!exercise.passed)
        #expect(exercise.points == 0)
        #expect(exercise.maxPoints == 4)
        #expect(exercise.findings.map(\.line) == [8, 9, 11, 19])
    }

    @Test func brokenAnswersAreReplacedOneByOneAndTheRestStillGraded() throws {
        let markdown = """
            # Three

            ```swift exercise id=trap
            let a = [1][3]
            ```

            ```swift solution id=trap
            let a = 3
            ```

            ```swift check id=trap points=1
            expectEqual(a, 3)
            ```

            ```swift exercise id=typo
            let b: Int = "two"
            ```

            ```swift solution id=typo
            let b = 2
            ```

            ```swift check id=typo points=2
            expectEqual(b, 2)
            ```

            ```swift exercise id=fine
            let c = a + b
            ```

            ```swift solution id=fine
            let c = 5
            ```

            ```swift check id=fine points=4
            expectEqual(c, 5)
            ```

            """
        let outcome = try grade(markdown)
        #expect(outcome.check.exercises.map(\.id) == ["trap", "typo", "fine"])
        #expect(outcome.check.exercises.map(\.points) == [0, 0, 4])
        #expect(outcome.check.exercises.map(\.replacedByReference) == [true, true, false])
        // First run: does not compile (typo); second: traps (trap); third gets through.
        #expect(outcome.check.runs == 3)
        #expect(outcome.check.exercises[0].findings.map(\.message) == ["Fatal error: Index out of range"])
        #expect(outcome.check.exercises[0].findings.map(\.line) == [4])
        #expect(outcome.check.exercises[1].findings.first?.line == 16)
        #expect(outcome.check.exercises[1].findings.first?.message.hasPrefix("error: cannot convert value of type 'String'") == true)

        let reference = try grade(markdown, start: .reference)
        #expect(reference.check.runs == 1)
        #expect(reference.check.points == 7)
        #expect(reference.check.passed)
    }

    @Test func anEndlessExerciseTimesOutAndIsReplaced() throws {
        let markdown = """
            # Loop

            ```swift exercise id=spin timeout=1
            var n = 0
            while n >= 0 { n = (n + 1) % 7 }
            ```

            ```swift solution id=spin
            var n = 1
            ```

            ```swift check id=spin
            expectEqual(n, 1)
            ```

            ```swift exercise id=after
            let m = n + 1
            ```

            ```swift check id=after points=2
            expectEqual(m, 2)
            ```

            """
        let outcome = try grade(markdown)
        #expect(outcome.check.exercises.map(\.points) == [0, 2])
        #expect(outcome.check.exercises[0].findings.map(\.message) == ["timed out after 1 s"])
        #expect(outcome.check.exercises[0].findings.map(\.line) == [4])
    }
}

/// A run that stops in an ordinary cell because of a student's code.
@Suite struct ExerciseBlameTests {
    @Test func theExerciseWhoseReplacementGetsPastTheStopIsBlamed() throws {
        let markdown = """
            # Blame

            ```swift exercise id=half
            func half(_ x: Int) -> Int {
                precondition(x < 3, "too big")
                return x / 2
            }
            ```

            ```swift solution id=half
            func half(_ x: Int) -> Int { x / 2 }
            ```

            ```swift check id=half
            expectEqual(half(2), 1)
            ```

            ```swift
            print(half(8))
            ```

            ```swift exercise id=twice
            func double(_ x: Int) -> Int { 2 * x }
            ```

            ```swift solution id=twice
            func twice(_ x: Int) -> Int { 2 * x }
            ```

            ```swift check id=twice points=2
            expect(true)
            ```

            ```swift
            print(twice(3))
            ```

            ```swift exercise id=fine
            let three = 3
            ```

            ```swift check id=fine points=4
            expectEqual(three, 3)
            ```

            """
        let chapter = try ChapterParser.parse(path: "Chapters/ch.md", bytes: Array(markdown.utf8))
        let outcome = ExerciseGrader(toolchain: try pipelineToolchain(), options: RunOptions())
            .check(chapter, exercises: try ExerciseSet(chapter), start: .student)
        #expect(outcome.check.exercises.map(\.points) == [0, 0, 4])
        #expect(outcome.check.exercises.map(\.replacedByReference) == [true, true, false])
        // Run 1 does not compile (twice is gone): replacing `twice` compiles, and stops at
        // `print(half(8))`; replacing `half` then gets through.
        #expect(outcome.check.runs == 3)
        #expect(outcome.check.exercises[1].findings.map(\.line) == [23, 35])
        #expect(outcome.check.exercises[1].findings.last?.message.contains("cannot find 'twice' in scope") == true)
        #expect(outcome.check.exercises[0].findings.map(\.line) == [4, 19])
        #expect(outcome.check.exercises[0].findings.last?.message.contains("too big") == true)
        #expect(outcome.check.problems.isEmpty)
    }
}

/// `check --student` on a student's own copy, where no solution can stand in.
@Suite struct ExerciseOwnCopyTests {
    private func check(_ student: String) throws -> ChapterCheck {
        let path = ExerciseFixtures.folder + "/submissions/\(student)/01-sums.md"
        let chapter = try Workbook.loadChapter(path)
        return ExerciseGrader(toolchain: try pipelineToolchain(), options: RunOptions())
            .check(chapter, exercises: try ExerciseSet(chapter), start: .student).check
    }

    @Test func aBrokenExerciseIsLeftOutAndTheOthersStillRun() throws {
        let bob = try check("bob")
        #expect(bob.exercises.map(\.points) == [0, 3])
        #expect(bob.exercises.map(\.replacement) == [.omitted, nil])
        #expect(bob.exercises[0].findings.map(\.message) == ["Fatal error: Index out of range"])
        #expect(bob.problems.isEmpty)

        let dave = try check("dave")
        #expect(dave.exercises.map(\.points) == [2, 0])
        #expect(dave.exercises.map(\.replacement) == [nil, .omitted])
        #expect(dave.exercises[1].findings.map(\.line) == [29])
        #expect(dave.runs == 2)
    }
}

import Testing
@testable import WorkbookEngine

/// What each edition runs and shows.
@Suite struct ExerciseEditionTests {
    private let markdown = "```swift exercise id=a\nlet a = 0\n```\n\n```swift solution id=a\nlet a = 1\n```\n\n"
        + "```swift check id=a hidden\nexpectEqual(a, 1)\n```\n\n```swift skip\nslow()\n```\n"

    @Test func studentEditionHidesSolutionsAndHiddenCheckCode() throws {
        let chapter = try ExerciseFixtures.chapter(markdown)
        let shown = Edition.student.displayed(chapter)
        #expect(shown.blocks == [.cell(index: 0), .cell(index: 2), .cell(index: 3)])
        #expect(shown.cells[2].attributes.hide)
        #expect(shown.cells.count == 4)  // indices still match the results
        #expect(Edition.instructor.displayed(chapter) == chapter)
        #expect(Edition.student.runKinds == [.code, .exercise, .check])
        #expect(Edition.instructor.runKinds == [.code, .solution, .check])
    }

    @Test func eachEditionRunsOneAnswerAndAnExerciseWithoutSolutionRunsInBoth() throws {
        let chapter = try ExerciseFixtures.chapter(markdown + "\n```swift exercise id=open\nlet b = 2\n```\n\n"
            + "```swift check id=open\nexpect(b > 0)\n```\n")
        func skipped(_ edition: Edition) -> [Bool] { edition.runnable(chapter).cells.map(\.attributes.skip) }
        #expect(skipped(.instructor) == [true, false, false, true, false, false])
        #expect(skipped(.student) == [false, true, false, true, false, false])
        let plan = Planner.plan(Edition.instructor.runnable(chapter),
                                toolchain: Toolchain(swiftc: "swiftc", courseDirectory: "/c", compilerVersion: "v", fingerprint: "f"),
                                options: RunOptions(), runKinds: AnswerPlanning.allKinds)
        #expect(plan.runningCells == [1, 2, 4, 5])
    }

    @Test func theAnswerAnEditionDoesNotRunIsNotCountedAsSkipped() throws {
        let chapter = try ExerciseFixtures.chapter(markdown)
        let result = ChapterResult(path: "ch.md", status: .passed, cells: [
            CellResult(index: 0, status: .skipped), CellResult(index: 1, status: .ok),
            CellResult(index: 2, status: .ok), CellResult(index: 3, status: .skipped),
        ])
        let counts = CellCounts(result, cells: chapter.cells)
        #expect(counts.skipped == 1)
        #expect(counts.description == "2 ok · 1 skipped · 1 of 1 exercise, 1/1 point")
    }

    // Issue 14: the summary said `4 exercises`, not how many passed or the points.
    @Test func countsSayExercisesPassedAndPointsEarned() throws {
        let chapter = try ExerciseFixtures.chapter("""
            ```swift exercise id=a
            let a = 0
            ```

            ```swift check id=a points=2
            expect(a == 0)
            ```

            ```swift exercise id=b
            let b = 0
            ```

            ```swift check id=b points=3
            expect(b == 1)
            ```

            ```swift check id=b
            print(b)
            ```

            ```output
            1
            ```

            """)
        let result = ChapterResult(path: "ch.md", status: .failed, cells: [
            CellResult(index: 0, status: .ok), CellResult(index: 1, status: .ok, expectations: ExpectationTally(passed: 1, failed: 0)),
            CellResult(index: 2, status: .ok), CellResult(index: 3, status: .ok, expectations: ExpectationTally(passed: 0, failed: 1)),
            CellResult(index: 4, status: .ok, stdout: CapturedText(text: "0\n")),
        ])
        let counts = CellCounts(result, cells: chapter.cells)
        #expect(counts.exercisesPassed == 1)
        #expect(counts.points == 2)
        #expect(counts.maxPoints == 6)
        #expect(counts.description == "5 ok · 1 of 2 exercises, 2/6 points")
    }

    @Test func aFailedExpectationFailsAChapterThatRanToItsEnd() {
        let failing = ChapterResult(path: "ch.md", status: .passed, cells: [
            CellResult(index: 0, status: .ok, expectations: ExpectationTally(passed: 2, failed: 1)),
        ])
        #expect(failing.withExpectationVerdict().status == .failed)
        var passing = failing
        passing.cells[0].expectations = ExpectationTally(passed: 3)
        #expect(passing.withExpectationVerdict().status == .passed)
        var crashed = failing
        crashed.status = .crashed
        #expect(crashed.withExpectationVerdict().status == .crashed)
    }
}

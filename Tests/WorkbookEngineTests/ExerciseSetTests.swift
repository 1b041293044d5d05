import Testing
@testable import WorkbookEngine

/// Malformed exercise blocks are bad input, reported at the block's fence line.
@Suite struct ExerciseSetTests {
    @Test func readsTheFixtureCoursesExercises() throws {
        let set = try ExerciseSet(try ExerciseFixtures.chapter(try ExerciseFixtures.text("course/01-sums.md")))
        #expect(set.exercises.map(\.id) == ["mean", "scale"])
        #expect(set.exercises.map(\.maxPoints) == [3, 3])
        #expect(set.exercises[0].checkCells.count == 2)
        #expect(set.exercises.allSatisfy { $0.solutionCell != nil })
    }

    @Test func solutionWithoutItsExercise() {
        #expect(ExerciseFixtures.exerciseError("# T\n\n```swift solution id=a\nlet x = 1\n```\n")
            == "ch.md:3: error: solution 'a' has no ```swift exercise id=a block")
    }

    @Test func checkNamingNoExercise() {
        let markdown = "```swift exercise id=a\n```\n\n```swift check id=a\n```\n\n```swift check id=b points=2\n```\n"
        #expect(ExerciseFixtures.exerciseError(markdown)
            == "ch.md:7: error: check names no exercise: there is no ```swift exercise id=b block")
        #expect(ExerciseFixtures.exerciseError("```swift exercise id=a\n```\n\n```swift check\n```\n")
            == "ch.md:4: error: a check must name its exercise: ```swift check id=NAME points=N")
    }

    @Test func duplicateExerciseAndSolutionIds() {
        #expect(ExerciseFixtures.exerciseError("```swift exercise id=a\n```\n\n```swift exercise id=a\n```\n")
            == "ch.md:4: error: duplicate cell id 'a' (first used on line 1)")
        let solutions = "```swift exercise id=a\n```\n\n```swift solution id=a\n```\n\n```swift solution id=a\n```\n"
        #expect(ExerciseFixtures.exerciseError(solutions) == "ch.md:7: error: duplicate cell id 'a' (first used on line 4)")
    }

    @Test func exerciseSolutionAndSeveralChecksShareAnId() throws {
        let markdown = "```swift exercise id=a\n```\n\n```swift solution id=a\n```\n\n"
            + "```swift check id=a points=2\n```\n\n```swift check id=a points=0.5 hidden\n```\n"
        let set = try ExerciseSet(try ExerciseFixtures.chapter(markdown))
        #expect(set.exercises.count == 1)
        #expect(set.exercises[0].maxPoints == 2.5)
        #expect(set.exercises[0].checkCells == [2, 3])
    }

    @Test func pointsMustBeANumber() {
        #expect(ExerciseFixtures.exerciseError("```swift exercise id=a\n```\n\n```swift check id=a points=many\n```\n")
            == "ch.md:4: error: points must be a finite number, not 'many'")
    }

    @Test func exerciseWithoutACheck() {
        #expect(ExerciseFixtures.exerciseError("# T\n\n```swift exercise id=lonely\n```\n")
            == "ch.md:3: error: exercise 'lonely' has no check: add ```swift check id=lonely points=N")
    }

    @Test func exerciseNeedsAnIdAndOnlyChecksCarryPoints() {
        #expect(ExerciseFixtures.exerciseError("```swift exercise\n```\n")
            == "ch.md:1: error: an exercise needs an id: ```swift exercise id=NAME")
        #expect(ExerciseFixtures.exerciseError("```swift points=3\n```\n")
            == "ch.md:1: error: only a check carries points=")
        #expect(ExerciseFixtures.exerciseError("```swift hidden\n```\n") == "ch.md:1: error: only a check can be hidden")
    }
}

import Foundation
import Testing
@testable import WorkbookEngine

/// The cheats that go through the program rather than the Markdown (Fixtures/exercises/cheats/):
/// a forged end record, a channel flood, a daemon that outlives the run, and sabotage of a
/// classmate and of the instructor's chapter. Graded by `workbook grade` in its sandbox, each
/// gets what its code deserves, and nobody else's grade or file moves.
@Suite(.serialized) struct GradeSandboxCheatTests {
    @Test func programLevelCheatsGetWhatTheirCodeDeservesAndTouchNothing() throws {
        try #require(Sandbox.unavailableReason == nil)
        let scratch = try ExerciseFixtures.scratchCourse()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let chapter = readText(scratch + "/Chapters/01-sums.md")
        let (outcome, graded) = try GradeCheatTests.grade(["alice", "daemon", "flooder", "forger", "saboteur"], in: scratch)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(graded.verdicts == [
            "alice mean 3/3 yes", "alice scale 3/3 yes",
            // Its mean is right; the daemon it started died with the run.
            "daemon mean 3/3 yes", "daemon scale 3/3 yes",
            // An 8 MiB+ display ends that run: the exercise fails, the other is still graded.
            "flooder mean 0/3 no", "flooder scale 3/3 yes",
            // `write(3, "X 0 0\n"); _exit(0)`: the forged end is refused, its checks never ran.
            "forger mean 0/3 no", "forger scale 3/3 yes",
            // Its mean is right; the files it tried to write were not there to write.
            "saboteur mean 3/3 yes", "saboteur scale 3/3 yes",
        ])
        #expect(graded.message("forger", "mean").contains("not a record"))
        #expect(graded.message("flooder", "mean").contains("8 MiB"))
        let csv = readText(scratch + "/grades-5.csv")
        // Give a surviving daemon (2 s sleep) the time to act, then look for its traces.
        usleep(3_000_000)
        #expect(readText(scratch + "/grades-5.csv") == csv)
        #expect(readText(scratch + "/Chapters/01-sums.md") == chapter)
        let alice = try ExerciseFixtures.text("submissions/alice/01-sums.md")
        #expect(readText(scratch + "/Submissions-5/alice/01-sums.md") == alice)
    }
}

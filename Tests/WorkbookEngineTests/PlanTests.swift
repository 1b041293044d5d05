import Foundation
import Testing
@testable import WorkbookEngine

@Suite("Plan: program and cache key")
struct PlanTests {
    /// Planning needs no compiler, so these use a fixed toolchain description.
    let toolchain = Toolchain(swiftc: "/usr/bin/swiftc", courseDirectory: "/course",
                              compilerVersion: "Swift version 6.3.1", fingerprint: "abc")

    func key(_ edit: (String) -> String = { $0 }, options: RunOptions = RunOptions(),
             toolchain: Toolchain? = nil) throws -> String {
        let chapter = try ExecuteFixtures.chapter("shared-state", edit: edit)
        return Planner.plan(chapter, toolchain: toolchain ?? self.toolchain, options: options).cacheKey
    }

    @Test func programWrapsEveryCellInItsSourceLocation() throws {
        let chapter = try ExecuteFixtures.chapter("shared-state")
        let plan = Planner.plan(chapter, toolchain: toolchain, options: RunOptions())
        #expect(plan.cells.map(\.role) == [.run, .run, .run, .displayOnly, .displayOnly, .run])
        let location = "#sourceLocation(file: \"Fixtures/execute/shared-state.md\", line: \(chapter.cells[1].firstCodeLine))\ntotal += 2\n"
        #expect(plan.program.contains(location))
        #expect(!plan.program.contains("this is not Swift"))
        #expect(!plan.program.contains("an exercise"))
        // The inline values come after the third cell and before the last one.
        let inline = try #require(plan.program.range(of: ".inline(0, (total * 10))"))
        let third = try #require(plan.program.range(of: "beginCell(2)"))
        let last = try #require(plan.program.range(of: "beginCell(5)"))
        #expect(third.upperBound < inline.lowerBound && inline.upperBound < last.lowerBound)
    }

    @Test func studentModeRunsExercisesThroughTheSeam() throws {
        let chapter = try ExecuteFixtures.chapter("shared-state")
        let plan = Planner.plan(chapter, toolchain: toolchain, options: RunOptions(), runKinds: [.code, .exercise, .check])
        #expect(plan.cells[4].role == .run)
        #expect(plan.program.contains("an exercise"))
        #expect(plan.cacheKey != Planner.plan(chapter, toolchain: toolchain, options: RunOptions()).cacheKey)
    }

    @Test func compileFailCellGetsItsOwnProgramOfTheCellsBefore() throws {
        let chapter = try ExecuteFixtures.chapter("compile-fail")
        let plan = Planner.plan(chapter, toolchain: toolchain, options: RunOptions())
        #expect(plan.cells.map(\.role) == [.run, .compileFail, .run])
        #expect(!plan.program.contains("n = 2\n#"))
        let check = try #require(plan.compileFailPrograms.first)
        #expect(check.cellIndex == 1)
        #expect(check.source.contains("let n = 1") && check.source.contains("n = 2"))
        #expect(!check.source.contains("print(n + 1)"))
        // Both programs see the course and the runtime (`expect`…); only the main one talks to the engine.
        for source in [plan.program, check.source] {
            #expect(source.hasPrefix("import Course\nimport WorkbookRuntime\n"))
        }
        #expect(!check.source.contains("ChapterSession"))
    }

    @Test func proseEditsAndHideKeepTheKey() throws {
        let base = try key()
        #expect(try key { $0.replacingOccurrences(of: "Prose between cells.", with: "New prose\n\nwith more lines.") } == base)
        #expect(try key { $0.replacingOccurrences(of: "```swift hide", with: "```swift") } == base)
        #expect(try key { $0.replacingOccurrences(of: "this is not Swift", with: "still not Swift") } == base)
    }

    @Test func codeTimeoutsAndToolchainChangeTheKey() throws {
        let base = try key()
        #expect(try key { $0.replacingOccurrences(of: "total += 2", with: "total += 3") } != base)
        #expect(try key { $0.replacingOccurrences(of: "```swift hide", with: "```swift hide timeout=5") } != base)
        #expect(try key { $0.replacingOccurrences(of: "`{swift} total * 10`", with: "`{swift} total * 11`") } != base)
        #expect(try key { $0.replacingOccurrences(of: "```swift skip", with: "```swift") } != base)
        var options = RunOptions()
        options.timeout = 30
        #expect(try key(options: options) != base)
        options = RunOptions()
        options.outputLimit = 1000
        #expect(try key(options: options) != base)
        var other = toolchain
        other.fingerprint = "def"
        #expect(try key(toolchain: other) != base)
        other = toolchain
        other.compilerVersion = "Swift version 6.4"
        #expect(try key(toolchain: other) != base)
        // Settings that only change how pages look do not.
        options = RunOptions()
        options.showTimings = true
        options.jobs = 7
        #expect(try key(options: options) == base)
    }
}

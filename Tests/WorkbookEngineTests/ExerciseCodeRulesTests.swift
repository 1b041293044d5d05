import Foundation
import Testing
@testable import WorkbookEngine

@Suite("Exercises: code rules in build and check, and the attributes that reach past the glue")
struct ExerciseCodeRulesExecutorTests {
    func messages(_ code: String) -> [String] {
        ExerciseCodeRules.violations(in: code).map { "\($0.lineOffset): \($0.message)" }
    }

    @Test func attributesThatReachTheRuntimeInternalsAreRefused() {
        #expect(messages("@testable import WorkbookRuntime\n") == ["0: an exercise may not use @testable"])
        #expect(messages("@_silgen_name(\"x\") func begin()\n") == ["0: an exercise may not use @_silgen_name"])
        #expect(messages("@main struct M { static func main() {} }\n").first == "0: an exercise may not use @main")
        #expect(messages("let __workbookSession_00 = 1\n")
                == ["0: an exercise may not declare '__workbookSession_00' (a name the checks use)"])
        #expect(messages("func expectThrows() {}\n").count == 1)
        #expect(messages("let expected = 1\nlet expectation = 2\n").isEmpty)
    }

    @Test func aShadowingExerciseFailsToCompileWithItsLine() throws {
        let chapter = try ChapterParser.parse(path: "shadow.md", bytes: Array("""
        # Shadow

        ```swift exercise id=sum
        func sum(_ xs: [Int]) -> Int { 0 }
        func expectEqual<T>(_ a: T, _ b: T, file: StaticString = #filePath, line: UInt = #line) -> Bool { true }
        ```

        ```swift check id=sum
        expectEqual(sum([1, 2]), 3)
        ```

        """.utf8))
        let toolchain = try ExecuteFixtures.toolchainOrFail()
        let plan = Planner.plan(chapter, toolchain: toolchain, options: RunOptions(), runKinds: [.code, .exercise, .check])
        let result = Executor.run(plan, chapter: chapter, toolchain: toolchain, options: RunOptions())
        #expect(result.status == .failedToCompile)
        #expect(result.cells[0].status == .compileError)
        #expect(result.cells[0].diagnostics.map { "\($0.file):\($0.line): \($0.severity): \($0.message)" }
                == ["shadow.md:5: error: an exercise may not declare 'expectEqual' (a name the checks use)"])
        #expect(result.cells[1].status == .notRun)
    }
}

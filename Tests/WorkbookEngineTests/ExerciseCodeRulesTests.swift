import Foundation
import Testing
@testable import WorkbookEngine

@Suite("Exercises: code an exercise block may not contain")
struct ExerciseCodeRulesTests {
    func messages(_ code: String) -> [String] {
        ExerciseCodeRules.violations(inCode: code, firstLine: 10, path: "ch.md")
            .map { "\($0.file):\($0.line):\($0.column): \($0.severity): \($0.message)" }
    }

    @Test func shadowingTheCheckFunctionsIsAnError() {
        let found = messages("""
        func sum(_ xs: [Int]) -> Int { 0 }
        func expectEqual<T>(_ a: T, _ b: T) -> Bool { true }
        public func `expect`(_ c: Bool) {}
        let expectClose = 1
        """)
        #expect(found == [
            "ch.md:11:6: error: an exercise may not declare `expectEqual`: the runtime and the checks use that name",
            "ch.md:12:13: error: an exercise may not declare `expect`: the runtime and the checks use that name",
            "ch.md:13:5: error: an exercise may not declare `expectClose`: the runtime and the checks use that name",
        ])
    }

    @Test func runtimeNamesAndDirectivesAreErrors() {
        let found = messages("""
        enum ChapterSession {}
        struct Notebook {}
        var (a, main) = (1, 2)
        #sourceLocation(file: "x.md", line: 1)
        @testable import WorkbookRuntime
        @_silgen_name("swift_beginCell") func begin()
        """)
        #expect(found.count == 6)
        #expect(found[2] == "ch.md:12:9: error: an exercise may not declare `main`: the runtime and the checks use that name")
        #expect(found[3].hasPrefix("ch.md:13:1: error: an exercise may not use #sourceLocation"))
        #expect(found[4].hasPrefix("ch.md:14:1: error: an exercise may not use @testable"))
        #expect(found[5].hasPrefix("ch.md:15:1: error: an exercise may not use @_silgen_name"))
    }

    @Test func ordinaryCodeStringsAndCommentsPass() {
        #expect(messages("""
        let expected = [1, 2]
        var expectation = 0.5
        func total(_ xs: [Int]) -> Int { xs.reduce(0, +) }  // func expect() in a comment
        let note = "func expectEqual and #sourceLocation in a string \\(expected.count)"
        let raw = #"let main = "x""#
        /* func expect() { /* nested */ } */
        let block = \"""
            func expectEqual()
            \"""
        """).isEmpty)
    }

    @Test func aShadowingExerciseFailsToCompileWithItsLine() throws {
        let chapter = try ChapterParser.parse(path: "shadow.md", bytes: Array("""
        # Shadow

        ```swift exercise id=sum
        func expectEqual<T>(_ a: T, _ b: T, file: StaticString = #filePath, line: UInt = #line) -> Bool { true }
        func sum(_ xs: [Int]) -> Int { 0 }
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
        #expect(result.cells[0].diagnostics.map(\.line) == [4])
        #expect(result.cells[1].status == .notRun)
    }
}

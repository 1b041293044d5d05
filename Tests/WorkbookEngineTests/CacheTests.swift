import Foundation
import Testing
@testable import WorkbookEngine

@Suite("Cache: hit and miss rules")
struct CacheTests {
    func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "/workbook-cache-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A chapter at `folder/deps.md` that records `Data/data.csv` as a dependency and prints it.
    func dependencyChapter(in folder: String) throws -> Chapter {
        let markdown = """
        # Reads a file

        ```swift
        import Foundation
        import WorkbookRuntime
        Notebook.recordDependency(path: "Data/data.csv")
        print(try! String(contentsOfFile: "Data/data.csv", encoding: .utf8), terminator: "")
        let unused = 1
        ```
        """
        return try ChapterParser.parse(path: folder + "/deps.md", bytes: Array(markdown.utf8))
    }

    @Test func storedResultComesBackUntilADataFileChanges() throws {
        let toolchain = try ExecuteFixtures.toolchainOrFail()
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/Data", withIntermediateDirectories: true)
        let data = URL(fileURLWithPath: folder + "/Data/data.csv").standardizedFileURL.resolvingSymlinksInPath().path
        try "1,2,3\n".write(toFile: data, atomically: true, encoding: .utf8)
        let chapter = try dependencyChapter(in: folder)
        let plan = Planner.plan(chapter, toolchain: toolchain, options: RunOptions())
        let result = Executor.run(plan, chapter: chapter, toolchain: toolchain, options: RunOptions())
        #expect(result.status == .passed)
        #expect(result.cells[0].stdout.text == "1,2,3\n")
        #expect(result.dependencies == [data: FileHash.sha256(ofFile: data)])
        #expect(result.dependencies[data]?.count == 64)

        let cache = ResultCache(directory: folder + "/cache")
        #expect(cache.lookup(plan) == nil)
        try cache.store(result, for: plan)
        var expected = result
        expected.fromCache = true
        #expect(cache.lookup(plan) == expected)

        try "1,2,4\n".write(toFile: data, atomically: true, encoding: .utf8)
        #expect(cache.lookup(plan) == nil)
        try FileManager.default.removeItem(atPath: data)
        #expect(cache.lookup(plan) == nil)
    }

    @Test func failedResultsAreNotStored() throws {
        let toolchain = try ExecuteFixtures.toolchainOrFail()
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let chapter = try ExecuteFixtures.chapter("trap")
        let plan = Planner.plan(chapter, toolchain: toolchain, options: RunOptions())
        let failed = ChapterResult(path: chapter.path, status: .crashed,
                                   cells: chapter.cells.map { CellResult(index: $0.index, status: .crashed) })
        let cache = ResultCache(directory: folder)
        try cache.store(failed, for: plan)
        #expect(cache.lookup(plan) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func diagnosticsFollowTheirCellAfterAProseEdit() throws {
        let toolchain = Toolchain(swiftc: "/usr/bin/swiftc", courseDirectory: "/course",
                                  compilerVersion: "test", fingerprint: "f")
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let chapter = try ExecuteFixtures.chapter("compile-fail-unexpected")
        let plan = Planner.plan(chapter, toolchain: toolchain, options: RunOptions())
        let warningLine = chapter.cells[0].firstCodeLine
        var cells = chapter.cells.map { CellResult(index: $0.index, status: .ok) }
        cells[0].diagnostics = [Diagnostic(file: chapter.path, line: warningLine, column: 5,
                                           severity: "warning", message: "never used")]
        let result = ChapterResult(path: chapter.path, status: .passed, cells: cells)
        let cache = ResultCache(directory: folder)
        try cache.store(result, for: plan)

        let moved = try ExecuteFixtures.chapter("compile-fail-unexpected") {
            $0.replacingOccurrences(of: "compiles\n", with: "compiles\n\nTwo\nnew lines.\n")
        }
        let movedPlan = Planner.plan(moved, toolchain: toolchain, options: RunOptions())
        #expect(movedPlan.cacheKey == plan.cacheKey)
        let hit = try #require(cache.lookup(movedPlan))
        #expect(hit.fromCache)
        #expect(hit.cells[0].diagnostics.first?.line == warningLine + 3)
        #expect(moved.cells[0].firstCodeLine == warningLine + 3)
    }

    @Test func storedFileIsSortedJSONAndNothingHalfWritten() throws {
        let toolchain = Toolchain(swiftc: "/usr/bin/swiftc", courseDirectory: "/course",
                                  compilerVersion: "test", fingerprint: "f")
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let chapter = try ExecuteFixtures.chapter("trap")
        let plan = Planner.plan(chapter, toolchain: toolchain, options: RunOptions())
        let result = ChapterResult(path: chapter.path, status: .passed,
                                   cells: chapter.cells.map { CellResult(index: $0.index, status: .ok) },
                                   inlineValues: [1: "b", 0: "a"])
        let cache = ResultCache(directory: folder)
        try cache.store(result, for: plan)
        let first = try Data(contentsOf: URL(fileURLWithPath: cache.file(for: plan)))
        try cache.store(result, for: plan)
        let second = try Data(contentsOf: URL(fileURLWithPath: cache.file(for: plan)))
        #expect(first == second)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [plan.cacheKey + ".json"])
        let text = String(decoding: first, as: UTF8.self)
        let keys = ["\"cacheKey\"", "\"formatVersion\"", "\"result\""].map { text.range(of: $0)!.lowerBound }
        #expect(keys == keys.sorted())
    }
}

import Foundation
import Testing
@testable import WorkbookEngine

/// Saving an exercise edited in the browser back into its chapter file.
@Suite struct ExerciseEditTests {
    static let chapter = "# Sums\r\n\r\nProse stays.\r\n\r\n```swift exercise id=sum\r\nfunc total() -> Int { 0 }\r\n```\r\n\r\n"
        + "```swift solution id=sum\r\nfunc total() -> Int { 6 }\r\n```\r\n\r\n```swift check id=sum points=2\r\nexpectEqual(total(), 6)\r\n```\r\n"

    @Test func onlyTheExerciseBlockChangesAndLineEndingsAndModeStay() throws {
        let folder = try makeScratchFolder(["Chapters/01-sums.md": Self.chapter])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/Chapters/01-sums.md"
        chmod(path, 0o640)
        let outcome = try ExerciseEdit.save(path: path, id: "sum", code: "func total() -> Int {\n    [1, 2, 3].reduce(0, +)\n}\n",
                                            expectedVersion: ExerciseEdit.version(of: path))
        #expect(outcome == .saved(version: ExerciseEdit.version(of: path)))
        let expected = Self.chapter.replacingOccurrences(
            of: "func total() -> Int { 0 }\r\n", with: "func total() -> Int {\r\n    [1, 2, 3].reduce(0, +)\r\n}\r\n")
        #expect(readText(path) == expected)
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o640)
    }

    @Test func aFileChangedOnDiskIsNotOverwritten() throws {
        let folder = try makeScratchFolder(["Chapters/01-sums.md": Self.chapter])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/Chapters/01-sums.md"
        let loaded = ExerciseEdit.version(of: path)
        try Data((Self.chapter + "more\r\n").utf8).write(to: URL(fileURLWithPath: path))
        let outcome = try ExerciseEdit.save(path: path, id: "sum", code: "x\n", expectedVersion: loaded)
        #expect(outcome == .changedOnDisk(current: ExerciseEdit.version(of: path)))
        #expect(readText(path) == Self.chapter + "more\r\n")
    }

    @Test func codeThatWouldCloseTheFenceIsRefencedAndUnknownIdsAreRefused() throws {
        let folder = try makeScratchFolder(["Chapters/01-sums.md": Self.chapter])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/Chapters/01-sums.md"
        _ = try ExerciseEdit.save(path: path, id: "sum", code: "let s = 1\n```\n```swift\nprint(2)\n",
                                  expectedVersion: ExerciseEdit.version(of: path))
        let chapter = try Workbook.loadChapter(path)
        #expect(chapter.cells.count == 3)
        #expect(chapter.cells[0].code == "let s = 1\n```\n```swift\nprint(2)\n")
        #expect(readText(path)!.contains("````swift exercise id=sum\r\nlet s = 1\r\n```\r\n```swift\r\nprint(2)\r\n````\r\n"))
        #expect(throws: WorkbookError.self) {
            try ExerciseEdit.save(path: path, id: "nope", code: "x\n", expectedVersion: ExerciseEdit.version(of: path))
        }
    }

    /// The instructor edits the reference answer in the page: only the solution block changes.
    @Test func theSolutionBlockIsSavedWhenAskedAndAnExerciseWithoutOneIsRefused() throws {
        let noSolution = "# S\n\n```swift exercise id=alone\nlet a = 1\n```\n\n```swift check id=alone\nexpectEqual(a, 1)\n```\n"
        let folder = try makeScratchFolder(["Chapters/01-sums.md": Self.chapter, "Chapters/02-alone.md": noSolution])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/Chapters/01-sums.md"
        _ = try ExerciseEdit.save(path: path, id: "sum", code: "func total() -> Int { 1 + 2 + 3 }\n",
                                  expectedVersion: ExerciseEdit.version(of: path), block: .solution)
        #expect(readText(path) == Self.chapter.replacingOccurrences(
            of: "func total() -> Int { 6 }\r\n", with: "func total() -> Int { 1 + 2 + 3 }\r\n"))
        let alone = "\(folder)/Chapters/02-alone.md"
        #expect(throws: WorkbookError.self) {
            try ExerciseEdit.save(path: alone, id: "alone", code: "let a = 2\n",
                                  expectedVersion: ExerciseEdit.version(of: alone), block: .solution)
        }
        #expect(readText(alone) == noSolution)
    }
}

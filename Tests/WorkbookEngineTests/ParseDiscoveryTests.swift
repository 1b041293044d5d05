import Foundation
import Testing
@testable import WorkbookEngine

@Suite struct ParseDiscoveryTests {
    private func makeFolder(_ names: [String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("wb-discovery-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in names { try Data("# \(name)\n".utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name)")) }
        return folder
    }

    @Test func folderExpandsToMarkdownFilesByName() throws {
        let folder = try makeFolder(["10-last.md", "02-second.md", "01-first.md", "notes.txt", ".hidden.md"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try ChapterDiscovery.chapterFiles(for: [folder]) ==
            ["\(folder)/01-first.md", "\(folder)/02-second.md", "\(folder)/10-last.md"])
        #expect(try ChapterDiscovery.chapterFiles(for: [folder + "/"]) ==
            ["\(folder)/01-first.md", "\(folder)/02-second.md", "\(folder)/10-last.md"])
    }

    @Test func filesAreOrderedByNameAndListedOnce() throws {
        let folder = try makeFolder(["01-a.md", "02-b.md"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = try ChapterDiscovery.chapterFiles(for: ["\(folder)/02-b.md", folder, "\(folder)/01-a.md"])
        #expect(files == ["\(folder)/01-a.md", "\(folder)/02-b.md"])
    }

    @Test func missingPathIsAnError() {
        #expect(throws: WorkbookError("Chapters/nope.md: no such file or directory")) {
            try ChapterDiscovery.chapterFiles(for: ["Chapters/nope.md"])
        }
    }

    @Test func folderWithoutChaptersIsAnError() throws {
        let folder = try makeFolder(["readme.txt"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: WorkbookError("\(folder): no chapters (*.md) in this folder")) {
            try ChapterDiscovery.chapterFiles(for: [folder])
        }
    }
}

import Foundation
import Testing
@testable import WorkbookServer
import WorkbookEngine

/// The server's pure parts; the whole server is driven by Tests/Browser/book_test.py.
@Suite struct ServerTests {
    @Test func watcherSeesAddedChangedAndRemovedFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wb-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: "\(folder)/Data", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("a".utf8).write(to: URL(fileURLWithPath: "\(folder)/01-a.md"))
        let watcher = FileWatcher(folders: [folder], files: ["\(folder)/missing.toml"])
        let first = watcher.snapshot()
        #expect(FileWatcher.changes(from: first, to: watcher.snapshot()).isEmpty)
        try Data("ab".utf8).write(to: URL(fileURLWithPath: "\(folder)/01-a.md"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: "\(folder)/Data/x.csv"))
        let second = watcher.snapshot()
        #expect(FileWatcher.changes(from: first, to: second) == ["\(folder)/01-a.md", "\(folder)/Data/x.csv"])
        try FileManager.default.removeItem(atPath: "\(folder)/Data/x.csv")
        #expect(FileWatcher.changes(from: second, to: watcher.snapshot()) == ["\(folder)/Data/x.csv"])
        // Editors' temporary files (dot files) are not changes.
        try Data("t".utf8).write(to: URL(fileURLWithPath: "\(folder)/.01-a.md.swp"))
        #expect(FileWatcher.changes(from: second, to: watcher.snapshot()) == ["\(folder)/Data/x.csv"])
    }

    @Test func contentTypes() {
        #expect(BookServer.contentType("index.html") == "text/html; charset=utf-8")
        #expect(BookServer.contentType("assets/katex/fonts/KaTeX_Main-Regular.woff2") == "font/woff2")
        #expect(BookServer.contentType("assets/search-index.js") == "text/javascript; charset=utf-8")
    }

    /// One edit, one build: a Check that saved the file and the watcher that saw the same file
    /// share a build (they used to build, and run the chapter, twice); builds never overlap.
    @Test func oneBuildPerEditHoweverManyAskForIt() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wb-builder-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: "\(folder)/Chapters", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("# One\n\nProse.\n".utf8).write(to: URL(fileURLWithPath: "\(folder)/Chapters/01-one.md"))
        let builder = SiteBuilder(settings: .init(paths: ["\(folder)/Chapters"], siteDirectory: "\(folder)/Output/.serve",
                                                  options: RunOptions(), toolchain: try Toolchain.locate(), edition: .student),
                                  channel: LiveChannel(), watcher: FileWatcher(folders: ["\(folder)/Chapters"], files: []))
        #expect(await builder.rebuild() == nil)
        #expect(await builder.builds == 1)
        // Nothing changed: the build already made is the answer.
        #expect(await builder.rebuild() == nil)
        #expect(await builder.builds == 1)
        try Data("# One\n\nMore prose.\n".utf8).write(to: URL(fileURLWithPath: "\(folder)/Chapters/01-one.md"))
        async let first = builder.rebuild()
        async let second = builder.rebuild()
        _ = await (first, second)
        #expect(await builder.builds == 2)
        let page = try String(contentsOfFile: "\(folder)/Output/.serve/01-one.html", encoding: .utf8)
        #expect(page.contains("More prose."))
    }
}

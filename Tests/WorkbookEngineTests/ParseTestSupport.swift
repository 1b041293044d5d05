import Foundation
@testable import WorkbookEngine

/// Parses Markdown given inline, as the file `ch.md`.
func parseChapter(_ markdown: String, path: String = "ch.md") throws -> Chapter {
    try ChapterParser.parse(path: path, bytes: Array(markdown.utf8))
}

/// The error a chapter's parse throws, or nil when it parses.
func parseError(_ markdown: String, path: String = "ch.md") -> WorkbookError? {
    do {
        _ = try parseChapter(markdown, path: path)
        return nil
    } catch let error as WorkbookError {
        return error
    } catch {
        return WorkbookError("unexpected error type: \(error)")
    }
}

/// The HTML of every prose block, joined.
func proseHTML(_ chapter: Chapter) -> String {
    chapter.blocks.compactMap { block -> String? in
        if case .prose(let html) = block { return html }
        return nil
    }.joined()
}

/// A fixture under Tests/WorkbookEngineTests/Fixtures/parse/.
func parseFixturePath(_ name: String) -> String {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures/parse/\(name)").path
}
